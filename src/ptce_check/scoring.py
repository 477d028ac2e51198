"""The score: each criterion of the call's grid measured, banded into points, and the
improvements that would raise the total most."""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import TypeVar

from msgspec import Struct

from ptce_check.binding import BoundCall, BoundCriterion
from ptce_check.calls import Band, Criterion
from ptce_check.context import Context
from ptce_check.findings import Path
from ptce_check.i18n import Text
from ptce_check.lazy import remembered
from ptce_check.metrics import METRICS

MAX_IMPROVEMENTS = 5


class CriterionScore(Struct, frozen=True):
    id: str
    axis: str
    title: Text
    points: float
    max_points: float
    value: float | None
    evidence: Text
    paths: tuple[Path, ...]
    source: str


class Improvement(Struct, frozen=True):
    criterion: str
    title: Text
    gain: float
    target: Text


class ScoreCard(Struct, frozen=True):
    total: float
    max_points: float
    criteria: tuple[CriterionScore, ...]
    improvements: tuple[Improvement, ...]


def points_for(criterion: Criterion, value: float | None) -> float:
    """The most points of the bands `value` reaches; 0 when it reaches none (points are ≥ 0)."""
    if value is None:
        return 0.0
    best = 0.0
    # One loop with the direction read once: this runs for every criterion of every dossier.
    if criterion.better == "lower":
        for band in criterion.bands:
            if value <= band.threshold and band.points > best:
                best = band.points
    else:
        for band in criterion.bands:
            if value >= band.threshold and band.points > best:
                best = band.points
    return best


class _FrenchNumber(float):
    """A number that formats with French separators: `7,5`, `5 000` (narrow no-break space)."""

    def __format__(self, spec: str) -> str:
        shown = format(float(self), spec)
        return shown.replace(",", "\u202f").replace(".", ",")


def _next_band(criterion: Criterion, points: float) -> Band | None:
    """The nearest band that earns more than `points`: the fewest points above them, then the
    lowest threshold for "higher", the highest for "lower" (the first such band on a tie); None
    when no band earns more."""
    higher = criterion.better == "higher"
    nearest: Band | None = None
    for band in criterion.bands:
        if band.points <= points:
            continue
        if (
            nearest is None
            or band.points < nearest.points
            or (
                band.points == nearest.points
                and (band.threshold < nearest.threshold if higher else band.threshold > nearest.threshold)
            )
        ):
            nearest = band
    return nearest


def _target_words(key: tuple[str, str]) -> Text:
    """What to reach for the band at a threshold, in the words of the criterion's metric."""
    kind, threshold = key[0], float.fromhex(key[1])
    words = METRICS[kind].TARGET
    return Text(words.fr.format(threshold=_FrenchNumber(threshold)), words.en.format(threshold=threshold))


#: The same few words for every dossier of a grid: remembered per metric and threshold, by the
#: threshold's bits (-0.0 is written as it is, not as 0.0).
_target = remembered(_target_words, limit=1024, keep=lambda *_: True)


def _described(criterion: Criterion, step: Band, gain: float) -> Improvement:
    return Improvement(criterion.id, criterion.title.text, gain, _target((criterion.kind, step.threshold.hex())))


def score(context: Context, bound_call: BoundCall) -> ScoreCard:
    results: list[CriterionScore] = []
    # Each criterion's next band and its gain; only those shown are described, in words.
    steps: list[tuple[float, Criterion, Band]] = []
    for bound in bound_call.criteria:
        result = _measured(context, bound)
        results.append(result)
        band = _next_band(bound.criterion, result.points)
        if band is not None:
            steps.append((band.points - result.points, bound.criterion, band))
    steps.sort(key=lambda step: -step[0])
    kept = _first_with_ties(steps, itemgetter(0))
    improvements = tuple(_described(criterion, band, gain) for gain, criterion, band in kept)
    total = round(sum(result.points for result in results), 2)
    maximum = round(sum(bound.criterion.max_points for bound in bound_call.criteria), 2)
    return ScoreCard(total, maximum, tuple(results), improvements)


_T = TypeVar("_T")


def _first_with_ties(items: list[_T], gain: Callable[[_T], float]) -> list[_T]:
    """The largest gains (`items` sorted by decreasing gain), `MAX_IMPROVEMENTS` of them and
    every one tied with the last: a cut must not hide a suggestion worth as much as one shown."""
    if len(items) <= MAX_IMPROVEMENTS:
        return items
    last = gain(items[MAX_IMPROVEMENTS - 1])
    return [item for item in items if gain(item) >= last]


def _measured(context: Context, bound: BoundCriterion) -> CriterionScore:
    criterion = bound.criterion
    measure = bound.metric.run(context, bound.params)
    points = points_for(criterion, measure.value)
    return CriterionScore(
        criterion.id,
        criterion.axis,
        bound.title,
        points,
        criterion.max_points,
        measure.value,
        measure.evidence,
        measure.paths,
        bound.source,
    )
