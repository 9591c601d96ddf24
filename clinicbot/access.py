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
    return user.groups.filter(name__in=roles).exists()


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
