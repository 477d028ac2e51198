"""Charts for the HTML report: no script, no network, readable without colour. The score
histogram is an inline SVG; the criteria averages are HTML bars (a label that wraps, a track the
bar never leaves, the figure beside it), so that long titles never overlap."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

BAR_WIDTH = 36
CHART_HEIGHT = 160


def score_histogram(scores: Sequence[float], label: str) -> str:
    """Dossiers per band of ten points (0–9 … 90–100)."""
    bins = [0] * 10
    for score in scores:
        bins[max(0, min(9, int(score // 10)))] += 1
    peak = max(bins) or 1
    width = len(bins) * (BAR_WIDTH + 8) + 40
    bars = []
    for index, count in enumerate(bins):
        height = round((CHART_HEIGHT - 14) * count / peak)
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


def criteria_bars(
    averages: Sequence[tuple[str, float, float]], label: str, shown: Callable[[float], str] = lambda v: f"{v:g}"
) -> str:
    """Average points of each criterion as a share of its maximum: (title, average, maximum);
    `shown` writes a number for the page's language."""
    items = []
    for title, average, maximum in averages:
        share = min(1.0, max(0.0, average / maximum)) if maximum else 0.0
        figure = f"{shown(average)} / {shown(maximum)}"
        items.append(
            f'<li><span class="label">{escape(title)}</span>'
            f'<span class="track" aria-hidden="true"><span class="fill" style="width:{share * 100:.1f}%"></span></span>'
            f'<span class="value">{figure}</span></li>'
        )
    return f'<ul class="bars" aria-label="{escape(label)}">' + "".join(items) + "</ul>"
