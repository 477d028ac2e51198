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

from ptce_check.lazy import remembered


def _name_key(name: str) -> str:
    """The identity of a member name: NFC, case-folded, whitespace collapsed to single spaces."""
    if name.isascii():
        # ASCII is already NFC, and its case folding is lowering: the common case, made short.
        return " ".join(name.lower().split())
    # Case folding does not preserve NFC for every string: normalise again after it.
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return " ".join(folded.split())


#: Longer names (which no real member has) are computed each time, not remembered.
KEPT_LENGTH = 200

#: The checks and the grid ask for each member's name several times per dossier.
name_key = remembered(_name_key, limit=4096, keep=lambda name, _: len(name) <= KEPT_LENGTH)
