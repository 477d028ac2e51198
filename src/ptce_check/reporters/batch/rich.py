"""`screen -f rich` (alias `table`): the ranked decision table and the summary for people."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from ptce_check.assessment import Verdict
from ptce_check.i18n import Lang, Text
from ptce_check.money import euros
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import DECISION_TABLE, sections
from ptce_check.reporters.batch.table import COLUMNS, axes, axis_points, common_folder, shorten
from ptce_check.reporters.console import VERDICT_STYLE, make_console, plain
from ptce_check.screening.batch import BatchResult
from ptce_check.textsafe import escape_all_controls

SHORT_VERDICT = {
    Verdict.ADMISSIBLE: Text("recevable", "admissible"),
    Verdict.NOT_ADMISSIBLE: Text("non recevable", "not admissible"),
    Verdict.INVALID: Text("invalide", "invalid"),
}
NOTES = {
    "points": Text(
        "Points par critère : formats csv, markdown, html et json.",
        "Points per criterion: csv, markdown, html and json formats.",
    ),
    "relative": Text("Chemins relatifs à {base}", "Paths relative to {base}"),
}


def _decision_table(result: BatchResult, lang: Lang) -> Table:
    axis_titles = axes(result, lang)
    funded = {row.dossier for row in result.funding.funded} if result.funding else set()
    table = Table(title=DECISION_TABLE.get(lang), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(COLUMNS["dossier"].get(lang), overflow="fold", min_width=18)
    table.add_column(COLUMNS["verdict"].get(lang), no_wrap=True)
    table.add_column(COLUMNS["score"].get(lang), justify="right")
    for title in axis_titles.values():
        table.add_column(title, justify="right")
    table.add_column(COLUMNS["requested_short"].get(lang), justify="right", no_wrap=True)
    if result.funding is not None:
        table.add_column(COLUMNS["funded"].get(lang))
    table.add_column(COLUMNS["blocking"].get(lang))
    base = common_folder(result)
    for rank, row in enumerate(result.rows, start=1):
        points = axis_points(result, row)
        cells: list[RichText | str] = [
            str(rank),
            plain(shorten(row.dossier, base)),
            RichText(SHORT_VERDICT[row.verdict].get(lang), style=VERDICT_STYLE[row.verdict]),
            f"{row.score:g}" if row.score is not None else "—",
        ]
        cells += [f"{points[a]:g}" if a in points else "" for a in axis_titles]
        cells.append(euros(row.requested_grant_eur).get(lang) if row.requested_grant_eur is not None else "—")
        if result.funding is not None:
            cells.append("✔" if row.dossier in funded else "")
        cells.append(plain(" ".join(row.blocking)))
        table.add_row(*cells)
    return table


def _facts(console: Console, title: str, lines: list[tuple[str, str]]) -> None:
    console.print(RichText(title, style="bold"))
    for label, value in lines:
        line = RichText(f"  {label} : " if label else "  ")
        line.append(escape_all_controls(value))
        console.print(line)


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    console = make_console(stream, settings)
    console.print(_decision_table(result, lang))
    console.print(RichText(NOTES["points"].get(lang), style="dim"))
    base = common_folder(result)
    if base:
        console.print(plain(NOTES["relative"].format(base=base).get(lang), style="dim"))
    for title, lines in sections(result, lang):
        _facts(console, title, lines)
