"""The simulator speaks through the Meta door too: a Meta-shaped envelope, signed with the
simulator's secret, posted to the real webhook and answered in the simulator's transcript."""

import pytest

from conversations.channels.meta.webhook import signature
from conversations.models import Conversation, OutboundMessage
from tests.conversations.test_simulator import PHONE
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def simulator_on(settings):
    settings.SIMULATOR_ENABLED = True
    settings.TWILIO_CONFIGURED = False
    settings.META_CONFIGURED = False
    return settings


def test_the_simulator_signs_a_meta_envelope_with_its_own_secret(client, simulator_on):
    client.force_login(receptionist())

    signed = client.post("/simulator/sign/", {"phone": PHONE, "body": "hola", "door": "meta"}).json()

    assert signed["url"] == "/webhooks/meta/whatsapp/"
    expected = signature(signed["body"].encode(), secret=simulator_on.SIMULATOR_AUTH_TOKEN)
    assert signed["headers"] == {"X-Hub-Signature-256": expected}


def test_a_simulated_meta_message_is_answered_on_the_meta_door(
    client, simulator_on, django_capture_on_commit_callbacks
):
    client.force_login(receptionist())
    signed = client.post("/simulator/sign/", {"phone": PHONE, "body": "hola", "door": "meta"}).json()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            signed["url"], signed["body"], content_type=signed["content_type"], **_headers(signed["headers"])
        )

    assert response.status_code == 200
    conversation = Conversation.objects.get()
    assert conversation.channel == Conversation.Channel.META
    reply = OutboundMessage.objects.get()
    assert reply.status == OutboundMessage.Status.DELIVERED  # kept by the simulator, not sent
    transcript = client.post("/simulator/transcript/", {"phone": PHONE, "door": "meta"}).text
    assert "hola" in transcript
    assert client.post("/simulator/transcript/", {"phone": PHONE, "door": "twilio"}).text.count("hola") == 0


def test_a_meta_envelope_signed_with_another_secret_is_refused_even_for_the_simulator(client, simulator_on):
    client.force_login(receptionist())
    signed = client.post("/simulator/sign/", {"phone": PHONE, "body": "hola", "door": "meta"}).json()

    response = client.post(
        signed["url"],
        signed["body"],
        content_type="application/json",
        HTTP_X_HUB_SIGNATURE_256=signature(signed["body"].encode(), secret="guess"),
    )

    assert response.status_code == 403
    assert not Conversation.objects.exists()


def _headers(headers: dict[str, str]) -> dict[str, str]:
    return {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}
