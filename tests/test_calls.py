"""Call files: they load, their grids total 100, every rule and weight cites a source, and a
broken call file is reported at its own line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptce_check.binding import load_call as bound_call
from ptce_check.calls import Call, list_calls
from ptce_check.checks import RULE_KINDS
from ptce_check.codes import CODES
from ptce_check.errors import UserError
from ptce_check.metrics import METRICS

CONTRACT_RULES = {f"PTCE-E0{n}" for n in range(1, 10)}


def load_call(id_or_path: str) -> Call:
    """The call's data (bound to its kinds on the way, so that a broken file is an error)."""
    return bound_call(id_or_path).call


def test_both_calls_are_shipped() -> None:
    assert {"ptce-2013", "ptce-2015"} <= set(list_calls())


@pytest.mark.parametrize("call_id", ["ptce-2013", "ptce-2015"])
def test_call_is_complete_and_sourced(call_id: str) -> None:
    call = load_call(call_id)
    assert sum(c.max_points for c in call.scoring) == 100
    assert {c.axis for c in call.scoring} == {a.id for a in call.axes}
    for rule in call.rules:
        assert rule.source.strip() and rule.kind in RULE_KINDS and rule.code in CODES
    for criterion in call.scoring:
        assert criterion.source.strip() and criterion.kind in METRICS
    assert {"cooperation", "territory", "jobs_innovation"} <= {a.id for a in call.axes}


def test_2015_applies_every_contract_rule() -> None:
    assert {r.code for r in load_call("ptce-2015").rules} == CONTRACT_RULES
    assert load_call("ptce-2015").deadline is not None


def test_2013_adds_local_authority_caps() -> None:
    codes = {r.code for r in load_call("ptce-2013").rules}
    assert {"PTCE-E10", "PTCE-E11", "PTCE-E12"} <= codes
    assert load_call("ptce-2013").envelope_eur == 3_000_000


def test_2015_grid_scores_its_own_priorities() -> None:
    kinds = {c.kind for c in load_call("ptce-2015").scoring}
    assert {"mutualisation_kinds", "value_chain", "self_financing_final_year", "activities"} <= kinds


def _broken(tmp_path: Path, old: str, new: str) -> str:
    source = Path(__file__).resolve().parents[1] / "criteria" / "ptce-2015.yaml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_call(str(path))
    return caught.value.text.en


def test_broken_call_files_are_reported_at_their_position(tmp_path: Path) -> None:
    message = _broken(tmp_path, "kind: legal_person_members", "kind: legal_persons")
    assert "broken.yaml:" in message and "unknown rule kind 'legal_persons'" in message
    message = _broken(tmp_path, "params: {minimum: 3}", "params: {minimum: 3, maximum: 9}")
    assert "rules[1].params.maximum" in message
    message = _broken(tmp_path, "    max_points: 8\n", "    max_points: 9\n")
    assert "not 100" in message or "best band" in message
    message = _broken(tmp_path, "id: ptce-2015", "id: ptce-2015\nid: again")
    assert "broken.yaml:" in message and "duplicate key" in message


def test_unknown_call_lists_known_ones() -> None:
    with pytest.raises(UserError) as caught:
        load_call("ptce-1999")
    assert "ptce-2013" in caught.value.text.fr
