"""`screen -f html`: one self-contained page (no network, no external asset): summary, charts
of the score distribution and of criteria averages, a sortable ranked table, and each dossier's
findings. Every piece of dossier text is HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import Any, TextIO

from ptce_check.i18n import Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import DECISION_TABLE, TITLE, sections
from ptce_check.reporters.batch.html_charts import criteria_bars, score_histogram
from ptce_check.reporters.batch.table import cells, columns, criterion_titles, number
from ptce_check.screening.batch import BatchResult
from ptce_check.textsafe import escape_all_controls

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem}h2{margin-top:2rem;font-size:1.25rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .45rem}
th{background:#eef;cursor:pointer;position:sticky;top:0}td.n{text-align:right}
.admissible{color:#116611;font-weight:600}.not_admissible{color:#b00020;font-weight:600}
.invalid{color:#7b1fa2;font-weight:600}.bar{fill:#3b6fb6}.axis,.count{font-size:11px;text-anchor:middle}
.label{font-size:12px}.error{color:#b00020}.warning{color:#9a6700}.info{color:#555}
details{margin:.4rem 0}summary{cursor:pointer}code{background:#f4f4f4;padding:0 .2rem}
"""
SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute("data-v"), y = b.cells[column].getAttribute("data-v");
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""
WORDS = {
    "none": Text("aucun constat", "no findings"),
    "histogram": Text("Répartition des scores", "Score distribution"),
    "criteria": Text("Moyenne par critère", "Average per criterion"),
    "sort": Text("Cliquez un en-tête pour trier.", "Click a header to sort."),
    "findings": Text("Constats par dossier", "Findings per dossier"),
}
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _text(value: str | None) -> str:
    return escape(escape_all_controls(value or ""), quote=True)


def _facts(title: str, lines: list[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>" for label, value in lines)
    return f"<h2>{_text(title)}</h2><dl>{items}</dl>"


def _table(result: BatchResult, lang: Lang) -> str:
    header = columns(result, lang)
    head = "".join(f'<th scope="col">{_text(c.title)}</th>' for c in header)
    body = []
    for line in cells(result, lang):
        tds = []
        for value in line:
            if isinstance(value, float):
                tds.append(f'<td class="n" data-v="{value}">{number(value)}</td>')
            else:
                tds.append(f'<td data-v="{_text(value)}">{_text(value)}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _dossier(outcome: dict[str, Any], lang: Lang) -> str:
    score = outcome["score"]
    shown = f"{score['total']:g} / {score['max']:g}" if score else "—"
    findings = "".join(
        f'<li class="{_text(f["severity"])}"><code>{_text(outcome["dossier"])}:{f["line"]}:{f["column"]}</code> '
        f"<strong>{_text(f['code'])}</strong> {_text(f['message'])}"
        + (f"<br><small>→ {_text(f['hint'])}</small>" if f.get("hint") else "")
        + "</li>"
        for f in outcome["findings"]
    )
    none = WORDS["none"].get(lang)
    return (
        f'<details><summary><span class="{_text(outcome["verdict"])}">{_text(outcome["verdict"])}</span> '
        f"— {_text(outcome['dossier'])} — {shown}</summary><ul>{findings or f'<li>{none}</li>'}</ul></details>"
    )


def _charts(result: BatchResult, lang: Lang) -> str:
    scores = [row.score for row in result.rows if row.score is not None]
    titles = criterion_titles(result, lang)
    maxima = {c.id: c.max_points for call in result.calls.values() for c in call.scoring}
    averages = [(titles.get(cid, cid), avg, maxima.get(cid, 0.0)) for cid, avg in result.summary.criteria_averages]
    histogram_title, criteria_title = WORDS["histogram"].get(lang), WORDS["criteria"].get(lang)
    return (
        f"<h2>{histogram_title}</h2>{score_histogram(scores, histogram_title)}"
        f"<h2>{criteria_title}</h2>{criteria_bars(averages, criteria_title)}"
    )


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    title = TITLE.get(lang)
    stream.write(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body><h1>{title}</h1>"
    )
    for section_title, lines in sections(result, lang):
        stream.write(_facts(section_title, lines))
    stream.write(_charts(result, lang))
    stream.write(f"<h2>{DECISION_TABLE.get(lang)}</h2>")
    stream.write(f"<p><small>{WORDS['sort'].get(lang)}</small></p>")
    stream.write(_table(result, lang))
    stream.write(f"<h2>{WORDS['findings'].get(lang)}</h2>")
    for row in result.rows:
        stream.write(_dossier(result.store.load(row), lang))
    stream.write(f"<script>{SCRIPT}</script></body></html>\n")
