"""One typo, one finding (issue 11.3): a dossier with a single typo gets exactly one new root
finding, at the typo's path and line; every other new finding is linked to it (`caused_by`);
everything else in the report is what the clean file gives."""

from __future__ import annotations

import json

import pytest

from helpers import EXAMPLES, assess_text, position_of
from ptce_check.assessment import Assessment, outcome_data
from ptce_check.findings import Finding, format_path
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.rich_report import render

TEXT = (EXAMPLES / "centre-isere.yaml").read_text(encoding="utf-8")
CLEAN = assess_text(TEXT, folder=EXAMPLES)

#: (id, old text, new text, code, path, whether the typo touches what the score reads)
TYPOS = [
    ("email", "coordination@ptce", "coordination@@ptce", "PTCE-S08", "pole.contact.email", False),
    (
        "member-enum",
        "legal_form: commercial_company",
        "legal_form: comercial_company",
        "PTCE-S04",
        "members[4].legal_form",
        True,
    ),
    (
        "member-category",
        "category: enterprise_grouping",
        "category: entreprise_grouping",
        "PTCE-S04",
        "members[0].category",
        True,
    ),
    ("expense-amount", "2015: 50000", "2015: 50 000", "PTCE-S07", "budget.expenses[0].amounts.2015", True),
    (
        "resource-amount",
        "2014: 70000, 2015: 60000",
        "2014: 70000, 2015: 60 000",
        "PTCE-S07",
        "budget.resources[0].amounts.2015",
        True,
    ),
    ("amount-year-key", "{2014: 48000", "{20l4: 48000", "PTCE-S08", "budget.expenses[0].amounts.20l4", True),
    ("resource-kind", "kind: in_kind", "kind: inkind", "PTCE-S04", "budget.resources[8].kind", True),
    (
        "grant",
        "requested_grant_eur: 180000",
        "requested_grant_eur: 180 000",
        "PTCE-S07",
        "budget.requested_grant_eur",
        True,
    ),
    ("date", "submitted_at: 2013-09-27T16:45:00+02:00", "submitted_at: 2013-09-31", "PTCE-S06", "submitted_at", False),
    ("created-on", "created_on: 2013-06-27", "created_on: 2013-06-31", "PTCE-S06", "pole.created_on", False),
    (
        "boolean",
        "charter_signed: true",
        "charter_signed: oui",
        "PTCE-S05",
        "cooperation.governance.charter_signed",
        True,
    ),
    ("non-relocatable", "non_relocatable: true", "non_relocatable: yes", "PTCE-S05", "jobs.non_relocatable", True),
    ("headcount", "headcount: 85", "headcount: 85 salariés", "PTCE-S07", "members[11].headcount", True),
    ("commune-name", "- '38565'  # Voreppe", "- Voreppe", "PTCE-D04", "territory.communes[1]", True),
    ("commune-unknown", "- '38565'  # Voreppe", "- '38599'", "PTCE-T01", "territory.communes[1]", True),
    (
        "mutualisation-kind",
        "kind: shared_equipment",
        "kind: shared_equipement",
        "PTCE-S04",
        "cooperation.mutualisations[2].kind",
        True,
    ),
    ("attachment-kind", "kind: budget_table", "kind: budget", "PTCE-S04", "attachments[2].kind", False),
    ("sector", "- local_food", "- local_fod", "PTCE-S04", "project.sectors[3]", True),
    ("innovation-kind", "kind: social\n", "kind: sociale\n", "PTCE-S04", "project.innovation.kind", True),
    ("stage", "stage: emerging", "stage: emergent", "PTCE-S04", "pole.stage", False),
    ("population", "population: 134000", "population: 134 000", "PTCE-S07", "territory.population", True),
    ("key-name", "  legal_form: none\n", "  legal_fom: none\n", "PTCE-S02", "pole.legal_fom", False),
]


def _key(finding: Finding) -> tuple[object, ...]:
    position = finding.position
    return (finding.code, finding.path, position.line if position else 0, finding.message.en)


def _moved(clean: Finding, old: str, new: str) -> tuple[object, ...]:
    """The clean finding's key, its line shifted by the lines the typo added or removed."""
    shift = new.count("\n") - old.count("\n")
    line = clean.position.line if clean.position else 0
    return (
        clean.code,
        clean.path,
        line + (shift if line > TEXT.count("\n", 0, TEXT.index(old)) + 1 else 0),
        clean.message.en,
    )


@pytest.mark.parametrize(
    ("old", "new", "code", "path", "scored"), [pytest.param(*typo[1:], id=typo[0]) for typo in TYPOS]
)
def test_one_typo_gives_one_root_finding_and_linked_consequences(
    old: str, new: str, code: str, path: str, scored: bool
) -> None:
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    typo = assess_text(text, folder=EXAMPLES)
    clean_keys = {_moved(f, old, new) for f in CLEAN.findings}
    new_findings = [f for f in typo.findings if _key(f) not in clean_keys]
    roots = [f for f in new_findings if f.caused_by is None]
    assert [(f.code, format_path(f.path)) for f in roots] == [(code, path)]
    root = roots[0]
    line, _ = position_of(text, new.strip().split("\n")[0])
    assert root.position is not None and root.position.line == line
    assert all(f.caused_by == root.cause for f in new_findings if f is not root)
    # The clean file's findings are all still there (or linked to the typo, or about the typo's own value).
    kept = {_key(f) for f in typo.findings}
    for clean in CLEAN.findings:
        moved = _moved(clean, old, new)
        linked = any(f.caused_by == root.cause and (f.code, f.path) == moved[:2] for f in typo.findings)
        assert moved in kept or linked or format_path(clean.path).startswith(path), clean
    # Rules: each keeps its clean status, or is not evaluated because of the typo.
    for clean_rule, rule in zip(CLEAN.rules, typo.rules, strict=True):
        assert rule.status == clean_rule.status or (rule.status == "not_evaluated" and rule.caused_by == root.cause)
    if path not in ("pole.name", "budget.requested_grant_eur"):
        assert typo.summary == CLEAN.summary
    if not scored:
        assert typo.score == CLEAN.score


def test_consequences_follow_their_cause_in_json_and_in_the_rich_report() -> None:
    text = TEXT.replace("- '38565'  # Voreppe", "- Voreppe", 1)
    assessment = assess_text(text, folder=EXAMPLES)
    data = json.loads(json.dumps(outcome_data(assessment, "fr")))
    findings = data["findings"]
    root = next(i for i, f in enumerate(findings) if f["code"] == "PTCE-D04")
    assert findings[root]["caused_by"] is None
    linked = [f for f in findings if f["caused_by"] == {"code": "PTCE-D04", "path": "territory.communes[1]"}]
    assert linked and all(f["code"].startswith("PTCE-T") for f in linked)
    assert findings[root + 1 : root + 1 + len(linked)] == linked
    output = _rich(assessment)
    d04_line = next(i for i, line in enumerate(output) if "PTCE-D04" in line)
    assert output[d04_line + 1].startswith("    → ")  # the D04's hint
    following = [line for line in output[d04_line + 2 :] if "PTCE-" in line][: len(linked)]
    assert all(line.startswith("    ↳ dossier.yaml:") and "PTCE-T" in line for line in following)


def test_an_amount_with_a_space_is_one_s07_not_also_unbalanced_nor_absent() -> None:
    # The case: `2015: 50 000` gave D09 "unbalanced", D12 "amount missing" and then S07.
    text = TEXT.replace("2015: 50000", "2015: 50 000", 1)
    assessment = assess_text(text, folder=EXAMPLES)
    codes = [f.code for f in assessment.findings]
    assert "PTCE-S07" in codes and "PTCE-D09" not in codes and "PTCE-D12" not in codes
    e10 = next(r for r in assessment.rules if r.code == "PTCE-E10")
    assert e10.status == "not_evaluated" and e10.caused_by is not None and e10.caused_by.code == "PTCE-S07"
    assert "PTCE-S07" in e10.evidence.fr


def test_an_amount_under_an_unreadable_year_key_is_missing_because_of_the_key() -> None:
    text = TEXT.replace("{2014: 48000", "{20l4: 48000", 1)
    assessment = assess_text(text, folder=EXAMPLES)
    d12 = next(f for f in assessment.findings if f.code == "PTCE-D12")
    assert d12.caused_by is not None and d12.caused_by.code == "PTCE-S08"
    assert d12.path == ("budget", "expenses", 0, "amounts")


def _rich(assessment: Assessment) -> list[str]:
    import io

    stream = io.StringIO()
    render([assessment], stream, ReportSettings(color=False, width=400, lang="fr"))
    return stream.getvalue().split("\n")
