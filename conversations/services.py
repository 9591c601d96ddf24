"""Writes for conversations: receive, process, reply, send, escalate."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from audit.models import TraceEvent
from audit.services import trace_batch, trace_record
from conversations.channels import outbound_channel
from conversations.channels.base import ChannelError, IncomingMessage, OutgoingMessage, SendResult
from conversations.channels.twilio_whatsapp import OPTED_OUT, WINDOW_CLOSED
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.models import (
    STATUS_RANK,
    Conversation,
    Escalation,
    InboundMessage,
    OutboundMessage,
    mask,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reply:
    """One message the bot decided to send; `options` become buttons or a numbered list."""

    text: str
    options: list[dict[str, str]] = field(default_factory=list)
    content_sid: str = ""
    content_variables: dict[str, str] = field(default_factory=dict)


def inbound_receive(*, message: IncomingMessage) -> InboundMessage | None:
    """Store one inbound message exactly once and enqueue its processing after commit.

    Returns None for a provider message id already stored (a webhook retry): nothing else
    happens. Reads the conversation (creating it on first contact) and inserts one row, so
    the acknowledgement never waits on a worker holding the conversation lock.
    """
    from conversations.tasks import conversation_process_task

    conversation_id = (
        Conversation.objects.filter(
            channel=Conversation.Channel.WHATSAPP, channel_user_id=message.channel_user_id
        )
        .values_list("pk", flat=True)
        .first()
    )
    if conversation_id is None:
        conversation_id = Conversation.objects.get_or_create(
            channel=Conversation.Channel.WHATSAPP,
            channel_user_id=message.channel_user_id,
            defaults={"phone_e164": message.phone_e164, "profile_name": message.profile_name},
        )[0].pk
    fields = dict(
        conversation_id=conversation_id,
        provider_message_id=message.provider_message_id,
        kind=message.kind,
        text=message.text,
        button_payload=message.button_payload,
        button_text=message.button_text,
        media=message.media,
        location=message.location,
        reply_to_provider_id=message.reply_to_provider_id,
        raw_payload=message.raw_payload,
    )
    try:
        # On the webhook path the INSERT is its own transaction; a savepoint is needed
        # only when a caller already holds one (a duplicate must not poison it).
        if connection.in_atomic_block:
            with transaction.atomic():
                inbound = InboundMessage.objects.create(**fields)
        else:
            inbound = InboundMessage.objects.create(**fields)
    except IntegrityError:
        logger.info("duplicate inbound %s dropped", message.provider_message_id)
        return None
    transaction.on_commit(lambda: task_enqueue(conversation_process_task, conversation_id))
    return inbound


def task_enqueue(task, *args: int, countdown: float | None = None) -> bool:
    """Hand work to the broker. When the broker is down, log and return False: the row is
    already in the database and a periodic sweep finds it, so the caller (a webhook that
    must answer at once, a worker mid-turn) carries on instead of failing."""
    try:
        task.apply_async(args, countdown=countdown)
    except OperationalError:
        logger.warning("broker unavailable; %s%r left to the sweep", task.name.rsplit(".", 1)[-1], args)
        return False
    return True


def conversation_process(*, conversation_id: int) -> int:
    """Handle the conversation's unprocessed inbound messages in arrival order.

    Each message is handled in its own transaction under the conversation's row lock, and
    marked processed in that same transaction, so concurrent or redelivered tasks never
    handle a message twice and never reorder two quick messages. After each commit the
    message's replies are delivered at once, in order (a transient failure leaves the rest
    to the send task's retries). A message whose handling raises is marked processed with
    its error and handed to staff, so one bad message cannot block the conversation.
    Idempotent; returns how many messages this call handled.
    """
    from conversations.orchestrator import message_handle

    handled, more = 0, True
    while more:
        try:
            with transaction.atomic(), trace_batch():
                conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
                waiting = list(conversation.inbound_messages.filter(processed_at__isnull=True)[:2])
                if not waiting:
                    return handled
                # A message stored after this read has its own task (or the sweep) behind
                # this lock, so the loop goes on only for one already waiting.
                inbound, more = waiting[0], len(waiting) > 1
                _conversation_touch(conversation, inbound)
                replies = message_handle(conversation=conversation, inbound=inbound)
                outbound = reply_queue(
                    conversation=conversation, replies=replies, in_reply_to=inbound, enqueue=False
                )
                inbound.processed_at = timezone.now()
                inbound.save(update_fields=["processed_at"])
        except Conversation.DoesNotExist:
            return handled
        except Exception as exc:
            logger.exception("handling inbound for conversation %s failed", conversation_id)
            outbound = _inbound_fail(
                conversation_id=conversation_id, error=f"{type(exc).__name__}: {exc}"[:200]
            )
            more = True
        handled += 1
        outbound_deliver(outbound=outbound)
    return handled


def outbound_deliver(*, outbound: list[OutboundMessage]) -> None:
    """Send rows this process has just queued (and committed) now, in order; anything that
    fails transiently, and everything after it, goes to the send task so order is kept."""
    from conversations.tasks import outbound_send_task

    for index, row in enumerate(outbound):
        try:
            outbound_send(outbound_id=row.pk, queued=row)
        except ChannelError:
            for later in outbound[index:]:
                task_enqueue(outbound_send_task, later.pk, countdown=1)
            return


def _conversation_touch(conversation: Conversation, inbound: InboundMessage) -> None:
    conversation.last_inbound_at = max(filter(None, [conversation.last_inbound_at, inbound.received_at]))
    payload = inbound.raw_payload
    conversation.profile_name = (payload.get("ProfileName") or conversation.profile_name)[:128]
    if conversation.handler == Conversation.Handler.CLOSED:
        conversation.handler = Conversation.Handler.BOT
    conversation.save(update_fields=["last_inbound_at", "profile_name", "handler", "updated_at"])


def _inbound_fail(*, conversation_id: int, error: str) -> list[OutboundMessage]:
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
        inbound = conversation.inbound_messages.filter(processed_at__isnull=True).first()
        if inbound is None:
            return []
        _conversation_touch(conversation, inbound)
        inbound.processed_at = timezone.now()
        inbound.processing_error = error
        inbound.save(update_fields=["processed_at", "processing_error"])
        language = conversation.language or clinic_context().default_language
        escalation_open(conversation=conversation, reason=Escalation.Reason.UNSUPPORTED, detail=error)
        return reply_queue(
            conversation=conversation,
            replies=[Reply(say("handoff", language))],
            in_reply_to=inbound,
            enqueue=False,
        )


def reply_queue(
    *,
    conversation: Conversation,
    replies: list[Reply],
    in_reply_to: InboundMessage | None = None,
    sent_by_id: int | None = None,
    enqueue: bool = True,
) -> list[OutboundMessage]:
    """Store replies as queued outbound rows; with `enqueue`, their sending is enqueued
    after commit (the worker's own turn delivers inline instead)."""
    from conversations.tasks import outbound_send_task

    rows = []
    for reply in replies:
        content_sid, variables = reply.content_sid, reply.content_variables
        body = reply.text
        if reply.options and not content_sid:
            content_sid = settings.TWILIO_OPTIONS_CONTENT_SIDS.get(str(len(reply.options)), "")
            if content_sid:
                variables = {"1": body} | {
                    str(i): option["title"] for i, option in enumerate(reply.options, start=2)
                }
            else:
                body = options_as_text(body, reply.options, conversation.language)
        rows.append(
            OutboundMessage.objects.create(
                conversation=conversation,
                in_reply_to=in_reply_to,
                body=body,
                content_sid=content_sid,
                content_variables=variables,
                options=reply.options,
                sent_by_id=sent_by_id,
            )
        )
    if enqueue:
        for row in rows:
            transaction.on_commit(lambda pk=row.pk: task_enqueue(outbound_send_task, pk))
    return rows


def options_as_text(body: str, options: list[dict[str, str]], language: str) -> str:
    lines = [f"{number}. {option['title']}" for number, option in enumerate(options, start=1)]
    return "\n".join([body, "", *lines, "", say("options_hint", language)])


def outbound_send(*, outbound_id: int, queued: OutboundMessage | None = None) -> OutboundMessage | None:
    """Deliver one queued outbound message through the channel.

    Claims the row (queued -> sending) with one UPDATE, so a redelivered task sends
    nothing twice; `queued` is the row as its creator committed it (with its conversation),
    which spares reading it back. Enforces the 24-hour window: outside it only a template goes out,
    anything else fails at once and staff are alerted. A retryable channel error puts the
    row back to queued and re-raises for the task to retry (at most
    OUTBOUND_MAX_ATTEMPTS attempts); a permanent error marks it failed. Returns the row,
    or None when there was nothing to claim.
    """
    now = timezone.now()
    claimed = OutboundMessage.objects.filter(pk=outbound_id, status=OutboundMessage.Status.QUEUED).update(
        status=OutboundMessage.Status.SENDING, attempts=F("attempts") + 1, updated_at=now
    )
    if not claimed:
        return None
    if queued is not None:
        # Unchanged since it was committed as queued, or the claim would have failed.
        message = queued
        message.status, message.updated_at = OutboundMessage.Status.SENDING, now
        message.attempts += 1
    else:
        message = OutboundMessage.objects.select_related("conversation").get(pk=outbound_id)
    conversation = message.conversation
    if message.attempts > settings.OUTBOUND_MAX_ATTEMPTS:
        _outbound_fail(message, code="attempts", error="gave up after repeated attempts")
        return message
    if not message.content_sid and not conversation.window_open(now=now):
        _outbound_fail(message, code=WINDOW_CLOSED, error="24-hour window closed and no template configured")
        return message
    channel = outbound_channel()
    outgoing = OutgoingMessage(
        to_user_id=conversation.channel_user_id,
        to_phone_e164=conversation.phone_e164,
        body=message.body,
        content_sid=message.content_sid,
        content_variables=message.content_variables,
        status_callback_url=status_callback_url(),
    )
    try:
        reconciled = _already_sent(channel, message, outgoing)
        result = reconciled or channel.send(outgoing)
    except ChannelError as exc:
        if exc.retryable and message.attempts < settings.OUTBOUND_MAX_ATTEMPTS:
            message.status = OutboundMessage.Status.QUEUED
            message.error_code, message.error_message = exc.code, str(exc)[:512]
            message.save(update_fields=["status", "error_code", "error_message", "updated_at"])
            raise
        _outbound_fail(message, code=exc.code, error=str(exc))
        return message
    message.status = result.status
    message.provider_message_id = result.provider_message_id
    message.sent_at = timezone.now()
    message.error_code = message.error_message = ""
    message.save(
        update_fields=[
            "status",
            "provider_message_id",
            "sent_at",
            "error_code",
            "error_message",
            "updated_at",
        ]
    )
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.OUTBOUND_SENT,
        actor=f"staff:{message.sent_by_id}" if message.sent_by_id else "bot",
        payload={
            "outbound_id": message.pk,
            "attempts": message.attempts,
            "status": result.status,
            "reconciled": reconciled is not None,
            "latency_ms": round((message.sent_at - message.created_at).total_seconds() * 1000, 1),
        },
    )
    return message


# Error codes after which the provider may or may not have taken the message.
OUTCOME_UNKNOWN = {"network", "outcome_unknown"}


def _already_sent(channel, message: OutboundMessage, outgoing: OutgoingMessage) -> SendResult | None:
    """Before sending again after an attempt that ended without an answer (the worker died
    mid-call, or the call timed out), ask the provider whether it took the message."""
    if message.error_code not in OUTCOME_UNKNOWN:
        return None
    known = set(
        OutboundMessage.objects.filter(conversation_id=message.conversation_id)
        .exclude(provider_message_id=None)
        .values_list("provider_message_id", flat=True)
    )
    # Provider timestamps have whole seconds.
    since = message.created_at - timezone.timedelta(seconds=1)
    sid = channel.find_sent(outgoing, since=since, exclude=known)
    if sid is None:
        return None
    logger.info("outbound %s had reached the provider before; not sent again", message.pk)
    return SendResult(provider_message_id=sid, status=OutboundMessage.Status.SENT)


def status_callback_url() -> str:
    if not settings.PUBLIC_BASE_URL:
        return ""
    return settings.PUBLIC_BASE_URL + reverse("twilio_status")


def _outbound_fail(message: OutboundMessage, *, code: str, error: str) -> None:
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
        message.status = OutboundMessage.Status.FAILED
        message.error_code, message.error_message = code, error[:512]
        message.save(update_fields=["status", "error_code", "error_message", "updated_at"])
        _delivery_failed(conversation, message_id=message.pk, code=code)


def _delivery_failed(conversation: Conversation, *, message_id: int, code: str) -> None:
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.OUTBOUND_FAILED,
        payload={"outbound_id": message_id, "error_code": code},
    )
    logger.warning("outbound %s to %s failed: %s", message_id, conversation.masked_user_id, code)
    if code == OPTED_OUT:
        conversation.opted_out = True
        conversation.save(update_fields=["opted_out", "updated_at"])
        return
    reason = Escalation.Reason.WINDOW_CLOSED if code == WINDOW_CLOSED else Escalation.Reason.DELIVERY_FAILURE
    escalation_open(conversation=conversation, reason=reason, detail=f"outbound #{message_id}: {code}")


def outbound_status_update(*, provider_message_id: str, status: str, error_code: str = "") -> bool:
    """Apply a provider status callback. Statuses only move forward (a late `delivered`
    never overwrites `read`); one UPDATE decides, so concurrent callbacks cannot race.
    Returns whether anything changed. Unknown statuses are ignored."""
    if status not in STATUS_RANK:
        return False
    behind = [s for s, rank in STATUS_RANK.items() if rank < STATUS_RANK[status]]
    changed = OutboundMessage.objects.filter(
        provider_message_id=provider_message_id, status__in=behind
    ).update(status=status, error_code=error_code, updated_at=timezone.now())
    if changed and status in {OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED}:
        message = OutboundMessage.objects.get(provider_message_id=provider_message_id)
        with transaction.atomic():
            conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
            _delivery_failed(conversation, message_id=message.pk, code=error_code or status)
    return bool(changed)


def escalation_open(*, conversation: Conversation, reason: Escalation.Reason, detail: str = "") -> Escalation:
    """Hand the conversation to staff. Idempotent per conversation: an active escalation
    is reused, and only an emergency may replace its reason. Call under the conversation
    row lock."""
    active = conversation.escalations.filter(
        status__in=[Escalation.Status.OPEN, Escalation.Status.CLAIMED]
    ).first()
    if active is None:
        active = Escalation.objects.create(conversation=conversation, reason=reason, detail=detail[:500])
    elif reason == Escalation.Reason.EMERGENCY and active.reason != reason:
        active.reason, active.detail = reason, detail[:500]
        active.save(update_fields=["reason", "detail"])
    else:
        return active
    if conversation.handler != Conversation.Handler.STAFF:
        conversation.handler = Conversation.Handler.STAFF
        conversation.save(update_fields=["handler", "updated_at"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.ESCALATED_TO_HUMAN,
        # The detail may quote an error or a staff note; it stays on the erasable escalation row.
        payload={"reason": reason, "escalation_id": active.pk},
    )
    log = logger.warning if reason == Escalation.Reason.EMERGENCY else logger.info
    log("conversation %s escalated to staff: %s", mask(conversation.channel_user_id), reason)
    return active
