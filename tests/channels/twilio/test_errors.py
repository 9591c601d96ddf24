"""Twilio's error codes, as the Messages API answers them, mapped to our Failure."""

import pytest

from conversations.channels import channel_for
from conversations.channels.base import ChannelError, Failure, OutgoingMessage
from tests.fakes.twilio_server import ScriptedResponse

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.mark.parametrize(
    ("status", "code", "failure", "retryable"),
    [
        (400, 21610, Failure.OPTED_OUT, False),
        (400, 63016, Failure.WINDOW_CLOSED, False),
        (400, 21211, Failure.INVALID_NUMBER, False),
        (400, 63003, Failure.INVALID_NUMBER, False),
        (429, 63018, Failure.RATE_LIMITED, True),
        (429, 20429, Failure.RATE_LIMITED, True),
        (400, 63027, Failure.TEMPLATE_REQUIRED, False),
        (500, 20500, Failure.TRANSIENT, True),
        (503, 20503, Failure.TRANSIENT, True),
        (401, 20003, Failure.REJECTED, False),
        (400, 21602, Failure.REJECTED, False),
    ],
)
def test_each_twilio_error_code_maps_to_our_failure(
    twilio_settings, fake_twilio, status, code, failure, retryable
):
    fake_twilio.script.append(ScriptedResponse(status=status, code=code))

    with pytest.raises(ChannelError) as raised:
        channel_for("twilio").send(OutgoingMessage("447700900123", "+447700900123", body="Hi"))

    assert (raised.value.failure, raised.value.retryable, raised.value.code) == (
        failure,
        retryable,
        str(code),
    )


def test_a_reminder_template_missing_for_the_language_is_template_required(twilio_settings, fake_twilio):
    twilio_settings.TWILIO_REMINDER_CONTENT_SIDS = {"en": "HX" + "c" * 32}

    with pytest.raises(ChannelError) as raised:
        channel_for("twilio").send(
            OutgoingMessage("447700900123", "+447700900123", template="reminder", language="es")
        )

    assert raised.value.failure == Failure.TEMPLATE_REQUIRED
    assert fake_twilio.requests == []


def test_a_reminder_template_is_resolved_for_the_language(twilio_settings, fake_twilio):
    twilio_settings.TWILIO_REMINDER_CONTENT_SIDS = {"es": "HX" + "c" * 32}

    channel_for("twilio").send(
        OutgoingMessage(
            "447700900123", "+447700900123", template="reminder", language="es", variables={"1": "Ana"}
        )
    )

    [request] = fake_twilio.requests
    assert (request.form["ContentSid"], request.form["ContentVariables"]) == ("HX" + "c" * 32, '{"1": "Ana"}')


def test_the_appointment_template_reception_sends_is_resolved_for_the_language(twilio_settings, fake_twilio):
    twilio_settings.TWILIO_APPOINTMENT_CONTENT_SIDS = {"pt-BR": "HX" + "d" * 32}
    twilio = channel_for("twilio")

    twilio.send(OutgoingMessage("5511977771234", "+5511977771234", template="appointment", language="pt-BR"))

    [request] = fake_twilio.requests
    assert request.form["ContentSid"] == "HX" + "d" * 32
    assert not twilio.has_template("appointment", "es")


def test_a_body_too_long_for_a_quick_reply_template_numbers_the_options_instead(
    twilio_settings, fake_twilio, django_capture_on_commit_callbacks
):
    from conversations.outbox.queue import Origin, Reply, reply_queue
    from tests.conversations.factories import ConversationFactory

    twilio_settings.TWILIO_OPTIONS_CONTENT_SIDS = {"2": "HX" + "b" * 32}
    long_text = "Before you choose: " + "please read this. " * 60
    options = [{"id": "yes", "title": "Yes"}, {"id": "no", "title": "No"}]

    with django_capture_on_commit_callbacks(execute=True):
        [row] = reply_queue(
            conversation=ConversationFactory(),
            replies=[Reply(long_text, options=options, origin=Origin.COPY)],
        )

    [request] = fake_twilio.requests
    assert "ContentSid" not in request.form
    assert request.form["Body"] == row.body
    assert row.body.startswith(long_text) and "2. No" in row.body
