"""PTCE-T12: a code that is one commune's INSEE code and another's postcode, read against the
territory, with the shipped reference data."""

from __future__ import annotations

from helpers import assess_text, position_of, variant
from ptce_check.assessment import Assessment, Verdict
from ptce_check.codes import CODES
from ptce_check.findings import Finding, Severity
from ptce_check.territory import official_data as reference

COMMUNES = '  communes: ["26281", "26057"]'
POPULATION = "  population: 52000"
FIRST_SEAT = '    commune: "26281"\n    commitment: letter\n  - name: Menuiserie'
ROMANS = (
    "26100 est le code INSEE de Combovin, hors du territoire\u00a0; c'est aussi le code postal de Romans-sur-Isère "
    "(code INSEE 26281)"
)
ROMANS_HINT = "si c'est Romans-sur-Isère, écrivez son code INSEE\u00a0: 26281"


def _t12(assessment: Assessment) -> list[Finding]:
    return [f for f in assessment.findings if f.code == "PTCE-T12"]


def _only_t12(text: str, needle: str, after: str = "") -> Finding:
    """The one PTCE-T12 of `text`, asserted to sit where `needle` starts (after `after`)."""
    (found,) = _t12(assess_text(text))
    assert found.position is not None
    assert (found.position.line, found.position.column) == position_of(text, needle, after)
    assert found.severity is Severity.WARNING
    return found


def test_the_shipped_data_has_both_readings_of_26100() -> None:
    ref = reference()
    combovin, romans = ref.commune("26100"), ref.commune("26281")
    assert combovin is not None and combovin.name == "Combovin" and combovin.population == 476
    assert romans is not None and "26100" in romans.postal_codes
    assert CODES["PTCE-T12"].title.fr == "Code postal à la place d'un code commune"
    assert CODES["PTCE-T12"].severity is Severity.WARNING


def test_a_member_seated_at_a_postcode_gets_both_readings_at_its_line() -> None:
    text = variant((FIRST_SEAT, FIRST_SEAT.replace("26281", "26100")))
    assessment = assess_text(text)
    found = _only_t12(text, '"26100"')
    assert found.path == ("members", 0, "commune")
    assert found.message.fr == ROMANS
    assert found.message.en == (
        "26100 is the INSEE code of Combovin, outside the territory; it is also the postcode of Romans-sur-Isère "
        "(INSEE code 26281)"
    )
    assert found.hint is not None and found.hint.fr == ROMANS_HINT
    assert found.hint.en == "if you meant Romans-sur-Isère, write its INSEE code: 26281"
    # A warning: the dossier stays admissible, and the seat is still read as Combovin.
    assert assessment.verdict is Verdict.ADMISSIBLE
    facts = assessment.territory
    assert facts is not None and facts.members[0].commune is not None and facts.members[0].commune.code == "26100"


def test_a_member_seated_at_its_insee_code_gets_no_postcode_warning() -> None:
    assert _t12(assess_text(variant())) == []


def test_a_seat_inside_the_territory_is_not_questioned() -> None:
    """Combovin is in the CA Valence Romans Agglo: with that EPCI as the territory, 26100 is inside."""
    text = variant(
        (COMMUNES, '  epcis: ["200068781"]'),
        (POPULATION, "  population: 220000"),
        (FIRST_SEAT, FIRST_SEAT.replace("26281", "26100")),
    )
    assert _t12(assess_text(text)) == []


def test_a_rural_revitalisation_commune_written_as_a_postcode() -> None:
    text = variant((POPULATION, f'{POPULATION}\n  difficulties:\n    rural_revitalisation_communes: ["26100"]'))
    found = _only_t12(text, '"26100"', after="rural_revitalisation_communes")
    assert found.path == ("territory", "difficulties", "rural_revitalisation_communes", 0)
    assert found.message.fr == ROMANS and found.hint is not None and found.hint.fr == ROMANS_HINT


def test_a_postcode_of_several_communes_of_the_territory_names_them_all() -> None:
    """01090 is Châtenay's INSEE code and the postcode of Francheleins, Genouilleux and more."""
    text = variant(
        (COMMUNES, '  communes: ["01165", "01169"]'),
        (POPULATION, "  population: 2000"),
        (FIRST_SEAT, FIRST_SEAT.replace("26281", "01090")),
    )
    found = _only_t12(text, '"01090"')
    assert found.message.fr == (
        "01090 est le code INSEE de Châtenay, hors du territoire\u00a0; c'est aussi le code postal de Francheleins "
        "(code INSEE 01165), de Genouilleux (code INSEE 01169)"
    )
    assert found.hint is not None
    assert found.hint.fr == (
        "si c'est l'une de ces communes, écrivez son code INSEE\u00a0: 01165 (Francheleins), 01169 (Genouilleux)"
    )


GEX = ("01173", "01160")  # Gex, Ferney-Voltaire: CA du Pays de Gex
ORDONNAZ_TEXT = (
    "01280 est le code INSEE d'Ordonnaz, {where}\u00a0; c'est "
    "aussi le code postal de Prévessin-Moëns (code INSEE 01313)"
)


def _gex(communes: str, epcis: str = "") -> str:
    return variant((COMMUNES, f"  communes: {communes}{epcis}"), (POPULATION, "  population: 30000"))


def test_a_listed_commune_alone_outside_the_others_intercommunality() -> None:
    """01280 is Ordonnaz (CC de la Plaine de l'Ain) and the postcode of Prévessin-Moëns, in the
    Pays de Gex with the other listed communes."""
    text = _gex(f'["{GEX[0]}", "01280", "{GEX[1]}"]')
    found = _only_t12(text, '"01280"')
    assert found.path == ("territory", "communes", 1)
    where = "hors des intercommunalités des autres communes du territoire"
    assert found.message.fr == ORDONNAZ_TEXT.format(where=where)
    assert found.hint is not None and found.hint.fr == "si c'est Prévessin-Moëns, écrivez son code INSEE\u00a0: 01313"


def test_a_listed_commune_outside_the_declared_epcis() -> None:
    text = _gex('["01280"]', '\n  epcis: ["240100750"]')
    found = _only_t12(text, '"01280"')
    assert found.message.fr == ORDONNAZ_TEXT.format(where="hors des EPCI déclarés (territory.epcis)")


def test_a_listed_commune_with_nothing_to_compare_with_is_not_questioned() -> None:
    assert _t12(assess_text(_gex('["01280"]'))) == []


def test_a_listed_postcode_in_the_same_intercommunality_cannot_be_told_apart() -> None:
    """Combovin and Romans-sur-Isère are in the same agglomeration: the documented limit."""
    assert _t12(assess_text(variant((COMMUNES, '  communes: ["26100", "26057"]')))) == []


def test_two_communes_of_the_same_intercommunality_are_not_questioned() -> None:
    assert _t12(assess_text(_gex(f'["{GEX[0]}", "{GEX[1]}", "01313"]'))) == []
