"""Pydantic models of the dossier contract, format `ptce-dossier/1` (no scoring logic here).

Unknown keys are refused (`extra="forbid"`) except those starting with `x_`, which are the
applicant's own annotations: they are dropped before validation.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ptce_check.scalars import Amount, Bool, Day, Int, Moment, Percentage, Quantity, Year

FORMAT_ID = "ptce-dossier/1"

LegalForm = Literal[
    "association",
    "cooperative",
    "mutual",
    "mutual_insurance",
    "foundation",
    "endowment_fund",
    "commercial_company",
    "sole_proprietorship",
    "gie",
    "natural_person",
    "local_authority",
    "local_authority_grouping",
    "public_establishment",
    "gip",
    "state_service",
    "other_private",
    "other_public",
]
PoleLegalForm = Literal[
    "association",
    "cooperative",
    "mutual",
    "mutual_insurance",
    "foundation",
    "endowment_fund",
    "commercial_company",
    "sole_proprietorship",
    "gie",
    "natural_person",
    "local_authority",
    "local_authority_grouping",
    "public_establishment",
    "gip",
    "state_service",
    "other_private",
    "other_public",
    "none",
]
MemberCategory = Literal[
    "enterprise",
    "enterprise_grouping",
    "local_authority",
    "research",
    "higher_education",
    "training",
    "other",
]
MutualisationKind = Literal[
    "shared_jobs",
    "employer_group",
    "shared_premises",
    "group_purchasing",
    "shared_hr",
    "shared_equipment",
    "shared_services",
    "other",
]
Sector = Literal[
    "circular_economy",
    "eco_construction",
    "local_food",
    "renewable_energy",
    "personal_services",
    "business_services",
    "culture",
    "mobility",
    "digital",
    "other",
]
ExpenseCategory = Literal["staff", "animation", "investment", "services", "operations", "other"]
ResourceKind = Literal[
    "state_grant_requested",
    "state_other",
    "local_authority",
    "eu",
    "other_public",
    "private",
    "own_revenue",
    "in_kind",
]
AttachmentKind = Literal[
    "statutes",
    "commitment_letter",
    "partnership_agreement",
    "budget_table",
    "annual_report",
    "esus_approval",
    "other",
]


class Model(BaseModel):
    """Base of every dossier object: unknown keys refused, `x_…` keys set aside."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @model_validator(mode="before")
    @classmethod
    def _drop_annotations(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(isinstance(k, str) and k.startswith("x_") for k in data):
            return {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x_"))}
        return data


class Contact(Model):
    name: str
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
    phone: str | None = None


class Carrier(Model):
    name: str
    legal_form: LegalForm
    siren: str | None = None


class PreviousSupport(Model):
    call: str
    year: Year | None = None
    amount_eur: Amount | None = None


class Pole(Model):
    name: str
    legal_form: PoleLegalForm
    siren: str | None = None
    created_on: Day | None = None
    carrier: Carrier | None = None
    stage: Literal["emerging", "consolidating"]
    previous_state_support: list[PreviousSupport] | None = None
    contact: Contact


class Difficulties(Model):
    priority_neighbourhoods: list[str] | None = None
    rural_revitalisation_communes: list[str] | None = None
    deindustrialised: Bool | None = None
    unemployment_rate: Percentage | None = None
    notes: str | None = None


class Territory(Model):
    name: str
    communes: list[str] | None = None
    epcis: list[str] | None = None
    population: Int | None = None
    employment_zones: list[str] | None = None
    difficulties: Difficulties | None = None


class EsusApproval(Model):
    granted_on: Day


class Grouping(Model):
    members_total: Int
    members_ess: Int


class Member(Model):
    name: str
    legal_form: LegalForm
    category: MemberCategory
    siret: str | None = None
    siren: str | None = None
    commune: str | None = None
    ess_statutes: Bool | None = None
    esus_approval: EsusApproval | None = None
    grouping: Grouping | None = None
    headcount: Int | None = None
    turnover_eur: Amount | None = None
    commitment: Literal["letter", "agreement", "none"] | None = None
    role: Literal["founder", "member", "partner"] | None = None


class Governance(Model):
    bodies: list[str] | None = None
    charter_signed: Bool | None = None
    meetings_per_year: Int | None = None


class Mutualisation(Model):
    kind: MutualisationKind
    description: str
    members: list[str]


class Cooperation(Model):
    strategy: str
    governance: Governance | None = None
    mutualisations: list[Mutualisation] | None = None
    value_chain: str | None = None


class Innovation(Model):
    kind: Literal["social", "technological", "both"]
    description: str


class Activity(Model):
    title: str
    description: str | None = None


class Project(Model):
    title: str
    summary: str
    innovation: Innovation
    sectors: list[Sector] | None = None
    activities: list[Activity] | None = None
    ecological_transition: str | None = None


class Jobs(Model):
    horizon_years: Int = 3
    created_fte: Quantity
    consolidated_fte: Quantity | None = None
    insertion_paths: Int | None = None
    non_relocatable: Bool | None = None
    notes: str | None = None


class Expense(Model):
    label: str
    category: ExpenseCategory
    amounts: dict[Year, Amount]


class Resource(Model):
    label: str
    kind: ResourceKind
    funder: str | None = None
    amounts: dict[Year, Amount]


class Budget(Model):
    years: list[Year]
    expenses: list[Expense]
    resources: list[Resource]
    requested_grant_eur: Amount


class Attachment(Model):
    kind: AttachmentKind
    path: str
    member: str | None = None


class Dossier(Model):
    """A whole dossier, as the contract defines it."""

    format: Literal["ptce-dossier/1"]
    call: str
    submitted_at: Moment | None = None
    pole: Pole
    territory: Territory
    members: list[Member]
    cooperation: Cooperation
    project: Project
    jobs: Jobs
    budget: Budget
    attachments: list[Attachment] | None = None
