"""`screen -f html`: one self-contained page (no network, no external asset) inside a `<main>`
landmark: each call's decision table first (sortable with the keyboard: a button in each header,
`aria-sort`; in its own scroll container; each dossier linked to its findings), its charts and
facts, then duplicates, then each dossier's findings collapsed, the first `SHOWN_FINDINGS` of each
with a count of the rest, so that a page of 10 000 dossiers stays usable. Every piece of dossier
text is HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import Any, TextIO

from ptce_check.i18n import Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import DECISION_TABLE, TITLE, decimal, group_sections, sections, tail_sections
from ptce_check.reporters.batch.html_charts import criteria_bars, score_histogram
from ptce_check.reporters.batch.table import (
    call_label,
    cells,
    columns,
    common_folder,
    criterion_titles,
    number,
    shorten,
)
from ptce_check.screening.batch import BatchResult, CallGroup
from ptce_check.screening.review_views import reviewed_outcome
from ptce_check.textsafe import escape_all_controls

#: Findings shown per dossier; the rest are counted (all of them are in `-f json`).
SHOWN_FINDINGS = 10

STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fff}
main{margin:2rem;max-width:100%}h1{font-size:1.6rem}h2{margin-top:2rem;font-size:1.25rem}h3{font-size:1.05rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.scroll{overflow:auto;max-height:80vh;max-width:100%;border:1px solid #ccc}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .45rem}
th{background:#eef;position:sticky;top:0}td.n{text-align:right;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:inherit;cursor:pointer;text-align:left}
th button:focus-visible{outline:2px solid #1a4fa0}
.admissible{color:#116611;font-weight:600}.not_admissible{color:#b00020;font-weight:600}
.invalid{color:#7b1fa2;font-weight:600}.bar{fill:#3b6fb6}.axis,.count{font-size:11px;text-anchor:middle}
.bars{list-style:none;padding:0;max-width:60rem}
.bars li{display:grid;grid-template-columns:minmax(8rem,22rem) minmax(6rem,1fr) max-content;gap:.6rem;
align-items:center;margin:.25rem 0}
.track{display:block;height:1rem;background:#e8e8ee;overflow:hidden}.fill{display:block;height:100%;background:#3b6fb6}
.error{color:#b00020}.warning{color:#8a5d00}.info{color:#555}
details{margin:.4rem 0}summary{cursor:pointer}code{background:#f4f4f4;padding:0 .2rem}
"""
SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.querySelectorAll("th");
  heads.forEach(function (th, column) {
    th.querySelector("button").addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      function key(row) {
        var cell = row.cells[column];
        return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
function openTarget() {
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.tagName === "DETAILS") { target.open = true; }
}
window.addEventListener("hashchange", openTarget);
openTarget();
"""
WORDS = {
    "none": Text("aucun constat", "no findings"),
    "histogram": Text("Répartition des scores", "Score distribution"),
    "criteria": Text("Moyenne par critère", "Average per criterion"),
    "sort": Text(
        "Les boutons des en-têtes trient le tableau\u00a0; chaque dossier mène à ses constats.",
        "Header buttons sort the table; each dossier links to its findings.",
    ),
    "findings": Text("Constats par dossier", "Findings per dossier"),
    "more": Text(
        "… et {count} autres constats (tous dans -f json)", "… and {count} more findings (all of them in -f json)"
    ),
}
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _text(value: str | None) -> str:
    return escape(escape_all_controls(value or ""), quote=True)


def _facts(title: str, lines: list[tuple[str, str]], level: int = 2) -> str:
    items = "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>" for label, value in lines)
    return f"<h{level}>{_text(title)}</h{level}><dl>{items}</dl>"


def anchor(record: int) -> str:
    return f"d-{record}"


def _table(result: BatchResult, group: CallGroup | None, lang: Lang, heading: str) -> str:
    header = columns(result, lang, group)
    head = "".join(
        f'<th scope="col" aria-sort="none"><button type="button">{_text(c.title)}</button></th>' for c in header
    )
    rows = group.rows if group is not None else result.rows
    dossier_at = [c.key for c in header].index("dossier")
    base = common_folder(result)
    body = []
    for row, line in zip(rows, cells(result, lang, group), strict=True):
        tds = []
        for index, value in enumerate(line):
            if isinstance(value, float):
                tds.append(f'<td class="n" data-v="{number(value)}">{_text(decimal(value, lang))}</td>')
            elif index == dossier_at:
                link = f'<a href="#{anchor(row.record)}">{_text(shorten(row.dossier, base))}</a>'
                tds.append(f'<td data-v="{_text(value)}">{link}</td>')
            else:
                tds.append(f"<td>{_text(value)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    table = f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    return f'<div class="scroll" role="region" tabindex="0" aria-label="{_text(heading)}">{table}</div>'


def _finding(finding: dict[str, Any]) -> str:
    """One finding at its line and column (the dossier is named by the summary above it)."""
    hint = f"<br><small>→ {_text(finding['hint'])}</small>" if finding.get("hint") else ""
    return (
        f'<li class="{_text(finding["severity"])}"><code>{finding["line"]}:{finding["column"]}</code> '
        f"<strong>{_text(finding['code'])}</strong> {_text(finding['message'])}{hint}</li>"
    )


def _dossier(record: int, outcome: dict[str, Any], lang: Lang) -> str:
    score = outcome["score"]
    shown = f"{decimal(score['total'], lang)} / {decimal(score['max'], lang)}" if score else "—"
    findings = outcome["findings"]
    items = "".join(_finding(f) for f in findings[:SHOWN_FINDINGS])
    if len(findings) > SHOWN_FINDINGS:
        items += f"<li>{WORDS['more'].format(count=len(findings) - SHOWN_FINDINGS).get(lang)}</li>"
    none = WORDS["none"].get(lang)
    return (
        f'<details id="{anchor(record)}"><summary><span class="{_text(outcome["verdict"])}">'
        f"{_text(outcome['verdict'])}</span> — {_text(outcome['dossier'])} — {shown}</summary>"
        f"<ul>{items or f'<li>{none}</li>'}</ul></details>"
    )


def _charts(result: BatchResult, group: CallGroup, lang: Lang) -> str:
    scores = [row.score for row in group.rows if row.score is not None]
    titles = criterion_titles(result, lang, group)
    call = group.call
    maxima = {c.id: c.max_points for c in call.scoring} if call is not None else {}
    call_id = call.id if call is not None else ""
    averages = [
        (titles.get((call_id, cid), cid), avg, maxima.get(cid, 0.0)) for cid, avg in group.summary.criteria_averages
    ]
    histogram_title, criteria_title = WORDS["histogram"].get(lang), WORDS["criteria"].get(lang)
    return (
        f"<h3>{histogram_title}</h3>{score_histogram(scores, histogram_title)}"
        f"<h3>{criteria_title}</h3>{criteria_bars(averages, criteria_title, lambda v: decimal(v, lang))}"
    )


def _call_section(result: BatchResult, group: CallGroup, lang: Lang, index: int) -> str:
    heading = DECISION_TABLE.get(lang)
    if result.several_calls:
        heading = f"{heading} — {call_label(group, lang)}"
    parts = [
        f'<section><h2 id="call-{index}">{_text(heading)}</h2>',
        f"<p><small>{WORDS['sort'].get(lang)}</small></p>",
        _table(result, group, lang, heading),
        _charts(result, group, lang),
    ]
    if result.several_calls:
        parts += [_facts(title, lines, 3) for title, lines in group_sections(group, lang)]
    return "".join(parts) + "</section>"


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    title = TITLE.get(lang)
    stream.write(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body><main><h1>{title}</h1>"
    )
    for index, group in enumerate(result.groups):
        stream.write(_call_section(result, group, lang, index))
    facts = sections(result, lang) if not result.several_calls else [sections(result, lang)[0]]
    if result.several_calls:
        facts += tail_sections(result, lang)
    for section_title, lines in facts:
        stream.write(_facts(section_title, lines))
    stream.write(f"<h2>{WORDS['findings'].get(lang)}</h2>")
    for row in result.rows:
        outcome = result.store.load(row)
        if result.reviews is not None:
            outcome = reviewed_outcome(outcome, result.reviews)
        stream.write(_dossier(row.record, outcome, lang))
    stream.write(f"</main><script>{SCRIPT}</script></body></html>\n")
