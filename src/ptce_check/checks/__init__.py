"""Hard-rule kinds. A call file names a kind and its parameters; each module exposes `KIND`,
a `Params` model and `run(context, params) -> RuleOutcome`."""

from __future__ import annotations

from types import ModuleType

from ptce_check.checks import (
    art9_partner_member,
    ess_enterprise_member,
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

RULE_KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (
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
    )
}
