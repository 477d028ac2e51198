"""French descriptions of the dossier's enum values, shown by an editor beside each value it
suggests (`enumDescriptions`, `markdownEnumDescriptions` of the JSON Schema).

One table per enumeration of `ptce_check.dossier`; the schema generator finds each enum's table by
its values, and tests/test_schema.py checks that every value of every enum has a description."""

from __future__ import annotations

VALUE_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "legal_form": {
        "association": "Association loi 1901 (ou de droit local).",
        "cooperative": "Coopérative\u00a0: SCOP, SCIC, CAE, coopérative d'activité…",
        "mutual": "Mutuelle (Code de la mutualité).",
        "mutual_insurance": "Société d'assurance mutuelle (Code des assurances).",
        "foundation": "Fondation.",
        "endowment_fund": "Fonds de dotation.",
        "commercial_company": "Société commerciale (SA, SAS, SARL…)\u00a0; de l'ESS avec `ess_statutes: true`.",
        "sole_proprietorship": "Entreprise individuelle.",
        "gie": "Groupement d'intérêt économique (GIE).",
        "natural_person": "Personne physique.",
        "local_authority": "Collectivité territoriale\u00a0: commune, département, région.",
        "local_authority_grouping": "Groupement de collectivités\u00a0: EPCI, syndicat mixte…",
        "public_establishment": "Établissement public.",
        "gip": "Groupement d'intérêt public (GIP).",
        "state_service": "Service de l'État.",
        "other_private": "Autre personne morale de droit privé.",
        "other_public": "Autre personne morale de droit public.",
        "none": "Aucune\u00a0: le pôle n'a pas de personnalité "
        "morale\u00a0; une structure porteuse (`carrier`) le porte.",
    },
    "category": {
        "enterprise": "Entreprise, dont les entreprises de l'ESS.",
        "enterprise_grouping": "Groupement d'entreprises (effectifs dans `grouping`).",
        "local_authority": "Collectivité territoriale ou groupement de collectivités.",
        "research": "Organisme de recherche.",
        "higher_education": "Établissement d'enseignement supérieur.",
        "training": "Organisme de formation.",
        "other": "Autre personne physique ou morale.",
    },
    "stage": {
        "emerging": "En émergence\u00a0: le pôle se construit.",
        "consolidating": "En consolidation\u00a0: le pôle existe et se développe.",
    },
    "commitment": {
        "letter": "Lettre d'engagement signée.",
        "agreement": "Convention signée.",
        "none": "Aucun engagement signé.",
    },
    "role": {
        "founder": "Membre fondateur.",
        "member": "Membre.",
        "partner": "Partenaire.",
    },
    "mutualisation_kind": {
        "shared_jobs": "Emplois partagés.",
        "employer_group": "Groupement d'employeurs.",
        "shared_premises": "Locaux partagés.",
        "group_purchasing": "Achats groupés.",
        "shared_hr": "Gestion des ressources humaines en commun.",
        "shared_equipment": "Équipements partagés.",
        "shared_services": "Services partagés.",
        "other": "Autre moyen mis en commun.",
    },
    "innovation_kind": {
        "social": "Innovation sociale.",
        "technological": "Innovation technologique.",
        "both": "Innovation sociale et technologique.",
    },
    "sector": {
        "circular_economy": "Économie circulaire\u00a0: réemploi, réparation, recyclage.",
        "eco_construction": "Écoconstruction.",
        "local_food": "Alimentation locale, circuits courts.",
        "renewable_energy": "Énergies renouvelables.",
        "personal_services": "Services à la personne.",
        "business_services": "Services aux entreprises.",
        "culture": "Culture.",
        "mobility": "Mobilité.",
        "digital": "Numérique.",
        "other": "Autre secteur.",
    },
    "expense_category": {
        "staff": "Personnel\u00a0: salaires et charges.",
        "animation": "Animation du pôle.",
        "investment": "Investissement.",
        "services": "Prestations de services.",
        "operations": "Fonctionnement.",
        "other": "Autre dépense.",
    },
    "resource_kind": {
        "state_grant_requested": "Subvention demandée à cet appel.",
        "state_other": "Autre financement de l'État.",
        "local_authority": "Financement d'une collectivité territoriale.",
        "eu": "Fonds européens.",
        "other_public": "Autre financement public.",
        "private": "Financement privé\u00a0: fondations, entreprises, mécénat.",
        "own_revenue": "Recettes propres\u00a0: ventes, prestations, cotisations.",
        "in_kind": "Contributions en nature (valorisées).",
    },
    "attachment_kind": {
        "statutes": "Statuts.",
        "commitment_letter": "Lettre d'engagement d'un membre.",
        "partnership_agreement": "Convention de partenariat.",
        "budget_table": "Tableau budgétaire.",
        "annual_report": "Rapport d'activité.",
        "esus_approval": "Agrément ESUS.",
        "other": "Autre pièce.",
    },
    "ami_phase1_status": {
        "laureate": "Lauréat de la phase 1 de l'AMI (année dans `year`).",
        "filed_together": "Phase 1 déposée en même temps que cette candidature en phase 2.",
        "none": "Ni lauréat ni déposé en phase 1.",
    },
}


def descriptions_for(values: list[object]) -> dict[str, str] | None:
    """The table that describes every one of `values`: the smallest that does, None when none does."""
    fitting = [table for table in VALUE_DESCRIPTIONS.values() if all(value in table for value in values)]
    return min(fitting, key=len) if fitting else None
