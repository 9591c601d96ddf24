"""Who may do what on the staff pages: a few small functions, one condition per line.

Views call these and answer 403 on False, never a half page. Superusers pass everywhere.
A role is held at a clinic (scheduling.ClinicMembership) and counts at the clinic the
request works in (clinicbot.middleware chooses it); in a deployment with one clinic the
staff groups are roles at that clinic, as before clinics had members.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from clinicbot.tenancy import ClinicNotChosen, clinic_scoped_id
from scheduling.models import Clinic, ClinicMembership

# The roles, as the staff groups and the memberships name them (one definition: the model's).
RECEPTION = ClinicMembership.Role.RECEPTION.value
OPERATIONS_LEAD = ClinicMembership.Role.OPERATIONS_LEAD.value
CONTENT_ADMIN = ClinicMembership.Role.CONTENT_ADMIN.value
ROLES = tuple(ClinicMembership.Role.values)

User = AbstractBaseUser | AnonymousUser


def _in_role(user: User, *roles: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return not role_names(user).isdisjoint(roles)


def role_names(user: User) -> frozenset[str]:
    """The user's ClinicBot roles at the request's clinic (at any of theirs outside a clinic
    scope), from what _held read once per request (the menu asks for each link)."""
    if not user.is_authenticated:
        return frozenset()
    memberships, groups, clinics = _held(user)
    clinic_id = _scope_or_none()
    roles = {role for clinic, role in memberships if clinic_id is None or clinic == clinic_id}
    return frozenset(roles | groups if len(clinics) <= 1 else roles)


def _held(user: User) -> tuple[tuple[tuple[int, str], ...], frozenset[str], tuple[int, ...]]:
    """(the user's memberships as (clinic id, role), their staff groups, every clinic's id),
    read once per request: three queries."""
    if not hasattr(user, "_clinicbot_held"):
        user._clinicbot_held = (
            tuple(
                ClinicMembership.objects.filter(user=user, role__in=ROLES).values_list("clinic_id", "role")
            ),
            frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True)),
            tuple(Clinic.objects.order_by("id").values_list("id", flat=True)),
        )
    return user._clinicbot_held


def _scope_or_none() -> int | None:
    try:
        return clinic_scoped_id()
    except ClinicNotChosen:  # a group's metrics: the roles checked for each clinic already
        return None


def user_clinic_ids(user: User, *, roles: tuple[str, ...] = ROLES) -> list[int]:
    """The clinics the user works at in one of `roles`, in id order: every clinic for a
    superuser; the clinics of their memberships; the only clinic for a member of a staff
    group when there is one."""
    if not user.is_authenticated or not user.is_active:
        return []
    memberships, groups, clinics = _held(user)
    if user.is_superuser:
        return list(clinics)
    ids = {clinic for clinic, role in memberships if role in roles}
    if len(clinics) <= 1 and not groups.isdisjoint(roles):
        ids |= set(clinics)
    return sorted(ids)


def access_staff_area(user: User) -> bool:
    """Any ClinicBot role may open /staff/ at all."""
    return _in_role(user, *ROLES)


def access_handle_conversations(user: User) -> bool:
    """Claim escalations, reply to patients, hand chats back, act on appointments."""
    return _in_role(user, RECEPTION, OPERATIONS_LEAD)


def access_replay(user: User) -> bool:
    """Replay conversations with their trace events and export them."""
    return _in_role(user, OPERATIONS_LEAD, RECEPTION)


def access_metrics(user: User) -> bool:
    return _in_role(user, OPERATIONS_LEAD)


def access_campaigns(user: User) -> bool:
    """Define, dry-run, start and stop recall campaigns, and read their figures."""
    return _in_role(user, OPERATIONS_LEAD)


def access_content(user: User) -> bool:
    """Edit and approve the FAQ content."""
    return _in_role(user, CONTENT_ADMIN)


def access_menu(user: User) -> dict[str, bool]:
    """Which staff pages the menu offers: a role never sees a link it cannot open."""
    return {
        "staff": access_staff_area(user),
        "handle": access_handle_conversations(user),
        "replay": access_replay(user),
        "metrics": access_metrics(user),
        "campaigns": access_campaigns(user),
        "content": access_content(user),
    }
