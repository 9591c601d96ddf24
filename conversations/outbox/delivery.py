"""Delivery: send queued rows through the channel (claim, 24-hour window, retries on
transient errors only, reconcile an unknown outcome) and apply the provider's status callbacks.
A permanent failure hands the conversation to staff."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.models import TraceEvent
from audit.services import trace_record
from clinicbot.tenancy import clinic_scope
from conversations.channels import channel_for
from conversations.channels.base import ChannelError, Failure, OutgoingMessage, SendResult
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.escalations import escalation_open
from conversations.models import (
    STATUS_FAILURES,
    STATUS_REPLACES,
    Conversation,
    EarlyStatus,
    Escalation,
    OutboundMessage,
)
from conversations.tasks import outbound_send_task, task_enqueue

logger = logging.getLogger(__name__)


def outbound_deliver(*, outbound: list[OutboundMessage]) -> None:
    """Send rows this process has just queued (and committed) now, in order; anything that
    fails transiently, and everything after it, goes to the send task so order is kept."""
    for index, row in enumerate(outbound):
        try:
            outbound_send(outbound_id=row.pk, queued=row)
        except ChannelError:
            for later in outbound[index:]:
                task_enqueue(outbound_send_task, later.pk, countdown=1)
            return


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
        _outbound_fail(
            message, code="attempts", error="gave up after repeated attempts", failure=Failure.TRANSIENT
        )
        return message
    if not message.template and not conversation.window_open(now=now):
        _outbound_fail(
            message,
            code=Failure.WINDOW_CLOSED,
            error="24-hour window closed and no template configured",
            failure=Failure.WINDOW_CLOSED,
        )
        return message
    channel = channel_for(conversation.channel, address=conversation.address)
    outgoing = outgoing_message(message)
    try:
        reconciled = _already_sent(channel, message, outgoing)
        result = reconciled or channel.send(outgoing)
    except ChannelError as exc:
        if exc.retryable and message.attempts < settings.OUTBOUND_MAX_ATTEMPTS:
            message.status = OutboundMessage.Status.QUEUED
            message.error_code, message.error_message = exc.code, str(exc)[:512]
            message.save(update_fields=["status", "error_code", "error_message", "updated_at"])
            raise
        _outbound_fail(message, code=exc.code, error=str(exc), failure=exc.failure)
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
    # A status callback may have outrun the provider's answer to the send.
    _early_statuses_apply(message.provider_message_id, held=True)
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


def outgoing_message(message: OutboundMessage) -> OutgoingMessage:
    """The row as the channel sends it: its template reference split into purpose and
    language ("reminder:es"), else in the conversation's language."""
    conversation = message.conversation
    template, _, template_language = message.template.partition(":")
    language = template_language or conversation.language or clinic_context().default_language
    return OutgoingMessage(
        to_user_id=conversation.channel_user_id,
        to_phone_e164=conversation.phone_e164,
        body=message.body,
        options=message.options,
        options_label=say("options_button", language) if message.options else "",
        template=template,
        variables=message.content_variables,
        language=language,
    )


def _outbound_fail(message: OutboundMessage, *, code: str, error: str, failure: Failure | None) -> None:
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
        message.status = OutboundMessage.Status.FAILED
        message.error_code, message.error_message = code[:16], error[:512]
        message.save(update_fields=["status", "error_code", "error_message", "updated_at"])
        _delivery_failed(conversation, message_id=message.pk, code=code, failure=failure)


WINDOW_FAILURES = frozenset({Failure.WINDOW_CLOSED, Failure.TEMPLATE_REQUIRED})


def _delivery_failed(
    conversation: Conversation, *, message_id: int, code: str, failure: Failure | None
) -> None:
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.OUTBOUND_FAILED,
        payload={"outbound_id": message_id, "error_code": code},
    )
    logger.warning("outbound %s to %s failed: %s", message_id, conversation.masked_user_id, code)
    if failure == Failure.OPTED_OUT:
        conversation.opted_out = True
        conversation.save(update_fields=["opted_out", "updated_at"])
        return
    reason = (
        Escalation.Reason.WINDOW_CLOSED if failure in WINDOW_FAILURES else Escalation.Reason.DELIVERY_FAILURE
    )
    escalation_open(conversation=conversation, reason=reason, detail=f"outbound #{message_id}: {code}")


def outbound_status_update(
    *, provider_message_id: str, status: str, error_code: str = "", failure: Failure | None = None
) -> bool:
    """Apply a provider status callback. Statuses only move forward and a failure is final
    (models.STATUS_REPLACES: a late `delivered` never overwrites `read` or `failed`); one
    UPDATE decides, so concurrent callbacks cannot race. A callback for a SID no message
    holds yet (it outran the send's response) is kept as an EarlyStatus and applied once
    the send stores the SID. Returns whether a message changed. Unknown statuses are ignored."""
    if status not in STATUS_REPLACES:
        return False
    changed = _status_apply(provider_message_id, status, error_code, failure)
    if changed is not None:
        return changed
    EarlyStatus.objects.create(
        provider_message_id=provider_message_id, status=status, error_code=error_code, failure=failure or ""
    )
    # The send may have stored the SID (and looked for early statuses) in between.
    return _early_statuses_apply(provider_message_id, held=False)


def _status_apply(
    provider_message_id: str, status: str, error_code: str, failure: Failure | None
) -> bool | None:
    """Whether the message with this SID changed; None when no message holds it yet. A
    callback names no clinic, so it is applied in the clinic of the message it reports on
    (a failure opens an escalation there)."""
    held = (
        OutboundMessage._base_manager.filter(provider_message_id=provider_message_id)
        .values_list("pk", "clinic_id", "conversation_id")
        .first()
    )
    if held is None:
        return None
    message_id, clinic_id, conversation_id = held
    with clinic_scope(clinic_id):
        changed = OutboundMessage.objects.filter(pk=message_id, status__in=STATUS_REPLACES[status]).update(
            status=status, error_code=error_code, updated_at=timezone.now()
        )
        if changed and status in STATUS_FAILURES:
            with transaction.atomic():
                conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
                _delivery_failed(
                    conversation, message_id=message_id, code=error_code or status, failure=failure
                )
    return bool(changed)


def _early_statuses_apply(provider_message_id: str, *, held: bool) -> bool:
    """Apply, in arrival order, the kept callbacks for a SID once a message holds it (`held`:
    the caller has just stored it). Each is claimed by deleting it, so the send and a
    callback racing apply it once between them; both store before they look, so one of
    them sees the other's write."""
    if not held and not OutboundMessage.objects.filter(provider_message_id=provider_message_id).exists():
        return False
    changed = False
    for early in EarlyStatus.objects.filter(provider_message_id=provider_message_id):
        deleted, _ = EarlyStatus.objects.filter(pk=early.pk).delete()
        if deleted:
            failure = Failure(early.failure) if early.failure else None
            changed |= bool(_status_apply(provider_message_id, early.status, early.error_code, failure))
    return changed


EARLY_STATUS_KEPT = timezone.timedelta(days=1)


def early_status_purge() -> int:
    """Drop early statuses no message claimed within a day (a SID sent by another system);
    returns how many. Idempotent."""
    deleted, _ = EarlyStatus.objects.filter(received_at__lt=timezone.now() - EARLY_STATUS_KEPT).delete()
    return deleted
