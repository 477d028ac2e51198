"""`ptce-check criteria [-f json]`: the known calls, or one call's rules and grid, as JSON data
(`call_rich` shows the same for people)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ptce_check.binding import BoundCall, load_call
from ptce_check.calls import Call, CallCatalog, list_calls
from ptce_check.citations import reference_text
from ptce_check.i18n import Lang
from ptce_check.reporters.base import CallOptions, ReportSettings


def params_data(params: Any) -> dict[str, Any]:
    return params.model_dump() if params is not None else {}


def known_calls(catalog: CallCatalog | None = None) -> list[Call]:
    """The calls known to the run: shipped, and those of its calls folders."""
    return [load_call(call_id, catalog).call for call_id in list_calls(catalog)]


def listed_call_data(call: Call, lang: Lang) -> dict[str, Any]:
    return {
        "id": call.id,
        "title": call.title.text.get(lang),
        "deadline": call.deadline.isoformat() if call.deadline else None,
        "envelope_eur": call.envelope_eur,
    }


def call_data(bound: BoundCall, lang: Lang) -> dict[str, Any]:
    call = bound.call
    return {
        "id": call.id,
        "title": call.title.text.get(lang),
        "summary": call.summary.text.get(lang),
        "deadline": call.deadline.isoformat() if call.deadline else None,
        "envelope_eur": call.envelope_eur,
        "grant_range": (
            {
                "min_eur": call.grant_range.min_eur,
                "max_eur": call.grant_range.max_eur,
                "source": call.grant_range.citation.get(lang),
            }
            if call.grant_range
            else None
        ),
        "sources": [
            {**reference.model_dump(exclude_none=True), "text": reference_text(reference, lang)}
            for reference in call.sources.values()
        ],
        "rules": [
            {
                "code": r.code,
                "kind": r.kind,
                "title": r.title.get(lang),
                "checks": b.kind.describe(b.params).get(lang),
                "source": r.citation.get(lang),
                "params": params_data(b.params),
                "rationale": r.rationale,
            }
            for r, b in ((b.rule, b) for b in bound.rules)
        ],
        "scoring": [
            {
                "id": c.id,
                "axis": c.axis,
                "kind": c.kind,
                "title": c.title.text.get(lang),
                "measures": b.metric.describe(b.params).get(lang),
                "max_points": c.max_points,
                "better": c.better,
                "bands": [b.model_dump() for b in c.bands],
                "source": c.citation.get(lang),
                "params": params_data(b.params),
                "rationale": c.rationale,
            }
            for c, b in ((b.criterion, b) for b in bound.criteria)
        ],
    }


def render(
    call_id: str | None, stream: TextIO, settings: ReportSettings, options: CallOptions | None = None, /
) -> None:
    """JSON keeps every field (kinds, params, rationale) whatever `options.verbose` says: it is data."""
    options = options or CallOptions()
    if call_id is None:
        data: Any = [listed_call_data(call, settings.lang) for call in known_calls(options.catalog)]
    else:
        data = call_data(load_call(call_id, options.catalog), settings.lang)
    json.dump(data, stream, ensure_ascii=False, allow_nan=False, indent=2)
    stream.write("\n")
