"""ptce-check: eligibility checker for PTCE calls for projects.

The library API is re-exported lazily so that ``ptce-check --version`` does not pay for
importing Pydantic, PyYAML or rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Assessment", "__version__", "assess_file", "assess_source", "list_calls", "load_call"]

if TYPE_CHECKING:
    from ptce_check.assess import assess_file, assess_source
    from ptce_check.assessment import Assessment
    from ptce_check.binding import load_call
    from ptce_check.calls import list_calls

_LAZY = {
    "Assessment": "ptce_check.assessment",
    "assess_file": "ptce_check.assess",
    "assess_source": "ptce_check.assess",
    "list_calls": "ptce_check.calls",
    "load_call": "ptce_check.binding",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'ptce_check' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
