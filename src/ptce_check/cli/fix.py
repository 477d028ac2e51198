"""`ptce-check fix FILE... [--diff]`: the mechanical fixes (`ptce_check.fixes`) applied in place,
each file replaced whole (`atomic`) in its own encoding and byte-order mark, or previewed as a
unified diff. Exit 0 when no file needs a further fix, 1 otherwise, 2 for a usage error."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Annotated

import typer

from ptce_check.cli.common import resolve_lang, shown, user_errors
from ptce_check.cli.options import CallOption, LangOption
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text


def command(
    files: Annotated[list[Path], typer.Argument(metavar="FICHIER...", help="Dossiers YAML à corriger.")],
    diff: Annotated[
        bool, typer.Option("--diff", help="Affiche les corrections en diff unifié sans rien modifier.")
    ] = False,
    call: CallOption = None,
    lang: LangOption = None,
) -> None:
    """Corrige les erreurs mécaniques (oui/non, montants, SIRET, dates, tabulations). / Applies mechanical fixes."""
    with user_errors(lang):
        language = resolve_lang(lang)
        for path in files:
            if not path.exists():
                raise UserError(Text(f"chemin introuvable\u00a0: {shown(path)}", f"no such path: {shown(path)}"))
        statuses = [fix_file(path, diff=diff, call=call, lang=language) for path in files]
    raise typer.Exit(max(statuses, default=0))


def fix_file(path: Path, *, diff: bool, call: str | None, lang: Lang) -> int:
    """Fix one file (or show its diff); 0 when it needs no further fix, else 1."""
    from ptce_check.decoding import Limits, read_file
    from ptce_check.findings import SourceError
    from ptce_check.fixes import fix_source

    try:
        raw = read_file(path, Limits())
    except SourceError as error:
        _say(f"{shown(path)}{_COLON.get(lang)} {error.finding.message.get(lang)}", err=True)
        return 1
    original = _text_of(raw)
    outcome = fix_source(raw, str(path), folder=path.parent, call_override=call)
    if outcome.text is None or original is None:
        _say(
            Text(f"{shown(path)}\u00a0: illisible comme texte", f"{shown(path)}: not readable as text").get(lang),
            err=True,
        )
        return 1
    left = sum(1 for finding in outcome.remaining if finding.fix is not None)
    if diff:
        _print_diff(path, original, outcome.text)
        return 1 if outcome.text != original or left else 0
    if outcome.text != original:
        _write(path, raw, outcome.text)
    _say(_summary(path, len(outcome.applied), left, len(outcome.remaining) - left).get(lang))
    return 1 if left else 0


_COLON = Text("\u00a0:", ":")


def _text_of(raw: bytes) -> str | None:
    from ptce_check.decoding import decode
    from ptce_check.findings import SourceError

    try:
        return decode(raw)
    except SourceError:
        return None


def _print_diff(path: Path, old: str, new: str) -> None:
    from ptce_check.textsafe import escape_invisible

    name = path.as_posix()
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    for line in lines:
        body = line.rstrip("\r\n")
        sys.stdout.write(escape_invisible(body) + "\n")
    sys.stdout.flush()


def _write(path: Path, original: bytes, text: str) -> None:
    from ptce_check.atomic import write_atomically
    from ptce_check.fixes import encode_like

    data = encode_like(original, text)
    try:
        write_atomically(path, lambda stream: stream.buffer.write(data))
    except OSError as error:
        where, reason = shown(path), error.strerror or type(error).__name__
        raise UserError(
            Text(f"écriture impossible dans {where}\u00a0: {reason}", f"cannot write {where}: {reason}")
        ) from error


def _summary(path: Path, applied: int, left: int, by_hand: int) -> Text:
    where = shown(path)
    fr = f"{where}\u00a0: " + (
        "rien à corriger mécaniquement"
        if not applied
        else f"{applied} correction{'s' if applied > 1 else ''} appliquée" + ("s" if applied > 1 else "")
    )
    en = f"{where}: " + (
        "nothing to fix mechanically" if not applied else f"{applied} fix{'es' if applied > 1 else ''} applied"
    )
    if left:
        fr += f"\u00a0; {left} restante{'s' if left > 1 else ''} (relancez ptce-check fix)"
        en += f"; {left} left (run ptce-check fix again)"
    if by_hand:
        fr += f"\u00a0; {by_hand} constat{'s' if by_hand > 1 else ''} à corriger à la main (ptce-check check {where})"
        en += f"; {by_hand} finding{'s' if by_hand > 1 else ''} to fix by hand (ptce-check check {where})"
    return Text(fr, en)


def _say(message: str, err: bool = False) -> None:
    from ptce_check.textsafe import escape_invisible

    typer.echo(escape_invisible(message), err=err)
