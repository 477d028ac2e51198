"""`screen -f markdown`: summary and decision table as GitHub-flavoured Markdown. Dossier text
is escaped so that it renders literally (no links, no HTML, no table breaks)."""

from __future__ import annotations

from typing import TextIO

from ptce_check.i18n import COLON, Lang
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import DECISION_TABLE, TITLE, sections
from ptce_check.reporters.batch.table import Cell, call_label, cells, columns, number
from ptce_check.screening.batch import BatchResult, CallGroup
from ptce_check.textsafe import escape_markdown


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    return number(value) if isinstance(value, float) else escape_markdown(value)


def _facts(stream: TextIO, title: str, lines: list[tuple[str, str]], lang: Lang) -> None:
    stream.write(f"\n## {title}\n\n")
    for label, value in lines:
        labelled = f"{escape_markdown(label)}{COLON.get(lang)} " if label else ""
        stream.write(f"- {labelled}{escape_markdown(value)}\n")


def _table(stream: TextIO, result: BatchResult, lang: Lang, group: CallGroup | None, title: str) -> None:
    header = columns(result, lang, group)
    stream.write(f"\n## {escape_markdown(title)}\n\n")
    stream.write("| " + " | ".join(escape_markdown(c.title) for c in header) + " |\n")
    stream.write("|" + "|".join("---:" if c.numeric else "---" for c in header) + "|\n")
    for line in cells(result, lang, group):
        stream.write("| " + " | ".join(_cell(v) for v in line) + " |\n")


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    stream.write(f"# {TITLE.get(lang)}\n")
    for title, lines in sections(result, lang):
        _facts(stream, title, lines, lang)
    if not result.several_calls:
        _table(stream, result, lang, None, DECISION_TABLE.get(lang))
        return
    for group in result.groups:
        _table(stream, result, lang, group, f"{DECISION_TABLE.get(lang)} — {call_label(group, lang)}")
