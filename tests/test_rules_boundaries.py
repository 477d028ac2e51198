"""The hard rules at their edges: exact thresholds, every branch's path and message, defaults."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from helpers import BASE_TEXT, assess_text, variant
from ptce_check.assessment import Assessment, RuleResult
from ptce_check.checks import (
    art9_partner_member,
    innovation_described,
    legal_person_members,
    local_authority_share,
    private_legal_person,
)
from ptce_check.findings import Finding
from ptce_check.money import euros

POLE_FORM = "  legal_form: association\n  siren"
TRAINING = "    legal_form: local_authority_grouping\n    category: local_authority"
COMMUNES = '  communes: ["26281", "26057"]'
INNOVATION = "    description: Parcours d'insertion adossés à une entreprise artisanale."
BUDGET = BASE_TEXT[BASE_TEXT.index("budget:") : BASE_TEXT.index("attachments:")]


def rule(assessment: Assessment, code: str) -> RuleResult:
    return next(result for result in assessment.rules if result.code == code)


def findings(assessment: Assessment, code: str) -> list[Finding]:
    return [finding for finding in assessment.findings if finding.code == code]


def pole_form(form: str, call: str | None = None) -> Assessment:
    return assess_text(variant((POLE_FORM, f"  legal_form: {form}\n  siren")), call=call)


# PTCE-E01 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    ["local_authority", "local_authority_grouping", "public_establishment", "gip", "state_service", "other_public"],
)
def test_e01_a_public_body_cannot_be_the_pole(form: str) -> None:
    assessment = pole_form(form)
    assert rule(assessment, "PTCE-E01").status == "failed"
    (finding,) = findings(assessment, "PTCE-E01")
    assert finding.path == ("pole", "legal_form")
    assert finding.message.fr == f"forme « {form} »\u00a0: le pôle est une personne de droit public"
    assert finding.hint is not None and finding.hint.fr == "une collectivité peut être membre du pôle, pas le porter"


@pytest.mark.parametrize("form", ["natural_person", "sole_proprietorship"])
def test_e01_a_person_is_not_a_legal_person(form: str) -> None:
    assessment = pole_form(form)
    (finding,) = findings(assessment, "PTCE-E01")
    assert finding.path == ("pole", "legal_form")
    assert finding.message.fr == f"forme « {form} »\u00a0: le pôle n'est pas une personne morale"
    assert finding.message.en == f"form '{form}': the pole is not a legal person"


def test_e01_none_must_be_a_legal_person_itself_in_2015() -> None:
    assessment = pole_form("none")
    (finding,) = findings(assessment, "PTCE-E01")
    assert finding.path == ("pole", "legal_form")
    assert finding.message.fr == "le pôle doit être lui-même une personne morale de droit privé pour cet appel"
    assert finding.hint is not None and finding.hint.fr.startswith("constituez le pôle en association")


def test_e01_none_without_a_carrier_in_2013() -> None:
    assessment = pole_form("none", call="ptce-2013")
    (finding,) = findings(assessment, "PTCE-E01")
    assert finding.path == ("pole", "legal_form")
    assert finding.message.fr == "pôle sans personnalité morale et sans structure porteuse (carrier)"
    assert finding.hint is not None and finding.hint.fr == "indiquez la structure porteuse dans pole.carrier"


@pytest.mark.parametrize(("form", "status"), [("public_establishment", "failed"), ("gie", "passed")])
def test_e01_carrier_form_in_2013(form: str, status: str) -> None:
    carried = f"  legal_form: none\n  carrier: {{name: Porteur, legal_form: {form}}}\n  siren"
    assessment = assess_text(variant((POLE_FORM, carried)), call="ptce-2013")
    assert rule(assessment, "PTCE-E01").status == status
    if status == "passed":
        assert rule(assessment, "PTCE-E01").evidence.fr == "pôle porté par « Porteur », personne morale de droit privé"
        return
    (finding,) = findings(assessment, "PTCE-E01")
    assert finding.path == ("pole", "carrier", "legal_form")
    assert finding.message.fr == (
        f"la structure porteuse est de forme « {form} », pas une personne morale de droit privé"
    )


def test_carrier_is_refused_unless_the_call_allows_it() -> None:
    assert private_legal_person.Params().allow_carrier is False


def test_e01_private_pole_evidence() -> None:
    evidence = rule(pole_form("gie"), "PTCE-E01").evidence
    assert evidence.fr == "pôle de forme « gie », personne morale de droit privé"


# PTCE-E02, E05 and the member lists ---------------------------------------------------------------


def test_e02_counts_and_names_in_its_failure() -> None:
    assessment = assess_text(variant((TRAINING, "    legal_form: natural_person\n    category: local_authority")))
    (finding,) = findings(assessment, "PTCE-E02")
    assert finding.path == ("members",)
    assert finding.message.fr == "2 membres personnes morales seulement, il en faut au moins 3"


def _extra_members(count: int) -> str:
    extra = "".join(
        f"  - name: Membre {n}\n    legal_form: association\n    category: training\n    commitment: letter\n"
        for n in range(1, count + 1)
    )
    return variant(("cooperation:\n", extra + "cooperation:\n"))


@pytest.mark.parametrize(
    ("extra", "listed"),
    [
        (1, "Atelier Solidaire, Menuiserie Durand, Communauté d'agglomération, Membre 1"),
        (2, "Atelier Solidaire, Menuiserie Durand, Communauté d'agglomération, Membre 1, …"),
    ],
)
def test_evidence_names_four_members_then_an_ellipsis(extra: int, listed: str) -> None:
    evidence = rule(assess_text(_extra_members(extra)), "PTCE-E02").evidence
    assert evidence.fr == f"{3 + extra} membres personnes morales ({listed})"


def test_legal_person_minimum_is_three_by_default_and_at_least_one() -> None:
    assert legal_person_members.Params().minimum == 3
    assert legal_person_members.Params(minimum=1).minimum == 1
    with pytest.raises(ValidationError):
        legal_person_members.Params(minimum=0)


@pytest.mark.parametrize("category", ["local_authority", "research", "higher_education", "training", "other"])
def test_e05_each_article_9_category_counts(category: str) -> None:
    assessment = assess_text(variant((TRAINING, f"    legal_form: association\n    category: {category}")))
    assert rule(assessment, "PTCE-E05").status == "passed"


def test_article_9_categories_by_default_and_at_least_one() -> None:
    assert art9_partner_member.Params().categories == [
        "local_authority",
        "research",
        "higher_education",
        "training",
        "other",
    ]
    assert art9_partner_member.Params(categories=["training"]).categories == ["training"]
    with pytest.raises(ValidationError):
        art9_partner_member.Params(categories=[])


def test_e05_fails_on_the_member_list() -> None:
    assessment = assess_text(variant((TRAINING, "    legal_form: association\n    category: enterprise")))
    (finding,) = findings(assessment, "PTCE-E05")
    assert finding.path == ("members",)


def test_e03_and_e04_fail_on_the_member_list() -> None:
    only_ess = variant(("    legal_form: commercial_company", "    legal_form: cooperative"))
    assert [f.path for f in findings(assess_text(only_ess), "PTCE-E04")] == [("members",)]
    no_ess = variant(
        ("    legal_form: association\n    category: enterprise", "    legal_form: gie\n    category: enterprise")
    )
    assert [f.path for f in findings(assess_text(no_ess), "PTCE-E03")] == [("members",)]


# PTCE-E06 to E09 --------------------------------------------------------------------------------------


def test_e06_epcis_alone_define_a_territory() -> None:
    assessment = assess_text(variant((COMMUNES, '  communes: []\n  epcis: ["200068781"]')))
    assert rule(assessment, "PTCE-E06").status == "passed"
    assert rule(assessment, "PTCE-E06").evidence.fr == "territoire de 0 commune et 1 EPCI"


def test_e06_communes_alone_define_a_territory() -> None:
    assert rule(assess_text(BASE_TEXT), "PTCE-E06").evidence.fr == "territoire de 2 communes et 0 EPCI"


def test_e06_fails_on_the_territory_when_empty() -> None:
    (finding,) = findings(assess_text(variant((COMMUNES, "  communes: []"))), "PTCE-E06")
    assert finding.path == ("territory",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (COMMUNES, '  communes: "26281"'),
        ("territory:\n  name: Pays de Romans\n" + COMMUNES + "\n  population: 52000\n", "territory: Pays de Romans\n"),
    ],
)
def test_e06_does_not_pass_when_the_territory_failed_validation(old: str, new: str) -> None:
    assessment = assess_text(variant((old, new)))
    assert assessment.verdict.value == "not_admissible"
    assert rule(assessment, "PTCE-E06").status in {"failed", "not_evaluated"}


def test_e07_one_character_is_a_description() -> None:
    assessment = assess_text(variant((INNOVATION, "    description: x")))
    assert rule(assessment, "PTCE-E07").status == "passed"
    assert rule(assessment, "PTCE-E07").evidence.fr == "innovation sociale décrite (1 caractères)"


def test_e07_blank_description_fails_on_the_innovation() -> None:
    (finding,) = findings(assess_text(variant((INNOVATION, '    description: " "'))), "PTCE-E07")
    assert finding.path == ("project", "innovation")
    assert finding.message.fr == "l'innovation sociale ou technologique du projet n'est pas décrite"


def test_innovation_minimum_is_one_character_by_default_and_at_least_one() -> None:
    assert innovation_described.Params().min_characters == 1
    assert innovation_described.Params(min_characters=1).min_characters == 1
    with pytest.raises(ValidationError):
        innovation_described.Params(min_characters=0)


@pytest.mark.parametrize(
    ("support", "listed"), [("{call: ptce-2013, year: 2014}", "ptce-2013 (2014)"), ("{call: ptce-2013}", "ptce-2013")]
)
def test_e08_names_the_previous_calls(support: str, listed: str) -> None:
    text = variant(("  stage: emerging", f"  stage: emerging\n  previous_state_support:\n    - {support}"))
    (finding,) = findings(assess_text(text), "PTCE-E08")
    assert finding.path == ("pole", "previous_state_support")
    assert finding.message.fr == f"le pôle a déjà reçu un soutien de l'État au titre d'un appel PTCE\u00a0: {listed}"


def test_e09_fails_on_the_submission_date() -> None:
    (finding,) = findings(assess_text(variant(("submitted_at: 2015-06-15", "submitted_at: 2015-07-01"))), "PTCE-E09")
    assert finding.path == ("submitted_at",)
    assert (
        finding.message.fr == "déposé le 1er juillet 2015, après la clôture du 30 juin 2015 à 23 h 59 (heure de Paris)"
    )
    assert finding.message.en == "submitted on 1 July 2015, after the deadline of 30 June 2015 at 23:59 (Paris time)"


def test_e09_not_evaluated_without_a_deadline() -> None:
    assessment = assess_text(BASE_TEXT, call="ptce-2013")
    assert rule(assessment, "PTCE-E09").status == "not_evaluated"


# PTCE-E10, E11, E12 (2013 call): local-authority co-financing -----------------------------------------


def budget(expenses: tuple[float, float], *local: tuple[str, str | None, float, float]) -> str:
    """The base dossier with these expenses and local-authority lines; the rest is balanced by a
    State grant (60 %) and own revenue."""
    lines = [
        "budget:\n  years: [2015, 2016]\n  expenses:\n    - label: Animation\n      category: animation\n",
        f"      amounts: {{2015: {expenses[0]:g}, 2016: {expenses[1]:g}}}\n  resources:\n",
    ]
    for label, funder, first, second in local:
        lines.append(f"    - label: {label}\n      kind: local_authority\n")
        lines.append(f"      funder: {funder}\n" if funder else "")
        lines.append(f"      amounts: {{2015: {first:g}, 2016: {second:g}}}\n")
    rest = [expenses[0] - sum(line[2] for line in local), expenses[1] - sum(line[3] for line in local)]
    grant = [round(0.6 * value) for value in rest]
    lines.append("    - label: Subvention PTCE\n      kind: state_grant_requested\n      funder: État\n")
    lines.append(f"      amounts: {{2015: {grant[0]:g}, 2016: {grant[1]:g}}}\n")
    lines.append("    - label: Ventes\n      kind: own_revenue\n")
    lines.append(f"      amounts: {{2015: {rest[0] - grant[0]:g}, 2016: {rest[1] - grant[1]:g}}}\n")
    lines.append(f"  requested_grant_eur: {sum(grant):g}\n")
    return BASE_TEXT.replace(BUDGET, "".join(lines))


def in_2013(text: str) -> Assessment:
    return assess_text(text, call="ptce-2013")


def test_budget_helper_balances() -> None:
    assessment = in_2013(budget((50000, 50000), ("Région", "Région", 10000, 10000)))
    assert [f.code for f in assessment.findings if f.code.startswith("PTCE-D")] == []
    assert rule(assessment, "PTCE-E10").status == "passed"


def test_e10_exactly_20_percent_passes_with_its_share() -> None:
    assessment = in_2013(budget((50000, 50000), ("Région", "Région", 10000, 10000)))
    assert rule(assessment, "PTCE-E10").evidence.fr == "part maximale 20 % ≤ 20 %"


def test_e10_evidence_rounds_the_largest_share_to_one_decimal() -> None:
    assessment = in_2013(budget((50000, 50000), ("Région", "Région", 9685, 9685), ("Dépt", "Département", 100, 100)))
    assert rule(assessment, "PTCE-E10").evidence.fr == "part maximale 19,4 % ≤ 20 %"


def test_e10_just_over_20_percent_fails_at_the_funders_first_line() -> None:
    assessment = in_2013(
        budget((50000, 50000), ("Département", "Département", 1000, 1000), ("Région", "Région", 10185, 10185))
    )
    (finding,) = findings(assessment, "PTCE-E10")
    assert finding.path == ("budget", "resources", 1)
    assert finding.message.fr == (
        f"la collectivité « Région » finance 20,4 % des dépenses ({euros(20370).fr} sur {euros(100000).fr}), "
        "plafond 20 %"
    )
    assert finding.message.en == (
        f"local authority 'Région' fund 20.4% of expenses ({euros(20370).en} of {euros(100000).en}), cap 20%"
    )


def test_e10_half_a_point_over_fails() -> None:
    assessment = in_2013(budget((50000, 50000), ("Région", "Région", 10250, 10250)))
    assert rule(assessment, "PTCE-E10").status == "failed"


def test_e10_sums_a_funders_lines_and_names_it() -> None:
    lines = (("Fonctionnement", "Région", 6000, 6000), ("Investissement", "Région", 5000, 5000))
    assessment = in_2013(budget((50000, 50000), *lines))
    (finding,) = findings(assessment, "PTCE-E10")
    assert finding.path == ("budget", "resources", 0)
    assert finding.message.fr.startswith("la collectivité « Région » finance 22 % des dépenses")


def test_e10_a_line_without_funder_is_named_by_its_label() -> None:
    assessment = in_2013(budget((50000, 50000), ("Conseil départemental", None, 12500, 12500)))
    (finding,) = findings(assessment, "PTCE-E10")
    assert finding.message.fr.startswith("la collectivité « Conseil départemental » finance 25 % des dépenses")


def test_e11_several_funders_together_over_50_percent() -> None:
    funders = [(name, name, 8500, 8500) for name in ("Région", "Département", "Commune")]
    assessment = in_2013(budget((50000, 50000), *funders))
    assert rule(assessment, "PTCE-E10").status == "passed"
    assert rule(assessment, "PTCE-E11").status == "failed"
    (finding,) = findings(assessment, "PTCE-E11")
    assert finding.path == ("budget", "resources", 0)
    assert finding.message.fr == (
        f"l'ensemble des collectivités finance 51 % des dépenses ({euros(51000).fr} sur {euros(100000).fr}), "
        "plafond 50 %"
    )
    assert finding.message.en.startswith("all local authorities together fund 51.0% of expenses")


def test_e11_exactly_50_percent_passes() -> None:
    funders = [
        ("Région", "Région", 10000, 10000),
        ("Dépt", "Département", 10000, 10000),
        ("Ville", "Commune", 5000, 5000),
    ]
    assessment = in_2013(budget((50000, 50000), *funders))
    assert rule(assessment, "PTCE-E11").status == "passed"
    assert rule(assessment, "PTCE-E11").evidence.fr == "part maximale 50 % ≤ 50 %"


@pytest.mark.parametrize("code", ["PTCE-E10", "PTCE-E11"])
def test_shares_not_evaluated_when_expenses_are_zero(code: str) -> None:
    assessment = in_2013(budget((0, 0), ("Région", "Région", 0, 0)))
    assert rule(assessment, code).status == "not_evaluated"
    assert rule(assessment, code).evidence.fr == "dépenses totales inconnues ou nulles"


def test_shares_of_a_one_euro_budget_without_local_lines() -> None:
    assessment = in_2013(budget((1, 0)))
    assert rule(assessment, "PTCE-E10").status == "passed"
    assert rule(assessment, "PTCE-E10").evidence.fr == "part maximale 0 % ≤ 20 %"


def test_share_cap_is_a_percentage_above_zero() -> None:
    assert local_authority_share.Params(per="total", max_percent=0.5).max_percent == 0.5
    assert local_authority_share.Params(per="total", max_percent=100).max_percent == 100
    for wrong in (0, 100.5):
        with pytest.raises(ValidationError):
            local_authority_share.Params(per="total", max_percent=wrong)


def test_e12_a_zero_euro_local_line_is_no_cofinancing() -> None:
    assessment = in_2013(budget((50000, 50000), ("Région", "Région", 0, 0)))
    assert rule(assessment, "PTCE-E12").status == "failed"
    (finding,) = findings(assessment, "PTCE-E12")
    assert finding.path == ("budget", "resources")


def test_e12_one_euro_counts_and_the_funder_is_named() -> None:
    assessment = in_2013(budget((50000, 50000), ("Subvention régionale", "Région", 1, 0)))
    assert rule(assessment, "PTCE-E12").status == "passed"
    assert rule(assessment, "PTCE-E12").evidence.fr == "cofinancement par 1 collectivité\u00a0: Région"


def test_e12_a_line_without_funder_is_named_by_its_label() -> None:
    assessment = in_2013(budget((50000, 50000), ("Commune de Romans", None, 1000, 1000)))
    assert rule(assessment, "PTCE-E12").evidence.fr == "cofinancement par 1 collectivité\u00a0: Commune de Romans"
