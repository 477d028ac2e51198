"""Every finding code the checker can emit, with its default severity and title.

Codes are stable and never reused. Hard rules PTCE-E01..E09, E13 and E14 are fixed by the dossier contract.
This is the one place of every code's title: reports, call files (criteria/ cites each rule's
source, never its title), the README rules table and docs/finding-codes.md agree with it
(tests/test_titles.py).
"""

from __future__ import annotations

from msgspec import Struct

from ptce_check.findings import Finding, Path, Severity
from ptce_check.i18n import Text


class CodeInfo(Struct, frozen=True):
    severity: Severity
    title: Text


ERR, WARN = Severity.ERROR, Severity.WARNING

CODES: dict[str, CodeInfo] = {
    # The file cannot be read as a dossier: verdict `invalid`.
    "PTCE-F01": CodeInfo(ERR, Text("Erreur de syntaxe YAML", "YAML syntax error")),
    "PTCE-F02": CodeInfo(ERR, Text("Encodage non UTF-8", "Not UTF-8")),
    "PTCE-F03": CodeInfo(ERR, Text("Étiquette YAML explicite refusée", "Explicit YAML tag refused")),
    "PTCE-F04": CodeInfo(ERR, Text("Ancre ou alias YAML refusé", "YAML anchor or alias refused")),
    "PTCE-F05": CodeInfo(ERR, Text("Clé en double", "Duplicate key")),
    "PTCE-F06": CodeInfo(
        ERR, Text("Limite de taille, de profondeur ou de nœuds dépassée", "Size, depth or node limit exceeded")
    ),
    "PTCE-F07": CodeInfo(
        ERR,
        Text(
            "Le fichier n'est pas un dossier unique (mapping YAML)", "The file is not a single dossier (YAML mapping)"
        ),
    ),
    "PTCE-F08": CodeInfo(ERR, Text("Format absent ou inconnu", "Missing or unknown format")),
    "PTCE-F09": CodeInfo(ERR, Text("Appel inconnu", "Unknown call")),
    "PTCE-F10": CodeInfo(ERR, Text("Caractère de contrôle ou contenu binaire", "Control character or binary content")),
    "PTCE-F11": CodeInfo(ERR, Text("Clé non scalaire", "Non-scalar key")),
    "PTCE-F12": CodeInfo(ERR, Text("Fichier illisible", "Unreadable file")),
    "PTCE-F13": CodeInfo(ERR, Text("Erreur interne", "Internal error")),
    # Hard rules: their titles here, their parameters and legal sources in each call file (criteria/).
    "PTCE-E01": CodeInfo(
        ERR,
        Text(
            "Le pôle est une personne morale de droit privé (ou, si l'appel le permet, portée par une telle personne)",
            "The pole is a private-law legal person (or, where the call allows it, carried by one)",
        ),
    ),
    "PTCE-E02": CodeInfo(
        ERR, Text("Au moins trois membres personnes morales", "At least three members are legal persons")
    ),
    "PTCE-E03": CodeInfo(ERR, Text("Au moins une entreprise de l'ESS", "At least one ESS enterprise")),
    "PTCE-E04": CodeInfo(
        ERR,
        Text(
            "Au moins une entreprise hors ESS ou un groupement majoritairement hors ESS",
            "At least one non-ESS enterprise or a grouping with a non-ESS majority",
        ),
    ),
    "PTCE-E05": CodeInfo(
        ERR, Text("Au moins un autre partenaire de l'article 9", "At least one other article 9 partner")
    ),
    "PTCE-E06": CodeInfo(ERR, Text("Un territoire est défini", "A territory is defined")),
    "PTCE-E07": CodeInfo(
        ERR,
        Text(
            "Un projet socialement ou technologiquement innovant est décrit",
            "A socially or technologically innovative project is described",
        ),
    ),
    "PTCE-E08": CodeInfo(
        ERR,
        Text("Aucun soutien de l'État reçu lors d'un appel précédent", "No State support received in a previous call"),
    ),
    "PTCE-E09": CodeInfo(ERR, Text("Dossier déposé avant la date limite", "Submitted by the deadline")),
    "PTCE-E10": CodeInfo(ERR, Text("Part de chaque collectivité plafonnée", "Each local authority's share capped")),
    "PTCE-E11": CodeInfo(
        ERR, Text("Part de l'ensemble des collectivités plafonnée", "All local authorities' share capped")
    ),
    "PTCE-E12": CodeInfo(ERR, Text("Cofinancement par une collectivité", "Co-financing by a local authority")),
    "PTCE-E13": CodeInfo(
        ERR,
        Text(
            "Candidature en phase 2\u00a0: lauréat de la phase 1, ou phase 1 déposée en même temps",
            "Phase-2 application: phase-1 laureate, or phase 1 filed together",
        ),
    ),
    "PTCE-E14": CodeInfo(
        ERR, Text("Subvention demandée au plus au plafond de l'appel", "Requested grant within the call's ceiling")
    ),
    # Readable, but not of the dossier's shape: verdict `not_admissible`.
    "PTCE-S01": CodeInfo(ERR, Text("Clé obligatoire absente", "Required key missing")),
    "PTCE-S02": CodeInfo(ERR, Text("Clé inconnue", "Unknown key")),
    "PTCE-S03": CodeInfo(ERR, Text("Type de valeur incorrect", "Wrong value type")),
    "PTCE-S04": CodeInfo(ERR, Text("Valeur hors de la liste autorisée", "Value not allowed")),
    "PTCE-S05": CodeInfo(ERR, Text("Booléen invalide (true ou false)", "Invalid boolean (true or false)")),
    "PTCE-S06": CodeInfo(ERR, Text("Date invalide", "Invalid date")),
    "PTCE-S07": CodeInfo(ERR, Text("Nombre invalide", "Invalid number")),
    "PTCE-S08": CodeInfo(ERR, Text("Format de texte invalide", "Invalid text format")),
    "PTCE-S09": CodeInfo(ERR, Text("Valeur hors limites", "Value out of range")),
    # Data quality: consistent, well-formed data (errors unless stated).
    "PTCE-D01": CodeInfo(ERR, Text("Clé de contrôle SIREN invalide", "Invalid SIREN check digit")),
    "PTCE-D02": CodeInfo(ERR, Text("Clé de contrôle SIRET invalide", "Invalid SIRET check digit")),
    "PTCE-D03": CodeInfo(ERR, Text("SIRET et SIREN incohérents", "SIRET does not match SIREN")),
    "PTCE-D04": CodeInfo(ERR, Text("Code commune mal formé", "Malformed commune code")),
    "PTCE-D05": CodeInfo(ERR, Text("Code QPV mal formé", "Malformed QPV code")),
    "PTCE-D06": CodeInfo(ERR, Text("Code de zone d'emploi mal formé", "Malformed employment zone code")),
    "PTCE-D07": CodeInfo(ERR, Text("Nom de membre en double", "Duplicate member name")),
    "PTCE-D08": CodeInfo(ERR, Text("Membre de mutualisation inconnu", "Unknown mutualisation member")),
    "PTCE-D09": CodeInfo(ERR, Text("Budget non équilibré", "Budget not balanced")),
    "PTCE-D10": CodeInfo(
        ERR, Text("Subvention demandée différente de ses lignes", "Requested grant differs from its lines")
    ),
    "PTCE-D11": CodeInfo(ERR, Text("Montant négatif", "Negative amount")),
    "PTCE-D12": CodeInfo(ERR, Text("Années des montants incohérentes", "Amount years inconsistent")),
    "PTCE-D13": CodeInfo(
        ERR, Text("Chemin de pièce jointe hors du dossier", "Attachment path outside the dossier folder")
    ),
    "PTCE-D14": CodeInfo(ERR, Text("Pièce jointe introuvable", "Attachment not found")),
    "PTCE-D15": CodeInfo(ERR, Text("Membre de pièce jointe inconnu", "Unknown attachment member")),
    "PTCE-D16": CodeInfo(ERR, Text("Groupement d'entreprises incohérent", "Inconsistent enterprise grouping")),
    "PTCE-D17": CodeInfo(ERR, Text("Code en double", "Duplicate code")),
    # Warnings and notes: never block admissibility.
    "PTCE-W01": CodeInfo(WARN, Text("Agrément ESUS expiré", "ESUS approval expired")),
    # An observed range, not a rule of the call: a note (info) only.
    "PTCE-W02": CodeInfo(
        Severity.INFO,
        Text("Subvention hors de la fourchette connue de l'appel", "Grant outside the call's known range"),
    ),
    # The territory against the official reference data (quality/territory_reference.py).
    "PTCE-T01": CodeInfo(ERR, Text("Code commune inexistant", "Commune code does not exist")),
    "PTCE-T02": CodeInfo(WARN, Text("EPCI inconnu", "Unknown EPCI")),
    "PTCE-T03": CodeInfo(
        WARN, Text("Population déclarée éloignée de la population calculée", "Declared population far off")
    ),
    "PTCE-T04": CodeInfo(ERR, Text("Commune d'un membre inexistante", "Member's commune does not exist")),
    "PTCE-T05": CodeInfo(
        Severity.INFO, Text("Membre implanté hors du territoire", "Member seated outside the territory")
    ),
    "PTCE-T06": CodeInfo(
        WARN, Text("QPV hors des départements du territoire", "QPV outside the territory's départements")
    ),
    "PTCE-T07": CodeInfo(
        WARN, Text("Commune FRR hors du territoire", "Rural revitalisation commune outside the territory")
    ),
    "PTCE-T08": CodeInfo(
        WARN,
        Text("Commune fusionnée depuis (géographie antérieure)", "Commune merged since (older geography)"),
    ),
    "PTCE-T09": CodeInfo(WARN, Text("QPV absent de la liste fournie", "QPV not in the supplied list")),
    "PTCE-T10": CodeInfo(
        WARN,
        Text("Commune FRR absente de la liste fournie", "Rural revitalisation commune not in the supplied list"),
    ),
    "PTCE-T11": CodeInfo(
        WARN,
        Text(
            "Zone d'emploi absente de la liste fournie ou hors du territoire",
            "Employment zone not in the supplied list or outside the territory",
        ),
    ),
    "PTCE-T12": CodeInfo(
        WARN, Text("Code postal à la place d'un code commune", "Postcode where a commune code belongs")
    ),
}


def finding(code: str, path: Path, message: Text, hint: Text | None = None, at_key: bool = False) -> Finding:
    """A finding with the code's default severity (the data checks' and territory checks' findings)."""
    return Finding(code, CODES[code].severity, message, path, hint, at_key=at_key)
