"""Meta's webhook: the handshake, the signature over the raw body, every message and status
of an envelope stored once, each kind of message normalised."""

import json
import logging

import pytest

from conversations.channels.meta.webhook import signature
from conversations.models import Conversation, InboundMessage, OutboundMessage
from tests.conftest import META_WEBHOOK, meta_fixture
from tests.fakes.graph_server import APP_SECRET, VERIFY_TOKEN

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def text(wamid: str = "wamid.A1", body: str = "Hello", sender: str = "447700900123") -> bytes:
    return meta_fixture("text_any", id=wamid, text=body, **{"from": sender})


# --- the verification handshake ------------------------------------------------------------
def test_the_handshake_with_the_right_token_answers_the_raw_challenge(client, meta_settings):
    response = client.get(
        META_WEBHOOK,
        {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"},
    )

    assert response.status_code == 200
    assert response.content == b"1158201444"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    "query",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong-token", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
def test_the_handshake_with_a_wrong_token_or_mode_is_refused(client, meta_settings, query):
    response = client.get(META_WEBHOOK, query)

    assert response.status_code == 403
    assert b"1" not in response.content


def test_with_meta_unconfigured_no_token_passes_the_handshake(client, settings):
    settings.META_VERIFY_TOKEN = ""

    response = client.get(
        META_WEBHOOK, {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"}
    )

    assert response.status_code == 403


# --- the signature -------------------------------------------------------------------------
def test_the_signature_matches_the_external_vector():
    # HMAC-SHA256(key="secret", msg="test"), from whatsapp_sdk's compute_signature doctest
    assert signature(b"test", secret="secret") == (
        "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914"
    )


def test_the_signature_matches_the_local_fixture_vector():
    assert signature(meta_fixture("text"), secret="test_app_secret") == (
        "sha256=f4f8066adad1da8ffe682516a205348fddc69887ae913155fbda09610d1dbf3d"
    )


def test_a_webhook_signed_with_the_app_secret_is_stored_and_acknowledged(
    meta_settings, fake_graph, post_meta
):
    body = meta_fixture("text")

    response = post_meta(
        body, signature="sha256=f4f8066adad1da8ffe682516a205348fddc69887ae913155fbda09610d1dbf3d"
    )

    assert response.status_code == 200
    inbound = InboundMessage.objects.get()
    assert (inbound.provider_message_id, inbound.text, inbound.profile_name) == ("wamid.TEST1", "Hi", "Priya")
    conversation = inbound.conversation
    assert (conversation.channel, conversation.channel_user_id, conversation.phone_e164) == (
        "meta",
        "447700900123",
        "+447700900123",
    )


def test_a_webhook_signed_with_another_secret_is_refused_and_nothing_stored(meta_settings, post_meta, caplog):
    body = meta_fixture("text")

    with caplog.at_level(logging.WARNING):
        response = post_meta(body, signature=signature(body, secret="not-the-app-secret"))

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()
    assert not Conversation.objects.exists()
    assert "X-Hub-Signature-256" in caplog.text


def test_a_re_serialised_body_does_not_pass_with_the_original_signature(meta_settings, post_meta):
    original = meta_fixture("text")
    reserialised = json.dumps(json.loads(original)).encode()  # same JSON, spaces after separators
    assert reserialised != original

    response = post_meta(reserialised, signature=signature(original, secret=APP_SECRET))

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


def test_a_webhook_without_a_signature_is_refused(meta_settings, client):
    response = client.post(META_WEBHOOK, meta_fixture("text"), content_type="application/json")

    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


def test_with_meta_unconfigured_and_the_simulator_off_every_webhook_is_refused(settings, post_meta):
    settings.META_CONFIGURED = False
    settings.SIMULATOR_ENABLED = False

    response = post_meta(meta_fixture("text"), signature=signature(meta_fixture("text"), secret=""))

    assert response.status_code == 403


def test_a_signed_body_that_is_not_json_is_a_400(meta_settings, post_meta):
    response = post_meta(b"not json")

    assert response.status_code == 400
    assert not InboundMessage.objects.exists()


# --- once and only once --------------------------------------------------------------------
def test_a_duplicate_wamid_is_acknowledged_and_dropped(meta_settings, fake_graph, post_meta):
    first = post_meta(text("wamid.DUP1", "Hi"))
    again = post_meta(text("wamid.DUP1", "Hi"))

    assert (first.status_code, again.status_code) == (200, 200)
    assert InboundMessage.objects.count() == 1
    assert len(fake_graph.messages()) == 1  # one reply, to the one message
    assert OutboundMessage.objects.count() == 1


def test_every_message_of_one_envelope_is_stored_once(meta_settings, fake_graph, post_meta):
    envelope = json.loads(text("wamid.M1", "Hi"))
    second = json.loads(text("wamid.M2", "Hola", sender="5511987654321"))
    envelope["entry"].append(second["entry"][0])
    envelope["entry"][0]["changes"][0]["value"]["messages"].append(
        {
            "from": "447700900123",
            "id": "wamid.M3",
            "timestamp": "1767261601",
            "type": "text",
            "text": {"body": "?"},
        }
    )

    assert post_meta(json.dumps(envelope).encode()).status_code == 200

    assert sorted(InboundMessage.objects.values_list("provider_message_id", flat=True)) == [
        "wamid.M1",
        "wamid.M2",
        "wamid.M3",
    ]
    assert Conversation.objects.filter(channel="meta").count() == 2
    assert InboundMessage.objects.filter(processed_at__isnull=True).count() == 0


def test_a_message_to_another_phone_number_of_the_app_is_left_alone(meta_settings, post_meta):
    body = text().replace(b'"phone_number_id":"123456123"', b'"phone_number_id":"999999999"')

    assert post_meta(body).status_code == 200

    assert not InboundMessage.objects.exists()


# --- kinds of message ----------------------------------------------------------------------
def test_a_reply_button_tap_is_a_button_with_its_id(meta_settings, post_meta):
    post_meta(
        meta_fixture(
            "button_reply",
            id="wamid.B1",
            payload="yes",
            title="Yes",
            context="wamid.OUT1",
            **{"from": "447700900123"},
        )
    )

    inbound = InboundMessage.objects.get()
    assert (inbound.kind, inbound.button_payload, inbound.button_text) == ("button", "yes", "Yes")
    assert inbound.reply_to_provider_id == "wamid.OUT1"


def test_a_list_row_chosen_is_a_button_with_the_rows_id(meta_settings, post_meta):
    post_meta(
        meta_fixture(
            "list_reply",
            id="wamid.L1",
            payload="slot:7",
            title="Tue 10:00",
            context="wamid.OUT2",
            **{"from": "447700900123"},
        )
    )

    inbound = InboundMessage.objects.get()
    assert (inbound.kind, inbound.button_payload, inbound.text) == ("button", "slot:7", "Tue 10:00")


def test_a_template_quick_reply_is_a_button_answering_the_template(meta_settings, post_meta):
    post_meta(
        meta_fixture(
            "template_button",
            id="wamid.T1",
            payload="reminder:confirm",
            title="Confirm",
            context="wamid.REM1",
            **{"from": "447700900123"},
        )
    )

    inbound = InboundMessage.objects.get()
    assert (inbound.kind, inbound.button_payload, inbound.reply_to_provider_id) == (
        "button",
        "reminder:confirm",
        "wamid.REM1",
    )


def test_a_voice_note_is_media_with_its_graph_id_and_type(meta_settings, post_meta):
    post_meta(
        meta_fixture(
            "audio", id="wamid.V1", media_id="1013859600285441", sha256="x", **{"from": "447700900123"}
        )
    )

    inbound = InboundMessage.objects.get()
    assert inbound.kind == "media"
    assert inbound.media == [{"media_id": "1013859600285441", "content_type": "audio/ogg; codecs=opus"}]


def test_a_shared_location_keeps_its_place(meta_settings, post_meta):
    post_meta(meta_fixture("location", id="wamid.P1", **{"from": "447700900123"}))

    inbound = InboundMessage.objects.get()
    assert inbound.kind == "location"
    assert inbound.location == {
        "latitude": "-23.5505",
        "longitude": "-46.6333",
        "address": "Av. Paulista 1000",
        "label": "Clinic",
    }


def test_a_reaction_asks_nothing_and_is_not_stored(meta_settings, fake_graph, post_meta):
    response = post_meta(
        meta_fixture("reaction", id="wamid.R1", context="wamid.OUT1", **{"from": "447700900123"})
    )

    assert response.status_code == 200
    assert not InboundMessage.objects.exists()
    assert fake_graph.messages() == []
