"""Every page a person reads works in one clinic and runs on its clock.

A staff request works in one of the user's clinics (clinicbot.access.user_clinic_ids): the
one named by `?clinic=<code>` (remembered for the session), else the one chosen before, else
the first. Inside it every clinic-owned query sees that clinic's rows only (clinicbot.tenancy),
so no page, admin list, export or action reaches another clinic's. Naming a clinic the user
does not work at is refused (403).

Times are stored in UTC; a page, the admin or the simulator shows and parses them in the
clinic's time zone, activated for the request and dropped after it, so nothing carries over
to the next request served by the same thread. Webhooks and the health check are read by
machines, keep UTC and work in no clinic until the door decides it.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from clinicbot.access import user_clinic_ids
from clinicbot.tenancy import NO_CLINIC, ClinicNotChosen, clinic_scope
from scheduling.directory import directory_get
from scheduling.models import Clinic

MACHINE_PATHS = ("/webhooks/", "/healthz")
SESSION_KEY = "clinic_id"


def request_clinic(request: HttpRequest, *, remember: bool = True) -> int | None:
    """The clinic this request works in; None (no scope) for an anonymous request or when
    the user works at no clinic of a one-clinic deployment. Raises PermissionDenied when
    `?clinic=` names a clinic the user does not work at."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    allowed = user_clinic_ids(user)
    wanted = request.GET.get("clinic", "")
    if wanted:
        chosen = Clinic.objects.filter(code=wanted).values_list("id", flat=True).first()
        if chosen not in allowed:
            raise PermissionDenied
        if remember:
            request.session[SESSION_KEY] = chosen
        return chosen
    remembered = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if remembered in allowed:
        return remembered
    if allowed:
        return allowed[0]
    return None if Clinic.objects.count() <= 1 else NO_CLINIC


class ClinicMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(MACHINE_PATHS):
            return self.get_response(request)
        with clinic_scope(request_clinic(request)):
            try:
                directory = directory_get()
            except ClinicNotChosen:  # an anonymous page of a deployment with several clinics
                directory = None
            with timezone.override(directory.clinic.zone if directory else None):
                return self.get_response(request)
