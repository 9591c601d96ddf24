import json

import pytest
from django.utils import timezone

from audit.models import TraceEvent
from conversations.models import Conversation, Escalation, OutboundMessage
from conversations.outbox.delivery import outbound_status_update
from conversations.outbox.queue import Reply, reply_queue
from conversations.tasks import outbound_send_task
from tests.conftest import PUBLIC_BASE_URL, fixture_form
from tests.conversations.factories import ConversationFactory, OutboundMessageFactory
from tests.fakes.twilio_server import ACCOUNT_SID, ScriptedResponse, basic_auth_user

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def send(message: OutboundMessage) -> OutboundMessage:
    outbound_send_task.delay(message.pk)
    message.refresh_from_db()
    return message


def test_reply_goes_out_through_the_twilio_sdk(twilio_settings, fake_twilio):
    message = send(OutboundMessageFactory(body="Your appointment is confirmed."))

    [request] = fake_twilio.requests
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert basic_auth_user(request.auth) == ACCOUNT_SID
    assert request.form == {
        "To": "whatsapp:" + message.conversation.phone_e164,
        "From": "whatsapp:+14155238886",
        "Body": "Your appointment is confirmed.",
        "StatusCallback": PUBLIC_BASE_URL + "/webhooks/twilio/status/",
    }
    assert message.status == OutboundMessage.Status.SENT
    assert message.provider_message_id.startswith("SM")
    assert message.attempts == 1
    assert TraceEvent.objects.filter(type=TraceEvent.Type.OUTBOUND_SENT).count() == 1


def test_transient_errors_are_retried_with_backoff_until_success(twilio_settings, fake_twilio):
    fake_twilio.script = [ScriptedResponse(status=503), ScriptedResponse(status=429, code=20429)]

    message = send(OutboundMessageFactory())

    assert len(fake_twilio.requests) == 3
    assert message.status == OutboundMessage.Status.SENT
    assert message.attempts == 3


def test_three_transient_failures_mark_the_message_failed_and_alert_staff(twilio_settings, fake_twilio):
    fake_twilio.script = [ScriptedResponse(status=500)] * 3

    message = send(OutboundMessageFactory())

    assert len(fake_twilio.requests) == 3
    assert message.status == OutboundMessage.Status.FAILED
    escalation = Escalation.objects.get()
    assert escalation.reason == Escalation.Reason.DELIVERY_FAILURE
    assert TraceEvent.objects.filter(type=TraceEvent.Type.OUTBOUND_FAILED).count() == 1


def test_a_timeout_is_transient(twilio_settings, fake_twilio):
    twilio_settings.TWILIO_TIMEOUT_SECONDS = 0.3
    # Twilio hangs without taking the message (the case where it took it is in
    # test_outbound_unknown_outcome.py: then nothing is sent again).
    fake_twilio.script = [ScriptedResponse(status=503, delay=1.0)]

    message = send(OutboundMessageFactory())

    assert len(fake_twilio.requests) == 2
    assert message.status == OutboundMessage.Status.SENT


def test_invalid_number_is_permanent_and_not_retried(twilio_settings, fake_twilio):
    fake_twilio.script = [ScriptedResponse(status=400, code=21211, message="Invalid 'To' Phone Number")]

    message = send(OutboundMessageFactory())

    assert len(fake_twilio.requests) == 1
    assert message.status == OutboundMessage.Status.FAILED
    assert message.error_code == "21211"


def test_opted_out_recipient_marks_the_conversation_opted_out(twilio_settings, fake_twilio):
    fake_twilio.script = [
        ScriptedResponse(status=400, code=21610, message="Attempt to send to unsubscribed recipient")
    ]

    message = send(OutboundMessageFactory())

    assert len(fake_twilio.requests) == 1
    assert message.error_code == "21610"
    assert Conversation.objects.get().opted_out
    assert not Escalation.objects.exists()


def test_free_text_outside_the_24_hour_window_is_not_sent_and_staff_are_alerted(twilio_settings, fake_twilio):
    conversation = ConversationFactory(last_inbound_at=timezone.now() - timezone.timedelta(hours=25))

    message = send(OutboundMessageFactory(conversation=conversation))

    assert fake_twilio.requests == []
    assert message.status == OutboundMessage.Status.FAILED
    assert message.error_code == "window_closed"
    assert Escalation.objects.get().reason == Escalation.Reason.WINDOW_CLOSED


def test_a_template_may_be_sent_outside_the_window(twilio_settings, fake_twilio):
    conversation = ConversationFactory(last_inbound_at=timezone.now() - timezone.timedelta(days=3))

    message = send(
        OutboundMessageFactory(
            conversation=conversation, body="", template="HX" + "a" * 32, content_variables={"1": "Dr Rao"}
        )
    )

    [request] = fake_twilio.requests
    assert request.form["ContentSid"] == "HX" + "a" * 32
    assert request.form["ContentVariables"] == '{"1": "Dr Rao"}'
    assert "Body" not in request.form
    assert message.status == OutboundMessage.Status.SENT


def test_a_claimed_message_is_never_sent_twice(twilio_settings, fake_twilio):
    message = send(OutboundMessageFactory())

    outbound_send_task.delay(message.pk)

    assert len(fake_twilio.requests) == 1


def test_options_become_a_numbered_list_without_a_template(settings):
    conversation = ConversationFactory(language="es")
    options = [{"id": "slot:1", "title": "Martes 10:00"}, {"id": "slot:2", "title": "Martes 11:30"}]

    [row] = reply_queue(conversation=conversation, replies=[Reply("¿Cuál prefieres?", options=options)])

    assert (
        row.body
        == "¿Cuál prefieres?\n\n1. Martes 10:00\n2. Martes 11:30\n\nResponde con el número de tu elección."
    )
    assert row.options == options


def test_options_become_quick_reply_buttons_when_a_template_is_configured(
    twilio_settings, fake_twilio, django_capture_on_commit_callbacks
):
    twilio_settings.TWILIO_OPTIONS_CONTENT_SIDS = {"2": "HX" + "b" * 32}
    conversation = ConversationFactory()
    options = [{"id": "yes", "title": "Yes"}, {"id": "no", "title": "No"}]

    with django_capture_on_commit_callbacks(execute=True):
        [row] = reply_queue(conversation=conversation, replies=[Reply("Shall I book it?", options=options)])

    assert row.body == "Shall I book it?"
    [request] = fake_twilio.requests
    assert request.form["ContentSid"] == "HX" + "b" * 32
    assert json.loads(request.form["ContentVariables"]) == {"1": "Shall I book it?", "2": "Yes", "3": "No"}
    assert "Body" not in request.form


def sent_message(fake_twilio) -> OutboundMessage:
    return send(OutboundMessageFactory())


def test_status_callbacks_move_the_status_forward(twilio_settings, fake_twilio, post_webhook):
    message = sent_message(fake_twilio)
    sid = message.provider_message_id.removeprefix("SM")

    post_webhook("/webhooks/twilio/status/", fixture_form("status_delivered", sid=sid))
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.DELIVERED

    post_webhook("/webhooks/twilio/status/", fixture_form("status_read", sid=sid))
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.READ


def test_a_late_delivered_callback_never_moves_read_backwards(twilio_settings, fake_twilio, post_webhook):
    message = sent_message(fake_twilio)
    sid = message.provider_message_id.removeprefix("SM")

    post_webhook("/webhooks/twilio/status/", fixture_form("status_read", sid=sid))
    response = post_webhook("/webhooks/twilio/status/", fixture_form("status_delivered", sid=sid))

    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.READ


def test_an_asynchronous_window_failure_alerts_staff(twilio_settings, fake_twilio, post_webhook):
    message = sent_message(fake_twilio)
    sid = message.provider_message_id.removeprefix("SM")

    post_webhook("/webhooks/twilio/status/", fixture_form("status_failed_63016", sid=sid))

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    assert message.error_code == "63016"
    assert Escalation.objects.get().reason == Escalation.Reason.WINDOW_CLOSED


def test_status_callback_with_bad_signature_is_refused(twilio_settings, fake_twilio, post_webhook):
    message = sent_message(fake_twilio)
    body = fixture_form("status_read", sid=message.provider_message_id.removeprefix("SM"))

    assert post_webhook("/webhooks/twilio/status/", body, signature="AAAA").status_code == 403
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT


def test_status_callback_without_a_status_is_a_400(twilio_settings, post_webhook):
    assert post_webhook("/webhooks/twilio/status/", "MessageSid=SM123").status_code == 400


def test_unknown_status_values_are_ignored():
    assert outbound_status_update(provider_message_id="SMx", status="exploded") is False
