"""The staff calendar pages (HTML, mounted under /staff/ by clinicbot.urls): one day's
appointments per practitioner, and marking an appointment completed or no-show.

The JSON API lives in scheduling.api; both call the same services."""

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
from scheduling.models import Appointment
from scheduling.selectors import appointment_list_for_day
from scheduling.services import Actor, appointment_mark


@require_GET
@staff_page(access_handle_conversations)
def day_view(request: HttpRequest) -> HttpResponse:
    day = query_date(request.GET.get("date")) or timezone.localdate()
    columns: dict[str, list] = {}
    for appointment in appointment_list_for_day(day=day, zone=timezone.get_current_timezone()).select_related(
        "practitioner", "patient", "appointment_type", "location"
    ):
        columns.setdefault(appointment.practitioner.display_name, []).append(appointment)
    context = {
        "day": day,
        "columns": columns,
        "now": timezone.now(),
        "previous": day - timedelta(days=1),
        "next": day + timedelta(days=1),
    }
    return render(request, "scheduling/day.html", context)


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
    return redirect(f"{reverse('staff_day')}?{urlencode({'date': day.isoformat()})}")
