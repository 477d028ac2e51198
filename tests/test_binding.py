"""Binding a call file to its kinds: every inconsistency of the file (grid total, axes, best
bands, rule codes and titles, kinds, parameters) is reported at the offending entry as
`FILE:LINE:COL: path: message`, every one of them, in file order, and exits with 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import FIXTURES, ROOT, position_of
from ptce_check.binding import BoundCall, load_call, shipped_call
from ptce_check.checks import RULE_KINDS
from ptce_check.cli.commands import app
from ptce_check.codes import CODES
from ptce_check.errors import UserError
from ptce_check.metrics import METRICS

CRITERIA_2015 = ROOT / "criteria" / "ptce-2015.yaml"
TEXT_2015 = CRITERIA_2015.read_text(encoding="utf-8")


def _write(tmp_path: Path, *replacements: tuple[str, str]) -> tuple[Path, str]:
    text = TEXT_2015
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "call.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _error_lines(path: Path, lang: str = "en") -> list[str]:
    with pytest.raises(UserError) as caught:
        load_call(str(path))
    header, *lines = caught.value.text.get(lang).splitlines()  # type: ignore[arg-type]
    assert header == {"en": "invalid call file:", "fr": "fichier d'appel invalide\u00a0:"}[lang]
    return lines


def _at(path: Path, text: str, needle: str, after: str = "") -> str:
    line, column = position_of(text, needle, after)
    return f"{path}:{line}:{column}"


def test_a_shipped_call_binds_every_rule_and_criterion_to_its_kind() -> None:
    bound = shipped_call("ptce-2015")
    assert isinstance(bound, BoundCall)
    assert [b.rule.code for b in bound.rules] == [r.code for r in bound.call.rules]
    assert all(b.kind is RULE_KINDS[b.rule.kind] for b in bound.rules)
    assert all(b.metric is METRICS[b.criterion.kind] for b in bound.criteria)
    minimum = next(b.params for b in bound.rules if b.rule.code == "PTCE-E02")
    assert minimum.model_dump() == {"minimum": 3}
    assert load_call("ptce-2015") is bound and shipped_call("ptce-2015") is bound


def test_a_grid_total_other_than_100_is_reported_at_the_last_criterion_with_each_axis(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path,
        (
            "    max_points: 6\n    bands: [{threshold: 50, points: 3}, {threshold: 75, points: 6}]",
            "    max_points: 4\n    bands: [{threshold: 50, points: 3}, {threshold: 75, points: 4}]",
        ),
    )
    last = _criterion_index(text, "ecological_transition")
    assert last == text.count("\n  - id: ") - _axis_count(text) - 1
    where = _at(path, text, "4\n", "  - id: ecological_transition")
    assert _error_lines(path) == [
        f"{where}: scoring[{last}].max_points: the scoring grid totals 98 points, not 100 "
        "(per axis: cooperation 28, priorities_2015 30, territory 15, jobs_innovation 25)"
    ]


def _criterion_index(text: str, criterion_id: str) -> int:
    scoring = text[text.index("\nscoring:") :]
    return scoring[: scoring.index(f"\n  - id: {criterion_id}\n")].count("\n  - id: ")


def test_the_grid_total_is_said_in_french_too(tmp_path: Path) -> None:
    path, _ = _write(tmp_path, ("    max_points: 8\n", "    max_points: 9\n"))
    lines = _error_lines(path, "fr")
    assert any("la grille totalise 101 points, pas 100 (par axe\u00a0: cooperation 31, " in line for line in lines)
    assert any("le meilleur palier donne 8 points, max_points vaut 9" in line for line in lines)


def test_an_unknown_axis_is_reported_at_the_criterion_axis(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path, ("  - id: governance\n    axis: cooperation", "  - id: governance\n    axis: cooperaton")
    )
    where = _at(path, text, "cooperaton")
    assert _error_lines(path) == [
        f"{where}: scoring[{_criterion_index(text, 'governance')}].axis: unknown axis 'cooperaton' "
        "(the call's axes: cooperation, priorities_2015, territory, jobs_innovation)"
    ]


def _axis_count(text: str) -> int:
    axes = text[text.index("\naxes:") : text.index("\nscoring:")]
    return axes.count("\n  - id: ")


def test_a_best_band_other_than_max_points_is_reported_at_max_points(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path,
        (
            "bands: [{threshold: 1, points: 2}, {threshold: 2, points: 4}, {threshold: 3, points: 5}]",
            "bands: [{threshold: 1, points: 2}, {threshold: 2, points: 4}, {threshold: 3, points: 4}]",
        ),
    )
    where = _at(path, text, "5\n", "  - id: mutualisations")
    assert _error_lines(path) == [f"{where}: scoring[2].max_points: the best band gives 4 points, max_points is 5"]


def test_a_rule_code_used_twice_is_reported_at_its_second_use(tmp_path: Path) -> None:
    path, text = _write(tmp_path, ("  - code: PTCE-E04\n", "  - code: PTCE-E03\n"))
    where = _at(path, text, "PTCE-E03", "  - code: PTCE-E03\n    kind: non_ess")
    assert _error_lines(path) == [f"{where}: rules[3].code: rule code PTCE-E03 used twice (also rules[2])"]


def test_an_unknown_rule_kind_and_an_unknown_criterion_kind_are_both_reported(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path,
        ("kind: legal_person_members", "kind: legal_persons"),
        ("kind: governance", "kind: gouvernance"),
    )
    rule_at = _at(path, text, "legal_persons")
    criterion_at = _at(path, text, "gouvernance")
    rule_line, criterion_line = _error_lines(path)
    assert (
        rule_line
        == f"{rule_at}: rules[1].kind: unknown rule kind 'legal_persons' (known: {', '.join(sorted(RULE_KINDS))})"
    )
    assert criterion_line == (
        f"{criterion_at}: scoring[3].kind: unknown criterion kind 'gouvernance' (known: {', '.join(sorted(METRICS))})"
    )


def test_bad_params_are_reported_at_each_parameter(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path,
        ("params: {minimum: 3}", "params: {minimum: three, maximum: 9}"),
        ("params: {min_meetings_per_year: 4}", "params: {min_meetings: 4}"),
    )
    lines = _error_lines(path)
    assert lines[0].startswith(f"{_at(path, text, 'three')}: rules[1].params.minimum: ")
    assert lines[1] == f"{_at(path, text, 'maximum')}: rules[1].params.maximum: Extra inputs are not permitted"
    assert f"{_at(path, text, 'min_meetings')}: scoring[3].params.min_meetings: Extra inputs are not permitted" in lines


def test_problems_come_all_at_once_in_file_order(tmp_path: Path) -> None:
    path, _ = _write(
        tmp_path,
        ("  - id: governance\n    axis: cooperation", "  - id: governance\n    axis: elsewhere"),
        ("  - code: PTCE-E04\n", "  - code: PTCE-E03\n"),
        ("kind: ess_balance", "kind: nothing"),
    )
    lines = _error_lines(path)
    assert [line.split(": ")[1] for line in lines] == ["rules[3].code", "scoring[0].kind", "scoring[3].axis"]
    positions = [tuple(int(part) for part in line.split(": ")[0].rsplit(":", 2)[1:]) for line in lines]
    assert positions == sorted(positions)


def test_a_title_for_a_code_the_checker_knows_is_refused_at_its_line(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path, ("  - code: PTCE-E03\n", '  - code: PTCE-E03\n    title: {fr: "Mon titre", en: "My title"}\n')
    )
    where = _at(path, text, '{fr: "Mon titre"')
    assert _error_lines(path) == [
        f"{where}: rules[2].title: the title of PTCE-E03 is the checker's ('{CODES['PTCE-E03'].title.en}'): "
        "remove 'title'"
    ]


def test_a_code_the_checker_does_not_know_needs_its_title(tmp_path: Path) -> None:
    assert "PTCE-E40" not in CODES
    path, text = _write(tmp_path, ("  - code: PTCE-E08\n", "  - code: PTCE-E40\n"))
    where = _at(path, text, "PTCE-E40")
    assert _error_lines(path) == [
        f"{where}: rules[7].code: the checker does not know code PTCE-E40: give this rule a 'title'"
    ]

    path, _ = _write(
        tmp_path, ("  - code: PTCE-E08\n", '  - code: PTCE-E40\n    title: {fr: "Règle locale", en: "Local rule"}\n')
    )
    rule = next(b.rule for b in load_call(str(path)).rules if b.rule.code == "PTCE-E40")
    assert (rule.title.fr, rule.title.en) == ("Règle locale", "Local rule")


def test_shipped_rules_take_their_titles_from_codes() -> None:
    for bound in shipped_call("ptce-2013").rules:
        assert bound.rule.given_title is None and bound.rule.title == CODES[bound.rule.code].title


def test_a_broken_grid_is_a_usage_error_with_its_position_escaped(tmp_path: Path) -> None:
    path, text = _write(
        tmp_path, ("  - id: governance\n    axis: cooperation", '  - id: governance\n    axis: "x\\e[2J"')
    )
    result = CliRunner().invoke(app, ["check", str(FIXTURES / "minimal.yaml"), "--call", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    line, column = position_of(text, '"x\\e[2J"')
    assert f"{path}:{line}:{column}: scoring[3].axis: unknown axis 'x\\e[2J'" in result.stderr
