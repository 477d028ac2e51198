"""The summary, funding and conflicts of a batch as labelled facts and as JSON data, shared by
the formats so that each says the same thing."""

from __future__ import annotations

from typing import Any

from ptce_check.i18n import Lang, Text
from ptce_check.money import euros
from ptce_check.screening.batch import BatchResult
from ptce_check.screening.conflicts import Conflict

#: The report's title and the decision table's heading, the same in every batch format.
TITLE = Text("Examen des dossiers PTCE", "PTCE dossier screening")
DECISION_TABLE = Text("Tableau de décision", "Decision table")

CONFLICT_TEXT = {
    "pole_siren": Text("même SIREN de pôle", "same pole SIREN"),
    "pole_name": Text("même nom de pôle", "same pole name"),
    "member_siret": Text("SIRET de membre dans plusieurs dossiers", "member SIRET in several dossiers"),
}
CONFLICT_LINE = Text("{kind} « {value} » : {files}", "{kind} '{value}': {files}")
SECTIONS = {
    "summary": Text("Synthèse", "Summary"),
    "funding": Text("Simulation de l'enveloppe", "Envelope simulation"),
    "conflicts": Text("Doublons et conflits", "Duplicates and conflicts"),
    "skipped": Text("Entrées ignorées", "Skipped entries"),
}
LABELS = {
    "files": Text("Dossiers examinés", "Files screened"),
    "admissible": Text("Recevables", "Admissible"),
    "not_admissible": Text("Non recevables", "Not admissible"),
    "invalid": Text("Illisibles (invalides)", "Invalid"),
    "skipped": Text("Entrées ignorées", "Entries skipped"),
    "quartiles": Text("Scores min / Q1 / médiane / Q3 / max", "Scores min / Q1 / median / Q3 / max"),
    "blocking": Text("Motifs bloquants les plus fréquents", "Most frequent blocking rules"),
    "requested_total": Text("Subventions demandées (toutes)", "Grants requested (all)"),
    "requested_admissible": Text("Subventions demandées (recevables)", "Grants requested (admissible)"),
    "envelope": Text("Enveloppe", "Envelope"),
    "budget": Text("Budget simulé", "Simulated budget"),
    "funded": Text("Dossiers financés", "Dossiers funded"),
    "cutoff": Text("Score de coupure", "Cut-off score"),
    "remaining": Text("Reste", "Left"),
    "unfunded": Text("Recevables non financés", "Admissible not funded"),
}

Lines = list[tuple[str, str]]


def _labelled(lang: Lang, facts: list[tuple[str, str]]) -> Lines:
    """(label key, value) pairs with their labels in `lang`."""
    return [(LABELS[key].get(lang), value) for key, value in facts]


def summary_lines(result: BatchResult, lang: Lang) -> Lines:
    s = result.summary
    facts = [
        ("files", str(s.files)),
        ("admissible", str(s.admissible)),
        ("not_admissible", str(s.not_admissible)),
        ("invalid", str(s.invalid)),
    ]
    if s.skipped:
        facts.append(("skipped", str(s.skipped)))
    if s.quartiles is not None:
        facts.append(("quartiles", " / ".join(f"{v:g}" for v in s.quartiles)))
    if s.blocking:
        facts.append(("blocking", ", ".join(f"{code} ({count})" for code, count in s.blocking)))
    facts.append(("requested_total", euros(s.requested_total_eur).get(lang)))
    facts.append(("requested_admissible", euros(s.requested_admissible_eur).get(lang)))
    if s.envelope_eur is not None:
        facts.append(("envelope", euros(s.envelope_eur).get(lang)))
    return _labelled(lang, facts)


def funding_lines(result: BatchResult, lang: Lang) -> Lines:
    funding = result.funding
    if funding is None:
        note = result.funding_note.get(lang) if result.funding_note else ""
        return [(SECTIONS["funding"].get(lang), note)]
    cutoff = f"{funding.cutoff_score:g}" if funding.cutoff_score is not None else "—"
    facts = [
        ("budget", euros(funding.budget_eur).get(lang)),
        ("funded", str(len(funding.funded))),
        ("cutoff", cutoff),
        ("remaining", euros(funding.remaining_eur).get(lang)),
        ("unfunded", str(len(funding.unfunded))),
    ]
    return _labelled(lang, facts)


def sections(result: BatchResult, lang: Lang) -> list[tuple[str, Lines]]:
    """The batch's facts as titled sections of (label, value) lines; an empty label means the
    line is a value alone. Every batch format shows the same sections in this order."""
    found = [("summary", summary_lines(result, lang)), ("funding", funding_lines(result, lang))]
    if result.conflicts:
        found.append(("conflicts", [("", conflict_text(c, lang)) for c in result.conflicts]))
    if result.skipped:
        found.append(("skipped", [("", f"{path} : {reason.get(lang)}") for path, reason in result.skipped]))
    return [(SECTIONS[key].get(lang), lines) for key, lines in found]


def conflict_text(conflict: Conflict, lang: Lang) -> str:
    kind, files = CONFLICT_TEXT[conflict.kind].get(lang), ", ".join(conflict.dossiers)
    return CONFLICT_LINE.format(kind=kind, value=conflict.value, files=files).get(lang)


def summary_data(result: BatchResult) -> dict[str, Any]:
    s = result.summary
    funding = result.funding
    return {
        "files": s.files,
        "admissible": s.admissible,
        "not_admissible": s.not_admissible,
        "invalid": s.invalid,
        "skipped": [{"path": str(path), "reason": reason.en} for path, reason in result.skipped],
        "score_quartiles": list(s.quartiles) if s.quartiles else None,
        "blocking_rules": [{"code": code, "dossiers": count} for code, count in s.blocking],
        "requested_total_eur": round(s.requested_total_eur, 2),
        "requested_admissible_eur": round(s.requested_admissible_eur, 2),
        "envelope_eur": s.envelope_eur,
        "criteria_averages": dict(s.criteria_averages),
        "funding": None
        if funding is None
        else {
            "budget_eur": funding.budget_eur,
            "funded": [row.dossier for row in funding.funded],
            "cutoff_score": funding.cutoff_score,
            "remaining_eur": funding.remaining_eur,
            "unfunded_admissible": [row.dossier for row in funding.unfunded],
        },
        "conflicts": [{"kind": c.kind, "value": c.value, "dossiers": list(c.dossiers)} for c in result.conflicts],
        "ranking": [row.dossier for row in result.rows],
    }
