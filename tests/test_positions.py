"""Format findings inside a list are reported at their own item: first, middle and last item of
every list of the contract, for each kind of format finding that can occur there (issue 11.1).

Each case edits one item of examples/centre-isere.yaml and asserts the finding's code, path and
line/column, found from the edited text itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from _pytest.mark import ParameterSet

from helpers import EXAMPLES, assess_text
from ptce_check.findings import Path, format_path

TEXT = (EXAMPLES / "centre-isere.yaml").read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _section(keys: tuple[str, ...]) -> int:
    """Index of the line holding the last key of `keys`, found by indentation."""
    start, indent = 0, 0
    for key in keys:
        start = next(
            i
            for i in range(start, len(LINES))
            if _indent(LINES[i]) == indent and LINES[i].strip().startswith(f"{key}:")
        ) + (0 if key == keys[-1] else 1)
        indent += 2
    return start


def _items(keys: tuple[str, ...]) -> list[int]:
    """Line indexes where each item of the block list at `keys` starts."""
    head = _section(keys)
    indent = _indent(LINES[head])
    items = []
    for i in range(head + 1, len(LINES)):
        line = LINES[i]
        if not line.strip() or line.strip().startswith("#"):
            continue
        if _indent(line) <= indent and not line.lstrip().startswith("- "):
            break
        if _indent(line) == indent + 2 and line.lstrip().startswith("- "):
            items.append(i)
        elif _indent(line) < indent + 2:
            break
    return items


@dataclass(frozen=True)
class Edit:
    """An edit of one item: the new lines, and where the finding must be (line index, column)."""

    lines: list[str]
    line: int
    column: int


def _key_line(start: int, key: str) -> int | None:
    """The line of `key` in the item starting at `start` (None when the item lacks it)."""
    indent = _indent(LINES[start]) + 2
    for i in range(start, len(LINES)):
        line = LINES[i]
        if i > start and line.strip() and _indent(line) < indent:
            return None
        stripped = line.strip().removeprefix("- ")
        if stripped.startswith(f"{key}:") and (i == start or _indent(line) == indent):
            return i
    return None


def _item_end(start: int) -> int:
    """The last line of the item starting at `start` (its value lines included)."""
    indent = _indent(LINES[start]) + 2
    last = start
    for i in range(start + 1, len(LINES)):
        line = LINES[i]
        if not line.strip() or line.strip().startswith("#"):
            continue
        if _indent(line) < indent:
            break
        last = i
    return last


def prefix_key(key: str) -> Callable[[int], Edit]:
    """`key` becomes `x_key`: the key is missing; the finding points at the item's mapping."""

    def edit(start: int) -> Edit:
        lines = list(LINES)
        at = _key_line(start, key)
        assert at is not None
        lines[at] = lines[at].replace(f"{key}:", f"x_{key}:", 1)
        return Edit(lines, start, LINES[start].index("- ") + 3)

    return edit


def insert(key_value: str, token: str) -> Callable[[int], Edit]:
    """A new line `key_value` after the item's first line (replacing the key if present)."""

    def edit(start: int) -> Edit:
        lines = list(LINES)
        indent = " " * (_indent(LINES[start]) + 2)
        key = key_value.split(":")[0]
        at = _key_line(start, key)
        if at is None:
            at = _item_end(start) + 1
            lines.insert(at, indent + key_value)
        else:
            lines[at] = indent + key_value
        return Edit(lines, at, lines[at].index(token) + 1)

    return edit


def replace(key: str, old: Callable[[str], str], new: str, token: str) -> Callable[[int], Edit]:
    """In the item's `key` line, `old(line)` becomes `new`; the finding is at `token`."""

    def edit(start: int) -> Edit:
        lines = list(LINES)
        at = _key_line(start, key)
        assert at is not None
        lines[at] = lines[at].replace(old(lines[at]), new, 1)
        return Edit(lines, at, lines[at].index(token) + 1)

    return edit


def scalar(new: str) -> Callable[[int], Edit]:
    """The whole item of a list of texts becomes `new`."""

    def edit(start: int) -> Edit:
        lines = list(LINES)
        head = lines[start][: lines[start].index("- ") + 2]
        lines[start] = head + new
        del lines[start + 1 : _item_end(start) + 1]  # the value's own lines (`- >-` texts)
        return Edit(lines, start, len(head) + 1)

    return edit


def _value(key: str) -> Callable[[str], str]:
    return lambda line: line.split(f"{key}:", 1)[1].split("#")[0].strip()


def _first_amount(line: str) -> str:
    return line.split("{", 1)[1].split(",")[0]


_MEMBER = {
    "PTCE-S01": (prefix_key("category"), "category"),
    "PTCE-S02": (insert("colour: red", "colour"), "colour"),
    "PTCE-S03": (insert("commune: [a, b]", "["), "commune"),
    "PTCE-S04": (replace("legal_form", _value("legal_form"), "comercial_company", "comercial"), "legal_form"),
    "PTCE-S05": (insert("ess_statutes: oui", "oui"), "ess_statutes"),
    "PTCE-S06": (insert("esus_approval: {granted_on: 2015-13-45}", "2015-13"), "esus_approval.granted_on"),
    "PTCE-S07": (insert("headcount: 3x", "3x"), "headcount"),
    "PTCE-S09": (insert("headcount: -3", "-3"), "headcount"),
}
_LINE = {
    "PTCE-S02": (insert("colour: red", "colour"), "colour"),
    "PTCE-S03": (replace("amounts", lambda line: line.split("amounts: ", 1)[1], "[1, 2]", "["), "amounts"),
    "PTCE-S07": (replace("amounts", _first_amount, "2014: 50 000", "50 000"), "amounts.2014"),
    "PTCE-S08": (replace("amounts", _first_amount, "20x4: 50000", "20x4"), "amounts.20x4"),
}
_EXPENSE = {
    **_LINE,
    "PTCE-S01": (prefix_key("category"), "category"),
    "PTCE-S04": (replace("category", _value("category"), "stafff", "stafff"), "category"),
}
_RESOURCE = {
    **_LINE,
    "PTCE-S01": (prefix_key("kind"), "kind"),
    "PTCE-S04": (replace("kind", _value("kind"), "grant", "grant"), "kind"),
}
_MUTUALISATION = {
    "PTCE-S01": (prefix_key("kind"), "kind"),
    "PTCE-S02": (insert("colour: red", "colour"), "colour"),
    "PTCE-S04": (replace("kind", _value("kind"), "shared_stuff", "shared_stuff"), "kind"),
}
_ATTACHMENT = {
    "PTCE-S01": (prefix_key("path"), "path"),
    "PTCE-S02": (insert("colour: red", "colour"), "colour"),
    "PTCE-S03": (replace("path", _value("path"), "[a, b]", "["), "path"),
    "PTCE-S04": (replace("kind", _value("kind"), "statute", "statute"), "kind"),
}
_ACTIVITY = {
    "PTCE-S01": (prefix_key("title"), "title"),
    "PTCE-S02": (insert("colour: red", "colour"), "colour"),
    "PTCE-S03": (replace("title", _value("title"), "[a, b]", "["), "title"),
}
_TEXTS = {"PTCE-S03": (scalar("{a: 1}"), "")}
_LISTS: dict[tuple[str, ...], dict[str, tuple[Callable[[int], Edit], str]]] = {
    ("members",): _MEMBER,
    ("budget", "expenses"): _EXPENSE,
    ("budget", "resources"): _RESOURCE,
    ("cooperation", "mutualisations"): _MUTUALISATION,
    ("attachments",): _ATTACHMENT,
    ("project", "activities"): _ACTIVITY,
    ("territory", "communes"): _TEXTS,
    ("territory", "epcis"): _TEXTS,
    ("territory", "difficulties", "rural_revitalisation_communes"): _TEXTS,
    ("cooperation", "governance", "bodies"): _TEXTS,
    ("project", "sectors"): {"PTCE-S04": (scalar("eco_building"), "")},
}


def _cases() -> list[ParameterSet]:
    cases: list[ParameterSet] = []
    for keys, kinds in _LISTS.items():
        items = _items(keys)
        assert len(items) >= 2, keys
        chosen = {"first": 0, "middle": len(items) // 2, "last": len(items) - 1}
        for where, index in chosen.items():
            for code, (edit, tail) in kinds.items():
                path: Path = (*keys, index, *(tail.split(".") if tail else ()))
                cases.append(pytest.param(code, path, edit, items[index], id=f"{format_path(keys)}-{where}-{code}"))
    return cases


@pytest.mark.parametrize(("code", "path", "edit", "start"), _cases())
def test_a_format_finding_in_a_list_is_at_its_own_item(
    code: str, path: Path, edit: Callable[[int], Edit], start: int
) -> None:
    change = edit(start)
    assessment = assess_text("\n".join(change.lines), folder=EXAMPLES)
    found = [f for f in assessment.findings if f.code == code and format_path(f.path) == format_path(path)]
    assert found, [(f.code, format_path(f.path)) for f in assessment.findings]
    position = found[0].position
    assert position is not None
    assert (position.line, position.column) == (change.line + 1, change.column)


def test_the_budget_years_list_points_at_its_own_item() -> None:
    for index, text in enumerate(("[20x4, 2015, 2016]", "[2014, 20x5, 2016]", "[2014, 2015, 20x6]")):
        edited = TEXT.replace("years: [2014, 2015, 2016]", f"years: {text}", 1)
        assessment = assess_text(edited, folder=EXAMPLES)
        finding = next(f for f in assessment.findings if f.code == "PTCE-S08")
        assert finding.path == ("budget", "years", index)
        line = edited.split("\n").index(f"  years: {text}")
        assert finding.position is not None
        assert (finding.position.line, finding.position.column) == (line + 1, 10 + text.index("20x"))


def test_the_issue_case_a_bad_member_enum_is_at_that_member() -> None:
    # members[2] of the issue: the finding used to land on members[3], the next member's line.
    start = _items(("members",))[2]
    change = replace("legal_form", _value("legal_form"), "comercial_company", "comercial")(start)
    assessment = assess_text("\n".join(change.lines), folder=EXAMPLES)
    s04 = next(f for f in assessment.findings if f.code == "PTCE-S04")
    assert s04.path == ("members", 2, "legal_form")
    assert s04.position is not None and s04.position.line == change.line + 1
