"""`--format json-lines`: one compact JSON object per dossier and per line (the objects of
`--format json`), each flushed as soon as its dossier is assessed, for `jq` and log pipelines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ptce_check.assessment import Assessment
from ptce_check.reporters.base import ReportSettings
from ptce_check.textsafe import escape_json_invisible


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    for assessment in assessments:
        line = json.dumps(assessment.to_dict(settings.lang), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        stream.write(escape_json_invisible(line) + "\n")
        stream.flush()
