"""What `ptce-check criteria` shows: the known calls, or one call's rules and grid."""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text as RichText

from ptce_check.binding import BoundCall, load_call
from ptce_check.calls import Criterion, list_calls
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text
from ptce_check.money import euros
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.rich_report import make_console
from ptce_check.textsafe import escape_all_controls

FORMATS = ("rich", "json")


def _check_format(format_name: str) -> str:
    name = "rich" if format_name in ("table", "auto") else format_name
    if name not in FORMATS:
        raise UserError(
            Text(f"format inconnu « {format_name} » (rich ou json)", f"unknown format '{format_name}' (rich or json)")
        )
    return name


def _safe(text: str, style: str = "") -> RichText:
    """Text from a call file (a funder may write one): no markup, invisible characters escaped."""
    return RichText(escape_all_controls(text), style=style)


def _bands(criterion: Criterion) -> str:
    sign = "≤" if criterion.better == "lower" else "≥"
    return ", ".join(f"{sign}{band.threshold:g} → {band.points:g}" for band in criterion.bands)


def _params(params: Any) -> dict[str, Any]:
    return params.model_dump() if params is not None else {}


def call_data(bound: BoundCall, lang: Lang) -> dict[str, Any]:
    call = bound.call
    return {
        "id": call.id,
        "title": call.title.text.get(lang),
        "summary": call.summary.text.get(lang),
        "deadline": call.deadline.isoformat() if call.deadline else None,
        "envelope_eur": call.envelope_eur,
        "grant_range": call.grant_range.model_dump() if call.grant_range else None,
        "sources": call.sources,
        "rules": [
            {
                "code": r.code,
                "kind": r.kind,
                "title": r.title.get(lang),
                "source": r.source,
                "params": _params(params),
            }
            for r, params in ((b.rule, b.params) for b in bound.rules)
        ],
        "scoring": [
            {
                "id": c.id,
                "axis": c.axis,
                "kind": c.kind,
                "title": c.title.text.get(lang),
                "max_points": c.max_points,
                "better": c.better,
                "bands": [b.model_dump() for b in c.bands],
                "source": c.source,
                "params": _params(params),
            }
            for c, params in ((b.criterion, b.params) for b in bound.criteria)
        ],
    }


def render_calls(stream: TextIO, format_name: str, lang: Lang, color: bool | None) -> None:
    calls = [load_call(call_id).call for call_id in list_calls()]
    if _check_format(format_name) == "json":
        json.dump(
            [
                {
                    "id": c.id,
                    "title": c.title.text.get(lang),
                    "deadline": c.deadline.isoformat() if c.deadline else None,
                    "envelope_eur": c.envelope_eur,
                }
                for c in calls
            ],
            stream,
            ensure_ascii=False,
            allow_nan=False,
            indent=2,
        )
        stream.write("\n")
        return
    console = make_console(stream, ReportSettings(lang, color))
    fr = lang == "fr"
    table = Table(title="Appels connus" if fr else "Known calls", title_justify="left")
    for header in (
        ("Identifiant", "Id"),
        ("Titre", "Title"),
        ("Clôture", "Deadline"),
        ("Enveloppe", "Envelope"),
        ("Règles", "Rules"),
    ):
        table.add_column(header[0] if fr else header[1])
    for call in calls:
        table.add_row(
            _safe(call.id),
            _safe(call.title.text.get(lang)),
            call.deadline.isoformat() if call.deadline else "—",
            euros(call.envelope_eur).get(lang) if call.envelope_eur else "—",
            ", ".join(rule.code for rule in call.rules),
        )
    console.print(table)


def render_call(call_id: str, stream: TextIO, format_name: str, lang: Lang, color: bool | None) -> None:
    bound = load_call(call_id)
    call = bound.call
    if _check_format(format_name) == "json":
        json.dump(call_data(bound, lang), stream, ensure_ascii=False, allow_nan=False, indent=2)
        stream.write("\n")
        return
    fr = lang == "fr"
    console = make_console(stream, ReportSettings(lang, color))
    console.print(_safe(f"{call.id} — {call.title.text.get(lang)}", style="bold"))
    console.print(_safe(call.summary.text.get(lang)))
    if call.deadline is not None:
        console.print(RichText(("Clôture : " if fr else "Deadline: ") + call.deadline.isoformat()))
    rules = Table(title="Règles d'admissibilité" if fr else "Admissibility rules", title_justify="left")
    for header in (("Code", "Code"), ("Règle", "Rule"), ("Type", "Kind"), ("Source", "Source")):
        rules.add_column(header[0] if fr else header[1])
    for rule, bound_params in ((b.rule, b.params) for b in bound.rules):
        params = _params(bound_params)
        kind = rule.kind + (f" {json.dumps(params, ensure_ascii=False, allow_nan=False)}" if params else "")
        rules.add_row(_safe(rule.code), _safe(rule.title.get(lang)), _safe(kind), _safe(rule.source))
    console.print(rules)
    grid = Table(
        title="Grille de sélection (100 points)" if fr else "Selection grid (100 points)", title_justify="left"
    )
    for header in (
        ("Axe", "Axis"),
        ("Critère", "Criterion"),
        ("Max", "Max"),
        ("Paliers", "Bands"),
        ("Source", "Source"),
    ):
        grid.add_column(header[0] if fr else header[1])
    axes = {axis.id: axis.title.text.get(lang) for axis in call.axes}
    for criterion in call.scoring:
        grid.add_row(
            _safe(axes[criterion.axis]),
            _safe(criterion.title.text.get(lang)),
            f"{criterion.max_points:g}",
            _bands(criterion),
            _safe(criterion.source),
        )
    console.print(grid)
