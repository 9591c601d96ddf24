"""Conversation replay and outcome metrics. Audit reads its own tables (trace events, staff
actions); what other apps own arrives through audit.registry (audit depends on no app)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count

from audit.models import StaffAction, TraceEvent
from audit.registry import KINDS, TimelineItem, timeline_items

T = TraceEvent.Type
# The booking machine's states in the order a booking passes them, and what each means.
FUNNEL = [
    "START",
    "PATIENT_IDENTIFICATION",
    "PREFERENCES",
    "AVAILABILITY_SELECTION",
    "WAITING_CONFIRMATION",
    "COMPLETE",
]
FUNNEL_WORDS = {
    "START": "Started a booking",
    "PATIENT_IDENTIFICATION": "Said who the patient is",
    "PREFERENCES": "Said what and when",
    "AVAILABILITY_SELECTION": "Were offered times",
    "WAITING_CONFIRMATION": "Chose a time",
    "COMPLETE": "Booked",
}
# USD per million tokens for the default model (Claude Haiku 4.5); override per deployment.
PRICES = {"input": 1.00, "output": 5.00, "cache_read": 0.10, "cache_creation": 1.25}


@dataclass
class PeriodMetrics:
    label: str
    start: date
    conversations: int = 0
    fully_automated: int = 0
    escalated_after_partial: int = 0
    escalated_at_once: int = 0
    booked: int = 0
    rescheduled: int = 0
    cancelled: int = 0
    no_availability: int = 0
    sessions_started: int = 0
    sessions_completed: int = 0
    emergencies: int = 0
    tokens: Counter = field(default_factory=Counter)
    escalation_reasons: Counter = field(default_factory=Counter)
    funnel: dict[str, int] = field(default_factory=dict)

    @property
    def completion_rate(self) -> float | None:
        return self.sessions_completed / self.sessions_started if self.sessions_started else None

    @property
    def cost_usd(self) -> float:
        return sum(self.tokens[kind] * price for kind, price in PRICES.items()) / 1_000_000


def _automation(events: list[tuple[int, str]]) -> str:
    """'fully_automated', 'escalated_at_once' or 'escalated_after_partial' for one
    conversation's (order, type) events inside the period."""
    incoming = 0
    for _, kind in sorted(events):
        if kind == T.INCOMING_MESSAGE:
            incoming += 1
        elif kind == T.ESCALATED_TO_HUMAN:
            return "escalated_at_once" if incoming <= 1 else "escalated_after_partial"
    return "fully_automated"


def metrics_for_period(*, start: datetime, end: datetime, label: str) -> PeriodMetrics:
    """Aggregate the trace events in [start, end) into one period's figures."""
    metrics = PeriodMetrics(label=label, start=start.date())
    events = TraceEvent.objects.filter(created_at__gte=start, created_at__lt=end)
    per_conversation: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pk, conversation_id, kind in events.filter(
        type__in=[T.INCOMING_MESSAGE, T.ESCALATED_TO_HUMAN]
    ).values_list("pk", "conversation_id", "type"):
        per_conversation[conversation_id].append((pk, kind))
    talking = [evs for evs in per_conversation.values() if any(k == T.INCOMING_MESSAGE for _, k in evs)]
    metrics.conversations = len(talking)
    for evs in talking:
        kind = _automation(evs)
        setattr(metrics, kind, getattr(metrics, kind) + 1)

    counts = dict(events.values_list("type").annotate(n=Count("id")).values_list("type", "n"))
    metrics.booked = counts.get(T.APPOINTMENT_BOOKED, 0)
    metrics.rescheduled = counts.get(T.APPOINTMENT_RESCHEDULED, 0)
    metrics.cancelled = counts.get(T.APPOINTMENT_CANCELLED, 0)
    metrics.emergencies = counts.get(T.EMERGENCY_DETECTED, 0)

    reached: dict[str, set[int]] = defaultdict(set)
    for session_id, payload in events.filter(type=T.STATE_TRANSITION).values_list(
        "booking_session_id", "payload"
    ):
        if payload.get("flow", "book") != "book":
            continue
        reached[payload.get("to", "")].add(session_id)
        if payload.get("reason") == "no_availability":
            metrics.no_availability += 1
    # A session counts at every step up to the furthest it reached (a known patient skips
    # "who is it" but has passed it), so the funnel never goes back up.
    passed: set[int] = set()
    at_least = {}
    for state in reversed(FUNNEL):
        passed |= reached[state]
        at_least[state] = len(passed)
    metrics.funnel = {state: at_least[state] for state in FUNNEL}
    started = set().union(*(reached[state] for state in FUNNEL)) if reached else set()
    metrics.sessions_started = len(started)
    metrics.sessions_completed = len(reached["COMPLETE"])

    for payload in events.filter(type=T.INTENT_CLASSIFIED).values_list("payload", flat=True):
        for kind, value in (payload.get("usage") or {}).items():
            if kind in PRICES and isinstance(value, int | float):
                metrics.tokens[kind] += value
    for payload in events.filter(type=T.ESCALATED_TO_HUMAN).values_list("payload", flat=True):
        metrics.escalation_reasons[payload.get("reason", "unknown")] += 1
    return metrics


def metrics_by_day(*, today: date, days: int) -> list[PeriodMetrics]:
    return [
        _period(today - timedelta(days=offset), 1, f"{today - timedelta(days=offset):%a %d %b}")
        for offset in range(days - 1, -1, -1)
    ]


def metrics_by_week(*, today: date, weeks: int) -> list[PeriodMetrics]:
    monday = today - timedelta(days=today.weekday())
    return [
        _period(monday - timedelta(weeks=offset), 7, f"week of {monday - timedelta(weeks=offset):%d %b}")
        for offset in range(weeks - 1, -1, -1)
    ]


def _period(first_day: date, days: int, label: str) -> PeriodMetrics:
    from django.utils import timezone

    start = datetime.combine(first_day, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    return metrics_for_period(start=start, end=start + timedelta(days=days), label=label)


def conversation_replay(*, conversation_id: int) -> list[TimelineItem]:
    """One conversation on one timeline: the registered sources' items (its messages), the
    bot's trace events and staff actions, in time order; at one instant, in KINDS order."""
    items = timeline_items(conversation_id=conversation_id)
    items += [
        TimelineItem(event.created_at, "trace", event.type, {"actor": event.actor, **event.payload})
        for event in TraceEvent.objects.filter(conversation_id=conversation_id)
    ]
    items += [
        TimelineItem(
            action.created_at,
            "staff",
            action.action,
            {"user": action.user.get_username() if action.user else None, **action.detail},
        )
        for action in StaffAction.objects.filter(conversation_id=conversation_id).select_related("user")
    ]
    rank = {kind: position for position, kind in enumerate(KINDS)}
    return sorted(items, key=lambda item: (item.at, rank[item.kind]))
