"""Show applicant text safely: invisible and control characters become visible escapes."""

from __future__ import annotations

import re
import unicodedata

from ptce_check.lazy import compiled_on_first_use

# The noncharacters: U+FDD0-U+FDEF and the last two code points of every plane. XML 1.0 forbids
# U+FFFE and U+FFFF, HTML calls every noncharacter a parse error.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)

# Control characters, bidi overrides and isolates, zero-width and other invisible or
# look-alike spacing characters, lone surrogates (a file name that is not UTF-8) and the
# noncharacters: shown as \uXXXX so `na\u200bme` is visibly not `name`. Escaping them is also what
# keeps every XML 1.0 and HTML output well-formed: of what XML forbids, only tab, LF and CR are
# left, and the one-line escapes (`escape_all_controls`) take those too.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u061c\u115f\u1160\u180e\u2000-\u200f"
    "\u2028-\u202f\u205f-\u206f\u3000\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    f"\U000e0000-\U000e007f{_NONCHARACTERS}]"
)
_NAMED = {"\r": "\\r", "\x1b": "\\e"}
_LOOK_ALIKE_QUOTES = compiled_on_first_use("[\u2018-\u201f\u2032-\u2037\u00ab\u00bb]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100 and unicodedata.category(char) == "Cc"
        else f"\\u{code:04x}"
        if code <= 0xFFFF
        else f"\\U{code:08x}"
    )


# French typography's no-break spaces stay as they are where nothing can hide behind them: a
# narrow one between digits (`1 500 000`), either before `:` `;` `!` `?` `»` `%` `€` or after `«`.
_TYPOGRAPHIC_SPACE = re.compile("(?<=[0-9])\u202f(?=[0-9])|[\u00a0\u202f](?=[:;!?»%€])|(?<=«)[\u00a0\u202f]")


def _escape_unless_typographic(match: re.Match[str]) -> str:
    # `match(string, pos)` lets the look-behind see the character before the space.
    return match.group() if _TYPOGRAPHIC_SPACE.match(match.string, match.start()) else _escape(match)


def escape_invisible(text: str) -> str:
    """Escape what a reader could not see; ordinary text, including accents, is unchanged."""
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing below space, no DEL, nothing past ASCII
    return _INVISIBLE.sub(_escape_unless_typographic, text)


def escape_key(text: str) -> str:
    """For key names: also escape typographic quotes, which look like YAML quotes."""
    return _LOOK_ALIKE_QUOTES().sub(lambda m: f"\\u{ord(m.group()):04x}", escape_invisible(text))


def escape_all_controls(text: str) -> str:
    """Like `escape_invisible`, and newlines and tabs too: for one-line outputs."""
    if text.isascii() and text.isprintable():
        return text
    return escape_invisible(text).replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


# In JSON the no-break spaces of French typography stay as they are: they hide nothing, and
# every French message carries them.
_JSON_INVISIBLE = re.compile(_INVISIBLE.pattern.replace("\u00a0", "").replace("\u2028-\u202f", "\u2028-\u202e"))
# Every byte but DEL below 0x80: what is left of a UTF-8 document without them is its non-ASCII
# characters (and DEL), whole, a few hundred bytes where the document has thousands. Control
# characters other than DEL are never raw in serialised JSON.
_ASCII_BUT_DEL = bytes(range(0x7F))


def _needs_escapes(encoded: bytes) -> bool:
    rest = encoded.translate(None, _ASCII_BUT_DEL)
    return bool(rest) and _JSON_INVISIBLE.search(rest.decode("utf-8", "surrogatepass")) is not None


def escape_json_invisible(document: str) -> str:
    """In serialised JSON, write invisible characters as JSON escapes: the data read back is the
    same, but no byte on screen can move the cursor, reorder the line or hide text. `document` is
    serialised JSON: its control characters other than DEL are escapes already."""
    if not _needs_escapes(document.encode("utf-8", "surrogatepass")):
        return document
    return _JSON_INVISIBLE.sub(_json_escape, document)


def escape_json_bytes(document: bytes) -> bytes:
    """`escape_json_invisible` for a document serialised as UTF-8 bytes."""
    if not _needs_escapes(document):
        return document
    return _JSON_INVISIBLE.sub(_json_escape, document.decode("utf-8")).encode("utf-8")


# Inline Markdown syntax only: table cells and headings hold no block syntax (lists, quotes).
_MARKDOWN = compiled_on_first_use(r"([\\`*_\[\]|~])")

# What GitHub's autolink extension turns into a link without any syntax: `www.`, the schemes
# http, https, ftp (while parsing), mailto, xmpp and bare e-mail addresses (after parsing, on
# the text with its backslash escapes and character references already decoded, so `x\@y.org`
# is still a link). The character that makes each one a link is put in a code span of its own:
# the text reads the same, but no text node holds the whole pattern any more.
_AUTOLINK = compiled_on_first_use(r"(?i)www(\.)|(?:https?|ftp|mailto|xmpp)(:)|(?<=\S)(@)(?=\S)")


def _inert(match: re.Match[str]) -> str:
    trigger = match.group(1) or match.group(2) or match.group(3)
    return f"{match.group()[:-1]}`{trigger}`"


def escape_markdown(text: str) -> str:
    """Applicant or generated text as inert Markdown: visible controls, no HTML, no syntax, no
    autolinks."""
    import html  # only the Markdown reports need it

    return _AUTOLINK().sub(_inert, _MARKDOWN().sub(r"\\\1", html.escape(escape_all_controls(text), quote=False)))
