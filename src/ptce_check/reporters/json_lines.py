"""`--format json-lines`: one compact JSON object per dossier and per line (the objects of
`--format json`), each flushed as soon as its dossier is assessed, for `jq` and log pipelines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ptce_check.assessment import Assessment
from ptce_check.jsonbytes import dumps
from ptce_check.reporters.base import ReportSettings


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    for assessment in assessments:
        stream.write(dumps(assessment.to_dict(settings.lang)).decode("utf-8") + "\n")
        stream.flush()
