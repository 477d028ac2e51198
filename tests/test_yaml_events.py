"""The parser's events as structs: the same events as PyYAML's, only while one text is read."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
import yaml._yaml

from ptce_check import yaml_events
from ptce_check.decoding import Limits
from ptce_check.findings import SourceError
from ptce_check.source import parse
from ptce_check.yaml_events import parser_events

TEXT = """\
plain: valeur
'single': 'quoted'
"double": "quoted"
literal: |
  deux
  lignes
folded: >
  plié
flow: {a: [1, 2], b: ~}
block:
  - x
  - - y
anchored: &ancre 1
alias: *ancre
tagged: !!str 12
"""

EXAMPLES = Path(__file__).parents[1] / "examples"

FIELDS = {
    "ScalarEvent": ("anchor", "tag", "implicit", "value", "style"),
    "MappingStartEvent": ("anchor", "tag", "implicit", "flow_style"),
    "SequenceStartEvent": ("anchor", "tag", "implicit", "flow_style"),
    "MappingEndEvent": (),
    "SequenceEndEvent": (),
}


def _described(event: Any) -> tuple[object, ...]:
    """An event as comparable values: its kind, its fields and where it starts and ends."""
    name = type(event).__name__.lstrip("_")
    fields = FIELDS.get(name, ())
    marks = [(m.index, m.line, m.column) for m in (event.start_mark, event.end_mark)]
    return (name, *(getattr(event, field) for field in fields), *marks)


def _pyyaml_events(text: str) -> list[tuple[object, ...]]:
    return [_described(event) for event in yaml.parse(text, Loader=yaml.CSafeLoader)]


def _our_events(text: str) -> list[tuple[object, ...]]:
    described = []
    with parser_events(text) as get_event:
        while (event := get_event()) is not None:
            described.append(_described(event))
    return described


def test_the_structs_are_used_with_this_pyyaml() -> None:
    assert yaml_events.SWAPPABLE
    with parser_events("a: [b]\n") as get_event:
        kinds = [type(get_event()) for _ in range(7)]
    assert kinds[2:7] == [
        yaml_events.MappingStartEvent,
        yaml_events.ScalarEvent,
        yaml_events.SequenceStartEvent,
        yaml_events.ScalarEvent,
        yaml_events.SequenceEndEvent,
    ]
    assert yaml_events.ScalarEvent is not yaml.events.ScalarEvent


def test_every_event_has_the_fields_and_marks_pyyaml_gives() -> None:
    assert _our_events(TEXT) == _pyyaml_events(TEXT)


@pytest.mark.parametrize("name", ["centre-isere.yaml", "ami-2025-admissible.yaml"])
def test_the_events_of_a_shipped_example_are_pyyaml_s(name: str) -> None:
    text = (EXAMPLES / name).read_text("utf-8")
    assert _our_events(text) == _pyyaml_events(text)


def test_pyyaml_s_classes_are_back_after_a_parse_and_after_a_refusal() -> None:
    parse("a: 1\n", Limits())
    with pytest.raises(SourceError):
        parse("a: 1\na: 2\n", Limits())
    with pytest.raises(SourceError):
        parse("a: [\n", Limits())
    for name in FIELDS:
        assert getattr(yaml._yaml, name) is getattr(yaml.events, name)
    # PyYAML's C emitter, which looks the same names up, still takes PyYAML's events.
    events = list(yaml.parse("a: [1, 2]\n"))
    assert yaml.emit(events, Dumper=yaml.CDumper) == "a: [1, 2]\n"


def test_threads_parsing_at_once_get_the_same_data() -> None:
    text = "".join(f"clé{i}: [{i}, valeur {i}, {{x: {i}}}]\n" for i in range(200))
    expected = parse(text, Limits()).data
    results: list[object] = []

    def work() -> None:
        for _ in range(20):
            results.append(parse(text, Limits()).data)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 80
    assert all(result == expected for result in results)
