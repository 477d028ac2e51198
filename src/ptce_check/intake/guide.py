"""The form as a guide for the funder who sets the procedure up: field by field, with each list's options."""

from __future__ import annotations

from ptce_check.i18n import Lang, Text
from ptce_check.intake.columns import SUBMITTED_COLUMN
from ptce_check.intake.form import BUDGET_YEAR_COLUMNS, REFERENCE_FORM, Form, FormField, sheet_name
from ptce_check.textsafe import escape_markdown

#: The démarches-simplifiées field type to choose for each form type.
_PLATFORM_TYPES: dict[str, Text] = {
    "text": Text("Texte court", "Short text"),
    "textarea": Text("Texte long", "Long text"),
    "integer": Text("Nombre entier", "Whole number"),
    "number": Text("Nombre décimal", "Decimal number"),
    "date": Text("Date", "Date"),
    "datetime": Text("Date et heure", "Date and time"),
    "yes_no": Text("Oui/Non", "Yes/No"),
    "drop_down": Text("Choix simple", "Single choice"),
    "multiple_drop_down": Text("Choix multiple", "Multiple choice"),
    "siret": Text("SIRET", "SIRET"),
    "list": Text(
        "Texte court\u00a0: valeurs séparées par « , » ou une par ligne",
        "Short text: values separated by ', ' or one per line",
    ),
}
_T = {
    "title": Text("Formulaire de référence d'un appel PTCE", "Reference form of a PTCE call"),
    "intro": Text(
        "Créez dans la démarche un champ par ligne ci-dessous, avec ce libellé exact et ce type\u00a0; les blocs "
        "répétables sont des champs « Bloc répétable » contenant leurs champs. `ptce-check import` lit alors "
        "l'export XLSX ou ODS (feuille Dossiers et une feuille par bloc). La date de dépôt vient de la colonne "
        f"« {SUBMITTED_COLUMN} » de l'export\u00a0; l'appel visé se donne avec --call. Les montants du budget "
        "s'écrivent par année\u00a0: « année 1 » est la première "
        f"des « Années du budget » ({BUDGET_YEAR_COLUMNS} au plus).",
        "Create one field in the procedure per line below, with this exact label and type; repeatable blocks are "
        "'Repeatable block' fields holding their fields. `ptce-check import` then reads the XLSX or ODS export "
        "(sheet Dossiers and one sheet per block). The submission date comes from the export's "
        f"'{SUBMITTED_COLUMN}' column; the call is given with --call. Budget amounts are per year: 'year 1' is "
        f"the first of the budget years ({BUDGET_YEAR_COLUMNS} at most).",
    ),
    "main": Text("Champs du dossier", "Dossier fields"),
    "block": Text(
        "Bloc répétable « {label} » (feuille « {sheet} », chemin `{path}`)",
        "Repeatable block '{label}' (sheet '{sheet}', path `{path}`)",
    ),
    "header": Text(
        "| Libellé | Type | Obligatoire | Chemin du dossier |", "| Label | Type | Required | Dossier path |"
    ),
    "options": Text("Options des listes", "Options of the lists"),
    "yes": Text("oui", "yes"),
    "no": Text("non", "no"),
}


def _table(fields: tuple[FormField, ...], lang: Lang) -> list[str]:
    lines = [_T["header"].get(lang), "|---|---|---|---|"]
    for field in fields:
        required = _T["yes" if field.required else "no"].get(lang)
        kind = _PLATFORM_TYPES[field.type].get(lang)
        lines.append(f"| {escape_markdown(field.label)} | {kind} | {required} | `{field.path}` |")
    return lines


def _options(form: Form, lang: Lang) -> list[str]:
    lines = ["", f"## {_T['options'].get(lang)}"]
    for field in form.fields:
        if field.options:
            lines += ["", f"### {escape_markdown(field.label)} (`{field.path}`)", ""]
            lines += [f"- {escape_markdown(option.label)} → `{option.value}`" for option in field.options]
    return lines


def form_markdown(lang: Lang = "fr", form: Form = REFERENCE_FORM) -> str:
    """The guide in Markdown: the fields of the Dossiers sheet, each block's, then every list's options."""
    lines = [f"# {_T['title'].get(lang)}", "", _T["intro"].get(lang), "", f"## {_T['main'].get(lang)}", ""]
    lines += _table(form.fields_of(None), lang)
    for block in form.blocks:
        heading = _T["block"].format(label=escape_markdown(block.label), sheet=sheet_name(block.label), path=block.path)
        lines += ["", f"## {heading.get(lang)}", ""]
        lines += _table(form.fields_of(block.id), lang)
    lines += _options(form, lang)
    return "\n".join(lines) + "\n"
