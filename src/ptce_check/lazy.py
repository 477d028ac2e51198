"""Names a package re-exports on first use (PEP 562): importing one module of the package does
not import the others, and each name is imported from its module only when it is asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, origins: Mapping[str, str]) -> Callable[[str], Any]:
    """The module-level `__getattr__` of `package`: each name of `origins` from its module.

    No submodule of the package may be named like one of the names: importing a submodule sets
    the package's attribute of that name to the module, and `__getattr__` is no longer asked."""

    def attribute(name: str) -> Any:
        module_name = origins.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module_name), name)

    return attribute
