"""The territory computed from the official reference data: perimeter, population, members'
seats, claims, their findings at the right places, and their place in reports and scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import BASE_TEXT, FIXTURES, assess_text, codes, position_of, variant
from ptce_check.assess import assess_file, assess_source
from ptce_check.assessment import Assessment, Verdict, outcome_data
from ptce_check.cli.commands import app
from ptce_check.findings import Finding, Severity, format_path
from ptce_check.territory import Location, load_user_references
from ptce_check.territory import official_data as reference

CLAIMS = FIXTURES / "territory-claims.yaml"
COMMUNES = '  communes: ["26281", "26057"]'
SEAT = '    commune: "26057"'
POPULATION = "  population: 52000"


def _found(assessment: Assessment, code: str) -> list[Finding]:
    return [f for f in assessment.findings if f.code == code]


def _at(assessment: Assessment, code: str, text: str, needle: str, after: str = "") -> Finding:
    """The one finding `code`, asserted to sit where `needle` starts in `text`."""
    (finding,) = _found(assessment, code)
    assert finding.position is not None
    assert (finding.position.line, finding.position.column) == position_of(text, needle, after)
    return finding


def _population(*codes: str) -> int:
    return sum(c.population or 0 for code in codes if (c := reference().commune(code)) is not None)


def test_invented_commune_outside_member_and_inflated_population_at_their_lines() -> None:
    text = CLAIMS.read_text(encoding="utf-8")
    assessment = assess_file(CLAIMS)
    assert assessment.verdict is Verdict.NOT_ADMISSIBLE
    invented = _at(assessment, "PTCE-T01", text, '"26821"')
    assert invented.severity is Severity.ERROR and invented.hint is not None
    assert invented.hint.fr.startswith("codes proches\u00a0: 26281 (Romans-sur-Isère)")
    inflated = _at(assessment, "PTCE-T03", text, "150000")
    computed = f"{_population('26281'):,}".replace(",", "\u202f")
    assert inflated.severity is Severity.WARNING and f"mais {computed} d'après" in inflated.message.fr
    assert "1 code inconnu non compté" in inflated.message.fr
    outside = _at(assessment, "PTCE-T05", text, '"69123"')
    assert outside.severity is Severity.INFO and "Lyon" in outside.message.fr
    assert [f.code for f in assessment.findings if f.code.startswith("PTCE-T")] == ["PTCE-T01", "PTCE-T03", "PTCE-T05"]


def test_the_base_dossier_territory_in_facts() -> None:
    facts = assess_text(BASE_TEXT).territory
    assert facts is not None and facts.basis == "communes"
    assert [c.name for c in facts.communes] == ["Romans-sur-Isère", "Bourg-de-Péage"]
    assert facts.computed_population == _population("26281", "26057") and facts.declared_population == 52000
    assert [d.name for d in facts.departements] == ["Drôme"] and [r.code for r in facts.regions] == ["84"]
    (epci,) = facts.epcis
    assert epci.epci is not None and (epci.epci.name, epci.declared, epci.communes_in_perimeter) == (
        "CA Valence Romans Agglo",
        False,
        2,
    )
    assert [m.location for m in facts.members] == [Location.INSIDE] * 3


def test_an_epci_only_territory_is_its_communes() -> None:
    text = variant((COMMUNES, '  communes: []\n  epcis: ["200068781"]'))
    assessment = assess_text(text)
    facts = assessment.territory
    epci = reference().epci("200068781")
    assert facts is not None and epci is not None
    assert facts.basis == "epcis" and len(facts.communes) == len(epci.communes) > 50
    assert facts.count(Location.INSIDE) == 3
    assert assessment.score is not None
    criterion = next(c for c in assessment.score.criteria if c.id == "members_in_territory")
    assert criterion.value == 100 and criterion.points == criterion.max_points
    assert "périmètre calculé" in criterion.evidence.fr and "territory.epcis" in criterion.evidence.fr
    # 52 000 declared for an agglomeration of more than 200 000: a warning, not a failure.
    assert codes(assessment) == ["PTCE-T03"] and assessment.verdict is Verdict.ADMISSIBLE


def test_a_commune_merged_since_is_a_warning_naming_the_vintage() -> None:
    text = variant((COMMUNES, '  communes: ["26281", "26057", "38305"]'))
    assessment = assess_text(text)
    merged = _at(assessment, "PTCE-T08", text, '"38305"')
    assert merged.severity is Severity.WARNING and assessment.verdict is Verdict.ADMISSIBLE
    assert "géographie officielle 2026" in merged.message.fr and "Le Pin" in merged.message.fr
    assert "Villages du Lac de Paladru" in merged.message.fr and merged.hint is not None and "38292" in merged.hint.fr
    facts = assessment.territory
    assert facts is not None and [c.code for c in facts.communes][-1] == "38292"


def test_a_member_seated_in_a_former_commune_is_located_by_its_current_one() -> None:
    text = variant((SEAT, '    commune: "38305"'))
    assessment = assess_text(text)
    assert codes(assessment) == ["PTCE-T08", "PTCE-T05"]
    facts = assessment.territory
    assert facts is not None and facts.members[1].location is Location.OUTSIDE
    assert facts.members[1].commune is not None and facts.members[1].commune.code == "38292"


def test_a_member_seated_elsewhere_in_the_departement() -> None:
    text = variant((SEAT, '    commune: "26362"'))
    outside = _at(assess_text(text), "PTCE-T05", text, '"26362"')
    assert "Valence" in outside.message.fr and "dans l'un de ses départements" in outside.message.fr


def test_an_unknown_member_commune_is_an_error() -> None:
    text = variant((SEAT, '    commune: "26821"'))
    assessment = assess_text(text)
    unknown = _at(assessment, "PTCE-T04", text, '"26821"')
    assert unknown.severity is Severity.ERROR and assessment.verdict is Verdict.NOT_ADMISSIBLE
    facts = assessment.territory
    assert facts is not None and facts.count(Location.UNKNOWN) == 1


def test_a_postal_code_written_for_an_insee_code() -> None:
    text = variant((COMMUNES, '  communes: ["26281", "26000"]'))
    finding = _at(assess_text(text), "PTCE-T01", text, '"26000"')
    assert finding.hint is not None and finding.hint.fr == (
        "26000 est un code postal\u00a0; code INSEE\u00a0: 26362 (Valence)"
    )


def test_malformed_codes_are_left_to_the_format_checks() -> None:
    found = codes(assess_text(variant((COMMUNES, '  communes: ["26281", "2605"]'))))
    assert "PTCE-D04" in found and "PTCE-T01" not in found


@pytest.mark.parametrize(
    ("epcis", "expected"),
    [('["732829320"]', ["PTCE-T02"]), ('["732829321"]', ["PTCE-D01"]), ('["200068781"]', [])],
)
def test_epci_sirens_exist(epcis: str, expected: list[str]) -> None:
    text = variant((COMMUNES, f"{COMMUNES}\n  epcis: {epcis}"))
    assert codes(assess_text(text)) == expected


def test_an_unknown_epci_of_an_epci_only_territory_leaves_it_without_communes() -> None:
    text = variant((COMMUNES, '  communes: []\n  epcis: ["732829320"]'))
    assessment = assess_text(text)
    finding = _at(assessment, "PTCE-T02", text, '"732829320"')
    assert "ses communes manquent au territoire" in finding.message.fr
    assert assessment.territory is not None and assessment.territory.communes == ()


def test_priority_neighbourhoods_outside_the_departements() -> None:
    text = variant((POPULATION, f"{POPULATION}\n  difficulties:\n    priority_neighbourhoods: [QP026003, QP075001]"))
    assessment = assess_text(text)
    finding = _at(assessment, "PTCE-T06", text, "QP075001")
    assert finding.message.fr == "le quartier QP075001 n'est dans aucun département du territoire (26)"
    assert assessment.score is not None
    criterion = next(c for c in assessment.score.criteria if c.id == "priority_neighbourhoods")
    assert criterion.value == 1 and "1 retenu sur 2 déclarés" in criterion.evidence.fr


def test_rural_revitalisation_communes_belong_to_the_territory() -> None:
    text = variant(
        (POPULATION, f'{POPULATION}\n  difficulties:\n    rural_revitalisation_communes: ["26281", "38333", "26821"]')
    )
    assessment = assess_text(text)
    _at(assessment, "PTCE-T07", text, '"38333"')
    _at(assessment, "PTCE-T01", text, '"26821"')
    assert assessment.score is not None
    criterion = next(c for c in assessment.score.criteria if c.id == "rural_revitalisation")
    assert criterion.value == 1


def test_arrondissements_and_their_city() -> None:
    text = variant(
        (COMMUNES, '  communes: ["13055", "13201", "13202"]'),
        (SEAT, '    commune: "13214"'),
        ('    commune: "26281"', '    commune: "13201"'),
    )
    facts = assess_text(text).territory
    assert facts is not None and [c.code for c in facts.communes] == ["13055"]
    assert facts.computed_population == _population("13055")
    city_only = variant((COMMUNES, '  communes: ["13201", "13202"]'), (SEAT, '    commune: "13055"'))
    facts = assess_text(city_only).territory
    assert facts is not None and facts.computed_population == _population("13201", "13202")
    assert facts.members[1].location is Location.INSIDE
    assert facts.members[0].location is Location.OUTSIDE


# User reference lists ------------------------------------------------------------------------


def _lists(tmp_path: Path, **files: str) -> list[str]:
    specs = []
    for kind, content in files.items():
        path = tmp_path / f"{kind}.csv"
        path.write_text(content, encoding="utf-8")
        specs.append(f"{kind}={path}")
    return specs


DIFFICULTIES = (
    "  employment_zones: ['8201', '8202']\n"
    "  difficulties:\n"
    "    priority_neighbourhoods: [QP026003, QP026004]\n"
    "    rural_revitalisation_communes: ['26057', '26281']"
)


def test_claims_are_checked_against_the_supplied_lists(tmp_path: Path) -> None:
    text = variant((POPULATION, f"{POPULATION}\n{DIFFICULTIES}"))
    specs = _lists(
        tmp_path,
        qpv="code;name\nQP026003;La Monnaie\n",
        frr="commune\n26057\n",
        employment_zones="code,commune\n8201,26281\n8202,38563\n",
    )
    raw = text.encode("utf-8")
    assessment = assess_source(raw, "d.yaml", folder=FIXTURES, references=load_user_references(specs))
    found = {(f.code, format_path(f.path)) for f in assessment.findings}
    assert found == {
        ("PTCE-T09", "territory.difficulties.priority_neighbourhoods[1]"),
        ("PTCE-T10", "territory.difficulties.rural_revitalisation_communes[1]"),
        ("PTCE-T11", "territory.employment_zones[1]"),
    }
    absent = _found(assessment, "PTCE-T09")[0]
    assert absent.message.fr == f"QP026004 absent de la liste de référence qpv ({tmp_path / 'qpv.csv'})"
    assert assessment.score is not None
    values = {c.id: c.value for c in assessment.score.criteria}
    assert (values["priority_neighbourhoods"], values["rural_revitalisation"]) == (1, 1)
    assert assess_text(text).findings == ()


def test_an_employment_zone_missing_from_the_list(tmp_path: Path) -> None:
    text = variant((POPULATION, f"{POPULATION}\n  employment_zones: ['8201', '8299']"))
    specs = _lists(tmp_path, employment_zones="code\n8201\n")
    assessment = assess_source(text.encode(), "d.yaml", folder=FIXTURES, references=load_user_references(specs))
    finding = _at(assessment, "PTCE-T11", text, "'8299'")
    assert "employment_zones" in finding.message.en and "not in" in finding.message.en


runner = CliRunner()


def test_reference_option_end_to_end(tmp_path: Path) -> None:
    dossier = tmp_path / "d.yaml"
    dossier.write_text(variant((POPULATION, f"{POPULATION}\n{DIFFICULTIES}")), encoding="utf-8")
    (tmp_path / "annexes").mkdir()
    (tmp_path / "annexes" / "statuts.txt").write_text("statuts", encoding="utf-8")
    specs = _lists(tmp_path, qpv="code\nQP026003\nQP026004\n")
    result = runner.invoke(app, ["check", str(dossier), "--reference", specs[0], "-f", "json"])
    assert result.exit_code == 0
    (outcome,) = json.loads(result.output)
    assert [f["code"] for f in outcome["findings"]] == []
    broken = _lists(tmp_path, frr="commune\n2628\n")
    result = runner.invoke(app, ["check", str(dossier), "--reference", broken[0]])
    assert result.exit_code == 2 and f"{tmp_path / 'frr.csv'}:2" in result.output


# Reports ---------------------------------------------------------------------------------------


def test_json_outcome_has_the_territory() -> None:
    data = outcome_data(assess_file(CLAIMS), "fr")["territory"]
    assert data["reference"] == {"source": "@etalab/decoupage-administratif", "version": "6.0.0", "vintage": 2026}
    assert data["perimeter_from"] == "communes"
    assert data["communes"] == [{"code": "26281", "name": "Romans-sur-Isère", "population": _population("26281")}]
    assert data["population"]["declared"] == 150000 and data["population"]["tolerance_percent"] == 20
    assert data["departements"] == [{"code": "26", "name": "Drôme"}]
    assert data["epcis"][0]["siren"] == "200068781" and data["epcis"][0]["declared"] is False
    members = data["members"]
    assert (members["inside"], members["outside"], members["in_departements"]) == (2, 1, 0)
    assert members["seats"][1] == {
        "name": "Menuiserie Durand",
        "commune": "69123",
        "commune_name": "Lyon",
        "location": "outside",
    }


def test_an_invalid_dossier_has_no_territory() -> None:
    assessment = assess_text("format: ptce-dossier/1\ncall: nope\n")
    assert assessment.verdict is Verdict.INVALID and outcome_data(assessment, "en")["territory"] is None


def test_rich_report_shows_the_territory_in_words() -> None:
    result = runner.invoke(app, ["check", str(CLAIMS), "-f", "rich"])
    output = result.output
    assert "Territoire (géographie officielle 2026, @etalab/decoupage-administratif 6.0.0)" in output
    assert "1 d'après territory.communes\u00a0: Romans-sur-Isère" in output
    assert "déclarée 150\u202f000" in output and "Drôme (26)" in output
    assert "CA Valence Romans Agglo (1/54 communes, non déclaré)" in output
    assert "hors du territoire\u00a0: Menuiserie Durand (Lyon)" in output
