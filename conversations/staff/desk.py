"""Reception's desk on the calendar (mounted under /staff/calendar/ by conversations.staff.urls):
book a free slot for a patient who phones in, move or cancel an appointment, and tell the
patient on WhatsApp. The grid itself is scheduling's (scheduling.views); these pages live
here because they may message the patient, and scheduling never talks to patients."""

from datetime import date, datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clinicbot.access import access_handle_conversations
from clinicbot.staff import query_date, staff_page
from conversations.models import Conversation
from conversations.staff import services
from scheduling import services as calendar
from scheduling.exceptions import SchedulingError
from scheduling.grid import slot_type_fits
from scheduling.models import Appointment, Patient, Practitioner
from scheduling.patients import patient_search
from scheduling.selectors import appointment_inside_notice, clinic_get


@require_http_methods(["GET", "POST"])
@staff_page(access_handle_conversations)
def desk_book(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    practitioner = get_object_or_404(Practitioner, pk=_int(data.get("practitioner")) or 0, active=True)
    start = _instant(data.get("start", ""))
    if start is None:
        return redirect("staff_calendar")
    error = ""
    if request.method == "POST":
        try:
            return _book(request, practitioner, start)
        except services.ActionRefused as exc:
            error = str(exc)
    context = _book_context(request, practitioner, start) | {"error": error}
    return render(request, "conversations/staff/desk_book.html", context, status=400 if error else 200)


def _book(request: HttpRequest, practitioner: Practitioner, start: datetime) -> HttpResponse:
    patient = services.desk_patient(
        patient_id=_int(request.POST.get("patient")),
        name=request.POST.get("name", ""),
        phone=request.POST.get("phone", ""),
        date_of_birth=query_date(request.POST.get("date_of_birth")),
    )
    appointment, notified = services.desk_appointment_book(
        patient=patient,
        practitioner_id=practitioner.pk,
        type_code=request.POST.get("type", ""),
        start=start,
        user=request.user,
        notify=request.POST.get("notify") == "yes",
    )
    messages.success(request, _done("Booked", appointment, notified))
    return _to_day(appointment)


def _book_context(request: HttpRequest, practitioner: Practitioner, start: datetime) -> dict:
    query = request.GET.get("q", "") if request.method == "GET" else request.POST.get("q", "")
    return {
        "practitioner": practitioner,
        "start": start,
        "fits": slot_type_fits(
            clinic=clinic_get(), practitioner=practitioner, start=start, now=timezone.now()
        ),
        "q": query,
        "found": patient_search(query=query),
        "chosen": _int(request.POST.get("patient")),
        "posted": request.POST,
        "zone": timezone.get_current_timezone_name(),
    }


@require_GET
@staff_page(access_handle_conversations)
def desk_patient_search(request: HttpRequest) -> HttpResponse:
    """The patient list of the booking form, for htmx as the receptionist types."""
    context = {"found": patient_search(query=request.GET.get("q", "")), "q": request.GET.get("q", "")}
    return render(request, "conversations/staff/desk_book.html#patients", context)


@require_GET
@staff_page(access_handle_conversations)
def desk_appointment(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = get_object_or_404(
        Appointment.objects.select_related("patient", "practitioner", "appointment_type", "location"),
        pk=appointment_id,
    )
    return render(
        request, "conversations/staff/desk_appointment.html", _appointment_context(request, appointment)
    )


def _appointment_context(request: HttpRequest, appointment: Appointment, **extra) -> dict:
    clinic = clinic_get()
    day = query_date(request.GET.get("date")) or max(
        timezone.localdate(), timezone.localdate(appointment.start)
    )
    slots = []
    if appointment.status == Appointment.Status.BOOKED:
        try:
            slots = calendar.slot_list_available(
                practitioner=appointment.practitioner,
                appointment_type=appointment.appointment_type,
                replacing=appointment,
                date_from=day,
                limit=12,
            )
        except SchedulingError:
            slots = []
    return {
        "appointment": appointment,
        "inside_notice": appointment_inside_notice(
            appointment=appointment, clinic=clinic, now=timezone.now()
        ),
        "notice_hours": clinic.policy.cancellation_notice_hours if clinic else 24,
        "slots": [slot for slot in slots if slot.start != appointment.start],
        "day": day,
        "zone": timezone.get_current_timezone_name(),
        **extra,
    }


@require_POST
@staff_page(access_handle_conversations)
def desk_appointment_move(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = get_object_or_404(Appointment, pk=appointment_id)
    start = _instant(request.POST.get("start_local", "")) or _instant(request.POST.get("start", ""))
    try:
        if start is None:
            raise services.ActionRefused("Choose the new time")
        moved, notified = services.desk_appointment_move(
            appointment_id=appointment.pk,
            start=start,
            user=request.user,
            reason=request.POST.get("reason", ""),
            notify=request.POST.get("notify") == "yes",
        )
    except services.ActionRefused as exc:
        return _refused(request, appointment, str(exc))
    messages.success(request, _done("Moved", moved, notified))
    return _to_day(moved)


@require_POST
@staff_page(access_handle_conversations)
def desk_appointment_cancel(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = get_object_or_404(Appointment, pk=appointment_id)
    try:
        cancelled, notified = services.desk_appointment_cancel(
            appointment_id=appointment.pk,
            user=request.user,
            reason=request.POST.get("reason", ""),
            notify=request.POST.get("notify") == "yes",
        )
    except services.ActionRefused as exc:
        return _refused(request, appointment, str(exc))
    messages.success(request, _done("Cancelled", cancelled, notified))
    return _to_day(cancelled)


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


def _refused(request: HttpRequest, appointment: Appointment, error: str) -> HttpResponse:
    appointment.refresh_from_db()
    context = _appointment_context(request, appointment, error=error, posted=request.POST)
    return render(request, "conversations/staff/desk_appointment.html", context, status=400)


def _done(verb: str, appointment: Appointment, notified: services.Notified | None) -> str:
    local = timezone.localtime(appointment.start)
    told = f" The patient was {'told' if notified.sent else 'not told'}: {notified.how}." if notified else ""
    return (
        f"{verb}: {appointment.patient.name}, {appointment.appointment_type} with "
        f"{appointment.practitioner.display_name} on {local:%A %d %B} at {local:%H:%M} "
        f"({timezone.get_current_timezone_name()} time).{told}"
    )


def _to_day(appointment: Appointment) -> HttpResponse:
    day: date = timezone.localdate(appointment.start)
    return redirect(f"{reverse('staff_calendar')}?{urlencode({'date': day.isoformat()})}")


def _instant(value: str) -> datetime | None:
    """An ISO instant; one without an offset is the clinic's wall-clock time."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.get_current_timezone())
    return parsed


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
