"""What every staff page shares, whichever app owns it.

Each app's staff views wear `staff_page(access_*)`, and clinicbot.urls mounts every app's
staff urls under /staff/. The page itself (template, reads, services) belongs to its app.
"""

from collections.abc import Callable
from datetime import date
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.exceptions import ParseError
from rest_framework.permissions import BasePermission

from clinicbot.access import (
    access_handle_conversations,
    access_menu,
    access_staff_area,
    role_names,
    user_clinic_ids,
)
from clinicbot.middleware import request_clinic
from clinicbot.tenancy import ClinicNotChosen, clinic_scope_replace, clinic_scoped_id
from scheduling.models import Clinic


def staff_page(access: Callable) -> Callable:
    """Login required; then the access function decides, and a refusal is a whole 403.

    Pages run on the clinic's clock (clinicbot.middleware activates its time zone for the
    request), so they show and parse times as reception reads them on the wall."""

    def decorate(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not access(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def staff_api(access: Callable) -> type[BasePermission]:
    """The JSON API's counterpart of `staff_page`: a DRF permission admitting a request when
    `access` admits its user. Anonymous callers get 401 (DRF asks them to authenticate),
    users without the role 403."""

    class StaffApiAccess(BasePermission):
        message = "Your role may not use this endpoint."

        def has_permission(self, request, view) -> bool:
            if not (request.user and request.user.is_authenticated):
                return False
            # The token is read only now: choose the clinic for it (the middleware's scope
            # holds the choice until the request ends).
            clinic_scope_replace(api_clinic(request))
            return access(request.user)

    StaffApiAccess.__name__ = StaffApiAccess.__qualname__ = f"StaffApi_{access.__name__}"
    return StaffApiAccess


# The calendar API is reception's tool, like the conversation pages' appointment actions;
# the settings make it every API view's default, so a new endpoint is closed until opened.
CalendarApiAccess = staff_api(access_handle_conversations)
# The schema names endpoints and fields, no patient data: any ClinicBot role may read it.
AnyRoleApiAccess = staff_api(access_staff_area)


def api_clinic(request) -> int | None:
    """The clinic an API request works in: `?clinic=<code>`, required when the token's user
    works at several. Raises PermissionDenied for a clinic the user does not work at and
    ParseError when the user works at several and names none."""
    if not request.query_params.get("clinic") and len(user_clinic_ids(request.user)) > 1:
        raise ParseError("This user works at several clinics: name one with ?clinic=<code>.")
    return request_clinic(request._request, remember=False)


def query_date(value: str | None) -> date | None:
    """An ISO date from a query string; None when it is missing or malformed."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def staff_menu(request: HttpRequest) -> dict:
    """Template context for every page: the links the user's role may follow (`can`), the
    roles' names, for the menu and the 403 page, and for a user of several clinics the
    clinic the page works in and the others to switch to (`?clinic=`)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"can": access_menu(user), "roles": sorted(role_names(user)), "clinics": _clinic_switch(user)}


def _clinic_switch(user) -> dict | None:
    clinic_ids = user_clinic_ids(user)
    if len(clinic_ids) < 2:
        return None
    try:
        current_id = clinic_scoped_id()
    except ClinicNotChosen:  # the group's metrics read several clinics at once
        current_id = None
    clinics = list(Clinic.objects.filter(pk__in=clinic_ids).order_by("name"))
    return {
        "current": next((c for c in clinics if c.pk == current_id), None),
        "others": [c for c in clinics if c.pk != current_id],
    }
