"""The one module that parses YAML: text -> plain data + a map of line/column positions.

Safe by construction: the document is built from PyYAML's C parser *events*, never through a
constructor, so no tag can run code and no alias can expand. Every scalar stays the text it was
written as (``NO``, ``0123`` and ``38563`` are strings); a plain ``null``, ``~`` or empty value
becomes ``None``. Explicit tags, anchors and aliases, duplicate keys, non-scalar keys, and
documents deeper or larger than the limits are refused with their position.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from msgspec import Struct

from ptce_check.decoding import Limits, check_characters, check_size, decode
from ptce_check.findings import FILE_START, Path, Position, SourceError, fail
from ptce_check.i18n import Text
from ptce_check.positions import line_column
from ptce_check.textsafe import escape_key
from ptce_check.yaml_events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    parser_events,
)

NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


class Frame:
    """Positions inside one mapping or sequence: its start, its keys' marks, and per child
    either the parser's event of a scalar (which holds its marks and style; its `ScalarSpan`
    is made only when asked) or the Frame of a nested collection."""

    __slots__ = ("children", "keys", "start")

    def __init__(self, start: Any, children: dict[str, Any] | list[Any]) -> None:
        self.start = start
        self.children = children
        self.keys: dict[str, Any] = {}


class ScalarSpan:
    """Where one scalar value is written: its first character (0-based line and column, as a
    parser mark has them), its character offsets in the text (end excluded, quotes and block
    indicators included) and its style (``""`` plain, ``"'"``, ``'"'``, ``"|"``, ``">"``)."""

    __slots__ = ("column", "end", "line", "start", "style")

    def __init__(self, start_mark: Any, end_mark: Any, style: str | None) -> None:
        self.line = start_mark.line
        self.column = start_mark.column
        self.start = start_mark.index
        self.end = end_mark.index
        self.style = style or ""


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class SourceMap:
    """Positions by path. A path that does not exist resolves to its nearest existing
    ancestor, so a missing key points at its parent mapping."""

    def __init__(self, root: Frame | None) -> None:
        self.root = root

    def lookup(self, path: Path, at_key: bool = False) -> Position:
        entry: Any = self.root
        if entry is None:
            return FILE_START
        last = len(path) - 1
        for index, step in enumerate(path):
            if not isinstance(entry, Frame):
                return _position(entry.start_mark)
            children = entry.children
            if isinstance(children, list):
                if not isinstance(step, int) or not 0 <= step < len(children):
                    return _position(entry.start)
                entry = children[step]
                continue
            key = str(step)
            if key not in children:
                return _position(entry.start)
            if at_key and index == last:
                return _position(entry.keys[key])
            entry = children[key]
        return _position(entry.start if isinstance(entry, Frame) else entry.start_mark)

    def scalar(self, path: Path) -> ScalarSpan | None:
        """The span of the scalar written at exactly `path`; None for a collection or a path
        that does not exist."""
        entry: Any = self.root
        for step in path:
            if not isinstance(entry, Frame):
                return None
            children = entry.children
            if isinstance(children, list):
                if not isinstance(step, int) or not 0 <= step < len(children):
                    return None
                entry = children[step]
            elif str(step) in children:
                entry = children[str(step)]
            else:
                return None
        return ScalarSpan(entry.start_mark, entry.end_mark, entry.style) if isinstance(entry, ScalarEvent) else None


class Document(Struct, frozen=True):
    data: dict[str, Any]
    source_map: SourceMap
    #: False when no key can start with `x_` (the text holds no `x_` at all).
    annotated: bool = True


def load_bytes(raw: bytes, limits: Limits, *, without_annotations: bool = False) -> Document:
    check_size(len(raw), limits)
    return parse(decode(raw), limits, without_annotations=without_annotations)


def parse(text: str, limits: Limits, *, without_annotations: bool = False) -> Document:
    """One YAML document holding a mapping, as plain data with its source map;
    `without_annotations` leaves the applicant's `x_…` keys out of the data (the source map and
    the duplicate-key check still see them), which spares validation a pass over the document."""
    check_characters(text)
    try:
        root, frame, documents = _build(text, limits, without_annotations)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(text, error) from None
    except yaml.YAMLError as error:
        raise fail("PTCE-F01", Text(f"erreur YAML\u00a0: {error}", f"YAML error: {error}")) from None
    if documents == 0 or root is None:
        raise fail(
            "PTCE-F07", Text("fichier vide\u00a0: aucun dossier", "empty file: no dossier"), hint=_START_FROM_TEMPLATE
        )
    if not isinstance(root, dict):
        kind = ("une liste", "a list") if isinstance(root, list) else ("une valeur seule", "a lone value")
        raise fail(
            "PTCE-F07",
            Text(
                f"le fichier contient {kind[0]} au lieu d'un dossier (un mapping de clés)",
                f"the file holds {kind[1]} instead of a dossier (a mapping of keys)",
            ),
            _position(frame.start) if isinstance(frame, Frame) else FILE_START,
            _START_FROM_TEMPLATE,
        )
    assert isinstance(frame, Frame)
    return Document(root, SourceMap(frame), not without_annotations and "x_" in text)


_START_FROM_TEMPLATE = Text(
    "partez du modèle\u00a0: ptce-check init dossier.yaml", "start from the template: ptce-check init dossier.yaml"
)


def _build(text: str, limits: Limits, without_annotations: bool = False) -> tuple[Any, Any, int]:
    """Turn parser events into data; returns (root value, root frame or mark, documents)."""
    with parser_events(text) as get_event:
        return _from_events(get_event, limits, without_annotations)


def _from_events(get_event: Any, limits: Limits, without_annotations: bool) -> tuple[Any, Any, int]:
    # The open collection: its value, its frame's children and keys, whether it is a mapping,
    # and the key waiting for its value (None: the next scalar is a key). The enclosing ones
    # wait on `stack`. Kept in locals because this loop runs once per event of every dossier.
    stack: list[tuple[Any, Any, Any, bool, Any]] = []
    value_of: Any = None
    children: Any = None
    keys: Any = None
    mapping = False
    pending: Any = None
    root: Any = None
    root_entry: Any = None
    documents = 0
    nodes = 0
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    event: Any = get_event()
    while event is not None:
        kind = event.__class__
        if kind is ScalarEvent:
            value = event.value
            if event.implicit[0] and value in NULL_WORDS:
                value = None
            entry: Any = event
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            value = {} if kind is MappingStartEvent else []
            entry = Frame(event.start_mark, {} if kind is MappingStartEvent else [])
            if len(stack) >= max_depth:
                raise _limit(
                    event,
                    Text(
                        f"imbrication trop profonde (plus de {max_depth} niveaux)",
                        f"nesting too deep (more than {max_depth} levels)",
                    ),
                    Text("--max-depth relève la limite", "--max-depth raises the limit"),
                )
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value_of, children, keys, mapping, pending = stack.pop()
            event = get_event()
            continue
        elif kind is AliasEvent:
            raise _alias(event)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail(
                    "PTCE-F07",
                    Text(
                        "plusieurs documents YAML dans un fichier\u00a0: un seul dossier par fichier",
                        "several YAML documents in one file: one dossier per file",
                    ),
                    _position(event.start_mark),
                    Text(
                        "retirez la ligne « --- » ou séparez les dossiers en plusieurs fichiers",
                        "remove the '---' line or split the dossiers into several files",
                    ),
                )
            event = get_event()
            continue
        else:
            event = get_event()
            continue
        if event.anchor is not None:
            raise _alias(event)
        if event.tag is not None:
            raise fail(
                "PTCE-F03",
                Text(
                    f"étiquette YAML explicite « {escape_key(event.tag)} » refusée\u00a0: "
                    "les valeurs s'écrivent sans étiquette",
                    f"explicit YAML tag '{escape_key(event.tag)}' refused: values are written without tags",
                ),
                _position(event.start_mark),
            )
        nodes += 1
        if nodes > max_nodes:
            raise _limit(
                event,
                Text(f"trop d'éléments (plus de {max_nodes})", f"too many nodes (more than {max_nodes})"),
                Text("--max-nodes relève la limite", "--max-nodes raises the limit"),
            )
        if children is None:
            root, root_entry = value, entry
        elif not mapping:
            value_of.append(value)
            children.append(entry)
        elif pending is None:
            if kind is not ScalarEvent:
                raise fail(
                    "PTCE-F11",
                    Text(
                        "une clé doit être un texte simple, pas une liste ni un mapping",
                        "a key must be plain text, not a list or a mapping",
                    ),
                    _position(event.start_mark),
                )
            key = event.value  # the text as written, even `null` or `~`
            if key in keys:
                raise _duplicate(key, keys[key], event.start_mark)
            keys[key] = event.start_mark
            pending = key
            event = get_event()
            continue
        else:
            if not (without_annotations and pending.startswith("x_")):
                value_of[pending] = value
            children[pending] = entry
            pending = None
        if kind is not ScalarEvent:
            stack.append((value_of, children, keys, mapping, pending))
            value_of, children, keys, pending = value, entry.children, entry.keys, None
            mapping = kind is MappingStartEvent
        event = get_event()
    return root, root_entry, documents


def _alias(event: Any) -> SourceError:
    return fail(
        "PTCE-F04",
        Text(
            "ancres et alias YAML (& et *) refusés\u00a0: écrivez chaque valeur en entier",
            "YAML anchors and aliases (& and *) are refused: write each value in full",
        ),
        _position(event.start_mark),
    )


def _limit(event: Any, message: Text, hint: Text) -> SourceError:
    return fail("PTCE-F06", message, _position(event.start_mark), hint)


def _duplicate(key: str, first: Any, second: Any) -> SourceError:
    shown = escape_key(key)
    return fail(
        "PTCE-F05",
        Text(
            f"clé « {shown} » en double\u00a0: déjà présente ligne {first.line + 1}, colonne {first.column + 1}",
            f"duplicate key '{shown}': already at line {first.line + 1}, column {first.column + 1}",
        ),
        _position(second),
        Text("gardez une seule occurrence de la clé", "keep a single occurrence of the key"),
    )


# Spaces that look like indentation but that YAML reads as text (libyaml knows only U+0020).
_LOOK_ALIKE_SPACE = re.compile("^[ \t]*[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]", re.MULTILINE)
_PARSER_MAX_DEPTH = 1000


def _syntax_error(text: str, error: yaml.MarkedYAMLError) -> SourceError:
    # Only a file that does not parse needs these: a check of one that does skips their import.
    from ptce_check.indentation import INDENTATION_PROBLEMS, find_misaligned, misaligned_error
    from ptce_check.syntax_messages import PROBLEMS_FR

    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark is not None else FILE_START
    problem = (error.problem or "").strip()
    lines = text.split("\n")
    line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    indentation = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indentation or "tab" in problem:
        return fail(
            "PTCE-F01",
            Text(
                "tabulation utilisée pour l'indentation\u00a0: YAML n'accepte que des espaces",
                "tab used for indentation: YAML only accepts spaces",
            ),
            position,
            Text("remplacez les tabulations par des espaces", "replace the tabs with spaces"),
        )
    if problem == "exceeded maximum nesting depth":
        return fail(
            "PTCE-F06",
            Text(
                f"imbrication trop profonde (plus de {_PARSER_MAX_DEPTH} niveaux, la limite de l'analyseur YAML)",
                f"nesting too deep (more than {_PARSER_MAX_DEPTH} levels, the YAML parser's own limit)",
            ),
            position,
        )
    spaced = _look_alike_indentation(lines, position.line)
    if spaced is not None:
        return spaced
    misaligned = find_misaligned(lines, position.line) if problem in INDENTATION_PROBLEMS else None
    if misaligned is not None:
        return misaligned_error(misaligned)
    french = PROBLEMS_FR.get(problem, problem)
    context_fr = context_en = ""
    if error.context and error.context_mark is not None and mark is not error.context_mark:
        context_fr = f" (dans l'élément commencé ligne {error.context_mark.line + 1})"
        context_en = f" ({error.context} started at line {error.context_mark.line + 1})"
    return fail(
        "PTCE-F01",
        Text(f"erreur de syntaxe YAML\u00a0: {french}{context_fr}", f"YAML syntax error: {problem}{context_en}"),
        position,
    )


def _look_alike_indentation(lines: list[str], error_line: int) -> SourceError | None:
    """A no-break or other look-alike space at the start of a line, on or before the line where
    the parser gave up: YAML reads it as text, which breaks the structure further down."""
    text = "\n".join(lines[:error_line])
    matches = list(_LOOK_ALIKE_SPACE.finditer(text))
    if not matches:
        return None
    found = matches[-1]
    offset = found.end() - 1
    shown = escape_key(found.group()[-1])
    return fail(
        "PTCE-F01",
        Text(
            f"espace spéciale {shown} en début de ligne\u00a0: YAML n'indente qu'avec des espaces ordinaires "
            "et lit celle-ci comme du texte",
            f"special space {shown} at the start of a line: YAML indents only with ordinary spaces "
            "and reads this one as text",
        ),
        line_column(text, offset),
        Text(
            "remplacez-la par une espace ordinaire (souvent issue d'un copier-coller depuis un traitement de texte)",
            "replace it with an ordinary space (often pasted from a word processor)",
        ),
    )
