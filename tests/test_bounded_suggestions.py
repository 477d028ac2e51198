"""« Vouliez-vous dire » suggestions do bounded work, whatever the dossier holds.

The bound is checked by counting difflib's comparisons, not by timing (timings are measured in
benchmarks/bench_suggestions.py only).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

import pytest

from helpers import BASE_TEXT, assess_text, codes, position_of
from ptce_check import suggestions
from ptce_check.suggestions import EXCERPT_CHARS, FULL_BUDGET, Suggester, close_matches

MEMBERS = 450
STEM = "Association coopérative intercommunale pour l'insertion par l'activité économique " * 11


def hostile_dossier(members: int = MEMBERS) -> str:
    """`members` members with long, similar names, and as many unknown names in a mutualisation."""
    listed = "".join(
        f'  - name: "{STEM}membre {i:04d}"\n    legal_form: association\n    category: enterprise\n'
        for i in range(members)
    )
    unknown = ", ".join(f'"{STEM}membre {i:04d} bis"' for i in range(members))
    return BASE_TEXT.replace("members:\n", "members:\n" + listed, 1).replace(
        "      members: [Atelier Solidaire, Menuiserie Durand]", f"      members: [{unknown}]"
    )


def _lengths(matcher: difflib.SequenceMatcher[str]) -> tuple[int, int]:
    compared: Any = matcher  # the strings compared (typeshed does not declare them)
    return len(compared.a), len(compared.b)


class _Counted:
    """Counts difflib's comparisons and the lengths compared; fails past `ceiling` (the old
    quadratic search would do MEMBERS² of them, so it fails fast instead of running minutes)."""

    def __init__(self, ceiling: int) -> None:
        self.ceiling, self.ratios, self.longest = ceiling, 0, 0

    def ratio(self, matcher: difflib.SequenceMatcher[str]) -> float:
        self.ratios += 1
        self.longest = max(self.longest, *_lengths(matcher))
        assert self.ratios <= self.ceiling, "unbounded number of comparisons"
        return ORIGINAL_RATIO(matcher)


ORIGINAL_RATIO = difflib.SequenceMatcher.ratio
ORIGINAL_QUICK = difflib.SequenceMatcher.quick_ratio


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Counted]:
    counter = _Counted(FULL_BUDGET)

    def ratio(self: difflib.SequenceMatcher[str]) -> float:
        return counter.ratio(self)

    def quick(self: difflib.SequenceMatcher[str]) -> float:
        counter.longest = max(counter.longest, *_lengths(self))
        return ORIGINAL_QUICK(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", ratio)
    monkeypatch.setattr(difflib.SequenceMatcher, "quick_ratio", quick)
    yield counter


def test_a_hostile_dossier_is_assessed_with_a_bounded_number_of_comparisons(counted: _Counted) -> None:
    text = hostile_dossier()
    assert len(text.encode("utf-8")) > 850_000
    assessment = assess_text(text)
    unknown = [f for f in assessment.findings if f.code == "PTCE-D08"]
    assert len(unknown) == MEMBERS
    assert counted.ratios <= FULL_BUDGET
    assert counted.longest <= EXCERPT_CHARS
    # The first unknown names still get the right suggestion; every one gets its finding.
    first, last = unknown[0], unknown[-1]
    assert first.hint is not None and "membre 0000 »" in first.hint.fr
    assert last.hint is not None and "exactement celui d'un membre" in last.hint.fr
    assert first.position is not None
    assert (first.position.line, first.position.column) == position_of(text, f'"{STEM}membre 0000 bis"')


def test_the_cheap_scores_share_one_budget_per_dossier() -> None:
    names = [f"{STEM}membre {i:04d}" for i in range(MEMBERS)]
    suggester = Suggester(names, cheap_budget=1_000, full_budget=10)
    for i in range(MEMBERS):
        suggester.closest(f"{STEM}membre {i:04d} bis")
    assert suggester.cheap_left == 0 and suggester.full_left >= 0
    # 1 000 cheap scores cover two full lookups among 450 names, then the suggestions stop.
    assert suggester.closest(f"{STEM}membre 0001 bis") == names[1]
    assert suggester.closest(f"{STEM}membre 0300 bis") is None


def test_a_name_asked_twice_is_compared_once(counted: _Counted) -> None:
    suggester = Suggester(["Atelier Solidaire", "Menuiserie Durand"])
    assert suggester.closest("Menuiserie Dupont") == "Menuiserie Durand"
    used = counted.ratios
    assert suggester.closest("Menuiserie Dupont") == "Menuiserie Durand"
    assert counted.ratios == used


def test_an_exact_or_normalised_match_needs_no_comparison(counted: _Counted) -> None:
    suggester = Suggester(["Régie de quartier"])
    assert suggester.closest("re\u0301gie  DE quartier") == "Régie de quartier"
    assert counted.ratios == 0


def test_long_names_are_compared_by_their_start_and_end() -> None:
    assert suggestions.excerpt("a" * 60 + "b" * 60) == "a" * 50 + "b" * 50
    assert suggestions.excerpt("short") == "short"
    long_names = ["X" * 500 + " Nord", "X" * 500 + " Sud"]
    assert Suggester(long_names).closest("X" * 500 + " Sudd") == long_names[1]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("asociation", ["association"]), ("Commercial Company", ["commercial_company"]), ("zzz", [])],
)
def test_allowed_values_get_the_same_suggestions_as_before(word: str, expected: list[str]) -> None:
    choices = ["association", "cooperative", "commercial_company", "mutual", "foundation"]
    assert close_matches(word, choices) == expected
    if word.islower():
        assert difflib.get_close_matches(word, choices, n=1, cutoff=0.6) == expected


def test_a_megabyte_value_is_not_compared_in_full(counted: _Counted) -> None:
    assert close_matches("association" + "x" * 1_000_000, ["association", "mutual"]) == []
    assert counted.longest <= EXCERPT_CHARS


def test_a_typo_in_a_mutualisation_still_gets_its_suggestion() -> None:
    text = BASE_TEXT.replace("[Atelier Solidaire, Menuiserie Durand]", "[Atelier Solidaire, Menuiserie Dupont]")
    assessment = assess_text(text)
    assert codes(assessment).count("PTCE-D08") == 1
    finding: Any = next(f for f in assessment.findings if f.code == "PTCE-D08")
    assert finding.hint.fr == "vouliez-vous dire « Menuiserie Durand »\u00a0?"
    assert (finding.position.line, finding.position.column) == position_of(text, "Menuiserie Dupont")
