"""Every JSON object of a generated schema, visited: what the dossier schema and the call-file
schema both need to finish the schema Pydantic gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def walk_objects(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    """`visit` each object in `node`, at any depth (objects and arrays walked), parents first."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            walk_objects(value, visit)
    elif isinstance(node, list):
        for value in node:
            walk_objects(value, visit)
