"""Inline SVG charts for the HTML report: no script, no network, readable without colour."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR_WIDTH = 36
CHART_HEIGHT = 160


def score_histogram(scores: Sequence[float], label: str) -> str:
    """Dossiers per band of ten points (0–9 … 90–100)."""
    bins = [0] * 10
    for score in scores:
        bins[min(9, int(score // 10))] += 1
    peak = max(bins) or 1
    width = len(bins) * (BAR_WIDTH + 8) + 40
    bars = []
    for index, count in enumerate(bins):
        height = round(CHART_HEIGHT * count / peak)
        x = 30 + index * (BAR_WIDTH + 8)
        y = CHART_HEIGHT - height + 10
        bars.append(
            f'<rect x="{x}" y="{y}" width="{BAR_WIDTH}" height="{height}" class="bar">'
            f"<title>{index * 10}–{index * 10 + 9 if index < 9 else 100} : {count}</title></rect>"
            f'<text x="{x + BAR_WIDTH / 2}" y="{CHART_HEIGHT + 26}" class="axis">{index * 10}</text>'
            f'<text x="{x + BAR_WIDTH / 2}" y="{y - 3}" class="count">{count or ""}</text>'
        )
    return (
        f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {CHART_HEIGHT + 36}" '
        f'width="{width}" height="{CHART_HEIGHT + 36}">' + "".join(bars) + "</svg>"
    )


def criteria_bars(averages: Sequence[tuple[str, float, float]], label: str) -> str:
    """Average points of each criterion as a share of its maximum: (title, average, maximum)."""
    row_height = 22
    width = 640
    height = row_height * len(averages) + 10
    rows = []
    for index, (title, average, maximum) in enumerate(averages):
        share = average / maximum if maximum else 0.0
        y = 5 + index * row_height
        rows.append(
            f'<text x="0" y="{y + 15}" class="label">{escape(title)}</text>'
            f'<rect x="300" y="{y + 3}" width="{round(300 * share)}" height="16" class="bar">'
            f"<title>{average:g} / {maximum:g}</title></rect>"
            f'<text x="{306 + round(300 * share)}" y="{y + 15}" class="count">{average:g} / {maximum:g}</text>'
        )
    return (
        f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}">' + "".join(rows) + "</svg>"
    )
