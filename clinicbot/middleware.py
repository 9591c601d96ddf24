"""Every page a person reads runs on the clinic's clock.

Times are stored in UTC; a page, the admin or the simulator shows and parses them in the
clinic's time zone, activated for the request and dropped after it, so nothing carries over
to the next request served by the same thread. Webhooks and the health check are read by
machines and keep UTC.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from scheduling.directory import directory_get

MACHINE_PATHS = ("/webhooks/", "/healthz")


class ClinicTimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(MACHINE_PATHS):
            return self.get_response(request)
        directory = directory_get()
        with timezone.override(directory.clinic.zone if directory else None):
            return self.get_response(request)
