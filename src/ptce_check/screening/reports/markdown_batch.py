"""`screen -f markdown`: summary and decision table as GitHub-flavoured Markdown. Dossier text
is escaped so that it renders literally (no links, no HTML, no table breaks)."""

from __future__ import annotations

from typing import TextIO

from ptce_check.screening.batch import BatchResult
from ptce_check.screening.reports import BatchSettings
from ptce_check.screening.reports.facts import sections
from ptce_check.screening.table import Cell, cells, columns, number
from ptce_check.textsafe import escape_markdown


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    return number(value) if isinstance(value, float) else escape_markdown(value)


def _facts(stream: TextIO, title: str, lines: list[tuple[str, str]]) -> None:
    stream.write(f"\n## {title}\n\n")
    for label, value in lines:
        stream.write(
            f"- {escape_markdown(label)} : {escape_markdown(value)}\n" if label else f"- {escape_markdown(value)}\n"
        )


def render(result: BatchResult, stream: TextIO, settings: BatchSettings) -> None:
    lang = settings.lang
    fr = lang == "fr"
    stream.write("# " + ("Examen des dossiers PTCE" if fr else "PTCE dossier screening") + "\n")
    for title, lines in sections(result, lang):
        _facts(stream, title, lines)
    header = columns(result, lang)
    stream.write("\n## " + ("Tableau de décision" if fr else "Decision table") + "\n\n")
    stream.write("| " + " | ".join(escape_markdown(c.title) for c in header) + " |\n")
    stream.write("|" + "|".join("---:" if c.numeric else "---" for c in header) + "|\n")
    for line in cells(result, lang):
        stream.write("| " + " | ".join(_cell(v) for v in line) + " |\n")
