"""Pydantic models of the dossier contract, format `ptce-dossier/1` (no scoring logic here).

Unknown keys are refused (`extra="forbid"`) except those starting with `x_`, which are the
applicant's own annotations: they are dropped before validation.
"""

# Annotations stay evaluated (no `from __future__ import annotations`): Pydantic reads them as
# objects instead of evaluating strings when each model class is created.

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

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
    """Base of every dossier object: unknown keys refused. The applicant's `x_…` keys are set
    aside before validation (`drop_annotations`), in one pass over the document."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


def drop_annotations(data: Any) -> Any:
    """The data without its `x_…` keys, at any depth (only collections are walked)."""
    if isinstance(data, dict):
        return {
            k: drop_annotations(v) if isinstance(v, dict | list) else v
            for k, v in data.items()
            if not (isinstance(k, str) and k.startswith("x_"))
        }
    if isinstance(data, list):
        return [drop_annotations(item) if isinstance(item, dict | list) else item for item in data]
    return data


class Contact(Model):
    name: str = Field(description="Nom de la personne à contacter pour ce dossier.")
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s.]+$", description="Adresse électronique valide.")
    phone: str | None = Field(None, description="Téléphone, écrit comme du texte (entre guillemets).")


class Carrier(Model):
    name: str = Field(description="Nom de la structure porteuse.")
    legal_form: LegalForm = Field(description="Forme juridique de la structure porteuse.")
    siren: str | None = Field(None, description="SIREN de la structure porteuse\u00a0: 9 chiffres, clé de Luhn.")


class PreviousSupport(Model):
    call: str = Field(description="Appel PTCE précédent dont le pôle a été lauréat (ex. ptce-2013).")
    year: Year | None = Field(None, description="Année du soutien, sur 4 chiffres.")
    amount_eur: Amount | None = Field(None, description="Montant reçu, en euros.")


class AmiPhase1(Model):
    status: Literal["laureate", "filed_together", "none"] = Field(
        description=(
            "Situation en phase 1 de l'AMI « PTCE émergents »\u00a0: laureate (lauréat), filed_together "
            "(phase 1 déposée en même temps que cette candidature en phase 2) ou none (ni l'un ni l'autre)."
        )
    )
    year: Year | None = Field(
        None, description="Année de la décision de phase 1, sur 4 chiffres\u00a0; requise avec laureate."
    )


class Pole(Model):
    name: str = Field(description="Nom du pôle.")
    legal_form: PoleLegalForm = Field(
        description="Forme juridique de la structure du pôle\u00a0; none "
        "s'il n'a pas de personnalité morale (voir carrier)."
    )
    siren: str | None = Field(None, description="SIREN du pôle\u00a0: 9 chiffres, clé de Luhn.")
    created_on: Day | None = Field(None, description="Date de création (AAAA-MM-JJ).")
    carrier: Carrier | None = Field(
        None, description="Structure qui porte le pôle lorsqu'il n'a pas de personnalité morale (legal_form: none)."
    )
    stage: Literal["emerging", "consolidating"] = Field(
        description="Stade du pôle\u00a0: emerging (en émergence, en construction) ou consolidating (en consolidation)."
    )
    previous_state_support: list[PreviousSupport] | None = Field(
        None,
        description="Soutiens de l'État déjà reçus lors d'un appel PTCE précédent\u00a0; vide ou absent\u00a0: aucun.",
    )
    contact: Contact = Field(description="Personne à contacter.")
    ami_phase1: AmiPhase1 | None = Field(
        None, description="Situation du pôle en phase 1 de l'AMI « PTCE émergents » (appels AMI 2021 à 2023)."
    )
    staff_fte: Quantity | None = Field(
        None, description="Salariés propres du pôle (animation, coordination), en équivalents temps plein."
    )
    revenue_eur: Amount | None = Field(
        None,
        description="Recettes propres du pôle au dernier exercice clos (ventes, prestations, cotisations), en euros.",
    )


class Difficulties(Model):
    priority_neighbourhoods: list[str] | None = Field(
        None, description="Quartiers prioritaires de la politique de la ville (codes QPV\u00a0: QP026003, QN02601N)."
    )
    rural_revitalisation_communes: list[str] | None = Field(
        None, description="Communes en zone de revitalisation rurale (ZRR, France Ruralités Revitalisation)."
    )
    deindustrialised: Bool | None = Field(None, description="Le bassin est désindustrialisé (preuves dans notes).")
    unemployment_rate: Percentage | None = Field(None, description="Dernier taux de chômage de la zone, en %.")
    notes: str | None = Field(None, description="Éléments qui étayent les difficultés déclarées.")


class Territory(Model):
    name: str = Field(description="Nom du territoire d'activité.")
    communes: list[str] | None = Field(
        None, description="Codes communes INSEE (COG) du périmètre, 5 caractères\u00a0: 38563, 2A004, 97411."
    )
    epcis: list[str] | None = Field(None, description="SIREN des intercommunalités (EPCI) concernées.")
    population: Int | None = Field(None, description="Population déclarée du territoire.")
    employment_zones: list[str] | None = Field(None, description="Codes des zones d'emploi INSEE (4 caractères).")
    difficulties: Difficulties | None = Field(None, description="Difficultés du territoire.")


class EsusApproval(Model):
    granted_on: Day = Field(description="Date d'obtention de l'agrément ESUS (valable cinq ans).")


class Grouping(Model):
    members_total: Int = Field(description="Nombre d'entreprises membres du groupement.")
    members_ess: Int = Field(description="Nombre d'entre elles qui sont des entreprises de l'ESS.")


class Member(Model):
    name: str = Field(description="Nom du membre, unique dans le dossier.")
    legal_form: LegalForm = Field(description="Forme juridique du membre.")
    category: MemberCategory = Field(description="Rôle du membre au sens de l'article 9 de la loi 2014-856.")
    siret: str | None = Field(None, description="SIRET de l'établissement\u00a0: 14 chiffres, clé de Luhn.")
    siren: str | None = Field(None, description="SIREN\u00a0: 9 chiffres, clé de Luhn.")
    commune: str | None = Field(None, description="Code commune INSEE du siège du membre.")
    ess_statutes: Bool | None = Field(
        None, description="Société commerciale dont les statuts remplissent l'art. 1 II 2° de la loi 2014-856 (ESS)."
    )
    esus_approval: EsusApproval | None = Field(None, description="Agrément « entreprise solidaire d'utilité sociale ».")
    grouping: Grouping | None = Field(
        None, description="Effectifs du groupement\u00a0; obligatoire pour la catégorie enterprise_grouping."
    )
    headcount: Int | None = Field(None, description="Effectif salarié.")
    turnover_eur: Amount | None = Field(None, description="Chiffre d'affaires, en euros.")
    commitment: Literal["letter", "agreement", "none"] | None = Field(
        None, description="Engagement signé\u00a0: letter (lettre), agreement (convention) ou none."
    )
    role: Literal["founder", "member", "partner"] | None = Field(
        None, description="Rôle dans le pôle\u00a0: founder (fondateur), member (membre) ou partner (partenaire)."
    )


class Governance(Model):
    bodies: list[str] | None = Field(None, description="Instances de gouvernance (comité de pilotage…).")
    charter_signed: Bool | None = Field(None, description="Une charte de coopération est signée.")
    meetings_per_year: Int | None = Field(None, description="Nombre de réunions par an.")


class Mutualisation(Model):
    kind: MutualisationKind = Field(description="Nature de la mutualisation.")
    description: str = Field(description="Ce qui est mis en commun, et comment.")
    members: list[str] = Field(description="Noms des membres concernés (tels qu'écrits dans members).")


class Cooperation(Model):
    strategy: str = Field(description="La stratégie commune et continue de coopération.")
    governance: Governance | None = Field(None, description="Gouvernance partagée.")
    mutualisations: list[Mutualisation] | None = Field(None, description="Moyens mutualisés entre membres.")
    value_chain: str | None = Field(None, description="Comment la coopération forme une offre commune ou une filière.")


class Innovation(Model):
    kind: Literal["social", "technological", "both"] = Field(
        description="Nature de l'innovation\u00a0: social, technological ou both."
    )
    description: str = Field(description="En quoi le projet est socialement ou technologiquement innovant.")


class Activity(Model):
    title: str = Field(description="Intitulé de l'activité.")
    description: str | None = Field(None, description="Description de l'activité.")


class Indicator(Model):
    name: str = Field(description="Intitulé de l'indicateur de résultat (ex. emplois créés, tonnes réemployées).")
    baseline: Quantity | None = Field(None, description="Valeur de départ, mesurée au dépôt.")
    target: Quantity | None = Field(None, description="Valeur visée à la fin du projet.")
    unit: str | None = Field(None, description="Unité de l'indicateur (ETP, tonnes, personnes…).")


class Evaluation(Model):
    method: str | None = Field(
        None, description="Comment les résultats seront évalués\u00a0: qui, quand, avec quelles données."
    )
    indicators: list[Indicator] | None = Field(None, description="Indicateurs de résultat suivis.")


class Project(Model):
    title: str = Field(description="Titre du projet.")
    summary: str = Field(description="Résumé du projet économique.")
    innovation: Innovation = Field(description="L'innovation du projet.")
    sectors: list[Sector] | None = Field(None, description="Secteurs d'activité du projet.")
    activities: list[Activity] | None = Field(None, description="Activités à créer ou à développer.")
    ecological_transition: str | None = Field(None, description="Contribution à la transition écologique et sociale.")
    evaluation: Evaluation | None = Field(
        None, description="Évaluation des résultats\u00a0: méthode et indicateurs, avec valeur de départ et cible."
    )


class Jobs(Model):
    horizon_years: Int = Field(3, description="Horizon des prévisions d'emploi, en années (3 par défaut).")
    created_fte: Quantity = Field(description="Emplois créés sur l'horizon, en équivalents temps plein.")
    consolidated_fte: Quantity | None = Field(None, description="Emplois existants consolidés, en ETP.")
    insertion_paths: Int | None = Field(None, description="Personnes en parcours d'insertion par l'activité.")
    non_relocatable: Bool | None = Field(None, description="Les emplois créés sont non délocalisables.")
    notes: str | None = Field(None, description="Précisions sur les emplois.")


class Expense(Model):
    label: str = Field(description="Intitulé de la dépense.")
    category: ExpenseCategory = Field(description="Catégorie de la dépense.")
    amounts: dict[Year, Amount] = Field(description="Montant par année (2015: 60000), en euros.")


class Resource(Model):
    label: str = Field(description="Intitulé de la ressource.")
    kind: ResourceKind = Field(
        description="Nature de la ressource\u00a0; state_grant_requested\u00a0: la subvention demandée à cet appel."
    )
    funder: str | None = Field(None, description="Financeur (nom d'un membre quand c'en est un).")
    amounts: dict[Year, Amount] = Field(description="Montant par année (2015: 60000), en euros.")


class Budget(Model):
    years: list[Year] = Field(description="Années du budget prévisionnel (ex. [2015, 2016, 2017]).")
    expenses: list[Expense] = Field(description="Dépenses prévues.")
    resources: list[Resource] = Field(description="Ressources prévues\u00a0; chaque année doit être équilibrée.")
    requested_grant_eur: Amount = Field(
        description="Subvention totale demandée à l'appel\u00a0: la somme des lignes state_grant_requested."
    )


class Attachment(Model):
    kind: AttachmentKind = Field(description="Nature de la pièce jointe.")
    path: str = Field(description="Chemin du fichier, relatif au répertoire du dossier, sans en sortir.")
    member: str | None = Field(None, description="Membre concerné (nom tel qu'écrit dans members).")


class Dossier(Model):
    """A whole dossier, as the contract defines it."""

    format: Literal["ptce-dossier/1"] = Field(description="Identifiant et version du format\u00a0: ptce-dossier/1.")
    call: str = Field(
        description="Appel visé\u00a0: ptce-2013, ptce-2015, ami-2021 … ami-2025 (un fichier de criteria/)."
    )
    submitted_at: Moment | None = Field(
        None, description="Date (ou date et heure) de dépôt, comparée à la date limite de l'appel."
    )
    pole: Pole = Field(description="Le PTCE lui-même, le candidat.")
    territory: Territory = Field(description="Le territoire d'activité.")
    members: list[Member] = Field(description="Chaque organisation ou personne membre du pôle.")
    cooperation: Cooperation = Field(description="Stratégie commune, gouvernance, moyens mutualisés.")
    project: Project = Field(description="Le projet économique et son innovation.")
    jobs: Jobs = Field(description="Emplois créés ou consolidés sur l'horizon du projet.")
    budget: Budget = Field(description="Budget prévisionnel de l'action soutenue.")
    attachments: list[Attachment] | None = Field(
        None, description="Pièces justificatives\u00a0; chemins relatifs au répertoire du dossier."
    )
