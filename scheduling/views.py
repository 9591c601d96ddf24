"""The staff calendar pages (HTML, mounted under /staff/ by clinicbot.urls): the day grid of
every practitioner, one practitioner's week, the forms to book a free slot and to move or
cancel an appointment, and marking an appointment completed or no-show.

Booking, moving and cancelling may message the patient, so those forms post to
conversations.staff.desk; the JSON API lives in scheduling.api; all call the same services."""

from datetime import datetime, timedelta
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
from scheduling.grid import calendar_day_grid, calendar_week_grid, slot_type_fits
from scheduling.models import Appointment, Location, Practitioner
from scheduling.patients import patient_search
from scheduling.selectors import appointment_inside_notice, clinic_get, specialty_choices
from scheduling.services import Actor, appointment_mark, slot_list_available


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


@require_GET
@staff_page(access_handle_conversations)
def calendar_book(request: HttpRequest) -> HttpResponse:
    """The form for one free slot: the patient (found or new), the type, the confirmation."""
    practitioner = get_object_or_404(Practitioner, pk=_int(request.GET.get("practitioner")) or 0, active=True)
    start = _instant(request.GET.get("start", ""))
    if start is None:
        return redirect("staff_calendar")
    context = {
        "practitioner": practitioner,
        "start": start,
        "fits": slot_type_fits(
            clinic=clinic_get(), practitioner=practitioner, start=start, now=timezone.now()
        ),
        "q": request.GET.get("q", ""),
        "found": patient_search(query=request.GET.get("q", "")),
        "chosen": _int(request.GET.get("patient")),
        "kind": request.GET.get("type", ""),
        "zone": timezone.get_current_timezone_name(),
    }
    return render(request, "scheduling/book.html", context)


@require_GET
@staff_page(access_handle_conversations)
def calendar_patients(request: HttpRequest) -> HttpResponse:
    """The booking form's patient list, for htmx as the receptionist types."""
    context = {"found": patient_search(query=request.GET.get("q", "")), "q": request.GET.get("q", "")}
    return render(request, "scheduling/book.html#patients", context)


@require_GET
@staff_page(access_handle_conversations)
def calendar_appointment(request: HttpRequest, appointment_id: int) -> HttpResponse:
    """One appointment: its facts, the clinic's notice, and the move and cancel forms. The
    free times offered are the bot's (slot_list_available), from the chosen day."""
    appointment = get_object_or_404(
        Appointment.objects.select_related("patient", "practitioner", "appointment_type", "location"),
        pk=appointment_id,
    )
    clinic = clinic_get()
    day = query_date(request.GET.get("date")) or max(
        timezone.localdate(), timezone.localdate(appointment.start)
    )
    slots = []
    if appointment.status == Appointment.Status.BOOKED:
        slots = slot_list_available(
            practitioner=appointment.practitioner,
            appointment_type=appointment.appointment_type,
            replacing=appointment,
            date_from=day,
            limit=13,
        )
    context = {
        "appointment": appointment,
        "inside_notice": appointment_inside_notice(
            appointment=appointment, clinic=clinic, now=timezone.now()
        ),
        "notice_hours": clinic.policy.cancellation_notice_hours,
        "slots": [slot for slot in slots if slot.start != appointment.start][:12],
        "day": day,
        "zone": timezone.get_current_timezone_name(),
    }
    return render(request, "scheduling/appointment.html", context)


def _instant(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.get_current_timezone())


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
