"""`--format json`: always one JSON document, a list with one object per dossier."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ptce_check.assessment import Assessment
from ptce_check.jsonbytes import dumps
from ptce_check.reporters.base import ReportSettings


def render(assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    stream.write(dumps([a.to_dict(settings.lang) for a in assessments], indent=True).decode("utf-8"))
    stream.write("\n")
