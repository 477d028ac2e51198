"""Concrete hints where the fix is obvious, and YAML indentation diagnosed at the line that broke."""

from __future__ import annotations

import random

import pytest

from helpers import assess_text, position_of, variant
from ptce_check.decoding import Limits, decode
from ptce_check.findings import Finding, SourceError
from ptce_check.source import parse


def _one(text: str, code: str) -> Finding:
    return next(f for f in assess_text(text).findings if f.code == code)


def _syntax(text: str) -> Finding:
    with pytest.raises(SourceError) as caught:
        parse(text, Limits())
    return caught.value.finding


def test_spaced_siret_hint_gives_the_digits() -> None:
    finding = _one(variant(('siret: "81345622500016"', 'siret: "813 456 225 00016"')), "PTCE-D02")
    assert finding.hint is not None and finding.hint.fr == "écrivez-le sans espaces\u00a0: '81345622500016'"
    assert finding.hint.en == "write it without spaces: '81345622500016'"


def test_spaced_siren_hint_gives_the_digits() -> None:
    finding = _one(variant(('siren: "781302211"', 'siren: "781 302 211"')), "PTCE-D01")
    assert finding.hint is not None and finding.hint.fr == "écrivez-le sans espaces\u00a0: '781302211'"


def test_commune_name_hint_gives_its_insee_code() -> None:
    text = variant(('communes: ["26281", "26057"]', 'communes: ["Romans-sur-Isère", "26057"]'))
    finding = _one(text, "PTCE-D04")
    assert finding.hint is not None
    assert finding.hint.fr == "« Romans-sur-Isère » est le nom d'une commune\u00a0: écrivez son code INSEE, '26281'"
    assert finding.hint.en == "'Romans-sur-Isère' is a commune's name: write its INSEE code, '26281'"
    assert finding.position is not None and (finding.position.line, finding.position.column) == position_of(
        text, '"Romans'
    )


def test_homonym_communes_are_listed_with_their_departement() -> None:
    text = variant(('commune: "26057"', 'commune: "ST PAUL"'))
    finding = _one(text, "PTCE-D04")
    assert finding.hint is not None
    assert finding.hint.fr == (
        "8 communes portent ce nom\u00a0: '19235' (Corrèze), '33458' (Gironde), '60591' (Oise) et 5 autres\u00a0; "
        "écrivez le code INSEE de la vôtre"
    )


def test_day_first_date_hint_gives_the_iso_date() -> None:
    finding = _one(variant(("submitted_at: 2015-06-15", "submitted_at: 30/06/2015")), "PTCE-S06")
    assert finding.hint is not None
    assert finding.hint.fr == (
        "écrivez 2015-06-30 (année-mois-jour)\u00a0; format ISO 8601\u00a0: 2015-06-28 ou 2015-06-28T17:30:00+02:00"
    )
    assert (finding.position.line, finding.position.column) == (3, 15)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("written", "number"),
    [("12,5", "12.5"), ("150 000 €", "150000"), ("150\u202f000", "150000"), ("1.500,50", "1500.50")],
)
def test_number_hint_gives_the_plain_number(written: str, number: str) -> None:
    finding = _one(variant(("created_fte: 6", f"created_fte: {written}")), "PTCE-S07")
    assert finding.hint is not None
    assert finding.hint.fr == f"écrivez {number}\u00a0; écrivez des chiffres sans espace ni unité (150000 ou 150000.50)"


@pytest.mark.parametrize(("written", "word"), [("oui", "true"), ("non", "false"), ("Yes", "true"), ("no", "false")])
def test_boolean_words_hint_gives_true_or_false(written: str, word: str) -> None:
    finding = _one(variant(("charter_signed: true", f"charter_signed: {written}")), "PTCE-S05")
    assert finding.hint is not None and finding.hint.fr.startswith(f"écrivez {word}\u00a0; ")
    assert finding.hint.en.startswith(f"write {word}; ")


def test_missing_key_hint_gives_the_key_and_an_example() -> None:
    finding = _one(variant(("  stage: emerging\n", "")), "PTCE-S01")
    assert finding.path == ("pole", "stage")
    assert finding.hint is not None and finding.hint.fr == "ajoutez la clé, par exemple\u00a0: stage: emerging"
    text = variant(("  strategy: Mutualiser", "  x_strategy: Mutualiser"))
    strategy = _one(text, "PTCE-S01")
    assert strategy.hint is not None and strategy.hint.fr == (
        "ajoutez la clé, par exemple\u00a0: strategy: Mutualiser "
        "un atelier de menuiserie et des emplois entre structures…"
    )


@pytest.mark.parametrize(
    ("email", "problem"),
    [
        ("camille.martin.example.org", "il manque le « @ » (exemple\u00a0: prenom.nom@exemple.org)"),
        ("camille@@example.org", "l'adresse contient 2 « @ » au lieu d'un seul"),
        ("'camille martin@example.org'", "l'adresse contient une espace"),
        ("camille@example", "le domaine « example » n'a pas de point (exemple\u00a0: exemple.org)"),
        ("camille@example.", "le domaine ne peut ni commencer ni finir par un point"),
    ],
)
def test_email_hint_says_what_is_wrong(email: str, problem: str) -> None:
    finding = _one(variant(("email: camille.martin@example.org", f"email: {email}")), "PTCE-S08")
    assert finding.hint is not None and finding.hint.fr == problem


def test_three_space_indent_is_diagnosed_as_indentation() -> None:
    finding = _syntax("pole:\n  name: A\n   stage: emerging\n")
    assert finding.code == "PTCE-F01" and (finding.position.line, finding.position.column) == (3, 4)  # type: ignore[union-attr]
    assert finding.message.fr == (
        "indentation incohérente\u00a0: la clé « stage » commence colonne 4, "
        "mais « name » (ligne 2), au même niveau, commence colonne 3"
    )
    assert finding.hint is not None and finding.hint.fr == "indentez cette ligne de 2 espaces, comme « name »"
    assert "inattendu" not in finding.message.fr


def test_dedented_member_key_points_at_the_broken_member() -> None:
    text = (
        "members:\n  - name: A\n    legal_form: association\n    category: enterprise\n"
        "  - name: B\n    legal_form: cooperative\n   category: enterprise\n"
    )
    finding = _syntax(text)
    assert (finding.position.line, finding.position.column) == (7, 4)  # type: ignore[union-attr]
    assert finding.message.en == (
        "inconsistent indentation: key 'category' starts at column 4, "
        "but 'legal_form' (line 6), at the same level, starts at column 5"
    )
    assert finding.hint is not None and finding.hint.en == "indent this line by 4 spaces, like 'legal_form'"


def test_too_deep_key_after_a_value_is_diagnosed() -> None:
    finding = _syntax("pole:\n  name: A\n      stage: emerging\n")
    assert (finding.position.line, finding.position.column) == (3, 7)  # type: ignore[union-attr]
    assert finding.hint is not None and finding.hint.fr == "indentez cette ligne de 2 espaces, comme « name »"


def test_a_colon_inside_a_value_keeps_the_quoting_advice() -> None:
    finding = _syntax("pole:\n  name: Pôle: Sud\n")
    assert finding.message.fr.endswith("(une valeur contenant « : » doit être mise entre guillemets)")


def test_block_scalars_and_long_values_are_not_misread_as_indentation() -> None:
    text = "a:\n  b: |\n     x: y\n     z\n  c: un texte\n    qui continue\n  d: Note: x\n"
    finding = _syntax(text)
    assert finding.position is not None and finding.position.line == 7
    assert finding.message.fr.startswith("erreur de syntaxe YAML\u00a0: « : » inattendu")


def test_random_bytes_are_not_a_text_file() -> None:
    noise = random.Random(15).randbytes(2000)
    with pytest.raises(SourceError) as caught:
        decode(noise)
    finding = caught.value.finding
    assert finding.code == "PTCE-F10"
    assert finding.message.fr.startswith("ce n'est pas un fichier texte")
    assert "Latin" not in finding.message.fr


def test_latin1_text_is_still_named_as_such() -> None:
    with pytest.raises(SourceError) as caught:
        decode("pole:\n  name: Pôle été\n".encode("latin-1"))
    assert caught.value.finding.code == "PTCE-F02" and "« ô »" in caught.value.finding.message.fr
