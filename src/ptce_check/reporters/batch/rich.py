"""`screen -f rich` (alias `table`): the ranked decision table of each call and the summary for
people. The table fits the console's width: the pole's name with its file, the verdict, the
score, the request, the funded flag and the blocking codes always show; the per-axis columns are
added only while they leave the pole's column room, and file names are wrapped after a `-`, `_`,
`.` or `/`, never inside a word."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from ptce_check.assessment import Verdict
from ptce_check.i18n import COLON, Lang, Text
from ptce_check.money import euros
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import DECISION_TABLE, decimal, sections
from ptce_check.reporters.batch.table import COLUMNS, axes, axis_points, call_label, common_folder, shorten
from ptce_check.reporters.console import VERDICT_STYLE, make_console, plain
from ptce_check.screening.batch import BatchResult, CallGroup
from ptce_check.screening.rows import Row
from ptce_check.textsafe import escape_all_controls

SHORT_VERDICT = {
    Verdict.ADMISSIBLE: Text("recevable", "admissible"),
    Verdict.NOT_ADMISSIBLE: Text("non recevable", "not admissible"),
    Verdict.INVALID: Text("invalide", "invalid"),
}
NOTES = {
    "points": Text(
        "Points par critère\u00a0: formats csv, markdown, html, xlsx et json.",
        "Points per criterion: csv, markdown, html, xlsx and json formats.",
    ),
    "relative": Text("Chemins relatifs à {base}", "Paths relative to {base}"),
    "axes": Text(
        "Colonnes par axe masquées faute de largeur (élargissez le terminal).",
        "Per-axis columns hidden for lack of width (widen the terminal).",
    ),
}
POLE = Text("Pôle (dossier)", "Pole (dossier)")
#: What each column costs besides its content (a border and one space of padding on each side),
#: the two outer borders (every line starts with one, so that no dossier text starts a line: a CI
#: log would read `::error` there as a command), and the least the pole's column may keep before
#: an axis column is added.
GAP = 3
EDGES = 2
MIN_POLE_WIDTH = 24
BREAK_AFTER = re.compile(r"(?<=[-_./])")


def wrap_name(name: str, width: int) -> str:
    """A file name on lines of at most `width`, broken only after a separator; a single piece
    longer than the line is shortened with an ellipsis rather than cut inside."""
    lines: list[str] = []
    current = ""
    for piece in (p for p in BREAK_AFTER.split(name) if p):
        if len(piece) > width:
            piece = piece[: max(1, width - 1)] + "…"
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = ""
        current += piece
    return "\n".join([*lines, current] if current else lines)


def _width(texts: Sequence[str], header: str) -> int:
    """The widest value, or the header's longest word (headers wrap between words)."""
    return max([len(t) for t in texts] + [len(w) for w in header.split()])


class _Columns:
    """The values of one call's table, and the widths they need."""

    def __init__(self, result: BatchResult, group: CallGroup, lang: Lang) -> None:
        self.rows = group.rows
        self.lang = lang
        self.funded = {row.dossier for row in group.funding.funded} if group.funding else set()
        self.with_funding = group.funding is not None
        self.axis_titles = axes(group.call, lang)
        self.call = group.call
        self.base = common_folder(result)
        self.result = result

    def fixed(self) -> list[tuple[str, list[str], str]]:
        """(header, values, justify) of the columns that always show, the pole's aside."""
        lang, rows = self.lang, self.rows
        found = [
            ("#", [str(rank) for rank in range(1, len(rows) + 1)], "right"),
            (COLUMNS["verdict"].get(lang), [SHORT_VERDICT[r.verdict].get(lang) for r in rows], "left"),
            (
                COLUMNS["score"].get(lang),
                [decimal(r.score, lang) if r.score is not None else "—" for r in rows],
                "right",
            ),
            (COLUMNS["requested_short"].get(lang), [_request(r, lang) for r in rows], "right"),
        ]
        if self.with_funding:
            found.append(
                (COLUMNS["funded"].get(lang), ["✔" if r.dossier in self.funded else "" for r in rows], "center")
            )
        codes = [" ".join(r.blocking) for r in rows]
        found.append((COLUMNS["blocking"].get(lang), codes, "left"))
        return found

    def axis_values(self) -> list[tuple[str, list[str]]]:
        points = [axis_points(self.call, row) for row in self.rows]
        return [
            (title, [decimal(p[axis], self.lang) if axis in p else "" for p in points])
            for axis, title in self.axis_titles.items()
        ]


def _request(row: Row, lang: Lang) -> str:
    return euros(row.requested_grant_eur).get(lang) if row.requested_grant_eur is not None else "—"


def _blocking_width(codes: list[str], header: str) -> int:
    return _width([code for line in codes for code in line.split()], header)


def _layout(columns: _Columns, width: int) -> tuple[int, int]:
    """(number of axis columns shown, width of the pole's column)."""
    fixed = columns.fixed()
    needed = sum(
        _blocking_width(values, header) if index == len(fixed) - 1 else _width(values, header)
        for index, (header, values, _) in enumerate(fixed)
    )
    count = len(fixed) + 1
    room = width - needed - GAP * (count - 1) - EDGES
    shown = 0
    for header, values in columns.axis_values():
        cost = _width(values, header) + GAP
        if room - cost < MIN_POLE_WIDTH:
            break
        room -= cost
        shown += 1
    return shown, max(room, 8)


def _decision_table(result: BatchResult, group: CallGroup, lang: Lang, width: int) -> tuple[Table, bool]:
    """The table, and whether axis columns were left out."""
    columns = _Columns(result, group, lang)
    shown, pole_width = _layout(columns, width)
    title = DECISION_TABLE.get(lang)
    if result.several_calls:
        title = f"{title} — {escape_all_controls(call_label(group, lang))}"
    table = Table(title=title, title_justify="left", box=box.SQUARE, show_edge=True, pad_edge=False, padding=(0, 1))
    fixed = columns.fixed()
    axis_values = columns.axis_values()[:shown]
    rank_header, ranks, _ = fixed[0]
    table.add_column(rank_header, justify="right", no_wrap=True, width=_width(ranks, rank_header))
    table.add_column(POLE.get(lang), width=pole_width, overflow="fold")
    for index, (header, values, justify) in enumerate(fixed[1:], start=1):
        last = index == len(fixed) - 1
        size = _blocking_width(values, header) if last else _width(values, header)
        table.add_column(header, justify=justify, width=size, no_wrap=not last)  # type: ignore[arg-type]
    for header, values in axis_values:
        table.add_column(header, justify="right", width=_width(values, header))
    for index, row in enumerate(group.rows):
        details = result.store.details(row.record)
        pole = RichText(escape_all_controls(details.pole_name or "—"), style="bold")
        pole.append("\n" + wrap_name(escape_all_controls(shorten(row.dossier, columns.base)), pole_width), style="dim")
        cells: list[RichText | str] = [ranks[index], pole]
        for header, values, _ in fixed[1:]:
            if header == COLUMNS["verdict"].get(lang):
                cells.append(RichText(values[index], style=VERDICT_STYLE[row.verdict]))
            else:
                cells.append(RichText(values[index]))  # generated: figures, amounts and codes
        cells += [values[index] for _, values in axis_values]
        table.add_row(*cells)
    return table, shown < len(columns.axis_titles)


def _facts(console: Console, title: str, lines: list[tuple[str, str]], lang: Lang) -> None:
    console.print(RichText(escape_all_controls(title), style="bold"))
    for label, value in lines:
        line = RichText(f"  {label}{COLON.get(lang)} " if label else "  ")
        line.append(escape_all_controls(value))
        console.print(line)


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    console = make_console(stream, settings)
    hidden = False
    for group in result.groups:
        table, left_out = _decision_table(result, group, lang, console.width)
        console.print(table)
        hidden = hidden or left_out
    console.print(RichText(NOTES["points"].get(lang), style="dim"))
    if hidden:
        console.print(RichText(NOTES["axes"].get(lang), style="dim"))
    base = common_folder(result)
    if base:
        console.print(plain(NOTES["relative"].format(base=base).get(lang), style="dim"))
    for title, lines in sections(result, lang):
        _facts(console, title, lines, lang)
