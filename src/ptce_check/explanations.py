"""What each finding code means, in French and English: its source, what triggers it, an
example and the fix (the texts are `explanations.toml`, titles and severities `codes.py`'s).
`ptce-check explain CODE`, the generated docs/codes.md and the SARIF rules' help all read them here."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from msgspec import Struct

from ptce_check.codes import CODES
from ptce_check.findings import Severity
from ptce_check.i18n import Lang, Text, french_spacing

#: The page of every explanation, relative to the repository's root.
CODES_PAGE = "docs/codes.md"
FIELDS = ("source", "trigger", "example", "fix")
LABELS = {
    "severity": Text("Gravité", "Severity"),
    "source": Text("Source", "Source"),
    "trigger": Text("Ce qui le déclenche", "What triggers it"),
    "example": Text("Exemple", "Example"),
    "fix": Text("Correction", "Fix"),
}
SEVERITIES = {
    Severity.ERROR: Text("erreur", "error"),
    Severity.WARNING: Text("avertissement", "warning"),
    Severity.INFO: Text("information", "note"),
}
_SHORT_CODE = re.compile(r"^(?:PTCE-)?([FESDWT])(\d{1,2})$", re.IGNORECASE)


class Explanation(Struct, frozen=True):
    code: str
    title: Text
    severity: Severity
    source: Text
    trigger: Text
    #: YAML (or a short description), shown as written whatever the language.
    example: str
    fix: Text


@functools.cache
def explanations() -> dict[str, Explanation]:
    """Every code's explanation, in the order of `codes.py`."""
    data = tomllib.loads(resources.files("ptce_check").joinpath("explanations.toml").read_text(encoding="utf-8"))
    return {code: _explanation(code, data[code]) for code in CODES}


def _explanation(code: str, entry: dict[str, object]) -> Explanation:
    def text(field: str) -> Text:
        pair = entry[field]
        if not (isinstance(pair, list) and len(pair) == 2):
            raise ValueError(f"explanations.toml: {code}.{field} must be [fr, en]")
        return Text(french_spacing(str(pair[0])), str(pair[1]))

    info = CODES[code]
    return Explanation(
        code, info.title, info.severity, text("source"), text("trigger"), str(entry["example"]), text("fix")
    )


def normalise_code(given: str) -> str:
    """`e3`, `E03` and `ptce-e03` all name `PTCE-E03`; anything else is returned upper-cased."""
    match = _SHORT_CODE.match(given.strip())
    if match is None:
        return given.strip().upper()
    return f"PTCE-{match.group(1).upper()}{int(match.group(2)):02d}"


def anchor(code: str, lang: Lang = "fr") -> str:
    """The section's anchor in docs/codes.md: `ptce-e03` (French), `ptce-e03-en`."""
    return code.lower() + Text("", "-en").get(lang)


def markdown(explanation: Explanation, lang: Lang, *, heading: str = "###") -> str:
    """One code's explanation as Markdown: the SARIF rule's `help.markdown` and a docs section."""
    severity = SEVERITIES[explanation.severity].get(lang)
    lines = [
        f'<a id="{anchor(explanation.code, lang)}"></a>',
        "",
        f"{heading} {explanation.code} — {explanation.title.get(lang)}",
        "",
        _labelled("severity", severity, lang),
        "",
        _labelled("source", explanation.source.get(lang), lang),
        "",
        _labelled("trigger", explanation.trigger.get(lang), lang),
        "",
        f"**{LABELS['example'].get(lang)}**",
        "",
        "```yaml",
        explanation.example,
        "```",
        "",
        _labelled("fix", explanation.fix.get(lang), lang),
    ]
    return "\n".join(lines)


def _labelled(field: str, value: str, lang: Lang) -> str:
    separator = Text("\u00a0: ", ": ").get(lang)
    return f"**{LABELS[field].get(lang)}**{separator}{value}"


def plain_text(explanation: Explanation, lang: Lang) -> str:
    """One code's explanation for a terminal (`ptce-check explain`)."""
    separator = Text("\u00a0: ", ": ").get(lang)
    example = "\n".join("    " + line for line in explanation.example.splitlines())
    rows = [
        f"{explanation.code} — {explanation.title.get(lang)}",
        f"{LABELS['severity'].get(lang)}{separator}{SEVERITIES[explanation.severity].get(lang)}",
        f"{LABELS['source'].get(lang)}{separator}{explanation.source.get(lang)}",
        f"{LABELS['trigger'].get(lang)}{separator}{explanation.trigger.get(lang)}",
        f"{LABELS['example'].get(lang)}{separator.rstrip()}\n{example}",
        f"{LABELS['fix'].get(lang)}{separator}{explanation.fix.get(lang)}",
    ]
    return "\n".join(rows)


PAGE_INTRO = Text(
    "Chaque code que ptce-check peut émettre\u00a0: sa source, ce qui le déclenche, un exemple et la "
    "correction. `ptce-check explain CODE` affiche la même chose.",
    "Every code ptce-check can emit: its source, what triggers it, an example and the fix. "
    "`ptce-check explain CODE --lang en` shows the same.",
)


def codes_page() -> str:
    """docs/codes.md: every code in French, then in English (`python scripts/codes_doc.py`)."""
    parts = [
        "# Codes",
        "",
        "<!-- Generated by `python scripts/codes_doc.py` from src/ptce_check/explanations.toml: do not edit. -->",
        "",
    ]
    langs: tuple[Lang, ...] = ("fr", "en")
    for lang in langs:
        parts += [f"## {Text('Français', 'English').get(lang)}", "", PAGE_INTRO.get(lang), ""]
        parts += [markdown(item, lang) + "\n" for item in explanations().values()]
    return "\n".join(parts)
