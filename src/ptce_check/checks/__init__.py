"""Hard-rule kinds. A call file names a kind and its parameters; each module is a
`ptce_check.kinds.RuleKind`: `KIND`, a `Params` model, `run(context, params) -> RuleOutcome`,
a docstring with PASS and FAIL examples and `EXAMPLES`."""

from __future__ import annotations

from ptce_check.checks import (
    ami_phase1_standing,
    art9_partner_member,
    ess_enterprise_member,
    grant_ceiling,
    innovation_described,
    legal_person_members,
    local_authority_cofinancing,
    local_authority_share,
    no_previous_state_support,
    non_ess_enterprise_member,
    private_legal_person,
    submitted_by_deadline,
    territory_defined,
)
from ptce_check.kinds import RuleKind

#: In the order of the contract's codes. Typed so that mypy checks each module is a `RuleKind`.
_MODULES: tuple[RuleKind, ...] = (
    private_legal_person,
    legal_person_members,
    ess_enterprise_member,
    non_ess_enterprise_member,
    art9_partner_member,
    territory_defined,
    innovation_described,
    no_previous_state_support,
    submitted_by_deadline,
    local_authority_cofinancing,
    local_authority_share,
    ami_phase1_standing,
    grant_ceiling,
)

RULE_KINDS: dict[str, RuleKind] = {module.KIND: module for module in _MODULES}
