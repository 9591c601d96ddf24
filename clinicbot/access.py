"""Who may do what on the staff pages: a few small functions, one condition per line.

Views call these and answer 403 on False, never a half page. Superusers pass everywhere.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

RECEPTION = "Reception"
OPERATIONS_LEAD = "Operations lead"
CONTENT_ADMIN = "Content admin"
ROLES = (RECEPTION, OPERATIONS_LEAD, CONTENT_ADMIN)

User = AbstractBaseUser | AnonymousUser


def _in_role(user: User, *roles: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return not role_names(user).isdisjoint(roles)


def role_names(user: User) -> frozenset[str]:
    """The user's ClinicBot roles, read once per request (the menu asks for each link)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_clinicbot_roles"):
        user._clinicbot_roles = frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return user._clinicbot_roles


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
        "content": access_content(user),
    }
