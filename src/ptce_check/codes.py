"""Every finding code the checker can emit, with its default severity and title.

Codes are stable and never reused. Hard rules PTCE-E01..E09 are fixed by the dossier contract;
their wording and sources live in the call files (criteria/), their titles here serve the
documentation and the machine reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptce_check.findings import Severity
from ptce_check.i18n import Text


@dataclass(frozen=True, slots=True)
class CodeInfo:
    severity: Severity
    title: Text
    family: str


ERR, WARN = Severity.ERROR, Severity.WARNING
READ, SHAPE, DATA, RULE, NOTE = "read", "shape", "data", "rule", "note"
TERRITORY = "territory"

CODES: dict[str, CodeInfo] = {
    # The file cannot be read as a dossier: verdict `invalid`.
    "PTCE-F01": CodeInfo(ERR, Text("Erreur de syntaxe YAML", "YAML syntax error"), READ),
    "PTCE-F02": CodeInfo(ERR, Text("Encodage non UTF-8", "Not UTF-8"), READ),
    "PTCE-F03": CodeInfo(ERR, Text("Étiquette YAML explicite refusée", "Explicit YAML tag refused"), READ),
    "PTCE-F04": CodeInfo(ERR, Text("Ancre ou alias YAML refusé", "YAML anchor or alias refused"), READ),
    "PTCE-F05": CodeInfo(ERR, Text("Clé en double", "Duplicate key"), READ),
    "PTCE-F06": CodeInfo(
        ERR, Text("Limite de taille, de profondeur ou de nœuds dépassée", "Size, depth or node limit exceeded"), READ
    ),
    "PTCE-F07": CodeInfo(
        ERR,
        Text(
            "Le fichier n'est pas un dossier unique (mapping YAML)", "The file is not a single dossier (YAML mapping)"
        ),
        READ,
    ),
    "PTCE-F08": CodeInfo(ERR, Text("Format absent ou inconnu", "Missing or unknown format"), READ),
    "PTCE-F09": CodeInfo(ERR, Text("Appel inconnu", "Unknown call"), READ),
    "PTCE-F10": CodeInfo(
        ERR, Text("Caractère de contrôle ou contenu binaire", "Control character or binary content"), READ
    ),
    "PTCE-F11": CodeInfo(ERR, Text("Clé non scalaire", "Non-scalar key"), READ),
    "PTCE-F12": CodeInfo(ERR, Text("Fichier illisible", "Unreadable file"), READ),
    "PTCE-F13": CodeInfo(ERR, Text("Erreur interne", "Internal error"), READ),
    # Hard rules: their wording and legal source are in each call file (criteria/).
    "PTCE-E01": CodeInfo(
        ERR, Text("Le pôle est une personne morale de droit privé", "The pole is a private-law legal person"), RULE
    ),
    "PTCE-E02": CodeInfo(
        ERR, Text("Au moins trois membres personnes morales", "At least three members are legal persons"), RULE
    ),
    "PTCE-E03": CodeInfo(ERR, Text("Au moins une entreprise de l'ESS", "At least one ESS enterprise"), RULE),
    "PTCE-E04": CodeInfo(ERR, Text("Au moins une entreprise hors ESS", "At least one non-ESS enterprise"), RULE),
    "PTCE-E05": CodeInfo(
        ERR, Text("Au moins un autre partenaire de l'article 9", "At least one other article 9 partner"), RULE
    ),
    "PTCE-E06": CodeInfo(ERR, Text("Un territoire est défini", "A territory is defined"), RULE),
    "PTCE-E07": CodeInfo(ERR, Text("Un projet innovant est décrit", "An innovative project is described"), RULE),
    "PTCE-E08": CodeInfo(
        ERR,
        Text("Aucun soutien de l'État reçu lors d'un appel précédent", "No State support received in a previous call"),
        RULE,
    ),
    "PTCE-E09": CodeInfo(ERR, Text("Dépôt avant la date limite", "Submitted by the deadline"), RULE),
    "PTCE-E10": CodeInfo(
        ERR, Text("Part de chaque collectivité plafonnée", "Each local authority's share capped"), RULE
    ),
    "PTCE-E11": CodeInfo(
        ERR, Text("Part de l'ensemble des collectivités plafonnée", "All local authorities' share capped"), RULE
    ),
    "PTCE-E12": CodeInfo(ERR, Text("Cofinancement par une collectivité", "Co-financing by a local authority"), RULE),
    # Readable, but not of the dossier's shape: verdict `not_admissible`.
    "PTCE-S01": CodeInfo(ERR, Text("Clé obligatoire absente", "Required key missing"), SHAPE),
    "PTCE-S02": CodeInfo(ERR, Text("Clé inconnue", "Unknown key"), SHAPE),
    "PTCE-S03": CodeInfo(ERR, Text("Type de valeur incorrect", "Wrong value type"), SHAPE),
    "PTCE-S04": CodeInfo(ERR, Text("Valeur hors de la liste autorisée", "Value not allowed"), SHAPE),
    "PTCE-S05": CodeInfo(ERR, Text("Booléen invalide (true ou false)", "Invalid boolean (true or false)"), SHAPE),
    "PTCE-S06": CodeInfo(ERR, Text("Date invalide", "Invalid date"), SHAPE),
    "PTCE-S07": CodeInfo(ERR, Text("Nombre invalide", "Invalid number"), SHAPE),
    "PTCE-S08": CodeInfo(ERR, Text("Format de texte invalide", "Invalid text format"), SHAPE),
    "PTCE-S09": CodeInfo(ERR, Text("Valeur hors limites", "Value out of range"), SHAPE),
    # Data quality: consistent, well-formed data (errors unless stated).
    "PTCE-D01": CodeInfo(ERR, Text("Clé de contrôle SIREN invalide", "Invalid SIREN check digit"), DATA),
    "PTCE-D02": CodeInfo(ERR, Text("Clé de contrôle SIRET invalide", "Invalid SIRET check digit"), DATA),
    "PTCE-D03": CodeInfo(ERR, Text("SIRET et SIREN incohérents", "SIRET does not match SIREN"), DATA),
    "PTCE-D04": CodeInfo(ERR, Text("Code commune mal formé", "Malformed commune code"), DATA),
    "PTCE-D05": CodeInfo(ERR, Text("Code QPV mal formé", "Malformed QPV code"), DATA),
    "PTCE-D06": CodeInfo(ERR, Text("Code de zone d'emploi mal formé", "Malformed employment zone code"), DATA),
    "PTCE-D07": CodeInfo(ERR, Text("Nom de membre en double", "Duplicate member name"), DATA),
    "PTCE-D08": CodeInfo(ERR, Text("Membre de mutualisation inconnu", "Unknown mutualisation member"), DATA),
    "PTCE-D09": CodeInfo(ERR, Text("Budget non équilibré", "Budget not balanced"), DATA),
    "PTCE-D10": CodeInfo(
        ERR, Text("Subvention demandée différente de ses lignes", "Requested grant differs from its lines"), DATA
    ),
    "PTCE-D11": CodeInfo(ERR, Text("Montant négatif", "Negative amount"), DATA),
    "PTCE-D12": CodeInfo(ERR, Text("Années des montants incohérentes", "Amount years inconsistent"), DATA),
    "PTCE-D13": CodeInfo(
        ERR, Text("Chemin de pièce jointe hors du dossier", "Attachment path outside the dossier folder"), DATA
    ),
    "PTCE-D14": CodeInfo(ERR, Text("Pièce jointe introuvable", "Attachment not found"), DATA),
    "PTCE-D15": CodeInfo(ERR, Text("Membre de pièce jointe inconnu", "Unknown attachment member"), DATA),
    "PTCE-D16": CodeInfo(ERR, Text("Groupement d'entreprises incohérent", "Inconsistent enterprise grouping"), DATA),
    "PTCE-D17": CodeInfo(ERR, Text("Code en double", "Duplicate code"), DATA),
    # Warnings and notes: never block admissibility.
    "PTCE-W01": CodeInfo(WARN, Text("Agrément ESUS expiré", "ESUS approval expired"), NOTE),
    "PTCE-W02": CodeInfo(
        WARN, Text("Subvention hors de la fourchette connue de l'appel", "Grant outside the call's known range"), NOTE
    ),
    # The territory against the official reference data (quality/territory_reference.py).
    "PTCE-T01": CodeInfo(ERR, Text("Code commune inexistant", "Commune code does not exist"), TERRITORY),
    "PTCE-T02": CodeInfo(WARN, Text("EPCI inconnu", "Unknown EPCI"), TERRITORY),
    "PTCE-T03": CodeInfo(
        WARN, Text("Population déclarée éloignée de la population calculée", "Declared population far off"), TERRITORY
    ),
    "PTCE-T04": CodeInfo(ERR, Text("Commune d'un membre inexistante", "Member's commune does not exist"), TERRITORY),
    "PTCE-T05": CodeInfo(
        Severity.INFO, Text("Membre implanté hors du territoire", "Member seated outside the territory"), TERRITORY
    ),
    "PTCE-T06": CodeInfo(
        WARN, Text("QPV hors des départements du territoire", "QPV outside the territory's départements"), TERRITORY
    ),
    "PTCE-T07": CodeInfo(
        WARN, Text("Commune FRR hors du territoire", "Rural revitalisation commune outside the territory"), TERRITORY
    ),
    "PTCE-T08": CodeInfo(
        WARN,
        Text("Commune fusionnée depuis (géographie antérieure)", "Commune merged since (older geography)"),
        TERRITORY,
    ),
    "PTCE-T09": CodeInfo(WARN, Text("QPV absent de la liste fournie", "QPV not in the supplied list"), TERRITORY),
    "PTCE-T10": CodeInfo(
        WARN,
        Text("Commune FRR absente de la liste fournie", "Rural revitalisation commune not in the supplied list"),
        TERRITORY,
    ),
    "PTCE-T11": CodeInfo(
        WARN,
        Text(
            "Zone d'emploi absente de la liste fournie ou hors du territoire",
            "Employment zone not in the supplied list or outside the territory",
        ),
        TERRITORY,
    ),
}
