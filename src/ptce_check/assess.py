"""assess: a dossier's bytes in, an `Assessment` out. Pure apart from reading attachments'
existence; never raises on bad input."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ptce_check.assessment import Assessment, RuleResult, Summary, Verdict
from ptce_check.binding import BoundCall, shipped_call
from ptce_check.binding import load_call as bind_call
from ptce_check.calls import CallCatalog, is_shipped_call, list_calls
from ptce_check.context import Context
from ptce_check.decoding import Limits, read_file
from ptce_check.dossier import FORMAT_ID
from ptce_check.findings import FILE_START, Cause, Finding, Severity, SourceError, sort_key
from ptce_check.i18n import Text
from ptce_check.quality import DATA_CHECKS, EXPLAINS
from ptce_check.scoring import score
from ptce_check.source import Document, SourceMap, load_bytes
from ptce_check.territory.user_lists import UserReferences
from ptce_check.textsafe import escape_all_controls
from ptce_check.validation import validate
from ptce_check.view import DossierView

#: The label of a dossier given as bytes without one.
BYTES_LABEL = "<bytes>"


def assess(
    dossier: str | os.PathLike[str] | bytes,
    *,
    call: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
    references: UserReferences | None = None,
    label: str | None = None,
) -> Assessment:
    """Assess a dossier: a `str` or path-like is its file's path, `bytes` are its content
    (`label` names it in the findings). `call` replaces the dossier's own `call:` (a shipped id
    or a call file's path). Bad dossiers give a verdict, never an exception."""
    override = None if call is None else os.fspath(call)
    if isinstance(dossier, bytes):
        return assess_source(
            dossier, label or BYTES_LABEL, call_override=override, limits=limits, references=references
        )
    return assess_file(_path(dossier, "assess"), call_override=override, limits=limits, references=references)


def load_dossier(dossier: str | os.PathLike[str] | bytes, *, limits: Limits | None = None) -> Document:
    """A dossier read as plain data with its source map (path -> line, column), not judged;
    raises `SourceError` (its `finding` says why) when it cannot be read as YAML."""
    limits = limits or Limits()
    raw = dossier if isinstance(dossier, bytes) else read_file(_path(dossier, "load_dossier"), limits)
    return load_bytes(raw, limits)


def load_call(call: str | os.PathLike[str]) -> BoundCall:
    """A call: a shipped id (`ptce-2015`) or a call file's path (`.yaml`); raises `UserError`
    naming the file, line and column of every problem."""
    if not isinstance(call, str | os.PathLike):
        raise TypeError(f"load_call() takes a call id or a path, not {type(call).__name__}")
    return bind_call(os.fspath(call))


def _path(value: object, function: str) -> Path:
    """A `str` or path-like as a `Path`; anything else is the caller's mistake, a `TypeError`."""
    if isinstance(value, str | os.PathLike):
        return Path(os.fspath(value))
    raise TypeError(f"{function}() takes a path (str or os.PathLike) or bytes, not {type(value).__name__}")


def assess_file(
    path: str | os.PathLike[str],
    *,
    call_override: str | None = None,
    limits: Limits | None = None,
    debug: bool = False,
    references: UserReferences | None = None,
    catalog: CallCatalog | None = None,
) -> Assessment:
    """Assess a dossier file; unreadable, hostile or broken files give an `invalid` verdict."""
    path = _path(path, "assess_file")
    limits = limits or Limits()
    try:
        raw = read_file(path, limits)
    except SourceError as error:
        return _invalid(str(path), error.finding)
    except Exception:
        if debug:
            raise
        return _internal_error(str(path))
    return assess_source(
        raw,
        str(path),
        folder=path.parent,
        call_override=call_override,
        limits=limits,
        debug=debug,
        references=references,
        catalog=catalog,
    )


def assess_source(
    raw: bytes,
    label: str = BYTES_LABEL,
    *,
    folder: Path | None = None,
    call_override: str | None = None,
    limits: Limits | None = None,
    debug: bool = False,
    references: UserReferences | None = None,
    catalog: CallCatalog | None = None,
) -> Assessment:
    """Assess a dossier given as bytes; `folder` is where its attachments are (None: stdin);
    `references` are the user's reference lists (`--reference`), checked claims against them;
    `catalog` the calls known by id (`--calls-dir`; None: the shipped ones)."""
    if not isinstance(raw, bytes):
        raise TypeError(f"assess_source() takes the dossier's bytes, not {type(raw).__name__} (a path: assess_file)")
    try:
        return _assess(raw, label, folder, call_override, limits or Limits(), references, catalog)
    except Exception:
        if debug:
            raise
        return _internal_error(label)


#: The message of PTCE-F13, a bug met on one file (here, or by a screening's worker).
INTERNAL_ERROR = Text(
    "erreur interne du vérificateur sur ce fichier\u00a0; relancez avec --debug pour le détail",
    "internal error on this file; run with --debug for details",
)


def _internal_error(label: str) -> Assessment:
    """A bug met on this file: one finding for it, so that the rest of the batch goes on."""
    return _invalid(label, Finding("PTCE-F13", Severity.ERROR, INTERNAL_ERROR, position=FILE_START))


def _invalid(label: str, finding: Finding, call: str | None = None) -> Assessment:
    return Assessment(label, call, Verdict.INVALID, (finding,))


def _assess(
    raw: bytes,
    label: str,
    folder: Path | None,
    call_override: str | None,
    limits: Limits,
    references: UserReferences | None = None,
    catalog: CallCatalog | None = None,
) -> Assessment:
    try:
        document = load_bytes(raw, limits, without_annotations=True)
    except SourceError as error:
        return _invalid(label, error.finding)
    return _assess_document(document, label, folder, call_override, references, catalog)


def assess_document(
    document: Document,
    label: str,
    *,
    folder: Path | None = None,
    call_override: str | None = None,
    debug: bool = False,
    references: UserReferences | None = None,
    catalog: CallCatalog | None = None,
) -> Assessment:
    """Assess a dossier already read as data with its source map (e.g. an application imported
    from a spreadsheet export, whose map gives cells): the same judgement as `assess_source`."""
    try:
        return _assess_document(document, label, folder, call_override, references, catalog)
    except Exception:
        if debug:
            raise
        return _internal_error(label)


def _assess_document(
    document: Document,
    label: str,
    folder: Path | None,
    call_override: str | None,
    references: UserReferences | None,
    catalog: CallCatalog | None = None,
) -> Assessment:
    data = document.data
    problem = _format_problem(document)
    if problem is not None:
        return _invalid(label, problem)
    if call_override is None:
        problem = _call_problem(document, catalog)
        if problem is not None:
            return _invalid(label, problem)
    bound = _resolve_call(call_override, data.get("call"), catalog)
    call = bound.call
    validated = validate(data, annotated=document.annotated)
    context = Context(validated.view, call, folder, references=references)
    derived: list[Finding] = []
    rules = []
    for bound_rule in bound.rules:
        rule = bound_rule.rule
        outcome = bound_rule.kind.run(context, bound_rule.params)
        rules.append(
            RuleResult(
                rule.code, bound_rule.title, bound_rule.source, outcome.status, outcome.evidence, outcome.caused_by
            )
        )
        for failure in outcome.failures:
            hint = failure.hint or bound_rule.default_hint
            derived.append(Finding(rule.code, Severity.ERROR, failure.message, failure.path, hint))
    for check in DATA_CHECKS:
        derived.extend(check.run(context))
    derived = _link_explained(derived, validated.view)
    scored = (
        context
        if validated.scored is validated.view
        else Context(validated.scored, call, folder, references=references)
    )
    card = score(scored, bound)
    located = _locate(validated.findings, derived, document.source_map, validated.view)
    verdict = Verdict.NOT_ADMISSIBLE if any(f.severity is Severity.ERROR for f in located) else Verdict.ADMISSIBLE
    return Assessment(
        label, call.id, verdict, located, tuple(rules), card, _summary(context), territory=context.territory_facts
    )


def _link_explained(findings: list[Finding], view: DossierView) -> list[Finding]:
    """Findings about a value that another finding explains (`quality.EXPLAINS`) are linked to it
    (the cause in file coordinates, as every cause is)."""
    explained = {
        (code, finding.path): Cause(finding.code, view.origins.to_file(finding.path))
        for finding in findings
        for code in EXPLAINS.get(finding.code, ())
    }
    if not explained:
        return findings
    return [
        replace(finding, caused_by=explained[(finding.code, finding.path)])
        if finding.caused_by is None and (finding.code, finding.path) in explained
        else finding
        for finding in findings
    ]


def _locate(
    format_findings: list[Finding], derived: list[Finding], source_map: SourceMap, view: DossierView
) -> tuple[Finding, ...]:
    """Positions for every finding, each consequence right after its cause.

    Format findings are in file coordinates already; the others are in the view's, mapped back
    to the file's, and linked to the finding that set aside a value they are about."""
    located = []
    tagged = [(False, finding) for finding in format_findings] + [(True, finding) for finding in derived]
    for from_view, finding in tagged:
        path = view.origins.to_file(finding.path) if from_view else finding.path
        cause = finding.caused_by
        if cause is None and from_view:
            cause = view.set_aside.about(finding.path)
        located.append(
            Finding(
                finding.code,
                finding.severity,
                finding.message,
                path,
                finding.hint,
                source_map.lookup(path, at_key=finding.at_key),
                finding.at_key,
                cause,
            )
        )
    return _causes_first(sorted(located, key=sort_key))


def _causes_first(findings: list[Finding]) -> tuple[Finding, ...]:
    """The findings in file order, each followed by those it caused (a cause that is itself a
    consequence keeps them: they follow it)."""
    if all(finding.caused_by is None for finding in findings):
        return tuple(findings)  # most dossiers: nothing to regroup
    by_cause: dict[Cause, list[Finding]] = {}
    present = {finding.cause for finding in findings}
    roots = []
    for finding in findings:
        if finding.caused_by is not None and finding.caused_by in present and finding.caused_by != finding.cause:
            by_cause.setdefault(finding.caused_by, []).append(finding)
        else:
            roots.append(finding)
    ordered: list[Finding] = []
    seen: set[int] = set()

    def place(finding: Finding) -> None:
        if id(finding) in seen:
            return
        seen.add(id(finding))
        ordered.append(finding)
        for consequence in by_cause.pop(finding.cause, []):
            place(consequence)

    for finding in roots:
        place(finding)
    for rest in by_cause.values():  # a cycle of causes: keep them all, in file order
        for finding in rest:
            place(finding)
    return tuple(ordered)


def _format_problem(document: Document) -> Finding | None:
    value = document.data.get("format")
    if value == FORMAT_ID:
        return None
    hint = Text(
        f"la première clé du dossier doit être\u00a0: format: {FORMAT_ID}",
        f"the dossier's first key must be: format: {FORMAT_ID}",
    )
    if value is None:
        message = Text(
            "clé « format » absente\u00a0: ce fichier n'est pas déclaré comme un dossier PTCE",
            "key 'format' missing: this file is not declared as a PTCE dossier",
        )
        return Finding("PTCE-F08", Severity.ERROR, message, (), hint, document.source_map.lookup(()))
    shown = escape_all_controls(str(value)) if isinstance(value, str) else "…"
    message = Text(
        f"format « {shown} » inconnu (attendu\u00a0: {FORMAT_ID})", f"unknown format '{shown}' (expected: {FORMAT_ID})"
    )
    return Finding("PTCE-F08", Severity.ERROR, message, ("format",), hint, document.source_map.lookup(("format",)))


def _resolve_call(call_override: str | None, dossier_call: Any, catalog: CallCatalog | None) -> BoundCall:
    """The call named on the command line (an id or a file), else the dossier's own, which
    `_call_problem` has checked is a shipped id: a dossier's value is never a file name."""
    if call_override is not None:
        return bind_call(call_override, catalog)
    return shipped_call(dossier_call, catalog)


def _call_problem(document: Document, catalog: CallCatalog | None) -> Finding | None:
    value: Any = document.data.get("call")
    # An id from criteria/, never a path: a dossier does not choose which file on disk is read.
    if is_shipped_call(value, catalog):
        return None
    known = ", ".join(escape_all_controls(call_id) for call_id in list_calls(catalog))
    hint = Text(
        f"appels connus\u00a0: {known} (ou --call sur la ligne de commande)",
        f"known calls: {known} (or --call on the command line)",
    )
    if value is None:
        message = Text(
            "clé « call » absente\u00a0: quel appel à projets vise ce dossier\u00a0?",
            "key 'call' missing: which call does this dossier answer?",
        )
        return Finding("PTCE-F09", Severity.ERROR, message, (), hint, document.source_map.lookup(()))
    shown = escape_all_controls(value) if isinstance(value, str) else "…"
    return Finding(
        "PTCE-F09",
        Severity.ERROR,
        Text(f"appel « {shown} » inconnu", f"unknown call '{shown}'"),
        ("call",),
        hint,
        document.source_map.lookup(("call",)),
    )


def _summary(context: Context) -> Summary:
    """What a reviewer's table shows; a value set aside is shown as unknown, never as its placeholder."""
    view = context.view
    pole = view.pole
    known = view.set_aside.about
    grant = view.budget.requested_grant_eur if view.budget else None
    return Summary(
        pole_name=pole.name if pole and not known(("pole", "name")) else None,
        pole_siren=pole.siren if pole else None,
        requested_grant_eur=None if grant is None or known(("budget", "requested_grant_eur")) else grant,
        member_sirets=tuple(m.siret for m in view.members if m.siret),
    )


class _CallableModule(types.ModuleType):
    """`ptce_check.assess` is both this module and the public function: importing a submodule
    sets the package's attribute of that name to the module, so the module calls `assess`."""

    # A static method: calling the module calls `assess` itself, with its signature.
    __call__ = staticmethod(assess)


sys.modules[__name__].__class__ = _CallableModule
