"""Hard-rule kinds. A call file names a kind and its parameters; each module is a
`ptce_check.kinds.RuleKind`: `KIND`, a `Params` model, `run(context, params) -> RuleOutcome`,
a docstring with PASS and FAIL examples and `EXAMPLES`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ptce_check.kinds import RuleKind
from ptce_check.lazy import LazyModules

#: In the order of the contract's codes; each module is imported when a call first uses it.
RULE_KINDS: Mapping[str, RuleKind] = LazyModules(
    "ptce_check.checks",
    (
        "private_legal_person",
        "legal_person_members",
        "ess_enterprise_member",
        "non_ess_enterprise_member",
        "art9_partner_member",
        "territory_defined",
        "innovation_described",
        "no_previous_state_support",
        "submitted_by_deadline",
        "local_authority_cofinancing",
        "local_authority_share",
        "ami_phase1_standing",
        "grant_ceiling",
    ),
)

if TYPE_CHECKING:  # mypy checks that each module listed is a `RuleKind`
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

    _CHECKED: tuple[RuleKind, ...] = (
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
