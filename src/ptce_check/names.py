"""Member names as the checks compare them.

A name typed twice by a person differs in case or spacing, not in identity, and some tools
(macOS among them) write accented letters decomposed (NFD) where others write them composed
(NFC): « Régie » and « Re\u0301gie » look identical on screen. So two names are the same
member when they are equal after Unicode NFC normalisation, case folding and collapsing of
whitespace (leading, trailing, repeated, non-breaking). Accents and punctuation still count:
« Regie » is not « Régie ».
"""

from __future__ import annotations

import unicodedata

#: Keys already computed: the checks and the grid ask for each member's name several times per
#: dossier. Bounded: emptied when full, and long names (which no real member has) are not kept.
_KNOWN: dict[str, str] = {}
_KNOWN_LIMIT = 4096
_KEPT_LENGTH = 200


def name_key(name: str) -> str:
    """The identity of a member name: NFC, case-folded, whitespace collapsed to single spaces."""
    key = _KNOWN.get(name)
    if key is not None:
        return key
    key = _computed_key(name)
    if len(name) <= _KEPT_LENGTH:
        if len(_KNOWN) >= _KNOWN_LIMIT:
            _KNOWN.clear()
        _KNOWN[name] = key
    return key


def _computed_key(name: str) -> str:
    if name.isascii():
        # ASCII is already NFC, and its case folding is lowering: the common case, made short.
        return " ".join(name.lower().split())
    # Case folding does not preserve NFC for every string: normalise again after it.
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return " ".join(folded.split())
