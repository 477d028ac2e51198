"""Who is what under law 2014-856: legal persons, public bodies, ESS enterprises."""

from __future__ import annotations

from datetime import date

from ptce_check.dossier import Member

NOT_LEGAL_PERSONS = frozenset({"sole_proprietorship", "natural_person", "none"})
PUBLIC_LAW = frozenset(
    {"local_authority", "local_authority_grouping", "public_establishment", "gip", "state_service", "other_public"}
)
# Law 2014-856 art. 1 II 1°: ESS by legal form.
ESS_BY_FORM = frozenset({"association", "cooperative", "mutual", "mutual_insurance", "foundation"})
ESUS_VALIDITY_YEARS = 5


def is_legal_person(legal_form: str) -> bool:
    return legal_form not in NOT_LEGAL_PERSONS


def is_private_legal_person(legal_form: str) -> bool:
    return is_legal_person(legal_form) and legal_form not in PUBLIC_LAW


def esus_valid(member: Member, reference: date | None) -> bool:
    """An ESUS approval counts when granted less than five years before the reference date
    (the submission date, else the call's deadline); with no reference date it counts."""
    if member.esus_approval is None or member.legal_form in PUBLIC_LAW:
        return False
    granted = member.esus_approval.granted_on
    if reference is None:
        return True
    try:
        expiry = granted.replace(year=granted.year + ESUS_VALIDITY_YEARS)
    except ValueError:  # 29 February
        expiry = granted.replace(year=granted.year + ESUS_VALIDITY_YEARS, day=28)
    return granted <= reference < expiry


def is_ess(member: Member, reference: date | None) -> bool:
    if member.legal_form in ESS_BY_FORM:
        return True
    if member.legal_form == "commercial_company" and member.ess_statutes:
        return True
    return esus_valid(member, reference)


def is_ess_enterprise(member: Member, reference: date | None) -> bool:
    return member.category == "enterprise" and is_legal_person(member.legal_form) and is_ess(member, reference)


def is_non_ess_enterprise(member: Member, reference: date | None) -> bool:
    """A non-ESS enterprise, or a grouping whose non-ESS members are a strict majority."""
    if member.category == "enterprise":
        return is_legal_person(member.legal_form) and not is_ess(member, reference)
    if member.category == "enterprise_grouping" and member.grouping is not None:
        total, ess = member.grouping.members_total, member.grouping.members_ess
        return total - ess > total / 2
    return False
