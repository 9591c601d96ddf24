"""Status callbacks: one that outruns the send's response is kept and applied once the SID
is stored, and a failure is final: no later status overwrites failed or undelivered."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conversations.channels.twilio.adapter import TwilioWhatsAppChannel
from conversations.models import EarlyStatus, Escalation, OutboundMessage
from conversations.outbox.delivery import outbound_status_update
from conversations.tasks import outbound_send_task, outbound_sweep
from tests.conftest import fixture_form
from tests.conversations.factories import OutboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
STATUS = "/webhooks/twilio/status/"


@pytest.fixture
def callback_outruns_the_response(monkeypatch, post_webhook):
    """Twilio calls the status webhook while its answer to the send is still on the way."""
    sent = TwilioWhatsAppChannel.send
    forms = []

    def send_then_callback_first(self, message):
        result = sent(self, message)
        for name in forms:
            post_webhook(STATUS, fixture_form(name, sid=result.provider_message_id.removeprefix("SM")))
        return result

    monkeypatch.setattr(TwilioWhatsAppChannel, "send", send_then_callback_first)
    return forms


def send(message: OutboundMessage) -> OutboundMessage:
    outbound_send_task.delay(message.pk)
    message.refresh_from_db()
    return message


def test_a_delivered_callback_before_the_send_response_is_applied(
    twilio_settings, fake_twilio, callback_outruns_the_response
):
    callback_outruns_the_response.append("status_delivered")

    message = send(OutboundMessageFactory())

    assert message.status == OutboundMessage.Status.DELIVERED
    assert not EarlyStatus.objects.exists()


def test_a_failed_callback_before_the_send_response_fails_the_message_and_alerts_staff(
    twilio_settings, fake_twilio, callback_outruns_the_response
):
    callback_outruns_the_response.append("status_failed_63016")

    message = send(OutboundMessageFactory())

    assert message.status == OutboundMessage.Status.FAILED
    assert message.error_code == "63016"
    assert Escalation.objects.get().reason == Escalation.Reason.WINDOW_CLOSED


def test_callbacks_that_outran_the_response_apply_in_status_order(
    twilio_settings, fake_twilio, callback_outruns_the_response
):
    callback_outruns_the_response.extend(["status_read", "status_delivered"])

    assert send(OutboundMessageFactory()).status == OutboundMessage.Status.READ


@pytest.mark.parametrize("failure", [OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED])
@pytest.mark.parametrize("later", ["sent", "delivered", "read"])
def test_no_later_status_overwrites_a_failure(failure, later):
    message = OutboundMessageFactory(status=failure, provider_message_id="SM" + "f" * 32, error_code="30008")

    changed = outbound_status_update(provider_message_id=message.provider_message_id, status=later)

    message.refresh_from_db()
    assert changed is False
    assert message.status == failure and message.error_code == "30008"


def test_an_early_status_for_a_message_never_seen_is_purged_by_the_sweep():
    outbound_status_update(provider_message_id="SM" + "e" * 32, status="delivered")
    EarlyStatus.objects.update(received_at=timezone.now() - timedelta(days=2))

    outbound_sweep()

    assert not EarlyStatus.objects.exists()
