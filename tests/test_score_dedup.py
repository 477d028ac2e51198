"""The score counts an entry written twice once: QPV and FRR codes, communes, EPCIs, members,
mutualisations and their kinds, activities, governance bodies, sectors."""

from __future__ import annotations

import pytest

from helpers import assess_text, variant
from ptce_check.scoring import CriterionScore

COMMUNES = '  communes: ["26281", "26057"]'
POPULATION = "  population: 52000"
ATELIER = """  - name: Atelier Solidaire
    legal_form: association
    category: enterprise
    siret: "81345622500016"
    commune: "26281"
    commitment: letter
"""
MENUISERIE_SEAT = '    commune: "26057"\n    commitment: agreement'
MUTUALISATION = """    - kind: shared_premises
      description: Atelier partagé
      members: [Atelier Solidaire, Menuiserie Durand]
"""
INNOVATION_END = "    description: Parcours d'insertion adossés à une entreprise artisanale.\n"
BODIES = "    bodies: [comité de pilotage]"


def _criterion(text: str, criterion: str) -> CriterionScore:
    card = assess_text(text).score
    assert card is not None
    return next(c for c in card.criteria if c.id == criterion)


def _same_score(once: str, twice: str, criterion: str, value: object, points: float) -> CriterionScore:
    """The criterion scored on both texts: the same value and points, the expected ones."""
    single, repeated = _criterion(once, criterion), _criterion(twice, criterion)
    assert (single.value, single.points) == (value, points)
    assert (repeated.value, repeated.points) == (value, points)
    assert repeated.paths == single.paths
    return repeated


def _difficulties(entries: str) -> str:
    return variant((POPULATION, f"{POPULATION}\n  difficulties:\n{entries}"))


@pytest.mark.parametrize("copy", ["QP026003", "qp026003", '" QP026003"'])
def test_a_priority_neighbourhood_listed_twice_counts_once(copy: str) -> None:
    once = _difficulties("    priority_neighbourhoods: [QP026003]")
    twice = _difficulties(f"    priority_neighbourhoods: [QP026003, {copy}]")
    repeated = _same_score(once, twice, "priority_neighbourhoods", 1.0, 3)
    assert "1 retenu sur 1 déclaré, 1 doublon compté une fois" in repeated.evidence.fr
    assert "1 of 1 declared retained, 1 repeat counted once" in repeated.evidence.en


def test_a_rural_revitalisation_commune_listed_three_times_counts_once() -> None:
    once = _difficulties('    rural_revitalisation_communes: ["26057"]')
    thrice = _difficulties('    rural_revitalisation_communes: ["26057", "26057", "26057"]')
    repeated = _same_score(once, thrice, "rural_revitalisation", 1.0, 2)
    assert "1 retenu sur 1 déclaré, 2 doublons comptés une fois" in repeated.evidence.fr


def test_a_former_commune_and_the_commune_it_merged_into_are_one_rural_commune() -> None:
    territory = (COMMUNES, '  communes: ["26281", "26057", "38292"]')
    difficulties = POPULATION + "\n  difficulties:\n    rural_revitalisation_communes: "
    once = variant(territory, (POPULATION, difficulties + '["38292"]'))
    both = variant(territory, (POPULATION, difficulties + '["38305", "38292"]'))
    _same_score(once, both, "rural_revitalisation", 1.0, 2)


def test_a_commune_listed_twice_is_one_commune_of_the_perimeter() -> None:
    once = variant((COMMUNES, '  communes: ["26281", "26057"]'))
    twice = variant((COMMUNES, '  communes: ["26281", "26057", "26281"]'))
    repeated = _same_score(once, twice, "members_in_territory", 100.0, 6)
    assert repeated.evidence == _criterion(once, "members_in_territory").evidence
    assert "périmètre calculé\u00a0: 2 communes" in repeated.evidence.fr


def test_an_unknown_commune_listed_twice_is_one_unknown_code_in_the_population_finding() -> None:
    text = variant((COMMUNES, '  communes: ["26281", "26057", "26821", "26821"]'), (POPULATION, "  population: 150000"))
    population = next(f for f in assess_text(text).findings if f.code == "PTCE-T03")
    assert "1 code inconnu non compté" in population.message.fr


def test_an_epci_listed_twice_is_one_intercommunality() -> None:
    once = variant((COMMUNES, '  epcis: ["200068781"]'), (POPULATION, "  population: 220000"))
    twice = variant((COMMUNES, '  epcis: ["200068781", "200068781"]'), (POPULATION, "  population: 220000"))
    single = _criterion(once, "members_in_territory")
    repeated = _same_score(once, twice, "members_in_territory", 100.0, 6)
    assert repeated.evidence == single.evidence and "d'après territory.epcis" in repeated.evidence.fr


def test_an_unknown_epci_listed_twice_is_one_unknown_code() -> None:
    text = variant((COMMUNES, '  epcis: ["200068781", "130000045", "130000045"]'), (POPULATION, "  population: 9"))
    facts = assess_text(text).territory
    assert facts is not None and facts.unresolved == 1


def test_a_mutualisation_written_twice_counts_once() -> None:
    twice = variant((MUTUALISATION, MUTUALISATION * 2))
    once = variant()
    repeated = _same_score(once, twice, "mutualisations", 1.0, 2)
    assert repeated.evidence.fr == "1 mutualisation entre au moins deux membres"


def test_a_mutualisation_naming_the_same_members_in_another_order_is_the_same_one() -> None:
    reordered = MUTUALISATION.replace(
        "[Atelier Solidaire, Menuiserie Durand]", "[Menuiserie Durand, Atelier Solidaire]"
    )
    _same_score(variant(), variant((MUTUALISATION, MUTUALISATION + reordered)), "mutualisations", 1.0, 2)


def test_a_mutualisation_kind_written_twice_counts_once() -> None:
    other = MUTUALISATION.replace("Atelier partagé", "Second atelier")
    repeated = _same_score(variant(), variant((MUTUALISATION, MUTUALISATION + other)), "mutualisation_kinds", 1.0, 4)
    assert repeated.evidence.fr == "1 forme de mutualisation\u00a0: shared_premises"


@pytest.mark.parametrize("copy", ["Atelier bois", "  atelier  BOIS "])
def test_an_activity_listed_twice_counts_once(copy: str) -> None:
    once = variant((INNOVATION_END, INNOVATION_END + "  activities:\n    - title: Atelier bois\n"))
    twice = variant(
        (INNOVATION_END, INNOVATION_END + f"  activities:\n    - title: Atelier bois\n    - title: '{copy}'\n")
    )
    repeated = _same_score(once, twice, "activities", 1.0, 2)
    assert repeated.evidence.fr == "1 activité à créer ou développer"


def test_a_sector_listed_twice_counts_once() -> None:
    once = variant((INNOVATION_END, INNOVATION_END + "  sectors: [circular_economy]\n"))
    twice = variant((INNOVATION_END, INNOVATION_END + "  sectors: [circular_economy, circular_economy]\n"))
    _same_score(once, twice, "ecological_transition", 1.0, 2)


def test_a_governance_body_listed_twice_is_one_body() -> None:
    twice = variant((BODIES, "    bodies: [comité de pilotage, Comité de pilotage]"))
    repeated = _same_score(variant(), twice, "governance", 3.0, 6)
    assert repeated.evidence.fr.startswith("1 instance, ")


def test_a_member_listed_twice_counts_once_for_the_ess_balance() -> None:
    second_ess = ATELIER.replace("Atelier Solidaire", "Régie de quartier").replace(
        '"81345622500016"', '"73282932000074"'
    )
    menuiserie = variant().split("  - name: Menuiserie Durand\n")[1].split("  - name: ")[0]
    once = variant((ATELIER, ATELIER + second_ess))
    twice = variant((ATELIER, ATELIER + second_ess + "  - name: Menuiserie Durand\n" + menuiserie))
    repeated = _same_score(once, twice, "ess_balance", 1.0, 3)
    assert repeated.evidence.fr.startswith("2 entreprises de l'ESS et 1 entreprise ou groupement hors ESS")


def test_a_member_listed_twice_counts_once_for_the_signed_commitments() -> None:
    unsigned = ('    commune: "26281"\n    commitment: letter\ncooperation:', '    commune: "26281"\ncooperation:')
    once = variant(unsigned)
    twice = variant(unsigned, (ATELIER, ATELIER * 3))
    repeated = _same_score(once, twice, "signed_commitments", pytest.approx(200 / 3), 2)
    assert repeated.evidence.fr.startswith("2 membres sur 3 engagés")


def test_a_member_listed_twice_counts_once_for_the_members_in_the_territory() -> None:
    elsewhere = (MENUISERIE_SEAT, '    commune: "26362"\n    commitment: agreement')
    once = variant(elsewhere)
    twice = variant(elsewhere, (ATELIER, ATELIER * 3))
    repeated = _same_score(once, twice, "members_in_territory", pytest.approx(200 / 3), 3)
    assert repeated.evidence.fr.startswith("2 membres sur 3 ont leur siège dans le territoire, 1 ailleurs")


def test_a_member_name_typed_again_in_another_unicode_form_or_case_counts_once() -> None:
    unsigned = ('    commune: "26281"\n    commitment: letter\ncooperation:', '    commune: "26281"\ncooperation:')
    regie = ATELIER.replace("Atelier Solidaire", "R\u00e9gie de quartier")
    decomposed = ATELIER.replace("Atelier Solidaire", "Re\u0301gie de quartier")
    typed_again = ATELIER.replace("Atelier Solidaire", "atelier  solidaire")
    once = variant(unsigned, (ATELIER, ATELIER + regie))
    twice = variant(unsigned, (ATELIER, ATELIER + regie + decomposed + typed_again))
    repeated = _same_score(once, twice, "signed_commitments", 75.0, 2)
    assert repeated.evidence.fr.startswith("3 membres sur 4 engagés")


def test_a_mutualisation_naming_one_member_twice_in_two_spellings_is_not_shared() -> None:
    alone = "      members: [Atelier Solidaire, atelier  solidaire]\n"
    card = _criterion(
        variant((MUTUALISATION, MUTUALISATION.replace(MUTUALISATION.splitlines()[2] + "\n", alone))), "mutualisations"
    )
    assert (card.value, card.points) == (0.0, 0)
    assert card.evidence.fr == "0 mutualisation entre au moins deux membres"
