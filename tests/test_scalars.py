"""The scalar parsers: what each accepts and refuses, whichever path a text takes (ASCII digits
alone are read without the patterns)."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from ptce_check.scalars import parse_int, parse_number

NUMBERS = {"12": 12.0, " 12 ": 12.0, "0012": 12.0, "+5": 5.0, "-5": -5.0, "2.5": 2.5, ".5": 0.5, "1e3": 1000.0}
INTEGERS = {"12": 12, " 12 ": 12, "0012": 12, "+5": 5, "-5": -5, "0": 0}
REFUSED = ["", " ", "1_000", "nan", "inf", "1,5", "١٢", "²", "12a", "0x10", "1 000"]


@pytest.mark.parametrize(("text", "expected"), NUMBERS.items())
def test_numbers_read(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), INTEGERS.items())
def test_whole_numbers_read(text: str, expected: int) -> None:
    value = parse_int(text)
    assert value == expected and type(value) is int


@pytest.mark.parametrize("text", REFUSED)
def test_refused_by_both(text: str) -> None:
    with pytest.raises(PydanticCustomError) as number:
        parse_number(text)
    assert number.value.type == "yaml_number"
    with pytest.raises(PydanticCustomError) as integer:
        parse_int(text)
    assert integer.value.type == "yaml_int"


def test_digits_too_many_for_a_float_are_not_a_number() -> None:
    with pytest.raises(PydanticCustomError) as error:
        parse_number("9" * 400)
    assert error.value.type == "yaml_number"
    assert parse_int("9" * 400) == int("9" * 400)


def test_values_built_in_python_are_read_as_their_text() -> None:
    assert parse_number(7) == 7.0 and parse_int(7) == 7
    with pytest.raises(PydanticCustomError):
        parse_int(True)
    with pytest.raises(PydanticCustomError):
        parse_int(["1"])
