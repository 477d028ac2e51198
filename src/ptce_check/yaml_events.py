"""The events of libyaml's parser as compact structs, for the time of one parse.

PyYAML's C parser builds each event by calling a class it looks up among its module's globals
(`yaml._yaml.ScalarEvent` and the others, which are `yaml.events`' plain Python classes). A
dossier's parse makes five to six hundred events, and the Python `__init__` of those classes is a
third of what the parser costs. `parser_events` puts struct classes with the same fields in
their place while it reads one text, then puts PyYAML's back: the parse gives the same events,
with the same attributes, a third faster (0.45 → 0.30 ms per synthetic dossier). A lock keeps two
threads from swapping at once; PyYAML's own classes are left in place when its module does not
have the layout this relies on (then `ScalarEvent` and the others here are PyYAML's).

Only the five kinds a document is made of are replaced; stream, document and alias events keep
PyYAML's classes. The structs are not tracked by the cyclic garbage collector: they hold only
the parser's marks, text, tuples and flags, which never refer back to an event.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import yaml._yaml
import yaml.events
from msgspec import Struct
from yaml.events import AliasEvent, DocumentStartEvent


class _ScalarEvent(Struct, gc=False):
    anchor: str | None
    tag: str | None
    #: (plain implicit, quoted implicit)
    implicit: tuple[bool, bool]
    value: str
    start_mark: Any = None
    end_mark: Any = None
    style: str | None = None


class _CollectionStartEvent(Struct, gc=False):
    anchor: str | None
    tag: str | None
    implicit: bool
    start_mark: Any = None
    end_mark: Any = None
    flow_style: bool | None = None


class _MappingStartEvent(_CollectionStartEvent, gc=False):
    pass


class _SequenceStartEvent(_CollectionStartEvent, gc=False):
    pass


class _CollectionEndEvent(Struct, gc=False):
    start_mark: Any = None
    end_mark: Any = None


class _MappingEndEvent(_CollectionEndEvent, gc=False):
    pass


class _SequenceEndEvent(_CollectionEndEvent, gc=False):
    pass


_OURS: dict[str, type] = {
    "ScalarEvent": _ScalarEvent,
    "MappingStartEvent": _MappingStartEvent,
    "SequenceStartEvent": _SequenceStartEvent,
    "MappingEndEvent": _MappingEndEvent,
    "SequenceEndEvent": _SequenceEndEvent,
}
_PYYAML: dict[str, type] = {name: getattr(yaml.events, name) for name in _OURS}
#: PyYAML's C module looks its event classes up by these names, and they are PyYAML's own.
SWAPPABLE = all(getattr(yaml._yaml, name, None) is cls for name, cls in _PYYAML.items())
_ACTIVE = _OURS if SWAPPABLE else _PYYAML

ScalarEvent: type[Any] = _ACTIVE["ScalarEvent"]
MappingStartEvent: type[Any] = _ACTIVE["MappingStartEvent"]
SequenceStartEvent: type[Any] = _ACTIVE["SequenceStartEvent"]
MappingEndEvent: type[Any] = _ACTIVE["MappingEndEvent"]
SequenceEndEvent: type[Any] = _ACTIVE["SequenceEndEvent"]

__all__ = [
    "AliasEvent",
    "DocumentStartEvent",
    "MappingEndEvent",
    "MappingStartEvent",
    "ScalarEvent",
    "SequenceEndEvent",
    "SequenceStartEvent",
    "parser_events",
]

_swap = threading.Lock()


def _install(classes: dict[str, type]) -> None:
    for name, cls in classes.items():
        setattr(yaml._yaml, name, cls)


@contextmanager
def parser_events(text: str) -> Iterator[Callable[[], Any]]:
    """`get_event` of a C parser over `text`, giving the classes of this module while the block
    runs."""
    get_event = yaml._yaml.CParser(text).get_event
    if not SWAPPABLE:
        yield get_event
        return
    with _swap:
        _install(_OURS)
        try:
            yield get_event
        finally:
            _install(_PYYAML)
