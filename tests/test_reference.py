"""The shipped reference data and its lookups; the user's reference lists (`--reference`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT
from ptce_check.errors import UserError
from ptce_check.territory import DATA_FILE
from ptce_check.territory import OfficialData as Reference
from ptce_check.territory import OfficialDataError as ReferenceFormatError
from ptce_check.territory import official_data as reference
from ptce_check.territory.nearest import nearest_communes, nearest_epcis, one_edit
from ptce_check.territory.user_lists import load_user_references, parse_spec, read_list

FIXTURE = (FIXTURES / "decoupage" / "expected.tsv").read_text(encoding="utf-8")


def test_the_shipped_data_records_its_source_version_and_vintage() -> None:
    meta = reference().meta
    assert meta.source == "@etalab/decoupage-administratif"
    assert (meta.version, meta.vintage) == ("6.0.0", 2026)
    assert "Licence Ouverte" in meta.licence and "MIT" in meta.licence


def test_every_section_is_sorted_for_the_binary_search() -> None:
    text = (ROOT / "src" / "ptce_check" / "territory" / DATA_FILE).read_text(encoding="utf-8")
    for part in text.split("\n[")[1:]:
        lines = part.rstrip("\n").split("\n")[1:]
        assert lines and lines == sorted(lines), part[:20]


def test_the_data_is_loaded_once() -> None:
    assert reference() is reference()


def test_a_commune_by_its_insee_code() -> None:
    voiron = reference().commune("38563")
    assert voiron is not None
    assert (voiron.name, voiron.departement, voiron.region, voiron.postal_codes) == ("Voiron", "38", "84", ("38500",))
    assert voiron.population is not None and 15_000 < voiron.population < 30_000
    assert reference().commune("2A004") is not None and reference().commune("38999") is None
    assert reference().commune("38563\tVoiron") is None and reference().commune("") is None


def test_a_municipal_arrondissement_belongs_to_its_city() -> None:
    district = reference().commune("13203")
    assert district is not None and district.parent == "13055" and district.commune_code == "13055"
    assert district.departement == "13" and district.postal_codes == ("13003",)


def test_a_former_commune_points_to_the_commune_it_belongs_to_now() -> None:
    le_pin = reference().former("38305")
    assert le_pin is not None
    assert (le_pin.status, le_pin.name, le_pin.current.code) == ("deleguee", "Le Pin", "38292")
    ajaccio = reference().former("20004")
    assert ajaccio is not None and (ajaccio.status, ajaccio.name, ajaccio.current.code) == ("ancienne", None, "2A004")
    assert reference().former("38563") is None


def test_an_epci_by_its_siren_with_its_communes() -> None:
    voironnais = reference().epci("243800984")
    assert voironnais is not None
    assert (voironnais.name, voironnais.kind, len(voironnais.communes)) == ("CA du Pays Voironnais", "CA", 31)
    assert "38563" in voironnais.communes
    assert reference().epci("243800985") is None


def test_greater_paris_communes_have_their_metropolis_and_their_ept() -> None:
    kinds = {epci.kind: epci.name for epci in reference().epcis_of("93001")}
    assert kinds == {"METRO": "Métropole du Grand Paris", "EPT": "Plaine Commune"}


def _members_index(text: str) -> dict[str, list[str]]:
    """Commune code → SIRENs of the intercommunalities listing it, from the `[epcis]` section."""
    index: dict[str, list[str]] = {}
    for line in text.split("\n[epcis]\n", 1)[1].splitlines():
        siren, _, _, members = line.split("\t")
        for member in members.split():
            index.setdefault(member, []).append(siren)
    return index


def test_the_epcis_of_every_commune_are_those_whose_member_lists_name_it() -> None:
    index = _members_index((ROOT / "src" / "ptce_check" / "territory" / DATA_FILE).read_text(encoding="utf-8"))
    codes = list(reference().commune_codes())
    assert len(codes) > 35_000 and set(index) <= set(codes)
    for code in codes:
        assert [epci.siren for epci in reference().epcis_of(code)] == index.get(code, []), code
    assert reference().epcis_of("38999") == () and reference().epcis_of("13203") == ()


def test_departements_and_regions() -> None:
    corse = reference().departement("2A")
    assert corse is not None and (corse.name, corse.region) == ("Corse-du-Sud", "94")
    region = reference().region("84")
    assert region is not None and region.name == "Auvergne-Rhône-Alpes"


def test_a_postal_code_finds_the_communes_it_serves() -> None:
    assert [c.code for c in reference().communes_with_postal_code("26100")] == ["26281"]
    assert reference().communes_with_postal_code("00000") == ()


@pytest.mark.parametrize(
    ("written", "first"),
    [
        ("38536", "38563"),  # swapped digits come first
        ("26821", "26281"),
        ("38999", "38499"),  # one wrong digit, same département
    ],
)
def test_near_misses_suggest_the_closest_real_code(written: str, first: str) -> None:
    assert nearest_communes(reference(), written)[0].code == first


def test_a_near_miss_with_no_neighbour_falls_back_to_the_nearest_code_of_the_departement() -> None:
    assert [c.code for c in nearest_communes(reference(), "2A725")] == ["2A363"]


def test_one_edit_covers_substitutions_and_swaps() -> None:
    edits = set(one_edit("123"))
    assert {"023", "133", "213", "132"} <= edits and "123" not in edits


def test_a_near_miss_epci_siren() -> None:
    assert nearest_epcis(reference(), "243800948")[0].siren == "243800984"


def test_a_reference_file_of_another_format_is_refused() -> None:
    with pytest.raises(ReferenceFormatError, match="not a ptce-check-reference/2"):
        Reference("code\tname\n")
    with pytest.raises(ReferenceFormatError, match="not a ptce-check-reference/2"):
        Reference(FIXTURE.replace("#ptce-check-reference/2", "#ptce-check-reference/1"))
    with pytest.raises(ReferenceFormatError, match=r"sections missing or out of order: epcis$"):
        Reference(FIXTURE.split("[epcis]")[0])
    former, epcis = FIXTURE.index("[former]"), FIXTURE.index("[epcis]")
    with pytest.raises(ReferenceFormatError, match=r"sections missing or out of order: epcis$"):
        Reference(FIXTURE[:former] + FIXTURE[epcis:] + FIXTURE[former:epcis])


def test_a_broken_header_is_refused_at_load_not_at_the_first_lookup() -> None:
    with pytest.raises(ReferenceFormatError, match="header incomplete"):
        Reference(FIXTURE.replace("vintage\t2026\n", ""))


def test_the_parser_reads_a_small_file_with_windows_line_ends() -> None:
    small = Reference(FIXTURE.replace("\n", "\r\n"))
    montluel = small.former("01120")
    assert montluel is not None and (montluel.status, montluel.current.name) == ("associee", "Montluel")
    assert list(small.commune_codes())[-2:] == ["13201", "13202"]
    assert [epci.siren for epci in small.epcis_of("26281")] == ["200068781"]
    assert [commune.code for commune in small.communes_with_postal_code("20090")] == ["2A004"]


def test_the_binary_search_in_the_text_finds_exactly_the_lines_a_search_of_the_split_lines_finds() -> None:
    """Every code of every section of the shipped data, and codes just beside them (one
    character shorter or longer, one unit off, before the first and after the last)."""
    data = Reference((ROOT / "src" / "ptce_check" / "territory" / DATA_FILE).read_text(encoding="utf-8"))
    for name, section in data._sections.items():
        lines = section.lines
        by_code = {line.partition("\t")[0]: line for line in lines}
        assert lines == sorted(lines) and len(by_code) == len(lines), name
        probes = set(by_code) | {"", "0", "~", "00000", "zzzzzzzzz"}
        for code in list(by_code)[:: max(1, len(by_code) // 500)]:
            probes |= {code[:-1], code + "0", code[:-1] + chr(ord(code[-1]) + 1), code[:-1] + chr(ord(code[-1]) - 1)}
        for probe in probes:
            expected = by_code.get(probe)
            assert section.in_text(probe + "\t") == section.in_lines(probe + "\t") == expected, (name, probe)


def test_a_section_answers_its_first_lookups_from_the_text_then_from_its_lines() -> None:
    from ptce_check.territory.table import SPLIT_AFTER_LOOKUPS

    data = Reference(FIXTURE)
    section = data._sections["communes"]
    code = section.lines[0].partition("\t")[0]
    del section.__dict__["lines"]
    for _ in range(SPLIT_AFTER_LOOKUPS):
        assert section.get(code) is not None and "lines" not in section.__dict__
    assert section.get(code) is not None and "lines" in section.__dict__


def test_checking_the_centre_isere_example_does_not_split_the_reference_sections_into_lines() -> None:
    """Centre-Isère's 78 communes and 18 members are answered from the text of the sections,
    without the split of 35 000 commune lines that only a batch pays back."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ptce_check.assess import assess_file\n"
        "from ptce_check.territory import official_data\n"
        "assessment = assess_file(Path(sys.argv[1]))\n"
        "sections = official_data()._sections\n"
        "print(assessment.verdict.value, sorted(n for n, s in sections.items() if 'lines' in s.__dict__))\n"
    )
    example = ROOT / "examples" / "centre-isere.yaml"
    completed = subprocess.run([sys.executable, "-c", probe, str(example)], capture_output=True, text=True, check=True)
    assert completed.stdout.split() == ["admissible", "[]"]


@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
def test_the_binary_search_holds_at_the_edges_of_a_section(ending: str) -> None:
    """A section of one, two or three lines, with or without the final line break."""
    from ptce_check.territory.table import _Section

    for lines in (["a\t1"], ["a\t1", "b\t2"], ["a\t1", "b\t2", "c\t3"]):
        text = "[x]\n" + "\n".join(lines) + ending
        section = _Section(text, len("[x]\n"), len(text))
        assert section.lines == lines
        for search in (section.in_text, section.in_lines):
            for line in lines:
                assert search(line[0] + "\t") == line
            assert [search(code + "\t") for code in ("", "0", "aa", "bb", "d")] == [None] * 5
        assert section.get("a\t1") is None


# User-supplied lists -------------------------------------------------------------------------


def _csv(tmp_path: Path, content: str | bytes, name: str = "list.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_a_list_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = _csv(tmp_path, "\ufeffCode;Name;Autre\nQP026003;La Monnaie;x\nQN02601N;Centre;y\n")
    qpv = read_list("qpv", path)
    assert "QP026003" in qpv and qpv.names == {"QP026003": "La Monnaie", "QN02601N": "Centre"}
    assert qpv.communes == {}


def test_an_employment_zone_list_maps_zones_to_communes(tmp_path: Path) -> None:
    path = _csv(tmp_path, "code,name,commune\n8201,Valence,26281\n8201,Valence,26057\n8202,Grenoble,\n")
    zones = read_list("employment_zones", path)
    assert zones.communes == {"8201": frozenset({"26281", "26057"})} and "8202" in zones


def test_a_list_with_commas_and_only_its_key_column(tmp_path: Path) -> None:
    frr = read_list("frr", _csv(tmp_path, "commune\n38333\n\n38322\n"))
    assert set(frr.names) == {"38333", "38322"} and frr.communes == {}


@pytest.mark.parametrize(
    ("kind", "content", "where", "words"),
    [
        ("qpv", "name;commune\nx;26281\n", ":1\u00a0", "colonne « code » absente"),
        ("frr", "commune,name\n26281,Romans\n1053,Ambérieu\n", ":3\u00a0", "0 1053".replace(" ", "")),
        ("qpv", "code;name\nQP026003;a;b\n", ":2\u00a0", "3 champs au lieu de 2"),
        ("qpv", "code\nQPV26\n", ":2\u00a0", "« QPV26 » mal formé"),
        ("employment_zones", "code,commune\n8401,2628\n", ":2\u00a0", "colonne commune"),
        ("frr", "commune\n", ":1\u00a0", "liste vide"),
        ("frr", b"commune\n26281\n38\xe9\n", ":3\u00a0", "pas de l'UTF-8"),
    ],
)
def test_errors_in_a_list_name_file_and_line(
    tmp_path: Path, kind: str, content: str | bytes, where: str, words: str
) -> None:
    path = _csv(tmp_path, content)
    with pytest.raises(UserError) as raised:
        load_user_references([f"{kind}={path}"])
    message = raised.value.text.fr
    assert message.startswith(f"{path}{where}") and words in message


def test_a_missing_list_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read"):
        load_user_references([f"qpv={tmp_path / 'absent.csv'}"])


@pytest.mark.parametrize(
    ("spec", "words"),
    [("qpv", "expected KIND=FILE.csv"), ("zrr=a.csv", "unknown kind 'zrr'"), ("qpv=", "expected KIND=FILE.csv")],
)
def test_malformed_reference_options(spec: str, words: str) -> None:
    with pytest.raises(UserError, match=words):
        parse_spec(spec)


def test_a_kind_given_twice_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, "commune\n26281\n")
    with pytest.raises(UserError, match="given twice"):
        load_user_references([f"frr={path}", f"frr={path}"])


def test_no_list_means_no_references() -> None:
    assert load_user_references([]) is None
