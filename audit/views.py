"""Audit's staff pages (mounted under /staff/ by clinicbot.urls): a conversation's replay,
as a page or a JSON export, and the outcome metrics. What other apps own (messages,
latencies, unanswered questions) comes through audit.registry, never by import."""

from datetime import UTC, timedelta

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from audit import registry, selectors
from audit.registry import (
    REPLY_LATENCIES_MS,
    UNANSWERED_QUESTIONS,
    ConversationHeader,
    TimelineItem,
    conversation_header,
    metric_read,
)
from clinicbot import charts
from clinicbot.access import OPERATIONS_LEAD, access_metrics, access_replay, user_clinic_ids
from clinicbot.staff import staff_page
from clinicbot.tenancy import clinic_scope


@require_GET
@staff_page(access_replay)
def conversation_replay(request: HttpRequest, conversation_id: int) -> HttpResponse:
    header = conversation_header(conversation_id=conversation_id)
    if header is None:
        raise Http404
    timeline = selectors.conversation_replay(conversation_id=conversation_id)
    if request.GET.get("format") == "json":
        return _replay_export(conversation_id, header, timeline)
    context = {"conversation_id": conversation_id, "header": header, "timeline": timeline}
    return render(request, "audit/replay.html", context)


def _replay_export(
    conversation_id: int, header: ConversationHeader, timeline: list[TimelineItem]
) -> JsonResponse:
    payload = {
        "conversation": header.export,
        "timeline": [
            {"at": item.at.isoformat(), "kind": item.kind, "title": item.title, "detail": item.detail}
            for item in timeline
        ],
    }
    response = JsonResponse(payload, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="conversation-{conversation_id}.json"'
    return response


@require_GET
@staff_page(access_metrics)
def metrics(request: HttpRequest) -> HttpResponse:
    """The request's clinic's figures; with `?group=1`, those of every clinic the user leads
    operations at, together (days in UTC then, the clinics' clocks may differ)."""
    clinics = user_clinic_ids(request.user, roles=(OPERATIONS_LEAD,))
    if request.GET.get("group") != "1":
        return _metrics_page(request, clinics=clinics, group=False)
    with clinic_scope(tuple(clinics)), timezone.override(UTC):
        return _metrics_page(request, clinics=clinics, group=True)


def _metrics_page(request: HttpRequest, *, clinics: list[int], group: bool) -> HttpResponse:
    now, today = timezone.now(), timezone.localdate()
    days = selectors.metrics_by_day(today=today, days=14)
    weeks = selectors.metrics_by_week(today=today, weeks=6)
    latencies = sorted(metric_read(name=REPLY_LATENCIES_MS, since=now - timedelta(days=7), until=now))
    context = {
        "group": group,
        "group_size": len(clinics),
        "days": days,
        "weeks": weeks,
        "week": weeks[-1],
        "latency_p50": _percentile(latencies, 50),
        "latency_p95": _percentile(latencies, 95),
        "latency_count": len(latencies),
        **_charts(days, weeks[-1]),
        "unanswered": metric_read(name=UNANSWERED_QUESTIONS, since=now - timedelta(days=14), until=now),
        "reasons": [
            (registry.words_for(kind=registry.ESCALATION_REASON, code=code), count)
            for code, count in sorted(
                sum((d.escalation_reasons for d in days), start=type(weeks[-1].escalation_reasons)()).items(),
                key=lambda item: -item[1],
            )
        ],
    }
    return render(request, "audit/metrics.html", context)


def _charts(days: list[selectors.PeriodMetrics], week: selectors.PeriodMetrics) -> dict:
    labels = [d.label.split(" ", 1)[1] for d in days]
    return {
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
        "funnel_chart": charts.funnel(
            [(selectors.FUNNEL_WORDS[state], count) for state, count in week.funnel.items()]
        ),
    }


def _percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]
