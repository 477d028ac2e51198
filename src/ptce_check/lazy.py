"""Names a package re-exports on first use (PEP 562): importing one module of the package does
not import the others, and each name is imported from its module only when it is asked for; and
a package's modules by name, imported the same way; regular expressions compiled on first use;
results computed on first use and remembered, within a bound."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

_Module = TypeVar("_Module")
_Key = TypeVar("_Key", bound=Hashable)
_Value = TypeVar("_Value")


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


class LazyModules(Mapping[str, _Module]):
    """A package's modules by name, each imported when it is first asked for, in the order given.

    A call file names the few rule and criterion kinds it uses; importing the others (each builds
    its parameter model when imported) would cost a one-dossier `check` a few milliseconds for
    nothing. Only the names listed here can be imported: a name read from a call file is looked
    up in the list, never passed to the import system as given."""

    def __init__(self, package: str, names: Sequence[str]) -> None:
        self._package = package
        self._names = tuple(names)
        self._known = frozenset(names)
        self._loaded: dict[str, _Module] = {}

    def __getitem__(self, name: str) -> _Module:
        loaded = self._loaded.get(name)
        if loaded is None:
            if name not in self._known:
                raise KeyError(name)
            loaded = self._loaded[name] = cast(_Module, importlib.import_module(f"{self._package}.{name}"))
        return loaded

    def __contains__(self, name: object) -> bool:
        return name in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def compiled_on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled the first time it is asked for, for those only some runs
    need (error messages, hints, Markdown): compiling a character class beyond Latin-1 costs a
    few tenths of a millisecond, paid at import by every run otherwise."""
    return functools.cache(lambda: re.compile(pattern, flags))


def remembered(
    compute: Callable[[_Key], _Value], *, limit: int, keep: Callable[[_Key, _Value], bool]
) -> Callable[[_Key], _Value]:
    """`compute`, with its results remembered for the keys asked again: what every dossier of a
    batch asks for (its members' name keys, its paths written out). Bounded, since dossiers and
    call files fill it: emptied when `limit` results are kept, and a result is kept only when
    `keep(key, result)` says so (a hostile key a megabyte long is not)."""
    results: dict[_Key, _Value] = {}

    def recall(key: _Key) -> _Value:
        found = results.get(key)
        if found is None:
            found = compute(key)
            if keep(key, found):
                if len(results) >= limit:
                    results.clear()
                results[key] = found
        return found

    return functools.update_wrapper(recall, compute)
