"""The merged reviews as the reports show them: who scored what in a table cell, each dossier's
JSON object with its reviews and combined total, and the summary's list of what nobody scored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ptce_check.i18n import Lang, Text
from ptce_check.screening.reviews import NOT_SCORED, CriterionReviews, Reviews


def detail(found: Sequence[CriterionReviews], lang: Lang) -> str | None:
    """Who scored what, for a table cell: `strategy : Alice 5, Bob 4 (moyenne 4,5) ; …`."""
    if not found:
        return None
    parts = []
    for item in found:
        if not item.reviews:
            parts.append(
                Text(f"{item.criterion}\u00a0: {NOT_SCORED.fr}", f"{item.criterion}: {NOT_SCORED.en}").get(lang)
            )
            continue
        who = ", ".join(f"{review.reviewer} {_number(review.points, lang)}" for review in item.reviews)
        mean = _number(item.mean or 0.0, lang)
        parts.append(
            Text(f"{item.criterion}\u00a0: {who} (moyenne {mean})", f"{item.criterion}: {who} (mean {mean})").get(lang)
        )
    return Text("\u00a0; ", "; ").get(lang).join(parts)


def _number(value: float, lang: Lang) -> str:
    shown = f"{value:g}"
    return Text(shown.replace(".", ","), shown).get(lang)


def reviewed_outcome(outcome: dict[str, Any], reviews: Reviews) -> dict[str, Any]:
    """A dossier's `check` object with its reviewer criteria's `reviews` and `mean` and the
    combined `total` (`automatic_total`: the checker's own); unchanged when not reviewed."""
    dossier, score = outcome.get("dossier"), outcome.get("score")
    if not isinstance(dossier, str) or not isinstance(score, dict) or dossier not in reviews.automatic:
        return outcome
    found = {item.criterion: item for item in reviews.of(dossier)}
    automatic = reviews.automatic[dossier]
    for criterion in score.get("criteria", []):
        item = found.get(str(criterion.get("id")))
        if item is None:
            continue
        criterion["points"] = item.mean or 0.0
        criterion["mean"] = item.mean
        criterion["scored"] = bool(item.reviews)
        criterion["reviews"] = [
            {"reviewer": review.reviewer, "points": review.points, "comment": review.comment} for review in item.reviews
        ]
    score["automatic_total"] = automatic
    score["total"] = round(automatic + sum(item.mean or 0.0 for item in found.values()), 2)
    return outcome


def summary(reviews: Reviews, dossiers: Iterable[str]) -> dict[str, Any]:
    """`summary.reviews` of the JSON report: the file, how many reviews, what nobody scored."""
    unscored = [{"dossier": d, "criteria": reviews.unscored(d)} for d in dossiers if reviews.unscored(d)]
    return {
        "file": reviews.label,
        "reviews": sum(len(item.reviews) for found in reviews.by_dossier.values() for item in found),
        "unscored": unscored,
    }
