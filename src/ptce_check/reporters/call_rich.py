"""`ptce-check criteria` for people: the known calls, or one call's rules and scoring grid.
Text from a call file (a funder may write one) is shown as is, never as markup."""

from __future__ import annotations

import json
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from ptce_check.binding import BoundCall, load_call
from ptce_check.calls import Criterion
from ptce_check.dates import in_words
from ptce_check.i18n import Lang, Text
from ptce_check.money import euros
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.call_report import known_calls, params_data
from ptce_check.reporters.console import make_console, plain

TITLES = {
    "calls": Text("Appels connus", "Known calls"),
    "rules": Text("Règles d'admissibilité", "Admissibility rules"),
    "grid": Text("Grille de sélection (100 points)", "Selection grid (100 points)"),
}
DEADLINE = Text("Clôture\u00a0: {date}", "Deadline: {date}")
HEADERS = {
    "calls": (
        Text("Identifiant", "Id"),
        Text("Titre", "Title"),
        Text("Clôture", "Deadline"),
        Text("Enveloppe", "Envelope"),
        Text("Règles", "Rules"),
    ),
    "rules": (Text("Code", "Code"), Text("Règle", "Rule"), Text("Type", "Kind"), Text("Source", "Source")),
    "grid": (
        Text("Axe", "Axis"),
        Text("Critère", "Criterion"),
        Text("Max", "Max"),
        Text("Paliers", "Bands"),
        Text("Source", "Source"),
    ),
}


def _table(key: str, lang: Lang) -> Table:
    table = Table(title=TITLES[key].get(lang), title_justify="left")
    for header in HEADERS[key]:
        table.add_column(header.get(lang))
    return table


def _bands(criterion: Criterion) -> str:
    sign = "≤" if criterion.better == "lower" else "≥"
    return ", ".join(f"{sign}{band.threshold:g} → {band.points:g}" for band in criterion.bands)


def _calls_table(lang: Lang) -> Table:
    table = _table("calls", lang)
    for call in known_calls():
        table.add_row(
            plain(call.id),
            plain(call.title.text.get(lang)),
            in_words(call.deadline, lang) if call.deadline else "—",
            euros(call.envelope_eur).get(lang) if call.envelope_eur else "—",
            ", ".join(rule.code for rule in call.rules),
        )
    return table


def _rules_table(bound: BoundCall, lang: Lang) -> Table:
    table = _table("rules", lang)
    for rule, bound_params in ((b.rule, b.params) for b in bound.rules):
        params = params_data(bound_params)
        kind = rule.kind + (f" {json.dumps(params, ensure_ascii=False, allow_nan=False)}" if params else "")
        table.add_row(plain(rule.code), plain(rule.title.get(lang)), plain(kind), plain(rule.citation.get(lang)))
    return table


def _grid_table(bound: BoundCall, lang: Lang) -> Table:
    table = _table("grid", lang)
    axes = {axis.id: axis.title.text.get(lang) for axis in bound.call.axes}
    for criterion in bound.call.scoring:
        table.add_row(
            plain(axes[criterion.axis]),
            plain(criterion.title.text.get(lang)),
            f"{criterion.max_points:g}",
            _bands(criterion),
            plain(criterion.citation.get(lang)),
        )
    return table


def _render_call(console: Console, bound: BoundCall, lang: Lang) -> None:
    call = bound.call
    console.print(plain(f"{call.id} — {call.title.text.get(lang)}", style="bold"))
    console.print(plain(call.summary.text.get(lang)))
    if call.deadline is not None:
        console.print(RichText(DEADLINE.format(date=in_words(call.deadline, lang)).get(lang)))
    console.print(_rules_table(bound, lang))
    console.print(_grid_table(bound, lang))


def render(call_id: str | None, stream: TextIO, settings: ReportSettings) -> None:
    if call_id is None:
        calls = _calls_table(settings.lang)
        make_console(stream, settings).print(calls)
        return
    bound = load_call(call_id)
    _render_call(make_console(stream, settings), bound, settings.lang)
