"""The verdict tally line every format that sums up several dossiers writes."""

from __future__ import annotations

from collections.abc import Sequence

from ptce_check.assessment import VERDICT_TEXT, HasVerdict, Verdict, tally
from ptce_check.i18n import Lang, Text, plural

#: The verdicts' plural forms (`2 recevables`); English adjectives do not change.
VERDICT_PLURAL = {
    Verdict.ADMISSIBLE: Text("recevables", "admissible"),
    Verdict.NOT_ADMISSIBLE: Text("non recevables", "not admissible"),
    Verdict.INVALID: Text("illisibles (invalides)", "invalid"),
}
DOSSIERS = Text("{dossiers}\u00a0: ", "{dossiers}: ")


def verdict_counts(judged: Sequence[HasVerdict], lang: Lang) -> list[tuple[Verdict, str]]:
    """`[(verdict, "2 recevables"), …]`, every verdict, in the enum's order."""
    return [
        (verdict, plural(count, VERDICT_TEXT[verdict].get(lang), VERDICT_PLURAL[verdict].get(lang), lang))
        for verdict, count in tally(judged).items()
    ]


def dossiers_label(judged: Sequence[HasVerdict], lang: Lang) -> str:
    return DOSSIERS.format(dossiers=plural(len(judged), "dossier", "dossiers", lang)).get(lang)


def totals_line(judged: Sequence[HasVerdict], lang: Lang) -> str:
    """`3 dossiers : 1 recevable, 1 non recevable, 1 illisible (invalide)`."""
    return dossiers_label(judged, lang) + ", ".join(text for _, text in verdict_counts(judged, lang))
