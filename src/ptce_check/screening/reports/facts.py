"""The summary, funding and conflicts of a batch as labelled facts and as JSON data, shared by
the formats so that each says the same thing."""

from __future__ import annotations

from typing import Any

from ptce_check.i18n import Lang, Text
from ptce_check.money import euros
from ptce_check.screening.batch import BatchResult
from ptce_check.screening.conflicts import Conflict

CONFLICT_TEXT = {
    "pole_siren": Text("même SIREN de pôle", "same pole SIREN"),
    "pole_name": Text("même nom de pôle", "same pole name"),
    "member_siret": Text("SIRET de membre dans plusieurs dossiers", "member SIRET in several dossiers"),
}


def summary_lines(result: BatchResult, lang: Lang) -> list[tuple[str, str]]:
    s = result.summary
    fr = lang == "fr"
    lines = [
        ("Dossiers examinés" if fr else "Files screened", str(s.files)),
        ("Recevables" if fr else "Admissible", str(s.admissible)),
        ("Non recevables" if fr else "Not admissible", str(s.not_admissible)),
        ("Illisibles (invalides)" if fr else "Invalid", str(s.invalid)),
    ]
    if s.skipped:
        lines.append(("Entrées ignorées" if fr else "Entries skipped", str(s.skipped)))
    if s.quartiles is not None:
        q = " / ".join(f"{v:g}" for v in s.quartiles)
        lines.append(("Scores min / Q1 / médiane / Q3 / max" if fr else "Scores min / Q1 / median / Q3 / max", q))
    if s.blocking:
        shown = ", ".join(f"{code} ({count})" for code, count in s.blocking)
        lines.append(("Motifs bloquants les plus fréquents" if fr else "Most frequent blocking rules", shown))
    lines.append(
        ("Subventions demandées (toutes)" if fr else "Grants requested (all)", euros(s.requested_total_eur).get(lang))
    )
    lines.append(
        (
            "Subventions demandées (recevables)" if fr else "Grants requested (admissible)",
            euros(s.requested_admissible_eur).get(lang),
        )
    )
    if s.envelope_eur is not None:
        lines.append(("Enveloppe" if fr else "Envelope", euros(s.envelope_eur).get(lang)))
    return lines


def funding_lines(result: BatchResult, lang: Lang) -> list[tuple[str, str]]:
    fr = lang == "fr"
    funding = result.funding
    if funding is None:
        note = result.funding_note.get(lang) if result.funding_note else ""
        return [("Simulation de l'enveloppe" if fr else "Envelope simulation", note)]
    cutoff = f"{funding.cutoff_score:g}" if funding.cutoff_score is not None else "—"
    return [
        ("Budget simulé" if fr else "Simulated budget", euros(funding.budget_eur).get(lang)),
        ("Dossiers financés" if fr else "Dossiers funded", str(len(funding.funded))),
        ("Score de coupure" if fr else "Cut-off score", cutoff),
        ("Reste" if fr else "Left", euros(funding.remaining_eur).get(lang)),
        ("Recevables non financés" if fr else "Admissible not funded", str(len(funding.unfunded))),
    ]


def sections(result: BatchResult, lang: Lang) -> list[tuple[str, list[tuple[str, str]]]]:
    """The batch's facts as titled sections of (label, value) lines; an empty label means the
    line is a value alone. Every batch format shows the same sections in this order."""
    fr = lang == "fr"
    found = [
        ("Synthèse" if fr else "Summary", summary_lines(result, lang)),
        ("Simulation de l'enveloppe" if fr else "Envelope simulation", funding_lines(result, lang)),
    ]
    if result.conflicts:
        found.append(
            (
                "Doublons et conflits" if fr else "Duplicates and conflicts",
                [("", conflict_text(c, lang)) for c in result.conflicts],
            )
        )
    if result.skipped:
        found.append(
            (
                "Entrées ignorées" if fr else "Skipped entries",
                [("", f"{path} : {reason.get(lang)}") for path, reason in result.skipped],
            )
        )
    return found


def conflict_text(conflict: Conflict, lang: Lang) -> str:
    kind, files = CONFLICT_TEXT[conflict.kind].get(lang), ", ".join(conflict.dossiers)
    return f"{kind} « {conflict.value} » : {files}" if lang == "fr" else f"{kind} '{conflict.value}': {files}"


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
