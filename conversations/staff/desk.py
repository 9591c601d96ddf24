"""What reception does from the calendar (mounted under /staff/calendar/ by
conversations.staff.urls): book a free slot, move or cancel an appointment, and tell the
patient on WhatsApp. The grid and the forms are scheduling's pages (scheduling.views); these
handlers live here because they may message the patient, which scheduling never does. A
refusal goes back to the form with the reason, as a message."""

from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from clinicbot.access import access_handle_conversations
from clinicbot.staff import query_date, staff_page
from conversations.models import Conversation
from conversations.staff import services
from scheduling.models import Appointment, Patient


@require_POST
@staff_page(access_handle_conversations)
def desk_book(request: HttpRequest) -> HttpResponse:
    form = request.POST
    try:
        start = _instant(form.get("start", ""))
        if start is None or not form.get("practitioner", "").isdigit():
            raise services.ActionRefused("Choose a free time in the calendar")
        patient = services.desk_patient(
            patient_id=int(form["patient"]) if form.get("patient", "").isdigit() else None,
            name=form.get("name", ""),
            phone=form.get("phone", ""),
            date_of_birth=query_date(form.get("date_of_birth")),
        )
        appointment, notified = services.desk_appointment_book(
            patient=patient,
            practitioner_id=int(form["practitioner"]),
            type_code=form.get("type", ""),
            start=start,
            user=request.user,
            notify=form.get("notify") == "yes",
        )
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
        kept = {key: form.get(key, "") for key in ("practitioner", "start", "q", "patient", "type")}
        return redirect(f"{reverse('staff_calendar_book')}?{urlencode(kept)}")
    messages.success(request, _done("Booked", appointment, notified))
    return _to_day(appointment)


@require_POST
@staff_page(access_handle_conversations)
def desk_appointment_move(request: HttpRequest, appointment_id: int) -> HttpResponse:
    start = _instant(request.POST.get("start_local", "")) or _instant(request.POST.get("start", ""))

    def move(**change):
        if start is None:
            raise services.ActionRefused("Choose the new time")
        return services.desk_appointment_move(start=start, **change)

    return _appointment_change(request, appointment_id, "Moved", move)


@require_POST
@staff_page(access_handle_conversations)
def desk_appointment_cancel(request: HttpRequest, appointment_id: int) -> HttpResponse:
    return _appointment_change(request, appointment_id, "Cancelled", services.desk_appointment_cancel)


def _appointment_change(request: HttpRequest, appointment_id: int, done: str, change) -> HttpResponse:
    """A move or a cancel from the calendar: the service decides; a refusal goes back to the
    appointment's page with the reason, a change to the day it now concerns."""
    appointment = get_object_or_404(Appointment, pk=appointment_id)
    try:
        changed, notified = change(
            appointment_id=appointment.pk,
            user=request.user,
            reason=request.POST.get("reason", ""),
            notify=request.POST.get("notify") == "yes",
        )
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
        return redirect("staff_calendar_appointment", appointment_id=appointment.pk)
    messages.success(request, _done(done, changed, notified))
    return _to_day(changed)


@require_GET
@staff_page(access_handle_conversations)
def patient_conversation(request: HttpRequest, patient_id: int) -> HttpResponse:
    """The WhatsApp conversation with the patient's number, from a calendar cell."""
    patient = get_object_or_404(Patient, pk=patient_id)
    conversation = (
        Conversation.objects.filter(phone_e164=patient.phone_e164).order_by("-last_inbound_at").first()
    )
    if conversation is None:
        return render(request, "conversations/staff/desk_no_conversation.html", {"patient": patient})
    return redirect("staff_conversation", conversation_id=conversation.pk)


def _done(verb: str, appointment: Appointment, notified: services.Notified | None) -> str:
    local = timezone.localtime(appointment.start)
    told = f" The patient was {'told' if notified.sent else 'not told'}: {notified.how}." if notified else ""
    return (
        f"{verb}: {appointment.patient.name}, {appointment.appointment_type} with "
        f"{appointment.practitioner.display_name} on {local:%A %d %B} at {local:%H:%M} "
        f"({timezone.get_current_timezone_name()} time).{told}"
    )


def _to_day(appointment: Appointment) -> HttpResponse:
    day = timezone.localdate(appointment.start)
    return redirect(f"{reverse('staff_calendar')}?{urlencode({'date': day.isoformat()})}")


def _instant(value: str) -> datetime | None:
    """An ISO instant; one without an offset is the clinic's wall-clock time."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.get_current_timezone())
