"""Escalations: the bot hands a conversation to staff; staff claim it, reply from the web
page and hand it back.

Every staff function records the staff action (who, what, when) and a trace event, so the
replay shows people's actions beside the bot's.
"""

import logging

from django.db import transaction
from django.utils import timezone

from audit.models import TraceEvent
from audit.services import staff_action_record, trace_record
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.models import Conversation, Escalation, OutboundMessage, mask
from conversations.outbox.queue import Origin, Reply, reply_queue

logger = logging.getLogger(__name__)


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


class AlreadyClaimed(Exception):
    def __init__(self, claimed_by: str) -> None:
        super().__init__(f"Already claimed by {claimed_by}")
        self.claimed_by = claimed_by


class WindowClosed(Exception):
    """Free text cannot reach the patient: WhatsApp's 24-hour window is closed."""


def _staff_name(user) -> str:
    return user.get_full_name() or user.get_username()


@transaction.atomic
def escalation_claim(*, escalation_id: int, user) -> Escalation:
    """Give the escalated chat to `user`. Atomic: of two receptionists claiming at once,
    exactly one wins and the other gets AlreadyClaimed. The patient is told a person is
    taking over; the bot stays silent until the chat is handed back."""
    now = timezone.now()
    won = Escalation.objects.filter(pk=escalation_id, status=Escalation.Status.OPEN).update(
        status=Escalation.Status.CLAIMED, claimed_by=user, claimed_at=now
    )
    escalation = Escalation.objects.select_related("claimed_by", "conversation").get(pk=escalation_id)
    if not won:
        holder = escalation.claimed_by
        raise AlreadyClaimed(_staff_name(holder) if holder else "nobody: it is no longer open")
    conversation = Conversation.objects.select_for_update().get(pk=escalation.conversation_id)
    conversation.handler = Conversation.Handler.STAFF
    conversation.assigned_to = user
    conversation.save(update_fields=["handler", "assigned_to", "updated_at"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.STAFF_TOOK_OVER,
        actor=f"staff:{user.pk}",
        payload={"escalation_id": escalation.pk, "reason": escalation.reason},
    )
    staff_action_record(
        user_id=user.pk,
        action="escalation_claim",
        conversation_id=conversation.pk,
        detail={"escalation_id": escalation.pk},
    )
    if conversation.window_open(now=now) and not conversation.opted_out:
        language = conversation.language or clinic_context().default_language
        text = say(
            "staff_took_over",
            language,
            staff_name=user.first_name or _staff_name(user),
            clinic_name=clinic_context().name,
        )
        reply_queue(conversation=conversation, replies=[Reply(text, origin=Origin.COPY)], sent_by_id=user.pk)
    return escalation


@transaction.atomic
def conversation_take_over(*, conversation_id: int, user) -> Conversation:
    """Take a chat, escalated or not (e.g. from the conversation list).

    Raises AlreadyClaimed when another person holds it; taking a chat you hold already
    changes nothing. The conversation's row lock orders two receptionists taking over at
    once: the second sees the first's claim, never a second active escalation."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
    active = (
        conversation.escalations.filter(status__in=[Escalation.Status.OPEN, Escalation.Status.CLAIMED])
        .select_related("claimed_by")
        .first()
    )
    if active is not None and active.status == Escalation.Status.CLAIMED:
        if active.claimed_by_id == user.pk:
            return conversation
        raise AlreadyClaimed(_staff_name(active.claimed_by) if active.claimed_by else "someone else")
    if active is None:
        active = Escalation.objects.create(
            conversation=conversation,
            reason=Escalation.Reason.STAFF_INITIATED,
            detail=f"taken over by {_staff_name(user)}",
        )
    escalation_claim(escalation_id=active.pk, user=user)
    conversation.refresh_from_db()
    return conversation


@transaction.atomic
def staff_reply(*, conversation_id: int, user, text: str) -> OutboundMessage:
    """Send `text` to the patient as `user`. Raises WindowClosed outside the 24-hour
    window (only templates may go then) and ValueError for an empty message."""
    text = text.strip()
    if not text:
        raise ValueError("The message is empty")
    conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
    if not conversation.window_open(now=timezone.now()):
        raise WindowClosed(
            "The patient's last message is more than 24 hours old; only a template can be sent"
        )
    [message] = reply_queue(
        conversation=conversation, replies=[Reply(text[:1600], origin=Origin.STAFF)], sent_by_id=user.pk
    )
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.STAFF_REPLIED,
        actor=f"staff:{user.pk}",
        payload={"outbound_id": message.pk, "chars": len(text)},
    )
    staff_action_record(
        user_id=user.pk,
        action="staff_reply",
        conversation_id=conversation.pk,
        detail={"outbound_id": message.pk},
    )
    return message


@transaction.atomic
def conversation_hand_back(*, conversation_id: int, user, note: str = "") -> Conversation:
    """Resolve the conversation's escalation and give the chat back to the bot."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
    now = timezone.now()
    resolved = conversation.escalations.filter(
        status__in=[Escalation.Status.OPEN, Escalation.Status.CLAIMED]
    ).update(status=Escalation.Status.RESOLVED, resolved_at=now)
    conversation.handler = Conversation.Handler.BOT
    conversation.assigned_to = None
    conversation.save(update_fields=["handler", "assigned_to", "updated_at"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.HANDED_BACK,
        actor=f"staff:{user.pk}",
        # A staff note is free text and may name the patient; traces cannot be erased.
        payload={"escalations_resolved": resolved, "note_chars": len(note)},
    )
    staff_action_record(
        user_id=user.pk, action="hand_back", conversation_id=conversation.pk, detail={"note": note[:200]}
    )
    if conversation.window_open(now=now) and not conversation.opted_out:
        language = conversation.language or clinic_context().default_language
        reply_queue(
            conversation=conversation,
            replies=[Reply(say("handed_back", language), origin=Origin.COPY)],
            sent_by_id=user.pk,
        )
    return conversation
