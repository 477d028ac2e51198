"""`--format json`: always one JSON document, a list with one object per dossier."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from ptce_check.assessment import Assessment
from ptce_check.reporters.base import ReportSettings
from ptce_check.textsafe import escape_json_invisible


def render(assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    document = json.dumps(
        [a.to_dict(settings.lang) for a in assessments], ensure_ascii=False, allow_nan=False, indent=2
    )
    stream.write(escape_json_invisible(document))
    stream.write("\n")
