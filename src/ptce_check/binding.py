"""A call bound to its kinds: each rule and criterion of a call file paired with the module
that checks or measures it, and its parameters validated by that module's `Params`.

Binding is also where a call file's consistency is checked: known kinds and valid parameters,
a grid of 100 points, criteria on the call's axes, each best band worth its criterion's
`max_points`, unique rule codes, and titles from `codes.py`. Every problem is reported at the
offending entry (`FILE:LINE:COL: path: message`), all of them at once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from msgspec import Struct
from pydantic import BaseModel, ValidationError

from ptce_check.calls import (
    Call,
    CallCatalog,
    CallFile,
    Cited,
    Criterion,
    InvalidCallFile,
    Rule,
    command_line_path,
    invalid_call_file,
    names_a_file,
    read_call,
    shipped_path,
)
from ptce_check.checks import RULE_KINDS
from ptce_check.codes import CODES
from ptce_check.findings import Path as DataPath
from ptce_check.findings import format_path
from ptce_check.i18n import Text
from ptce_check.kinds import MetricKind, RuleKind
from ptce_check.metrics import METRICS
from ptce_check.textsafe import escape_all_controls

GRID_TOTAL = 100


class BoundRule(Struct, frozen=True):
    rule: Rule
    kind: RuleKind
    params: BaseModel
    # What every dossier's result repeats, computed once per call rather than once per dossier.
    title: Text
    source: str
    #: The hint of a failure that gives none of its own: the rule and its citation.
    default_hint: Text


class BoundCriterion(Struct, frozen=True):
    criterion: Criterion
    metric: MetricKind
    params: BaseModel
    # Likewise computed once per call.
    title: Text
    source: str


class BoundCall(Struct, frozen=True):
    call: Call
    rules: tuple[BoundRule, ...]
    criteria: tuple[BoundCriterion, ...]


class Problem(Struct, frozen=True):
    """One inconsistency of a call file: where it is (a path in the file) and what it is."""

    loc: DataPath
    message: Text
    #: Shown where the key is written (an unknown key), not its value.
    at_key: bool = False


def load_call(id_or_path: str, catalog: CallCatalog | None = None) -> BoundCall:
    """A call named on the command line (`--call`): a known id or a call file's path. Any
    problem is a UserError naming file, line and column."""
    if not names_a_file(id_or_path):
        return shipped_call(id_or_path, catalog)
    return bound_file(command_line_path(id_or_path))


def shipped_call(call_id: str, catalog: CallCatalog | None = None) -> BoundCall:
    """A call named inside a dossier: only ever a known call's id (shipped, or in a calls folder
    of the run's catalog). The value is never read as a file name, so a dossier does not choose
    which file on disk is opened."""
    path = shipped_path(call_id, catalog)
    return bound_file(path, call_id if catalog is not None and catalog.is_extra(call_id) else None)


@functools.cache
def bound_file(path: Path, expected_id: str | None = None) -> BoundCall:
    """The call of one file, bound (files do not change while the program runs)."""
    return bind(read_call(path), expected_id)


def bind(read: CallFile, expected_id: str | None = None) -> BoundCall:
    """The call of a file bound to its kinds; a UserError listing every problem, in file order.
    A call found by id in a calls folder must carry that id (`expected_id`, its file's name)."""
    problems = [*problems_of(read.call), *id_problems(read.call, expected_id)]
    if problems:
        ordered = sorted(problems, key=lambda problem: _file_order(read, problem))
        raise invalid_call_file([_line(read, problem) for problem in ordered])
    return BoundCall(read.call, tuple(_bound_rules(read.call)), tuple(_bound_criteria(read.call)))


def file_problems(path: Path) -> list[Text]:
    """Each problem of a call file as `FILE:LINE:COL: message`, in file order; none when valid."""
    try:
        bind(read_call(path))
    except InvalidCallFile as error:
        return list(error.lines)
    return []


def problems_of(call: Call) -> list[Problem]:
    """Every inconsistency of a call: kinds, parameters, the grid, rule codes, titles and sources."""
    return [*_kind_problems(call), *_grid_problems(call), *_rule_problems(call), *_source_problems(call)]


def id_problems(call: Call, expected_id: str | None) -> list[Problem]:
    """A call known by its file's name whose `id` says otherwise."""
    if expected_id is None or call.id == expected_id:
        return []
    shown = escape_all_controls(expected_id)
    return [
        Problem(
            ("id",),
            Text(
                f"l'identifiant doit être le nom du fichier\u00a0: « {shown} »",
                f"the id must be the file's name: '{shown}'",
            ),
        )
    ]


def _bound_rules(call: Call) -> Iterator[BoundRule]:
    for rule in call.rules:
        kind = RULE_KINDS[rule.kind]
        citation = rule.citation
        yield BoundRule(
            rule,
            kind,
            kind.Params.model_validate(rule.params),
            rule.title,
            citation.fr,
            Text(f"règle {rule.code}\u00a0: {citation.fr}", f"rule {rule.code}: {citation.en}"),
        )


def _bound_criteria(call: Call) -> Iterator[BoundCriterion]:
    for criterion in call.scoring:
        metric = METRICS[criterion.kind]
        yield BoundCriterion(
            criterion, metric, metric.Params.model_validate(criterion.params), criterion.title.text, criterion.source
        )


def _file_order(read: CallFile, problem: Problem) -> tuple[int, int]:
    position = read.source_map.lookup(problem.loc, at_key=problem.at_key)
    return position.line, position.column


def _line(read: CallFile, problem: Problem) -> Text:
    where = read.where(problem.loc, problem.at_key)
    path = format_path(problem.loc) or "<root>"
    return Text(
        f"{where}: {escape_all_controls(f'{path}: {problem.message.fr}')}",
        f"{where}: {escape_all_controls(f'{path}: {problem.message.en}')}",
    )


# --- kinds and their parameters -------------------------------------------------------------


def _kind_problems(call: Call) -> Iterator[Problem]:
    for index, rule in enumerate(call.rules):
        yield from _entry_problems(("rules", index), rule.kind, rule.params, RULE_KINDS, _RULE_KIND)
    for index, criterion in enumerate(call.scoring):
        yield from _entry_problems(("scoring", index), criterion.kind, criterion.params, METRICS, _CRITERION_KIND)


_RULE_KIND = ("type de règle inconnu", "unknown rule kind")
_CRITERION_KIND = ("type de critère inconnu", "unknown criterion kind")


def _entry_problems(
    loc: DataPath, kind: str, params: dict[str, Any], known: Mapping[str, Any], label: tuple[str, str]
) -> Iterator[Problem]:
    module = known.get(kind)
    if module is None:
        listed = ", ".join(sorted(known))
        yield Problem(
            (*loc, "kind"),
            Text(f"{label[0]} « {kind} » (connus\u00a0: {listed})", f"{label[1]} '{kind}' (known: {listed})"),
        )
        return
    try:
        module.Params.model_validate(params)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            at_key = item["type"] == "extra_forbidden"
            yield Problem((*loc, "params", *item["loc"]), Text(item["msg"], item["msg"]), at_key)


# --- the scoring grid -----------------------------------------------------------------------


def _grid_problems(call: Call) -> Iterator[Problem]:
    yield from _total_problem(call)
    axes = [axis.id for axis in call.axes]
    for index, criterion in enumerate(call.scoring):
        if criterion.axis not in axes:
            listed = ", ".join(axes)
            yield Problem(
                ("scoring", index, "axis"),
                Text(
                    f"axe inconnu « {criterion.axis} » (axes de l'appel\u00a0: {listed})",
                    f"unknown axis '{criterion.axis}' (the call's axes: {listed})",
                ),
            )
        yield from _band_problems(index, criterion)


REVIEWER_KIND = "reviewer"


def _band_problems(index: int, criterion: Criterion) -> Iterator[Problem]:
    """A reviewer criterion has no bands (the reviewers give its points, up to `max_points`);
    every other has at least one, its best worth `max_points`."""
    if criterion.kind == REVIEWER_KIND:
        if criterion.bands:
            yield Problem(
                ("scoring", index, "bands"),
                Text(
                    "un critère « reviewer » n'a pas de paliers\u00a0: les relecteurs donnent ses points",
                    "a 'reviewer' criterion has no bands: the reviewers give its points",
                ),
                at_key=True,
            )
        return
    if not criterion.bands:
        yield Problem(
            ("scoring", index),
            Text("paliers absents\u00a0: donnez « bands »", "no bands: give 'bands'"),
        )
        return
    best = max(band.points for band in criterion.bands)
    if best != criterion.max_points:
        yield Problem(
            ("scoring", index, "max_points"),
            Text(
                f"le meilleur palier donne {best:g} points, max_points vaut {criterion.max_points:g}",
                f"the best band gives {best:g} points, max_points is {criterion.max_points:g}",
            ),
        )


def _total_problem(call: Call) -> Iterator[Problem]:
    """A total other than 100, at the last criterion's `max_points`, with each axis's subtotal:
    the call's published grid gives them, so the funder sees which axis is off."""
    total = sum(criterion.max_points for criterion in call.scoring)
    if abs(total - GRID_TOTAL) <= 1e-9:
        return
    subtotals: dict[str, float] = {}
    for criterion in call.scoring:
        subtotals[criterion.axis] = subtotals.get(criterion.axis, 0) + criterion.max_points
    shown = ", ".join(f"{axis} {points:g}" for axis, points in subtotals.items())
    last = len(call.scoring) - 1
    loc: DataPath = ("scoring", last, "max_points") if call.scoring else ("scoring",)
    yield Problem(
        loc,
        Text(
            f"la grille totalise {total:g} points, pas {GRID_TOTAL} (par axe\u00a0: {shown})",
            f"the scoring grid totals {total:g} points, not {GRID_TOTAL} (per axis: {shown})",
        ),
    )


# --- rule codes and titles ------------------------------------------------------------------


def _rule_problems(call: Call) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, rule in enumerate(call.rules):
        if rule.code in first:
            earlier = f"rules[{first[rule.code]}]"
            yield Problem(
                ("rules", index, "code"),
                Text(
                    f"code de règle {rule.code} déjà employé ({earlier})",
                    f"rule code {rule.code} used twice (also {earlier})",
                ),
            )
        first.setdefault(rule.code, index)
        yield from _title_problem(index, rule)


def _title_problem(index: int, rule: Rule) -> Iterator[Problem]:
    known = CODES.get(rule.code)
    if known is not None and rule.given_title is not None:
        yield Problem(
            ("rules", index, "title"),
            Text(
                f"le titre de {rule.code} est celui du vérificateur (« {known.title.fr} »)\u00a0: retirez « title »",
                f"the title of {rule.code} is the checker's ('{known.title.en}'): remove 'title'",
            ),
        )
    elif known is None and rule.given_title is None:
        yield Problem(
            ("rules", index, "code"),
            Text(
                f"le vérificateur ne connaît pas le code {rule.code}\u00a0: donnez un « title » à cette règle",
                f"the checker does not know code {rule.code}: give this rule a 'title'",
            ),
        )


# --- sources ---------------------------------------------------------------------------------


def cited_locations(call: Call) -> Iterator[tuple[DataPath, Cited]]:
    """Every entry that cites sources, with its path in the file."""
    for name in ("deadline_source", "envelope_source", "grant_ceiling_source", "duration_source"):
        figure = getattr(call, name)
        if figure is not None:
            yield (name,), figure
    for key, entries in (("rules", call.rules), ("axes", call.axes), ("scoring", call.scoring)):
        for index, entry in enumerate(entries):
            yield (key, index), entry
    for name in ("grant_range", "counts"):
        entry = getattr(call, name)
        if entry is not None:
            yield (name,), entry


def _source_problems(call: Call) -> Iterator[Problem]:
    listed = ", ".join(call.sources) or "—"
    for loc, entry in cited_locations(call):
        if not entry.cites and not entry.choice:
            yield Problem(
                loc,
                Text(
                    "ni source ni choix\u00a0: citez une référence de « sources » (source) ou dites ce qui est "
                    "le choix de l'appel (choice)",
                    "neither source nor choice: cite a reference of 'sources' (source) or say what is the call's "
                    "own choice (choice)",
                ),
            )
        for index, citation in enumerate(entry.cites):
            if citation.ref not in call.sources:
                yield Problem(
                    (*loc, "source", index, "ref"),
                    Text(
                        f"référence inconnue « {citation.ref} » (références de l'appel\u00a0: {listed})",
                        f"unknown reference '{citation.ref}' (the call's references: {listed})",
                    ),
                )
