"""The summary, funding and conflicts of a batch as labelled facts and as JSON data, shared by
the formats so that each says the same thing."""

from __future__ import annotations

from typing import Any

from ptce_check.i18n import COLON, Lang, Text
from ptce_check.money import euros
from ptce_check.reporters.batch.table import call_label
from ptce_check.screening.batch import BatchResult, CallGroup
from ptce_check.screening.conflicts import Conflict, DuplicateSet
from ptce_check.screening.funding import Funding, SkippedDuplicate
from ptce_check.screening.review_views import detail
from ptce_check.screening.review_views import summary as review_summary
from ptce_check.screening.summary import BatchSummary

#: The report's title and the decision table's heading, the same in every batch format.
TITLE = Text("Examen des dossiers PTCE", "PTCE dossier screening")
DECISION_TABLE = Text("Tableau de décision", "Decision table")

CONFLICT_TEXT = {
    "pole_siren": Text("même SIREN de pôle", "same pole SIREN"),
    "pole_name": Text("même nom de pôle", "same pole name"),
    "member_siret": Text("SIRET de membre dans plusieurs dossiers", "member SIRET in several dossiers"),
}
CONFLICT_ITEM = Text("{kind} « {value} »", "{kind} '{value}'")
CONFLICT_LINE = Text("{shared}\u00a0: {files}", "{shared}: {files}")
SEPARATOR = Text("\u00a0; ", "; ")
MORE_SIRETS = Text("et {count} autres SIRET de membres", "and {count} more member SIRETs")
SKIPPED_LINE = Text(
    "{dossier}\u00a0: non financé, doublon de {other} ({kind} « {value} »)",
    "{dossier}: not funded, duplicate of {other} ({kind} '{value}')",
)
SECTIONS = {
    "summary": Text("Synthèse", "Summary"),
    "funding": Text("Simulation de l'enveloppe", "Envelope simulation"),
    "conflicts": Text("Doublons et conflits", "Duplicates and conflicts"),
    "skipped": Text("Entrées ignorées", "Skipped entries"),
    "reviews": Text("Notes des relecteurs", "Reviewers' scores"),
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
    "funded_list": Text("Financés (dans l'ordre)", "Funded (in order)"),
    "duplicate_skipped": Text("Doublon écarté", "Duplicate skipped"),
    "reviews_file": Text("Fichier de notes", "Reviews file"),
    "reviews_count": Text("Notes lues", "Reviews read"),
    "unscored": Text("Critères non notés", "Criteria nobody scored"),
}

#: Member SIRETs named in one line of a set of duplicates; the rest are counted.
SHOWN_SHARED = 3

Lines = list[tuple[str, str]]


def _amount(value: float) -> Text:
    """An amount in the facts, with plain spaces: the lines are escaped as file text is (see
    `textsafe`), which would show the non-breaking spaces of French amounts as escapes."""
    shown = euros(value)
    return Text(*(text.replace("\u202f", " ").replace("\u00a0", " ") for text in (shown.fr, shown.en)))


def _labelled(lang: Lang, facts: list[tuple[str, str]]) -> Lines:
    """(label key, value) pairs with their labels in `lang`."""
    return [(LABELS[key].get(lang), value) for key, value in facts]


def summary_lines(summary: BatchSummary, lang: Lang) -> Lines:
    s = summary
    facts = [
        ("files", str(s.files)),
        ("admissible", str(s.admissible)),
        ("not_admissible", str(s.not_admissible)),
        ("invalid", str(s.invalid)),
    ]
    if s.skipped:
        facts.append(("skipped", str(s.skipped)))
    if s.quartiles is not None:
        facts.append(("quartiles", " / ".join(decimal(v, lang) for v in s.quartiles)))
    if s.blocking:
        facts.append(("blocking", ", ".join(f"{code} ({count})" for code, count in s.blocking)))
    facts.append(("requested_total", _amount(s.requested_total_eur).get(lang)))
    facts.append(("requested_admissible", _amount(s.requested_admissible_eur).get(lang)))
    if s.envelope_eur is not None:
        facts.append(("envelope", _amount(s.envelope_eur).get(lang)))
    return _labelled(lang, facts)


def decimal(value: float, lang: Lang) -> str:
    """A score as people read it: `7,4` in French, `7.4` in English."""
    shown = f"{value:g}"
    return Text(shown.replace(".", ","), shown).get(lang)


def funding_lines(funding: Funding | None, note: Text | None, lang: Lang) -> Lines:
    if funding is None:
        return [(SECTIONS["funding"].get(lang), note.get(lang) if note else "")]
    cutoff = decimal(funding.cutoff_score, lang) if funding.cutoff_score is not None else "—"
    facts = [
        ("budget", _amount(funding.budget_eur).get(lang)),
        ("funded", str(len(funding.funded))),
        ("cutoff", cutoff),
        ("remaining", _amount(funding.remaining_eur).get(lang)),
        ("unfunded", str(len(funding.unfunded))),
    ]
    if funding.funded:
        facts.append(("funded_list", ", ".join(row.dossier for row in funding.funded)))
    lines = _labelled(lang, facts)
    for skipped in funding.duplicates:
        lines.append((LABELS["duplicate_skipped"].get(lang), skipped_text(skipped, lang)))
    return lines


def skipped_text(skipped: SkippedDuplicate, lang: Lang) -> str:
    conflict = skipped.conflict
    return SKIPPED_LINE.format(
        dossier=skipped.row.dossier,
        other=skipped.duplicate_of,
        kind=CONFLICT_TEXT[conflict.kind].get(lang),
        value=conflict.value,
    ).get(lang)


def _group_title(key: str, group: CallGroup, lang: Lang) -> str:
    return f"{SECTIONS[key].get(lang)} — {call_label(group, lang)}"


def group_sections(group: CallGroup, lang: Lang) -> list[tuple[str, Lines]]:
    """A call's summary and simulation, titled with the call."""
    return [
        (_group_title("summary", group, lang), summary_lines(group.summary, lang)),
        (_group_title("funding", group, lang), funding_lines(group.funding, group.funding_note, lang)),
    ]


def sections(result: BatchResult, lang: Lang) -> list[tuple[str, Lines]]:
    """The batch's facts as titled sections of (label, value) lines; an empty label means the
    line is a value alone. Every batch format shows the same sections in this order: with
    several calls, the batch's counts, then each call's summary and simulation."""
    found = [(SECTIONS["summary"].get(lang), summary_lines(result.summary, lang))]
    if result.several_calls:
        found += [section for group in result.groups for section in group_sections(group, lang)]
    else:
        found.append((SECTIONS["funding"].get(lang), funding_lines(result.funding, result.funding_note, lang)))
    found += tail_sections(result, lang)
    return found


def tail_sections(result: BatchResult, lang: Lang) -> list[tuple[str, Lines]]:
    """Duplicates (one line per set of files) and skipped entries."""
    found: list[tuple[str, Lines]] = []
    if result.reviews is not None:
        found.append((SECTIONS["reviews"].get(lang), review_lines(result, lang)))
    if result.conflicts:
        found.append((SECTIONS["conflicts"].get(lang), [("", duplicate_text(d, lang)) for d in result.duplicates]))
    if result.skipped:
        lines = [("", f"{path}{COLON.get(lang)} {reason.get(lang)}") for path, reason in result.skipped]
        found.append((SECTIONS["skipped"].get(lang), lines))
    return found


def review_lines(result: BatchResult, lang: Lang) -> Lines:
    """The reviews file, how many reviews, who scored what per dossier (ranked), and the
    criteria nobody scored."""
    reviews = result.reviews
    if reviews is None:
        return []
    data = review_summary(reviews, (row.dossier for row in result.rows))
    lines = _labelled(lang, [("reviews_file", reviews.label), ("reviews_count", str(data["reviews"]))])
    lines += [
        (row.dossier, shown) for row in result.rows if (shown := detail(reviews.of(row.dossier), lang)) is not None
    ]
    if data["unscored"]:
        listed = ", ".join(f"{item['dossier']} ({', '.join(item['criteria'])})" for item in data["unscored"])
        lines.append((LABELS["unscored"].get(lang), listed))
    return lines


def conflict_text(conflict: Conflict, lang: Lang) -> str:
    return CONFLICT_ITEM.format(kind=CONFLICT_TEXT[conflict.kind].get(lang), value=conflict.value).get(lang)


def duplicate_text(duplicates: DuplicateSet, lang: Lang) -> str:
    """One set of files and everything they share (member SIRETs past a few are counted)."""
    poles = sorted((c for c in duplicates.shared if c.kind != "member_siret"), key=lambda c: c.kind != "pole_siren")
    members = [c for c in duplicates.shared if c.kind == "member_siret"]
    shared = [conflict_text(c, lang) for c in poles + members[:SHOWN_SHARED]]
    if len(members) > SHOWN_SHARED:
        shared.append(MORE_SIRETS.format(count=len(members) - SHOWN_SHARED).get(lang))
    joined = SEPARATOR.get(lang).join(shared)
    return CONFLICT_LINE.format(files=", ".join(duplicates.dossiers), shared=joined).get(lang)


def _funding_data(funding: Funding | None, note: Text | None) -> dict[str, Any] | None:
    if funding is None:
        return None
    return {
        "budget_eur": funding.budget_eur,
        "funded": [row.dossier for row in funding.funded],
        "cutoff_score": funding.cutoff_score,
        "remaining_eur": funding.remaining_eur,
        "unfunded_admissible": [row.dossier for row in funding.unfunded],
        "skipped_duplicates": [
            {
                "dossier": s.row.dossier,
                "duplicate_of": s.duplicate_of,
                "kind": s.conflict.kind,
                "value": s.conflict.value,
            }
            for s in funding.duplicates
        ],
    }


def _summary_figures(s: BatchSummary) -> dict[str, Any]:
    return {
        "score_quartiles": list(s.quartiles) if s.quartiles else None,
        "blocking_rules": [{"code": code, "dossiers": count} for code, count in s.blocking],
        "requested_total_eur": round(s.requested_total_eur, 2),
        "requested_admissible_eur": round(s.requested_admissible_eur, 2),
        "envelope_eur": s.envelope_eur,
        "criteria_averages": dict(s.criteria_averages),
    }


def call_data(group: CallGroup) -> dict[str, Any]:
    """One object of `summary.calls` (see the contract, "Screening several calls at once")."""
    s = group.summary
    funding = _funding_data(group.funding, group.funding_note) or {
        "budget_eur": None,
        "funded": [],
        "note": group.funding_note.en if group.funding_note else None,
    }
    return {
        "call": group.call_id,
        "screened": s.files,
        "admissible": s.admissible,
        "not_admissible": s.not_admissible,
        "invalid": s.invalid,
        **_summary_figures(s),
        "funding": funding,
        "ranking": [row.dossier for row in group.rows],
    }


def summary_data(result: BatchResult) -> dict[str, Any]:
    s = result.summary
    return {
        "files": s.files,
        "admissible": s.admissible,
        "not_admissible": s.not_admissible,
        "invalid": s.invalid,
        "skipped": [{"path": str(path), "reason": reason.en} for path, reason in result.skipped],
        **_summary_figures(s),
        "funding": _funding_data(result.funding, result.funding_note),
        "conflicts": [{"kind": c.kind, "value": c.value, "dossiers": list(c.dossiers)} for c in result.conflicts],
        "duplicate_sets": [
            {"dossiers": list(d.dossiers), "shared": [{"kind": c.kind, "value": c.value} for c in d.shared]}
            for d in result.duplicates
        ],
        "ranking": [row.dossier for row in result.rows],
        "calls": [call_data(group) for group in result.groups],
        **({"reviews": review_summary(result.reviews, (row.dossier for row in result.rows))} if result.reviews else {}),
    }
