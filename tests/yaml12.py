"""YAML as an editor reads it: the YAML 1.2 core schema (what the VS Code YAML extension uses by
default), giving JSON-like data to validate against the dossier's JSON Schema.

PyYAML implements YAML 1.1 (`yes` is a boolean, `2015-06-15` a date, `0123` octal); this loader
keeps only the 1.2 core schema's implicit types: null, true/false, decimal, octal `0o` and hex
`0x` integers, floats with `.inf` and `.nan`. Mapping keys are kept as the text they were written
as, since JSON object keys are strings.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

_CORE_TYPES: list[tuple[str, str, list[str]]] = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
]


class Core12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's resolvers and constructors."""


Core12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_TYPES:
    Core12Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if text == ".nan" else float(text)


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    return {str(key.value): loader.construct_object(value, deep=True) for key, value in node.value}


Core12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Core12Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def load(text: str) -> Any:
    return yaml.load(text, Loader=Core12Loader)
