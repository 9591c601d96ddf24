"""Staff workspace: the escalation queue, conversations, replay and metrics (htmx pages)."""

from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from audit import selectors as audit_selectors
from clinicbot import charts
from clinicbot.access import access_handle_conversations, access_metrics, access_replay, access_staff_area
from conversations import handoff, selectors
from conversations.models import Conversation, Escalation, Language, OutboundMessage


def staff_page(access: Callable) -> Callable:
    """Login required; then the access function decides, and a refusal is a whole 403."""

    def decorate(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not access(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


@require_GET
@staff_page(access_staff_area)
def home(request: HttpRequest) -> HttpResponse:
    queue = selectors.escalation_queue()
    today = timezone.localdate()
    context = {
        "waiting": queue.filter(status=Escalation.Status.OPEN).count(),
        "emergencies": queue.filter(reason=Escalation.Reason.EMERGENCY).count(),
        "mine": queue.filter(claimed_by=request.user).select_related("conversation"),
        "failed_today": OutboundMessage.objects.filter(
            status__in=[OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED],
            updated_at__date=today,
        ).count(),
        "conversations_today": Conversation.objects.filter(last_inbound_at__date=today).count(),
        "can_handle": access_handle_conversations(request.user),
        "can_see_metrics": access_metrics(request.user),
    }
    return render(request, "staff/home.html", context)


@require_GET
@staff_page(access_handle_conversations)
def escalations(request: HttpRequest) -> HttpResponse:
    template = "staff/escalations.html#queue" if request.htmx else "staff/escalations.html"
    return render(request, template, {"queue": selectors.escalation_queue(), "now": timezone.now()})


@require_POST
@staff_page(access_handle_conversations)
def escalation_claim(request: HttpRequest, escalation_id: int) -> HttpResponse:
    escalation = get_object_or_404(Escalation, pk=escalation_id)
    try:
        handoff.escalation_claim(escalation_id=escalation.pk, user=request.user)
    except handoff.AlreadyClaimed as exc:
        response = render(request, "staff/escalations.html#claim-refused", {"message": str(exc)}, status=409)
        return trigger_client_event(response, "queue-changed")
    url = f"/staff/conversations/{escalation.conversation_id}/"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_GET
@staff_page(access_replay)
def conversation_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.ConversationFilters(
        date_from=_date(request.GET.get("from")),
        date_to=_date(request.GET.get("to")),
        language=request.GET.get("language", "") if request.GET.get("language") in Language.values else "",
        escalated=request.GET.get("escalated", "") if request.GET.get("escalated") in ("yes", "no") else "",
        outcome=request.GET.get("outcome", "") if request.GET.get("outcome") in OUTCOMES else "",
        handler=request.GET.get("handler", "")
        if request.GET.get("handler") in Conversation.Handler.values
        else "",
    )
    page = Paginator(selectors.conversation_list(filters=filters), 50).get_page(request.GET.get("page"))
    template = "staff/conversations.html#results" if request.htmx else "staff/conversations.html"
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


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@require_GET
@staff_page(access_replay)
def conversation_detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation.objects.select_related("assigned_to"), pk=conversation_id)
    context = _conversation_context(request, conversation)
    template = "staff/conversation.html#transcript" if request.htmx else "staff/conversation.html"
    return render(request, template, context)


def _conversation_context(request: HttpRequest, conversation: Conversation, **extra) -> dict:
    return {
        "conversation": conversation,
        "transcript": selectors.transcript(conversation=conversation),
        "escalation": conversation.escalations.filter(
            status__in=[Escalation.Status.OPEN, Escalation.Status.CLAIMED]
        ).first(),
        "window_open": conversation.window_open(now=timezone.now()),
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
    except (handoff.WindowClosed, ValueError, handoff.AlreadyClaimed) as exc:
        error, status = str(exc), 400
    conversation.refresh_from_db()
    if not request.htmx:
        return redirect(f"/staff/conversations/{conversation.pk}/")
    context = _conversation_context(request, conversation, reply_error=error)
    return render(request, "staff/conversation.html#workspace", context, status=status)


@require_POST
@staff_page(access_handle_conversations)
def conversation_take_over(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    try:
        handoff.conversation_take_over(conversation_id=conversation.pk, user=request.user)
    except handoff.AlreadyClaimed as exc:
        return HttpResponse(str(exc), status=409)
    return redirect(f"/staff/conversations/{conversation.pk}/")


@require_POST
@staff_page(access_handle_conversations)
def conversation_hand_back(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    handoff.conversation_hand_back(
        conversation_id=conversation.pk, user=request.user, note=request.POST.get("note", "")
    )
    url = f"/staff/conversations/{conversation.pk}/"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_GET
@staff_page(access_replay)
def conversation_replay(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=conversation_id)
    timeline = selectors.conversation_replay(conversation=conversation)
    if request.GET.get("format") == "json":
        payload = {
            "conversation": {
                "id": conversation.pk,
                "language": conversation.language,
                "handler": conversation.handler,
                "created_at": conversation.created_at.isoformat(),
            },
            "timeline": [
                {"at": item.at.isoformat(), "kind": item.kind, "title": item.title, "detail": item.detail}
                for item in timeline
            ],
        }
        response = JsonResponse(payload, json_dumps_params={"indent": 2, "ensure_ascii": False})
        response["Content-Disposition"] = f'attachment; filename="conversation-{conversation.pk}.json"'
        return response
    return render(request, "staff/replay.html", {"conversation": conversation, "timeline": timeline})


@require_GET
@staff_page(access_metrics)
def metrics(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    days = audit_selectors.metrics_by_day(today=today, days=14)
    weeks = audit_selectors.metrics_by_week(today=today, weeks=6)
    since = timezone.now() - timedelta(days=7)
    latencies = sorted(selectors.turn_latencies_ms(since=since, until=timezone.now()))
    week = weeks[-1]
    labels = [d.label.split(" ", 1)[1] for d in days]
    context = {
        "days": days,
        "weeks": weeks,
        "week": week,
        "latency_p50": _percentile(latencies, 50),
        "latency_p95": _percentile(latencies, 95),
        "latency_count": len(latencies),
        "automation_chart": charts.stacked_bars(
            labels,
            {
                "fully automated": [d.fully_automated for d in days],
                "escalated after partial automation": [d.escalated_after_partial for d in days],
                "escalated at once": [d.escalated_at_once for d in days],
            },
        ),
        "outcome_chart": charts.stacked_bars(
            labels,
            {
                "booked": [d.booked for d in days],
                "rescheduled": [d.rescheduled for d in days],
                "cancelled": [d.cancelled for d in days],
            },
        ),
        "funnel_chart": charts.funnel(list(week.funnel.items())),
        "reasons": sorted(
            sum((d.escalation_reasons for d in days), start=type(week.escalation_reasons)()).items(),
            key=lambda item: -item[1],
        ),
    }
    return render(request, "staff/metrics.html", context)


def _percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]
