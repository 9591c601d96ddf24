import logging

import pytest
from django.test import RequestFactory

from audit.models import TraceEvent
from conversations.channels.twilio.webhook import signature_valid
from conversations.models import Conversation, Escalation, InboundMessage, OutboundMessage
from tests.conftest import fixture_form, sign

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
WEBHOOK = "/webhooks/twilio/whatsapp/"


def test_signature_matches_twilios_published_vector():
    body = fixture_form("text")
    request = RequestFactory().post(
        "/whatsapp/inbound/",
        body,
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE="CsI/zrFYFkDfNzTEb0wUg6XmIHk=",
    )
    from django.test import override_settings

    with override_settings(PUBLIC_BASE_URL="https://clinic.example.com"):
        assert signature_valid(request, auth_token="test_auth_token")
        assert not signature_valid(request, auth_token="another_token")


def test_text_message_is_stored_processed_and_answered(post_webhook):
    response = post_webhook(WEBHOOK, fixture_form("text"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert b"<Response/>" in response.content
    inbound = InboundMessage.objects.get()
    assert inbound.text == "Hi, can I book a check-up on Thursday?"
    assert inbound.raw_payload["ProfileName"] == "Priya"
    assert inbound.processed_at is not None
    conversation = inbound.conversation
    assert conversation.phone_e164 == "+447700900123"
    assert conversation.channel_user_id == "447700900123"
    assert conversation.last_inbound_at == inbound.received_at
    reply = OutboundMessage.objects.get()
    assert reply.status == OutboundMessage.Status.DELIVERED  # the simulator channel
    assert "team" in reply.body
    assert TraceEvent.objects.filter(
        conversation=conversation, type=TraceEvent.Type.INCOMING_MESSAGE
    ).exists()


def test_bad_signature_is_refused_and_touches_nothing(post_webhook, caplog):
    with caplog.at_level(logging.WARNING):
        response = post_webhook(WEBHOOK, fixture_form("text"), signature="bm90LWEtc2lnbmF0dXJl")

    assert response.status_code == 403
    assert not Conversation.objects.exists()
    assert not InboundMessage.objects.exists()
    assert "X-Twilio-Signature" in caplog.text


def test_missing_signature_is_refused(client):
    response = client.post(WEBHOOK, fixture_form("text"), content_type="application/x-www-form-urlencoded")

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


def test_tampered_body_is_refused(post_webhook, settings):
    body = fixture_form("text")
    from conversations.channels.twilio import webhook_auth_token

    signature = sign("http://testserver" + WEBHOOK, body, webhook_auth_token())
    response = post_webhook(WEBHOOK, body.replace("Thursday", "Friday"), signature=signature)

    assert response.status_code == 403


def test_signature_is_checked_against_the_public_url_behind_a_tls_proxy(post_webhook, settings):
    # The proxy terminates TLS and forwards plain HTTP to an internal host name.
    settings.PUBLIC_BASE_URL = "https://clinic.example.com"
    settings.ALLOWED_HOSTS = ["web"]
    response = post_webhook(
        WEBHOOK, fixture_form("text"), HTTP_HOST="web:8000", HTTP_X_FORWARDED_PROTO="http"
    )

    assert response.status_code == 200
    assert InboundMessage.objects.count() == 1


def test_signature_made_for_http_is_refused_when_public_url_is_https(post_webhook, settings):
    from conversations.channels.twilio import webhook_auth_token

    settings.PUBLIC_BASE_URL = "https://clinic.example.com"
    body = fixture_form("text")
    signature = sign("http://clinic.example.com" + WEBHOOK, body, webhook_auth_token())

    assert post_webhook(WEBHOOK, body, signature=signature).status_code == 403


def test_forwarded_proto_is_honoured_without_a_public_url(post_webhook, settings, client):
    from conversations.channels.twilio import webhook_auth_token

    settings.PUBLIC_BASE_URL = ""
    body = fixture_form("text")
    signature = sign("https://testserver" + WEBHOOK, body, webhook_auth_token())
    response = client.post(
        WEBHOOK,
        body,
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE=signature,
        HTTP_X_FORWARDED_PROTO="https",
    )

    assert response.status_code == 200


def test_repeated_message_sid_is_acknowledged_and_dropped(post_webhook):
    first = post_webhook(WEBHOOK, fixture_form("text"))
    second = post_webhook(WEBHOOK, fixture_form("text"))

    assert first.status_code == second.status_code == 200
    assert InboundMessage.objects.count() == 1
    assert OutboundMessage.objects.count() == 1


@pytest.mark.parametrize("field, value", [("From", "not-a-number"), ("MessageSid", ""), ("NumMedia", "two")])
def test_malformed_form_gets_400_and_a_log_line(post_webhook, caplog, field, value):
    from urllib.parse import parse_qsl, urlencode

    form = dict(parse_qsl(fixture_form("text"), keep_blank_values=True))
    form[field] = value
    with caplog.at_level(logging.WARNING):
        response = post_webhook(WEBHOOK, urlencode(form))

    assert response.status_code == 400
    assert "malformed" in caplog.text
    assert not InboundMessage.objects.exists()


def test_oversized_body_is_refused(post_webhook):
    response = post_webhook(WEBHOOK, fixture_form("text") + "&Junk=" + "x" * 70_000)

    assert response.status_code == 413
    assert not InboundMessage.objects.exists()


def test_voice_note_is_stored_with_its_media_and_answered_honestly(post_webhook):
    post_webhook(WEBHOOK, fixture_form("voice_note"))

    inbound = InboundMessage.objects.get()
    assert inbound.kind == InboundMessage.Kind.MEDIA
    assert inbound.media == [{"url": inbound.raw_payload["MediaUrl0"], "content_type": "audio/ogg"}]
    # The simulator door keeps no media: the note cannot be fetched, and the patient is told.
    assert inbound.voice_status == "failed"
    reply = OutboundMessage.objects.get()
    assert "voice note" in reply.body
    assert not Escalation.objects.exists()


def test_button_tap_keeps_its_payload_and_the_replied_message(post_webhook):
    post_webhook(WEBHOOK, fixture_form("button_tap"))

    inbound = InboundMessage.objects.get()
    assert inbound.kind == InboundMessage.Kind.BUTTON
    assert inbound.button_payload == "confirm_appt_8812"
    assert inbound.button_text == "Confirm"
    assert inbound.reply_to_provider_id == "MM55555555555555555555555555555555"


def test_location_is_normalised(post_webhook):
    post_webhook(WEBHOOK, fixture_form("location"))

    inbound = InboundMessage.objects.get()
    assert inbound.kind == InboundMessage.Kind.LOCATION
    assert inbound.location == {
        "latitude": "-23.5613",
        "longitude": "-46.6565",
        "address": "Av. Paulista, 1000",
        "label": "Home",
    }
    assert "location" in OutboundMessage.objects.get().body


def test_get_is_not_allowed(client):
    assert client.get(WEBHOOK).status_code == 405


def test_a_voice_notes_media_is_downloaded_with_the_accounts_credentials(twilio_settings, fake_twilio):
    from conversations.channels import channel_for
    from tests.fakes.twilio_server import ACCOUNT_SID

    path = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM{'2' * 32}/Media/ME{'3' * 32}"
    fake_twilio.media[path] = (b"OggS\x00voice", "audio/ogg")

    media = channel_for("twilio").media_download(
        {"url": "https://api.twilio.com" + path, "content_type": "audio/ogg"}
    )

    assert (media.content, media.content_type) == (b"OggS\x00voice", "audio/ogg")


def test_a_missing_media_file_is_a_permanent_failure(twilio_settings, fake_twilio):
    from conversations.channels import channel_for
    from conversations.channels.base import ChannelError, Failure

    with pytest.raises(ChannelError) as raised:
        channel_for("twilio").media_download(
            {
                "url": "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "content_type": "",
            }
        )

    assert raised.value.failure == Failure.REJECTED


def test_without_twilio_or_the_simulator_the_twilio_door_refuses_even_the_simulators_signature(
    post_webhook, settings
):
    # A Meta-only production deployment: nothing may come in through Twilio's door.
    simulator_token = settings.SIMULATOR_AUTH_TOKEN
    settings.SIMULATOR_ENABLED = False
    body = fixture_form("text")

    response = post_webhook(
        WEBHOOK, body, signature=sign("http://testserver" + WEBHOOK, body, simulator_token)
    )

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()
