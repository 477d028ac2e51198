"""`ptce-check criteria` for people: the known calls, or one call's rules and scoring grid.
Text from a call file (a funder may write one) is shown as is, never as markup. Each rule and
criterion says in words what it checks or measures (its kind's `describe`); `--verbose` adds the
kind's name, its params and the entry's rationale."""

from __future__ import annotations

import json
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from ptce_check.binding import BoundCall, load_call
from ptce_check.calls import CallCatalog, Cited, Criterion
from ptce_check.dates import in_words
from ptce_check.i18n import Lang, Text
from ptce_check.money import euros
from ptce_check.reporters.base import CallOptions, ReportSettings
from ptce_check.reporters.call_report import known_calls, params_data
from ptce_check.reporters.console import Cell, cell, make_console, plain

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
    "rules": (Text("Code", "Code"), Text("Règle", "Rule"), Text("Vérifie", "Checks"), Text("Source", "Source")),
    "grid": (
        Text("Axe", "Axis"),
        Text("Critère", "Criterion"),
        Text("Mesure", "Measures"),
        Text("Max", "Max"),
        Text("Paliers", "Bands"),
        Text("Source", "Source"),
    ),
}
VERBOSE_HEADERS = (Text("Type et paramètres", "Kind and params"), Text("Raisonnement", "Rationale"))


def _table(key: str, lang: Lang, verbose: bool) -> Table:
    table = Table(title=TITLES[key].get(lang), title_justify="left")
    for header in (*HEADERS[key], *(VERBOSE_HEADERS if verbose else ())):
        table.add_column(header.get(lang))
    return table


def _verbose_cells(kind: str, params: object, entry: Cited) -> tuple[Cell, Cell]:
    """The kind's name with its params as JSON, and the entry's rationale (`criteria --verbose`)."""
    data = params_data(params)
    shown = kind + (f" {json.dumps(data, ensure_ascii=False, allow_nan=False)}" if data else "")
    return cell(shown), cell(entry.rationale or "—")


def _bands(criterion: Criterion) -> str:
    sign = "≤" if criterion.better == "lower" else "≥"
    return ", ".join(f"{sign}{band.threshold:g} → {band.points:g}" for band in criterion.bands)


def _calls_table(lang: Lang, catalog: CallCatalog | None) -> Table:
    table = _table("calls", lang, verbose=False)
    for call in known_calls(catalog):
        table.add_row(
            cell(call.id),
            cell(call.title.text.get(lang)),
            in_words(call.deadline, lang) if call.deadline else "—",
            euros(call.envelope_eur).get(lang) if call.envelope_eur else "—",
            ", ".join(rule.code for rule in call.rules),
        )
    return table


def _rules_table(bound: BoundCall, lang: Lang, verbose: bool) -> Table:
    table = _table("rules", lang, verbose)
    for bound_rule in bound.rules:
        rule = bound_rule.rule
        table.add_row(
            cell(rule.code),
            cell(rule.title.get(lang)),
            cell(bound_rule.kind.describe(bound_rule.params).get(lang)),
            cell(rule.citation.get(lang)),
            *(_verbose_cells(rule.kind, bound_rule.params, rule) if verbose else ()),
        )
    return table


def _grid_table(bound: BoundCall, lang: Lang, verbose: bool) -> Table:
    table = _table("grid", lang, verbose)
    axes = {axis.id: axis.title.text.get(lang) for axis in bound.call.axes}
    for bound_criterion in bound.criteria:
        criterion = bound_criterion.criterion
        table.add_row(
            cell(axes[criterion.axis]),
            cell(criterion.title.text.get(lang)),
            cell(bound_criterion.metric.describe(bound_criterion.params).get(lang)),
            f"{criterion.max_points:g}",
            _bands(criterion),
            cell(criterion.citation.get(lang)),
            *(_verbose_cells(criterion.kind, bound_criterion.params, criterion) if verbose else ()),
        )
    return table


def _render_call(console: Console, bound: BoundCall, lang: Lang, verbose: bool) -> None:
    call = bound.call
    console.print(plain(f"{call.id} — {call.title.text.get(lang)}", style="bold"))
    console.print(cell(call.summary.text.get(lang)))
    if call.deadline is not None:
        console.print(RichText(DEADLINE.format(date=in_words(call.deadline, lang)).get(lang)))
    console.print(_rules_table(bound, lang, verbose))
    console.print(_grid_table(bound, lang, verbose))


def render(
    call_id: str | None, stream: TextIO, settings: ReportSettings, options: CallOptions | None = None, /
) -> None:
    options = options or CallOptions()
    if call_id is None:
        calls = _calls_table(settings.lang, options.catalog)
        make_console(stream, settings).print(calls)
        return
    bound = load_call(call_id, options.catalog)
    _render_call(make_console(stream, settings), bound, settings.lang, options.verbose)
