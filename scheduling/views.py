"""The staff calendar pages (HTML, mounted under /staff/ by clinicbot.urls): the day grid of
every practitioner, one practitioner's week, and marking an appointment completed or no-show.

Booking, moving and cancelling from the grid may message the patient, so those forms post
to conversations.staff.desk; the JSON API lives in scheduling.api; all call the same services."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from clinicbot.access import access_handle_conversations
from clinicbot.staff import query_date, staff_page
from scheduling.exceptions import SchedulingError
from scheduling.grid import calendar_day_grid, calendar_week_grid
from scheduling.models import Appointment, Location, Practitioner
from scheduling.selectors import clinic_get, specialty_choices
from scheduling.services import Actor, appointment_mark


@require_GET
@staff_page(access_handle_conversations)
def calendar_day(request: HttpRequest) -> HttpResponse:
    day = query_date(request.GET.get("date")) or timezone.localdate()
    location = Location.objects.filter(pk=_int(request.GET.get("location"))).first()
    specialty = (
        request.GET.get("specialty", "") if request.GET.get("specialty") in specialty_choices() else ""
    )
    grid = calendar_day_grid(
        clinic=clinic_get(), day=day, now=timezone.now(), location=location, specialty=specialty or None
    )
    context = _calendar_context(day, grid, step=timedelta(days=1)) | {
        "location": location,
        "specialty": specialty,
        "locations": Location.objects.all(),
        "specialties": specialty_choices(),
        "filters": urlencode(
            {k: v for k, v in (("location", location and location.pk), ("specialty", specialty)) if v}
        ),
    }
    template = "scheduling/calendar.html#calendar" if request.htmx else "scheduling/calendar.html"
    return render(request, template, context)


@require_GET
@staff_page(access_handle_conversations)
def calendar_week(request: HttpRequest, practitioner_id: int) -> HttpResponse:
    practitioner = get_object_or_404(Practitioner, pk=practitioner_id, active=True)
    day = query_date(request.GET.get("date")) or timezone.localdate()
    grid = calendar_week_grid(clinic=clinic_get(), practitioner=practitioner, day=day, now=timezone.now())
    context = _calendar_context(day, grid, step=timedelta(days=7)) | {"practitioner": practitioner}
    template = "scheduling/week.html#calendar" if request.htmx else "scheduling/week.html"
    return render(request, template, context)


def _calendar_context(day, grid, *, step: timedelta) -> dict:
    return {
        "day": day,
        "grid": grid,
        "today": timezone.localdate(),
        "previous": day - step,
        "next": day + step,
        "now": timezone.now(),
        "zone": timezone.get_current_timezone_name(),
    }


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@require_GET
@staff_page(access_handle_conversations)
def day_view(request: HttpRequest) -> HttpResponse:
    """The old day list became the calendar; bookmarks keep working."""
    query = request.GET.urlencode()
    return redirect(reverse("staff_calendar") + (f"?{query}" if query else ""), permanent=True)


@require_POST
@staff_page(access_handle_conversations)
def appointment_mark_view(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = get_object_or_404(Appointment, pk=appointment_id)
    try:
        appointment_mark(
            appointment=appointment, status=request.POST.get("status", ""), actor=Actor.staff(request.user)
        )
    except SchedulingError as exc:
        messages.error(request, str(exc))
    day = timezone.localdate(appointment.start)
    return redirect(f"{reverse('staff_calendar')}?{urlencode({'date': day.isoformat()})}")
