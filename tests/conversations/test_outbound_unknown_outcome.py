"""A send whose outcome is unknown (the worker died mid-call, or the call timed out after
Twilio took the message) must not reach the patient twice when it is retried."""

import pytest
from django.utils import timezone

from conversations.channels import channel_for
from conversations.channels.base import OutgoingMessage
from conversations.models import OutboundMessage
from conversations.tasks import outbound_send_task, outbound_sweep
from tests.conversations.factories import ConversationFactory, OutboundMessageFactory
from tests.fakes.twilio_server import ScriptedResponse

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
LONG_AGO = timezone.now() - timezone.timedelta(minutes=30)


def accepted(fake) -> list:
    return [r for r in fake.requests if r.status == 201]


def stranded_in_sending(body: str) -> OutboundMessage:
    """A row whose worker was SIGKILLed during the Twilio call."""
    message = OutboundMessageFactory(body=body, status=OutboundMessage.Status.SENDING, attempts=1)
    OutboundMessage.objects.filter(pk=message.pk).update(updated_at=LONG_AGO)
    return message


def test_a_row_stranded_after_twilio_took_it_is_adopted_not_sent_again(twilio_settings, fake_twilio):
    message = stranded_in_sending("Welcome back!")
    conversation = message.conversation
    sid = (
        channel_for("twilio")
        .send(OutgoingMessage(conversation.channel_user_id, conversation.phone_e164, body="Welcome back!"))
        .provider_message_id
    )

    assert outbound_sweep() == 1

    message.refresh_from_db()
    assert len(accepted(fake_twilio)) == 1
    assert message.provider_message_id == sid
    assert message.status == OutboundMessage.Status.SENT


def test_a_row_stranded_before_twilio_took_it_is_sent(twilio_settings, fake_twilio):
    message = stranded_in_sending("Welcome back!")

    outbound_sweep()

    message.refresh_from_db()
    assert len(accepted(fake_twilio)) == 1
    assert message.provider_message_id == accepted(fake_twilio)[0].sid


def test_an_earlier_identical_reply_is_not_mistaken_for_the_stranded_one(twilio_settings, fake_twilio):
    conversation = ConversationFactory()
    earlier = OutboundMessageFactory(conversation=conversation, body="Welcome back!")
    outbound_send_task.delay(earlier.pk)
    message = stranded_in_sending("Welcome back!")
    OutboundMessage.objects.filter(pk=message.pk).update(conversation=conversation)

    outbound_sweep()

    message.refresh_from_db()
    assert len(accepted(fake_twilio)) == 2
    assert message.provider_message_id not in (
        "",
        None,
        earlier.__class__.objects.get(pk=earlier.pk).provider_message_id,
    )


def test_a_timeout_after_twilio_took_the_message_is_not_sent_twice(twilio_settings, fake_twilio):
    twilio_settings.TWILIO_TIMEOUT_SECONDS = 0.3
    fake_twilio.script = [ScriptedResponse(status=201, delay=0.6)]
    message = OutboundMessageFactory(body="Your appointment is confirmed.")

    outbound_send_task.delay(message.pk)

    message.refresh_from_db()
    assert len(accepted(fake_twilio)) == 1
    assert message.status == OutboundMessage.Status.SENT
    assert message.provider_message_id == accepted(fake_twilio)[0].sid
