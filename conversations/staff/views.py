"""Reception's conversation pages (htmx; every partial is also a plain page): the
escalation queue, the conversation list and the conversation workspace."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from audit.models import StaffAction, TraceEvent
from clinicbot.access import access_handle_conversations, access_replay
from clinicbot.staff import query_date, staff_page
from conversations import escalations as handoff
from conversations import selectors
from conversations.clinic import clinic_context
from conversations.models import CannedReply, Conversation, Escalation, Language
from conversations.staff import services
from scheduling.exceptions import SchedulingError
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from scheduling.selectors import clinic_get
from scheduling.services import patient_find


@require_POST
@staff_page(access_handle_conversations)
def escalation_claim(request: HttpRequest, escalation_id: int) -> HttpResponse:
    escalation = get_object_or_404(Escalation, pk=escalation_id)
    try:
        handoff.escalation_claim(escalation_id=escalation.pk, user=request.user)
    except handoff.AlreadyClaimed as exc:
        response = render(
            request, "conversations/staff/escalations.html#claim-refused", {"message": str(exc)}, status=409
        )
        return trigger_client_event(response, "queue-changed")
    return _to_conversation(request, escalation.conversation_id)


@require_GET
@staff_page(access_replay)
def conversation_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.ConversationFilters(
        date_from=query_date(request.GET.get("from")),
        date_to=query_date(request.GET.get("to")),
        language=request.GET.get("language", "") if request.GET.get("language") in Language.values else "",
        escalated=request.GET.get("escalated", "") if request.GET.get("escalated") in ("yes", "no") else "",
        outcome=request.GET.get("outcome", "") if request.GET.get("outcome") in OUTCOMES else "",
        handler=request.GET.get("handler", "")
        if request.GET.get("handler") in Conversation.Handler.values
        else "",
        delivery="failed" if request.GET.get("delivery") == "failed" else "",
    )
    page = Paginator(selectors.conversation_list(filters=filters), 50).get_page(request.GET.get("page"))
    template = (
        "conversations/staff/conversations.html#results"
        if request.htmx
        else "conversations/staff/conversations.html"
    )
    return render(
        request,
        template,
        {
            "page": page,
            "filters": filters,
            "languages": Language.choices,
            "outcomes": OUTCOMES,
            "handlers": Conversation.Handler.choices,
            "query": request.GET.urlencode(),
        },
    )


OUTCOMES = {
    "APPOINTMENT_BOOKED": "Booked",
    "APPOINTMENT_RESCHEDULED": "Rescheduled",
    "APPOINTMENT_CANCELLED": "Cancelled",
    "EMERGENCY_DETECTED": "Emergency",
    "ESCALATED_TO_HUMAN": "Escalated",
}


@require_GET
@staff_page(access_replay)
def conversation_detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation.objects.select_related("assigned_to"), pk=conversation_id)
    context = _conversation_context(request, conversation)
    template = (
        "conversations/staff/conversation.html#transcript"
        if request.htmx
        else "conversations/staff/conversation.html"
    )
    return render(request, template, context)


def _conversation_context(request: HttpRequest, conversation: Conversation, **extra) -> dict:
    patient = _patient(conversation)
    return {
        "patient": patient,
        "appointments": Appointment.objects.filter(
            patient=patient, start__gte=timezone.now() - timedelta(days=1)
        )
        .select_related("practitioner", "appointment_type", "location")
        .order_by("start")
        if patient
        else [],
        "practitioners": Practitioner.objects.filter(active=True).order_by("display_name"),
        "types": AppointmentType.objects.filter(active=True).order_by("id"),
        "canned": CannedReply.objects.filter(
            active=True, language=conversation.language or clinic_context().default_language
        ),
        "bot_actions": _bot_actions(conversation),
        "conversation": conversation,
        "transcript": selectors.transcript(conversation=conversation),
        "escalation": conversation.escalations.filter(
            status__in=[Escalation.Status.OPEN, Escalation.Status.CLAIMED]
        ).first(),
        "window_open": conversation.window_open(now=timezone.now()),
        "now": timezone.now(),
        "can_handle": access_handle_conversations(request.user),
        **extra,
    }


@require_POST
@staff_page(access_handle_conversations)
def conversation_reply(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    error, status = "", 200
    try:
        if conversation.assigned_to_id != request.user.pk:
            handoff.conversation_take_over(conversation_id=conversation.pk, user=request.user)
        handoff.staff_reply(
            conversation_id=conversation.pk, user=request.user, text=request.POST.get("text", "")
        )
    except handoff.AlreadyClaimed as exc:
        error, status = str(exc), 409
    except (handoff.WindowClosed, ValueError) as exc:
        error, status = str(exc), 400
    conversation.refresh_from_db()
    if not request.htmx and not error:
        return redirect("staff_conversation", conversation_id=conversation.pk)
    context = _conversation_context(request, conversation, reply_error=error)
    template = "conversations/staff/conversation.html" + ("#workspace" if request.htmx else "")
    return render(request, template, context, status=status)


def _patient(conversation: Conversation) -> Patient | None:
    if not conversation.phone_e164:
        return None
    try:
        return patient_find(phone=conversation.phone_e164)
    except SchedulingError:
        return Patient.objects.filter(phone_e164=conversation.phone_e164).order_by("-id").first()


BOT_ACTION_WORDS = {
    TraceEvent.Type.APPOINTMENT_BOOKED: "Booked an appointment",
    TraceEvent.Type.APPOINTMENT_CANCELLED: "Cancelled an appointment",
    TraceEvent.Type.APPOINTMENT_RESCHEDULED: "Moved an appointment",
}


def _bot_actions(conversation: Conversation) -> list[dict]:
    undone = set(
        StaffAction.objects.filter(action="undo", conversation_id=conversation.pk).values_list(
            "detail__trace_event_id", flat=True
        )
    )
    return [
        {"event": event, "undone": event.pk in undone, "label": BOT_ACTION_WORDS.get(event.type, event.type)}
        for event in TraceEvent.objects.filter(
            conversation=conversation, actor="bot", type__in=services.UNDOABLE
        ).order_by("created_at")
    ]


def _clinic_time(value: str) -> datetime | None:
    clinic = clinic_get()
    try:
        naive = datetime.fromisoformat(value)
    except ValueError:
        return None
    return naive.replace(tzinfo=ZoneInfo(clinic.time_zone)) if clinic else None


def _after_action(request: HttpRequest, conversation: Conversation, error: str = "") -> HttpResponse:
    if request.htmx:
        context = _conversation_context(request, conversation, action_error=error)
        response = render(
            request,
            "conversations/staff/conversation.html#appointments",
            context,
            status=400 if error else 200,
        )
        return trigger_client_event(response, "appointments-changed") if not error else response
    if error:
        messages.error(request, error)
    return redirect("staff_conversation", conversation_id=conversation.pk)


@require_POST
@staff_page(access_handle_conversations)
def appointment_cancel(request: HttpRequest, conversation_id: int, appointment_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    try:
        services.staff_appointment_cancel(
            appointment_id=appointment_id,
            user=request.user,
            reason=request.POST.get("reason", ""),
            conversation_id=conversation.pk,
        )
    except services.NotInConversation as exc:
        raise Http404("No such appointment in this conversation") from exc
    except services.ActionRefused as exc:
        return _after_action(request, conversation, str(exc))
    return _after_action(request, conversation)


@require_POST
@staff_page(access_handle_conversations)
def appointment_reschedule(request: HttpRequest, conversation_id: int, appointment_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    start = _clinic_time(request.POST.get("start", ""))
    try:
        if start is None:
            raise services.ActionRefused("Choose the new date and time")
        services.staff_appointment_reschedule(
            appointment_id=appointment_id, user=request.user, start=start, conversation_id=conversation.pk
        )
    except services.NotInConversation as exc:
        raise Http404("No such appointment in this conversation") from exc
    except services.ActionRefused as exc:
        return _after_action(request, conversation, str(exc))
    return _after_action(request, conversation)


@require_POST
@staff_page(access_handle_conversations)
def appointment_book(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    patient = _patient(conversation)
    start = _clinic_time(request.POST.get("start", ""))
    try:
        if patient is None:
            raise services.ActionRefused(
                "No patient record matches this number; create it in the admin first"
            )
        if start is None or not request.POST.get("practitioner", "").isdigit():
            raise services.ActionRefused("Choose the practitioner, the type and the date and time")
        services.staff_appointment_book(
            patient_id=patient.pk,
            practitioner_id=int(request.POST["practitioner"]),
            type_code=request.POST.get("type", ""),
            start=start,
            user=request.user,
            conversation_id=conversation.pk,
        )
    except services.NotInConversation as exc:
        raise Http404("No such patient in this conversation") from exc
    except services.ActionRefused as exc:
        return _after_action(request, conversation, str(exc))
    return _after_action(request, conversation)


@require_POST
@staff_page(access_handle_conversations)
def bot_action_undo(request: HttpRequest, trace_event_id: int) -> HttpResponse:
    event = get_object_or_404(TraceEvent, pk=trace_event_id)
    conversation = get_object_or_404(Conversation, pk=event.conversation_id)
    try:
        services.bot_action_undo(
            trace_event_id=event.pk, user=request.user, reason=request.POST.get("reason", "")
        )
    except services.ActionRefused as exc:
        return _after_action(request, conversation, str(exc))
    return _after_action(request, conversation)


@require_POST
@staff_page(access_handle_conversations)
def conversation_take_over(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    try:
        handoff.conversation_take_over(conversation_id=conversation.pk, user=request.user)
    except handoff.AlreadyClaimed as exc:
        context = _conversation_context(request, conversation, claim_error=str(exc))
        return render(request, "conversations/staff/conversation.html", context, status=409)
    return redirect("staff_conversation", conversation_id=conversation.pk)


@require_POST
@staff_page(access_handle_conversations)
def conversation_hand_back(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    handoff.conversation_hand_back(
        conversation_id=conversation.pk, user=request.user, note=request.POST.get("note", "")
    )
    return _to_conversation(request, conversation.pk)


def _to_conversation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """To the conversation page: htmx follows a client redirect, a plain form a 302."""
    if request.htmx:
        return HttpResponseClientRedirect(reverse("staff_conversation", args=[conversation_id]))
    return redirect("staff_conversation", conversation_id=conversation_id)
