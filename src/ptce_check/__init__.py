"""ptce-check: eligibility checker for PTCE calls for projects.

The public API (docs/api.md) is what `__all__` lists; everything else is internal and may change
in any release. It is imported lazily so that ``ptce-check --version`` does not pay for importing
Pydantic, PyYAML or rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: Each public name and the module that defines it.
_PUBLIC = {
    "assess": "ptce_check.assess",
    "assess_file": "ptce_check.assess",
    "assess_source": "ptce_check.assess",
    "load_dossier": "ptce_check.assess",
    "load_call": "ptce_check.assess",
    "list_calls": "ptce_check.calls",
    "Assessment": "ptce_check.assessment",
    "RuleResult": "ptce_check.assessment",
    "Verdict": "ptce_check.assessment",
    "BoundCall": "ptce_check.binding",
    "Limits": "ptce_check.decoding",
    "UserError": "ptce_check.errors",
    "Finding": "ptce_check.findings",
    "Position": "ptce_check.findings",
    "Severity": "ptce_check.findings",
    "SourceError": "ptce_check.findings",
    "Text": "ptce_check.i18n",
    "ScoreCard": "ptce_check.scoring",
    "Document": "ptce_check.source",
}

__all__ = [
    "Assessment",
    "BoundCall",
    "Document",
    "Finding",
    "Limits",
    "Position",
    "RuleResult",
    "ScoreCard",
    "Severity",
    "SourceError",
    "Text",
    "UserError",
    "Verdict",
    "__version__",
    "assess",
    "assess_file",
    "assess_source",
    "list_calls",
    "load_call",
    "load_dossier",
]

if TYPE_CHECKING:
    from ptce_check.assess import assess, assess_file, assess_source, load_call, load_dossier
    from ptce_check.assessment import Assessment, RuleResult, Verdict
    from ptce_check.binding import BoundCall
    from ptce_check.calls import list_calls
    from ptce_check.decoding import Limits
    from ptce_check.errors import UserError
    from ptce_check.findings import Finding, Position, Severity, SourceError
    from ptce_check.i18n import Text
    from ptce_check.scoring import ScoreCard
    from ptce_check.source import Document
else:
    # Hidden from type checkers, which would otherwise accept any attribute of the package.
    def __getattr__(name: str) -> object:
        module_name = _PUBLIC.get(name)
        if module_name is None:
            raise AttributeError(f"module 'ptce_check' has no attribute {name!r}")
        import importlib

        module = importlib.import_module(module_name)
        # `assess` names its module too, which the import has just set here: callable, it is both.
        return module if name == "assess" else getattr(module, name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *_PUBLIC})
