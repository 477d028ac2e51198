"""What the rich formats share: one console, set up the same way, and text shown as is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text as RichText

from ptce_check.assessment import Verdict
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.excerpt import longest_word, wrap_offsets
from ptce_check.textsafe import escape_all_controls

VERDICT_STYLE = {Verdict.ADMISSIBLE: "bold green", Verdict.NOT_ADMISSIBLE: "bold red", Verdict.INVALID: "bold magenta"}


def make_console(stream: TextIO, settings: ReportSettings) -> Console:
    """No markup, highlighting or emoji codes: text from files is printed as written."""
    return Console(
        file=stream,
        force_terminal=settings.color,
        no_color=True if settings.color is False else None,
        color_system=None if settings.color is False else "auto",
        width=settings.width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def plain(text: str | None, style: str = "") -> RichText:
    """Applicant, call-file or generated text, shown as is: no markup, invisible characters escaped."""
    return RichText(escape_all_controls(text or ""), style=style)


class Cell:
    """A table cell of text wrapped as French typography wants (never before `: ; ! ? »`, never
    after `«`, never at a no-break space), where rich would break at any space."""

    def __init__(self, text: RichText) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain_text = self.text.plain
        widest = max((cell_len(line) for line in plain_text.splitlines()), default=0)
        return Measurement(longest_word(plain_text), widest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RichText]:
        width = options.max_width
        lines: list[RichText] = []
        for line in self.text.split("\n"):
            for part in line.divide(wrap_offsets(line.plain, width, 0, 0)):
                part.rstrip()
                lines += _folded(part, width)
        yield RichText("\n").join(lines)


def _folded(line: RichText, width: int) -> list[RichText]:
    """A word wider than the cell (an address) cut every `width` cells, kept whole with what
    follows it, where rich would cut it short and move its `;` to a line of its own."""
    offsets, used = [], 0
    for index, character in enumerate(line.plain):
        cells = cell_len(character)
        if used + cells > width and used:
            offsets.append(index)
            used = 0
        used += cells
    # Never a line of punctuation alone: the end of the word goes down with it.
    while offsets and offsets[-1] > 1 and not line.plain[offsets[-1] :].strip(_SIGNS):
        offsets[-1] -= 1
    return list(line.divide(offsets))


_SIGNS = " \u00a0\u202f»:;!?.,)"


def cell(text: str | None, style: str = "") -> Cell:
    """`plain` text for a table cell."""
    return Cell(plain(text, style))
