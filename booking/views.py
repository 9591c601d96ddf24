"""The calendar's waitlist page (mounted under /staff/ by clinicbot.urls): who waits for
which practitioner on a day, what each was offered and when, and the forms to add and
remove entries (audited by the services)."""

from datetime import time
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from booking.models import WaitlistEntry
from booking.selectors import waitlist_for_day
from booking.waitlist import waitlist_join, waitlist_leave
from clinicbot.access import access_handle_conversations
from clinicbot.staff import query_date, staff_page
from scheduling.models import AppointmentType, Patient, Practitioner
from scheduling.selectors import clinic_get
from scheduling.services import Actor


@require_GET
@staff_page(access_handle_conversations)
def waitlist_day(request: HttpRequest) -> HttpResponse:
    day = query_date(request.GET.get("date")) or timezone.localdate()
    practitioner = Practitioner.objects.filter(pk=_int(request.GET.get("practitioner")), active=True).first()
    context = {
        "day": day,
        "practitioner": practitioner,
        "groups": waitlist_for_day(day=day, practitioner=practitioner),
        "practitioners": Practitioner.objects.filter(active=True),
        "types": AppointmentType.objects.filter(active=True),
        "patients": Patient.objects.order_by("name")[:500],
        "zone": timezone.get_current_timezone_name(),
    }
    return render(request, "booking/waitlist.html", context)


@require_POST
@staff_page(access_handle_conversations)
def waitlist_add(request: HttpRequest) -> HttpResponse:
    form = request.POST
    day_from = query_date(form.get("day_from"))
    try:
        waitlist_join(
            clinic=clinic_get(),
            patient=get_object_or_404(Patient, pk=_int(form.get("patient")) or 0),
            appointment_type=get_object_or_404(AppointmentType, pk=_int(form.get("appointment_type")) or 0),
            practitioner=Practitioner.objects.filter(pk=_int(form.get("practitioner"))).first(),
            day_from=day_from,
            day_to=query_date(form.get("day_to")) or day_from,
            time_from=_time(form.get("time_from")),
            time_to=_time(form.get("time_to")),
            actor=Actor.staff(request.user),
        )
        messages.success(request, "Added to the waitlist.")
    except ValueError as exc:
        messages.error(request, str(exc))
    return _back(form.get("date") or (day_from.isoformat() if day_from else ""))


@require_POST
@staff_page(access_handle_conversations)
def waitlist_remove(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(WaitlistEntry, pk=entry_id)
    waitlist_leave(entry=entry, reason="removed by staff", actor=Actor.staff(request.user))
    messages.success(request, f"{entry.patient.name} is off the waitlist.")
    return _back(request.POST.get("date", ""))


def _back(day: str) -> HttpResponse:
    return redirect(f"{reverse('staff_waitlist')}?{urlencode({'date': day})}" if day else "staff_waitlist")


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _time(value: str | None) -> time | None:
    try:
        return time.fromisoformat(value) if value else None
    except ValueError:
        return None
