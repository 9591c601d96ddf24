"""The inbox: receive one inbound message (stored once, before the webhook answers) and
process a conversation's waiting messages in order under its row lock."""

import logging

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from audit.services import trace_batch
from clinicbot.tenancy import clinic_id_of, clinic_scope
from conversations.channels.base import Envelope, IncomingMessage, Kind
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.escalations import escalation_open
from conversations.models import Conversation, Escalation, InboundMessage, OutboundMessage, VoiceStatus
from conversations.numbers import numbers_map
from conversations.orchestrator import message_handle, message_prepare
from conversations.outbox.delivery import outbound_deliver, outbound_status_update
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.routing import inbound_clinic, unrouted_store
from conversations.tasks import conversation_process_task, task_enqueue
from conversations.voice.intake import voice_note_enqueue

logger = logging.getLogger(__name__)


# The stored kinds: a voice note is media (transcribed before understanding), a list row a tap.
STORED_KIND = {Kind.AUDIO: InboundMessage.Kind.MEDIA, Kind.LIST: InboundMessage.Kind.BUTTON}


def webhook_receive(*, envelope: Envelope) -> int:
    """Store every message of one verified webhook (each exactly once) and apply its
    statuses (forward only, so a repeated one changes nothing). Returns how many messages
    were new."""
    stored = sum(inbound_receive(message=message) is not None for message in envelope.messages)
    for event in envelope.statuses:
        outbound_status_update(
            provider_message_id=event.provider_message_id,
            status=event.status,
            error_code=event.error_code,
            failure=event.failure,
        )
    return stored


def inbound_receive(*, message: IncomingMessage) -> InboundMessage | None:
    """Store one inbound message exactly once and enqueue its processing after commit.

    Returns None for a provider message id already stored (a webhook retry): nothing else
    happens; and None for a message to a number no clinic lists, kept apart and never
    answered (conversations.routing). Reads the conversation of the clinic written to
    (creating it on first contact) and inserts one row, so the acknowledgement never waits
    on a worker holding the conversation lock.
    """
    clinic_id = inbound_clinic(message=message)
    if clinic_id is None:
        unrouted_store(message=message)
        return None
    sender = dict(clinic_id=clinic_id, channel=message.channel, channel_user_id=message.channel_user_id)
    conversation_id = Conversation._base_manager.filter(**sender).values_list("pk", flat=True).first()
    if conversation_id is None:
        conversation_id = Conversation.objects.get_or_create(
            **sender,
            defaults={
                "phone_e164": message.phone_e164,
                "profile_name": message.profile_name,
                "address": message.to_address if numbers_map() else "",
            },
        )[0].pk
    fields = dict(
        clinic_id=clinic_id,
        conversation_id=conversation_id,
        provider_message_id=message.provider_message_id,
        kind=STORED_KIND.get(message.kind, message.kind),
        text=message.text,
        button_payload=message.button_payload,
        button_text=message.button_text,
        media=message.media,
        location=message.location,
        reply_to_provider_id=message.reply_to_provider_id,
        profile_name=message.profile_name,
        raw_payload=message.raw_payload,
    )
    if message.kind == Kind.AUDIO:
        fields["voice_status"] = VoiceStatus.OFF if settings.STT_ENGINE == "off" else VoiceStatus.PENDING
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
    if inbound.voice_status == VoiceStatus.PENDING:
        # Heard first, by a voice worker; the turn is enqueued once the transcript is stored.
        transaction.on_commit(lambda: voice_note_enqueue(inbound_id=inbound.pk))
    else:
        transaction.on_commit(lambda: task_enqueue(conversation_process_task, conversation_id))
    return inbound


def conversation_process(*, conversation_id: int) -> int:
    """Handle the conversation's unprocessed inbound messages in arrival order.

    Each message is handled in its own transaction under the conversation's row lock, and
    marked processed in that same transaction, so concurrent or redelivered tasks never
    handle a message twice and never reorder two quick messages. After each commit the
    message's replies are delivered at once, in order (a transient failure leaves the rest
    to the send task's retries). A message whose handling raises is marked processed with
    its error and handed to staff, so one bad message cannot block the conversation.
    Everything runs in the conversation's clinic scope (clinicbot.tenancy). Idempotent;
    returns how many messages this call handled.
    """
    clinic_id = clinic_id_of(Conversation, conversation_id)
    if clinic_id is None:
        return 0
    with clinic_scope(clinic_id):
        return _waiting_handle(conversation_id)


def _waiting_handle(conversation_id: int) -> int:
    handled, more = 0, True
    while more:
        try:
            # The model, when it is asked, is asked here: before the lock, in no transaction.
            prepared = message_prepare(conversation_id=conversation_id)
            with transaction.atomic(), trace_batch():
                conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
                waiting = list(conversation.inbound_messages.filter(processed_at__isnull=True)[:2])
                if not waiting or waiting[0].voice_status == VoiceStatus.PENDING:
                    # A note not yet heard holds the messages after it; its transcription
                    # enqueues this turn again.
                    return handled
                # A message stored after this read has its own task (or the sweep) behind
                # this lock, so the loop goes on only for one already waiting.
                inbound, more = waiting[0], len(waiting) > 1
                _conversation_touch(conversation, inbound)
                replies = message_handle(conversation=conversation, inbound=inbound, prepared=prepared)
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


def _conversation_touch(conversation: Conversation, inbound: InboundMessage) -> None:
    conversation.last_inbound_at = max(filter(None, [conversation.last_inbound_at, inbound.received_at]))
    conversation.profile_name = (inbound.profile_name or conversation.profile_name)[:128]
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
            replies=[Reply(say("handoff", language), origin=Origin.COPY)],
            in_reply_to=inbound,
            enqueue=False,
        )
