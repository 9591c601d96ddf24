"""Reads for conversations."""

import math
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, Exists, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from audit.models import TraceEvent
from conversations.models import Conversation, Escalation, InboundMessage, OutboundMessage, UnansweredQuestion
from conversations.understanding.text import fold


@dataclass(frozen=True)
class TranscriptEntry:
    at: datetime
    direction: str  # "in" or "out"
    text: str
    status: str = ""
    options: tuple[dict[str, str], ...] = ()
    voice: str = ""  # a voice note's mark: "Voice note · 3.7 s · confidence 83%"


def voice_mark(message: InboundMessage) -> str:
    """What staff read beside a voice note's transcript: its length, the engine's confidence
    (the words' mean probability) and, when it was not acted on, why."""
    if not message.voice_status:
        return ""
    voice = message.voice
    parts = ["Voice note"]
    if "duration" in voice:
        parts.append(f"{voice['duration']:.1f} s")
    if "avg_logprob" in voice:
        parts.append(f"confidence {math.exp(voice['avg_logprob']):.0%}")
    if message.voice_status != "transcribed":
        reason = voice.get("reason", "")
        parts.append(message.get_voice_status_display().lower() + (f" ({reason})" if reason else ""))
    return " · ".join(parts)


def transcript(*, conversation: Conversation, limit: int = 200) -> list[TranscriptEntry]:
    """Inbound and outbound messages of one conversation on one timeline, oldest first."""
    inbound = [
        TranscriptEntry(
            m.received_at, "in", m.text or m.button_text or f"[{m.get_kind_display()}]", voice=voice_mark(m)
        )
        for m in conversation.inbound_messages.order_by("-received_at")[:limit]
    ]
    outbound = [
        TranscriptEntry(m.created_at, "out", m.body or f"[template {m.template}]", m.status, tuple(m.options))
        for m in conversation.outbound_messages.order_by("-created_at")[:limit]
    ]
    return sorted(inbound + outbound, key=lambda entry: entry.at)[-limit:]


def transcript_for_phone(*, phone: str, channel: str = Conversation.Channel.TWILIO) -> list[TranscriptEntry]:
    conversation = Conversation.objects.filter(
        channel=channel, channel_user_id=phone.strip().lstrip("+")
    ).first()
    return transcript(conversation=conversation) if conversation else []


EMERGENCY_FIRST = Case(When(reason=Escalation.Reason.EMERGENCY, then=Value(0)), default=Value(1))


def escalation_queue() -> QuerySet[Escalation]:
    """Conversations waiting for or held by a person: emergencies first, then oldest first."""
    return (
        Escalation.objects.filter(status__in=[Escalation.Status.OPEN, Escalation.Status.CLAIMED])
        .select_related("conversation", "claimed_by")
        .annotate(priority=EMERGENCY_FIRST)
        .order_by("priority", "created_at")
    )


@dataclass(frozen=True)
class ConversationFilters:
    date_from: date | None = None
    date_to: date | None = None
    language: str = ""
    escalated: str = ""  # "yes" / "no" / ""
    outcome: str = ""  # a trace type such as APPOINTMENT_BOOKED, or ""
    handler: str = ""
    delivery: str = ""  # "failed": a reply that failed or went undelivered on or after date_from


def conversation_list(*, filters: ConversationFilters) -> QuerySet[Conversation]:
    conversations = Conversation.objects.annotate(
        messages=Count("inbound_messages", distinct=True),
        escalation_count=Count("escalations", distinct=True),
    ).order_by("-updated_at")
    if filters.date_from:
        conversations = conversations.filter(updated_at__date__gte=filters.date_from)
    if filters.date_to:
        conversations = conversations.filter(created_at__date__lte=filters.date_to)
    if filters.language:
        conversations = conversations.filter(language=filters.language)
    if filters.handler:
        conversations = conversations.filter(handler=filters.handler)
    if filters.escalated == "yes":
        conversations = conversations.filter(escalations__isnull=False).distinct()
    elif filters.escalated == "no":
        conversations = conversations.filter(escalations__isnull=True)
    if filters.outcome:
        conversations = conversations.filter(
            Exists(TraceEvent.objects.filter(conversation=OuterRef("pk"), type=filters.outcome))
        )
    if filters.delivery == "failed":
        failed = OutboundMessage.objects.filter(
            conversation=OuterRef("pk"),
            status__in=[OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED],
        )
        if filters.date_from:
            failed = failed.filter(updated_at__date__gte=filters.date_from)
        conversations = conversations.filter(Exists(failed))
    return conversations


def turn_latencies_ms(*, since: datetime, until: datetime) -> list[float]:
    """Bot replies' time from the patient's message arriving to the reply leaving."""
    rows = OutboundMessage.objects.filter(
        sent_by__isnull=True,
        in_reply_to__isnull=False,
        sent_at__isnull=False,
        created_at__gte=since,
        created_at__lt=until,
    ).values_list("sent_at", "in_reply_to__received_at")
    return [(sent - received).total_seconds() * 1000 for sent, received in rows]


def unanswered_top(*, since: datetime, until: datetime, limit: int = 10) -> list[tuple[str, str, int]]:
    """The questions patients asked most that no approved entry answered (text folded so
    "Parking?" and "parking" count together): (example text, language, count)."""
    groups: dict[str, list] = {}
    rows = UnansweredQuestion.objects.filter(
        created_at__gte=since, created_at__lt=until, resolved=False
    ).values_list("text", "language")
    for text, language in rows[:5000]:
        key = fold(text)
        if key:
            groups.setdefault(key, [text, language, 0])[2] += 1
    return sorted((tuple(g) for g in groups.values()), key=lambda g: -g[2])[:limit]


class InboxScope:
    MINE = "mine"
    UNASSIGNED = "unassigned"
    ALL = "all"
    CHOICES = ((MINE, "Mine"), (UNASSIGNED, "Unassigned"), (ALL, "All"))


def inbox_list(
    *, user, scope: str = InboxScope.ALL, reason: str = "", language: str = ""
) -> QuerySet[Escalation]:
    """The escalation queue (emergencies first, then the longest waiting) with what the inbox
    shows per row in one query: the last message each way, and how many of the patient's
    messages came after the clinic's last one (unread). `scope`: mine, unassigned or all."""
    queue = escalation_queue()
    if scope == InboxScope.MINE:
        queue = queue.filter(claimed_by=user)
    elif scope == InboxScope.UNASSIGNED:
        queue = queue.filter(status=Escalation.Status.OPEN)
    if reason:
        queue = queue.filter(reason=reason)
    if language:
        queue = queue.filter(conversation__language=language)
    inbound = InboundMessage.objects.filter(conversation=OuterRef("conversation")).order_by(
        "-received_at", "-id"
    )
    outbound = OutboundMessage.objects.filter(conversation=OuterRef("conversation")).order_by(
        "-created_at", "-id"
    )
    return queue.annotate(
        last_in_text=Subquery(inbound.values("text")[:1]),
        last_in_at=Subquery(inbound.values("received_at")[:1]),
        last_out_text=Subquery(outbound.values("body")[:1]),
        last_out_at=Subquery(outbound.values("created_at")[:1]),
    ).annotate(
        unread=Case(
            When(last_out_at__isnull=True, then=_inbound_count()),
            default=_inbound_count(received_at__gt=OuterRef("last_out_at")),
        )
    )


def _inbound_count(**after) -> Coalesce:
    counted = (
        InboundMessage.objects.filter(conversation=OuterRef("conversation"), **after)
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), Value(0))


def last_bot_options(*, conversation: Conversation, inbound: InboundMessage) -> list[dict]:
    """The options of the bot's last message (what a bare "1" or a button title answers),
    read once per inbound message however many readers ask (reminders, the waitlist)."""
    cached = getattr(conversation, "_last_bot_options", None)
    if cached is not None and cached[0] == inbound.pk:
        return cached[1]
    options = (
        conversation.outbound_messages.filter(sent_by__isnull=True)
        .order_by("-created_at", "-id")
        .values_list("options", flat=True)
        .first()
    ) or []
    conversation._last_bot_options = (inbound.pk, options)
    return options
