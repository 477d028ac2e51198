"""Communes by name, for the applicant who wrote `Romans-sur-Isère` where its INSEE code
(`26281`) belongs.

Names are compared folded: no accents, no case, hyphens and apostrophes as spaces, `St` and
`Ste` as `Saint` and `Sainte`. The index (folded name → codes) is built once per process, the
first time a name is looked up, from the shipped data's lines (no record is built for it); a
lookup is then one dictionary access, and a text longer than any commune's name is not folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ptce_check.i18n import Text
from ptce_check.territory.places import Commune
from ptce_check.territory.table import OfficialData
from ptce_check.textsafe import escape_all_controls

#: Longer than the longest commune name (45 characters), so a long text is never folded.
MAX_NAME_CHARS = 60
_SEPARATORS = re.compile(r"[\s\-'’‐‑]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def fold(name: str) -> str:
    """`Romans-sur-Isère`, `ROMANS SUR ISERE` and `romans sur isère` all give `romans sur isere`."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = [word for word in _SEPARATORS.split(bare) if word]
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


@functools.lru_cache(maxsize=2)
def _index(official: OfficialData) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for code, name in official.commune_names():
        index.setdefault(fold(name), []).append(code)
    return {name: tuple(codes) for name, codes in index.items()}


def communes_named(official: OfficialData, text: str) -> tuple[Commune, ...]:
    """The current communes that bear this name (homonyms in several départements: all of them)."""
    if len(text) > MAX_NAME_CHARS or not any(char.isalpha() for char in text):
        return ()
    codes = _index(official).get(fold(text), ())
    return tuple(commune for code in codes if (commune := official.commune(code)) is not None)


_LISTED = 3


def name_hint(official: OfficialData, text: str) -> Text | None:
    """The INSEE code(s) to write for a commune's name; None when no commune bears it."""
    communes = communes_named(official, text)
    if not communes:
        return None
    if len(communes) == 1:
        commune = communes[0]
        return Text(
            f"« {escape_all_controls(commune.name)} » est le nom d'une commune\u00a0: écrivez son code INSEE, "
            f"'{commune.code}'",
            f"'{escape_all_controls(commune.name)}' is a commune's name: write its INSEE code, '{commune.code}'",
        )
    listed = ", ".join(f"'{c.code}' ({_departement_name(official, c)})" for c in communes[:_LISTED])
    more = len(communes) - _LISTED
    return Text(
        f"{len(communes)} communes portent ce nom\u00a0: {listed}"
        + (f" et {more} autre{'s' if more > 1 else ''}" if more > 0 else "")
        + "\u00a0; écrivez le code INSEE de la vôtre",
        f"{len(communes)} communes bear this name: {listed}"
        + (f" and {more} other{'s' if more > 1 else ''}" if more > 0 else "")
        + "; write the INSEE code of yours",
    )


def _departement_name(official: OfficialData, commune: Commune) -> str:
    departement = official.departement(commune.departement)
    return escape_all_controls(departement.name) if departement is not None else commune.departement
