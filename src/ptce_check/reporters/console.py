"""What the rich formats share: one console, set up the same way, and text shown as is."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text as RichText

from ptce_check.assessment import Verdict
from ptce_check.reporters.base import ReportSettings
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
