"""SIREN and SIRET numbers: digits and Luhn check digit (python-stdnum), SIRET matching SIREN.

PASS: ``siren: '732829320'``, ``siret: '73282932000074'``.
FAIL: ``siren: '732829321'`` (PTCE-D01), ``siret: '73282932000075'`` (PTCE-D02), a SIRET whose
first nine digits are not the member's SIREN (PTCE-D03).
"""

from __future__ import annotations

from collections.abc import Iterator

from ptce_check.codes import finding
from ptce_check.context import Context
from ptce_check.findings import Finding, Path
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.textsafe import escape_all_controls
from ptce_check.value_hints import spaced_digits

CODES = ("PTCE-D01", "PTCE-D02", "PTCE-D03")

#: Each digit doubled, and the digits of the result added (the Luhn step): 7 -> 14 -> 5.
_DOUBLED = str.maketrans("0123456789", "0246813579")
LA_POSTE = "356000000"


def _luhn(digits: str) -> bool:
    """The Luhn checksum of ASCII digits, as python-stdnum computes it, without its cleaning."""
    # Every second digit from the right is doubled; the digits' sum is the sum of their bytes,
    # less 48 (b"0") for each, computed in C rather than digit by digit.
    both = (digits[-1::-2] + digits[-2::-2].translate(_DOUBLED)).encode("ascii")
    return (sum(both) - 48 * len(both)) % 10 == 0


def _digits(value: str, length: int) -> bool:
    return len(value) == length and value.isascii() and value.isdigit()


def siren_valid(value: str) -> bool:
    """python-stdnum decides; the common valid case is answered by a plain Luhn pass first,
    which a batch of thousands of members makes worth it (stdnum cleans and re-checks, and
    importing it loads modules for its online services)."""
    if _digits(value, 9) and _luhn(value):
        return True
    from stdnum.fr import siren

    return bool(siren.is_valid(value))


def siret_valid(value: str) -> bool:
    """Likewise; La Poste's establishments, which do not follow Luhn, always go to stdnum."""
    if _digits(value, 14) and not value.startswith(LA_POSTE) and _luhn(value) and _luhn(value[:9]):
        return True
    from stdnum.fr import siret

    return bool(siret.is_valid(value))


def _without_spaces(value: str, length: int, example: str) -> Text:
    """The number itself when it was written with spaces, else an example."""
    digits = spaced_digits(value, length)
    if digits is not None:
        return Text(f"écrivez-le sans espaces\u00a0: '{digits}'", f"write it without spaces: '{digits}'")
    return Text(f"sans espaces\u00a0: {example}", f"without spaces: {example}")


def _check_siren(value: str, path: Path) -> Iterator[Finding]:
    shown = escape_all_controls(value)
    if not _digits(value, 9):
        yield finding(
            "PTCE-D01",
            path,
            Text(f"SIREN « {shown} »\u00a0: 9 chiffres attendus", f"SIREN '{shown}': 9 digits expected"),
            _without_spaces(value, 9, "732829320"),
        )
    elif not siren_valid(value):
        yield finding(
            "PTCE-D01",
            path,
            Text(
                f"SIREN « {shown} »\u00a0: clé de contrôle (Luhn) invalide",
                f"SIREN '{shown}': invalid (Luhn) check digit",
            ),
            Text(
                "vérifiez le numéro sur l'avis de situation SIRENE",
                "check the number on the SIRENE registration notice",
            ),
        )


def _check_siret(value: str, siren: str | None, path: Path) -> Iterator[Finding]:
    shown = escape_all_controls(value)
    if not _digits(value, 14):
        yield finding(
            "PTCE-D02",
            path,
            Text(f"SIRET « {shown} »\u00a0: 14 chiffres attendus", f"SIRET '{shown}': 14 digits expected"),
            _without_spaces(value, 14, "73282932000074"),
        )
    elif not siret_valid(value):
        yield finding(
            "PTCE-D02",
            path,
            Text(
                f"SIRET « {shown} »\u00a0: clé de contrôle (Luhn) invalide",
                f"SIRET '{shown}': invalid (Luhn) check digit",
            ),
        )
    elif siren is not None and value[:9] != siren:
        yield finding(
            "PTCE-D03",
            path,
            Text(
                f"le SIRET « {shown} » ne commence pas par le SIREN {escape_all_controls(siren)}",
                f"SIRET '{shown}' does not start with SIREN {escape_all_controls(siren)}",
            ),
        )


def run(context: Context) -> Iterator[Finding]:
    view = context.view
    if view.pole is not None:
        if view.pole.siren is not None:
            yield from _check_siren(view.pole.siren, ("pole", "siren"))
        if view.pole.carrier is not None and view.pole.carrier.siren is not None:
            yield from _check_siren(view.pole.carrier.siren, ("pole", "carrier", "siren"))
    for index, member in enumerate(view.members):
        if member.siren is not None:
            yield from _check_siren(member.siren, ("members", index, "siren"))
        if member.siret is not None:
            yield from _check_siret(member.siret, member.siren, ("members", index, "siret"))
    if view.territory is not None:
        for index, epci in enumerate(view.territory.epcis or []):
            yield from _check_siren(epci, ("territory", "epcis", index))


_MEMBER = """\
members:
  - name: Coop
    legal_form: cooperative
    category: enterprise
    siren: '{siren}'
    siret: '{siret}'
"""

EXAMPLES = (
    Example(_MEMBER.format(siren="732829320", siret="73282932000074")),
    Example(_MEMBER.format(siren="732829321", siret="73282932000075"), findings=(("PTCE-D01", 5), ("PTCE-D02", 6))),
    Example(_MEMBER.format(siren="732 829 320", siret="7328293200007"), findings=(("PTCE-D01", 5), ("PTCE-D02", 6))),
    Example(_MEMBER.format(siren="732829320", siret="44120933500013"), findings=(("PTCE-D03", 6),)),
    Example(
        """\
        territory:
          name: Pays de Romans
          epcis: ['200042489', '20004248']
        """,
        findings=(("PTCE-D01", 3),),
    ),
)
