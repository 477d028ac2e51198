"""`--format github`: GitHub Actions workflow commands.

The first 10 errors and 10 warnings become annotations on the pull request (GitHub shows no
more per step); the whole report goes to the log, and as Markdown to the job summary when
`GITHUB_STEP_SUMMARY` names its file. Dossier text can never become a workflow command: the
annotations' values are escaped as the Actions toolkit escapes them (`toCommandValue`,
`escapeData`, `escapeProperty`), and every other line is printed between `::stop-commands::`
and a random token that no dossier can know, with no line starting with dossier text.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ptce_check.assessment import Assessment
from ptce_check.errors import UserError
from ptce_check.findings import Finding, Severity
from ptce_check.i18n import Lang, Text, plural
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.concise import finding_line, verdict_line
from ptce_check.reporters.github_summary import summary_markdown
from ptce_check.reporters.locations import position, relative_path, source_file, with_cell
from ptce_check.reporters.totals import totals_line
from ptce_check.textsafe import escape_all_controls

#: GitHub shows at most this many annotations of each level for one step.
MAX_ANNOTATIONS = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
LOG_PREFIX = "ptce-check: "


def escape_data(text: str) -> str:
    """The toolkit's `escapeData`: the message part of a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The toolkit's `escapeProperty`: a `key=value` property, where `:` and `,` are syntax."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(dossier: str, finding: Finding, lang: Lang) -> str:
    """`::error file=…,line=…,col=…,title=CODE::message`, the hint on a second line."""
    where = position(finding)
    properties = {
        "file": escape_all_controls(relative_path(source_file(dossier, finding))),
        "line": str(where.line),
        "col": str(where.column),
        "title": finding.code,
    }
    message = escape_all_controls(with_cell(finding, finding.message.get(lang), lang))
    if finding.hint is not None:
        message += "\n→ " + escape_all_controls(finding.hint.get(lang))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def _annotated(assessments: Sequence[Assessment]) -> tuple[list[tuple[str, Finding]], int]:
    """The findings to annotate, the first ones of each level, and how many are left out."""
    chosen: list[tuple[str, Finding]] = []
    counts = dict.fromkeys(Severity, 0)
    left_out = 0
    for assessment in assessments:
        for finding in assessment.findings:
            counts[finding.severity] += 1
            if counts[finding.severity] <= MAX_ANNOTATIONS:
                chosen.append((assessment.dossier, finding))
            else:
                left_out += 1
    return chosen, left_out


def _totals(assessments: Sequence[Assessment], lang: Lang) -> str:
    return LOG_PREFIX + totals_line(assessments, lang)


def _log(assessments: Sequence[Assessment], stream: TextIO, lang: Lang) -> None:
    """The whole report in a collapsible group, with workflow commands switched off."""
    token = secrets.token_hex(16)
    stream.write(f"::group::{escape_data(_totals(assessments, lang))}\n")
    stream.write(f"::stop-commands::{token}\n")
    for assessment in assessments:
        for finding in assessment.findings:
            stream.write(LOG_PREFIX + finding_line(assessment.dossier, finding, lang) + "\n")
        stream.write(LOG_PREFIX + verdict_line(assessment, lang) + "\n")
    stream.write(f"::{token}::\n")
    stream.write("::endgroup::\n")


def _not_annotated(count: int) -> str:
    return "n'est pas annoté" if count < 2 else "ne sont pas annotés"


def _left_out_note(left_out: int, lang: Lang) -> str:
    return LOG_PREFIX + Text(
        f"{plural(left_out, 'constat de plus', 'constats de plus')} {_not_annotated(left_out)} "
        f"(GitHub en montre {MAX_ANNOTATIONS} par gravité)\u00a0: "
        "ils sont dans le journal ci-dessus et le résumé de la tâche",
        f"{plural(left_out, 'more finding is', 'more findings are', 'en')} not annotated "
        f"(GitHub shows {MAX_ANNOTATIONS} per level): "
        "they are in the log above and in the job summary",
    ).get(lang)


def append_summary(markdown: str) -> None:
    """Append to the job summary file that GitHub names in `GITHUB_STEP_SUMMARY`, if any."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with Path(target).open("a", encoding="utf-8", newline="\n") as summary:
            summary.write(markdown)
    except OSError as error:
        raise UserError(
            Text(
                f"écriture impossible du résumé GITHUB_STEP_SUMMARY ({target})\u00a0: {error.strerror}",
                f"cannot write the GITHUB_STEP_SUMMARY job summary ({target}): {error.strerror}",
            )
        ) from error


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    every = list(assessments)
    chosen, left_out = _annotated(every)
    for dossier, finding in chosen:
        stream.write(annotation(dossier, finding, settings.lang) + "\n")
    _log(every, stream, settings.lang)
    stream.write(_totals(every, settings.lang) + "\n")
    if left_out:
        stream.write(_left_out_note(left_out, settings.lang) + "\n")
    append_summary(summary_markdown(every, settings.lang))
