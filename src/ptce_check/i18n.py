"""Two-language texts: French for people by default, English on request."""

from __future__ import annotations

import os
import re
from typing import Literal

from msgspec import Struct

Lang = Literal["fr", "en"]

# French sets a no-break space before the high signs `: ; ! ?` (when they end a word).
_SPACE_BEFORE_HIGH_SIGN = re.compile(r" (?=[:;!?](?:\s|$))")


class Text(Struct, frozen=True):
    """A message in French and English; `format` fills both with the same arguments."""

    fr: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en

    def format(self, **values: object) -> Text:
        return Text(self.fr.format(**values), self.en.format(**values))


#: A colon after a label or a subject: `Verdict : RECEVABLE`, `Verdict: ADMISSIBLE`.
COLON = Text("\u00a0:", ":")


def detect_lang(environ: dict[str, str] | None = None) -> Lang:
    """French unless the locale asks for English (LC_ALL, LC_MESSAGES, LANG, LANGUAGE)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def plural(count: int, singular: str, plural: str, lang: Lang = "fr") -> str:
    """`1 commune`, `3 communes`: the count and the word it agrees with. French keeps 0 and 1
    singular (`0 recevable`), English only 1 (`0 members`)."""
    one = count == 1 if lang == "en" else abs(count) < 2
    return f"{count} {singular if one else plural}"


def french_spacing(text: str) -> str:
    """`dépôt : 30 juin` → `dépôt\u00a0: 30 juin`, for the French texts a call file's author
    types with ordinary spaces; the texts in the code are written with the no-break space."""
    return _SPACE_BEFORE_HIGH_SIGN.sub("\u00a0", text)
