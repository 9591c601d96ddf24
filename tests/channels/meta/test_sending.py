"""Sending through the Graph API: text, reply buttons, lists, numbered text, templates
outside the 24-hour window, media download, and each error code mapped to our Failure."""

import json

import httpx
import pytest
from django.utils import timezone

from conversations.channels import channel_for
from conversations.channels.base import ChannelError, Failure, OutgoingMessage
from conversations.models import Conversation, Escalation, OutboundMessage
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.tasks import outbound_send_task
from tests.conversations.factories import ConversationFactory, OutboundMessageFactory
from tests.fakes.graph_server import ACCESS_TOKEN, PHONE_NUMBER_ID, VERSION, ScriptedResponse

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def conversation(meta_settings):
    return ConversationFactory(channel=Conversation.Channel.META, language="en")


def queued(conversation, reply: Reply, capture) -> OutboundMessage:
    with capture(execute=True):
        [row] = reply_queue(conversation=conversation, replies=[reply])
    row.refresh_from_db()
    return row


def test_a_text_reply_is_posted_to_the_numbers_messages_edge(
    conversation, fake_graph, django_capture_on_commit_callbacks
):
    row = queued(conversation, Reply("Hello!", origin=Origin.COPY), django_capture_on_commit_callbacks)

    [request] = fake_graph.messages()
    assert request.path == f"/{VERSION}/{PHONE_NUMBER_ID}/messages"
    assert request.auth == f"Bearer {ACCESS_TOKEN}"
    assert request.body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": conversation.channel_user_id,
        "type": "text",
        "text": {"preview_url": False, "body": "Hello!"},
    }
    assert row.status == OutboundMessage.Status.SENT
    assert row.provider_message_id == request.wamid


def test_up_to_three_short_options_are_reply_buttons(
    conversation, fake_graph, django_capture_on_commit_callbacks
):
    options = [{"id": "yes", "title": "Yes"}, {"id": "no", "title": "No"}]

    row = queued(
        conversation,
        Reply("Shall I book it?", options=options, origin=Origin.COPY),
        django_capture_on_commit_callbacks,
    )

    assert row.body == "Shall I book it?"  # no numbers: the buttons carry the options
    [request] = fake_graph.messages()
    assert request.body["type"] == "interactive"
    assert request.body["interactive"] == {
        "type": "button",
        "body": {"text": "Shall I book it?"},
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": "yes", "title": "Yes"}},
                {"type": "reply", "reply": {"id": "no", "title": "No"}},
            ]
        },
    }


def test_more_options_or_longer_titles_become_a_list_with_a_button_in_the_patients_language(
    meta_settings, fake_graph, django_capture_on_commit_callbacks
):
    conversation = ConversationFactory(channel=Conversation.Channel.META, language="es")
    options = [{"id": f"slot:{n}", "title": f"Martes {9 + n}:00"} for n in range(5)]

    queued(
        conversation,
        Reply("¿Cuál prefieres?", options=options, origin=Origin.COPY),
        django_capture_on_commit_callbacks,
    )

    [request] = fake_graph.messages()
    interactive = request.body["interactive"]
    assert interactive["type"] == "list"
    assert interactive["action"]["button"] == "Elegir"
    assert interactive["action"]["sections"] == [
        {"rows": [{"id": o["id"], "title": o["title"]} for o in options]}
    ]
    assert all(len(row["title"]) <= 24 for row in interactive["action"]["sections"][0]["rows"])


def test_three_options_with_a_title_over_twenty_characters_are_a_list_not_buttons(
    conversation, fake_graph, django_capture_on_commit_callbacks
):
    options = [
        {"id": "a", "title": "General consultation"},
        {"id": "b", "title": "Check-up"},
        {"id": "c", "title": "Vaccine"},
    ]
    assert len(options[0]["title"]) == 20
    options[0]["title"] = "General consultation!"  # 21: too long for a button, fine for a row

    queued(
        conversation,
        Reply("Which kind?", options=options, origin=Origin.COPY),
        django_capture_on_commit_callbacks,
    )

    assert fake_graph.messages()[0].body["interactive"]["type"] == "list"


def test_a_text_too_long_for_an_interactive_body_keeps_every_word_and_numbers_the_options(
    conversation, fake_graph, django_capture_on_commit_callbacks
):
    long_text = "Before you choose: " + "please read this. " * 60
    assert len(long_text) > 1024
    options = [{"id": "yes", "title": "Yes"}, {"id": "no", "title": "No"}]

    row = queued(
        conversation,
        Reply(long_text, options=options, origin=Origin.COPY),
        django_capture_on_commit_callbacks,
    )

    [request] = fake_graph.messages()
    assert request.body["type"] == "text"
    assert request.body["text"]["body"] == row.body
    assert row.body.startswith(long_text) and "2. No" in row.body


def test_eleven_options_are_numbered_in_the_text(
    conversation, fake_graph, django_capture_on_commit_callbacks
):
    options = [{"id": f"o{n}", "title": f"Option {n}"} for n in range(1, 12)]

    row = queued(
        conversation,
        Reply("Pick one", options=options, origin=Origin.COPY),
        django_capture_on_commit_callbacks,
    )

    [request] = fake_graph.messages()
    assert request.body["type"] == "text"
    assert request.body["text"]["body"] == row.body
    assert "11. Option 11" in row.body


def test_a_template_goes_out_with_its_name_language_and_parameters(meta_settings, conversation, fake_graph):
    meta_settings.META_TEMPLATES = {"reminder": {"pt-BR": "appointment_reminder"}}
    conversation.last_inbound_at = timezone.now() - timezone.timedelta(days=3)
    conversation.save()
    message = OutboundMessageFactory(
        conversation=conversation,
        body="",
        template="reminder:pt-BR",
        content_variables={"1": "Ana", "2": "terça, 10:00", "3": "Dra. Rao"},
    )
    outbound_send_task.delay(message.pk)

    [request] = fake_graph.messages()
    assert request.body["type"] == "template"
    assert request.body["template"] == {
        "name": "appointment_reminder",
        "language": {"code": "pt_BR"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": "Ana"},
                    {"type": "text", "text": "terça, 10:00"},
                    {"type": "text", "text": "Dra. Rao"},
                ],
            }
        ],
    }
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT


def test_free_text_outside_the_window_is_not_sent_and_staff_are_alerted(conversation, fake_graph):
    conversation.last_inbound_at = timezone.now() - timezone.timedelta(hours=25)
    conversation.save()
    message = OutboundMessageFactory(conversation=conversation)

    outbound_send_task.delay(message.pk)

    assert fake_graph.messages() == []
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    assert Escalation.objects.get().reason == Escalation.Reason.WINDOW_CLOSED


def test_a_voice_note_is_downloaded_through_the_graph_api(meta_settings, fake_graph):
    media_id = fake_graph.media_add(b"OggS\x00voice", "audio/ogg")

    media = channel_for("meta").media_download(
        {"media_id": media_id, "content_type": "audio/ogg; codecs=opus"}
    )

    assert (media.content, media.content_type) == (b"OggS\x00voice", "audio/ogg")
    assert all(r.auth == f"Bearer {ACCESS_TOKEN}" for r in fake_graph.requests)


def test_an_unknown_media_id_is_a_permanent_failure(meta_settings, fake_graph):
    with pytest.raises(ChannelError) as raised:
        channel_for("meta").media_download({"media_id": "404", "content_type": "audio/ogg"})

    assert (raised.value.failure, raised.value.retryable) == (Failure.REJECTED, False)


# --- each error code, as the Graph API answers it -------------------------------------------
@pytest.mark.parametrize(
    ("status", "code", "failure", "retryable"),
    [
        (400, 131047, Failure.WINDOW_CLOSED, False),  # re-engagement message
        (400, 131050, Failure.OPTED_OUT, False),  # user stopped messages from the business
        (400, 131026, Failure.INVALID_NUMBER, False),  # undeliverable
        (400, 131030, Failure.INVALID_NUMBER, False),  # not in the allowed list
        (400, 132001, Failure.TEMPLATE_REQUIRED, False),  # template does not exist
        (400, 132000, Failure.TEMPLATE_REQUIRED, False),  # parameter count mismatch
        (400, 130429, Failure.RATE_LIMITED, True),  # throughput limit
        (400, 131056, Failure.RATE_LIMITED, True),  # pair rate limit
        (400, 80007, Failure.RATE_LIMITED, True),  # account rate limit
        (400, 100, Failure.REJECTED, False),  # invalid parameter
        (401, 190, Failure.REJECTED, False),  # access token expired
        (500, 131000, Failure.TRANSIENT, True),  # something went wrong
        (503, 2, Failure.TRANSIENT, True),  # service temporarily unavailable
        (429, 999999, Failure.RATE_LIMITED, True),  # an unknown code: the HTTP status decides
        (502, 999999, Failure.TRANSIENT, True),
        (400, 999999, Failure.REJECTED, False),
    ],
)
def test_each_graph_error_code_maps_to_our_failure(
    meta_settings, fake_graph, status, code, failure, retryable
):
    fake_graph.script.append(ScriptedResponse(status=status, code=code))

    with pytest.raises(ChannelError) as raised:
        channel_for("meta").send(
            OutgoingMessage(to_user_id="447700900123", to_phone_e164="+447700900123", body="Hi")
        )

    assert (raised.value.failure, raised.value.retryable, raised.value.code) == (
        failure,
        retryable,
        str(code),
    )


def test_a_timeout_is_transient_and_its_outcome_unknown(meta_settings, fake_graph):
    meta_settings.META_TIMEOUT_SECONDS = 0.3
    fake_graph.script.append(ScriptedResponse(delay=1.0))

    with pytest.raises(ChannelError) as raised:
        channel_for("meta").send(
            OutgoingMessage(to_user_id="447700900123", to_phone_e164="+447700900123", body="Hi")
        )

    assert (raised.value.failure, raised.value.code) == (Failure.TRANSIENT, "network")


def test_a_rate_limited_send_is_retried_and_then_delivered(conversation, fake_graph):
    fake_graph.script.append(ScriptedResponse(status=400, code=130429, message="Rate limit hit"))
    message = OutboundMessageFactory(conversation=conversation)

    outbound_send_task.delay(message.pk)

    assert len(fake_graph.messages()) == 2
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboundMessage.Status.SENT, 2)


def test_a_re_engagement_error_fails_the_message_and_alerts_staff_without_a_retry(conversation, fake_graph):
    fake_graph.script.append(ScriptedResponse(status=400, code=131047, message="Re-engagement message"))
    message = OutboundMessageFactory(conversation=conversation)

    outbound_send_task.delay(message.pk)

    assert len(fake_graph.messages()) == 1
    message.refresh_from_db()
    assert (message.status, message.error_code) == (OutboundMessage.Status.FAILED, "131047")
    assert Escalation.objects.get().reason == Escalation.Reason.WINDOW_CLOSED


def test_a_user_who_stopped_messages_is_marked_opted_out(conversation, fake_graph):
    fake_graph.script.append(ScriptedResponse(status=400, code=131050, message="User stopped"))

    outbound_send_task.delay(OutboundMessageFactory(conversation=conversation).pk)

    conversation.refresh_from_db()
    assert conversation.opted_out
    assert not Escalation.objects.exists()


def test_the_fake_answers_errors_in_the_graph_apis_shape(meta_settings, fake_graph):
    fake_graph.script.append(ScriptedResponse(status=400, code=131047, message="Re-engagement message"))

    response = httpx.post(
        f"{fake_graph.base_url}/{PHONE_NUMBER_ID}/messages",
        json={"messaging_product": "whatsapp", "to": "1", "type": "text", "text": {"body": "x"}},
        headers={"Authorization": f"Bearer {ACCESS_TOKEN}"},
    )

    error = json.loads(response.content)["error"]
    assert (response.status_code, error["code"], error["type"]) == (400, 131047, "OAuthException")
    assert set(error) == {"message", "type", "code", "error_data", "fbtrace_id"}
