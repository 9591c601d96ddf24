import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError

from conversations import tasks
from conversations.models import InboundMessage, OutboundMessage
from tests.conftest import fixture_form

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
WEBHOOK = "/webhooks/twilio/whatsapp/"


def broker_down(*args, **kwargs):
    raise OperationalError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")


def test_a_webhook_arriving_while_the_broker_is_down_is_stored_and_acknowledged(post_webhook, monkeypatch):
    monkeypatch.setattr(tasks.conversation_process_task, "apply_async", broker_down)

    response = post_webhook(WEBHOOK, fixture_form("text"))

    assert response.status_code == 200
    assert InboundMessage.objects.get().processed_at is None


def test_the_inbound_sweep_answers_what_the_broker_dropped(post_webhook, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(tasks.conversation_process_task, "apply_async", broker_down)
        post_webhook(WEBHOOK, fixture_form("text"))
    InboundMessage.objects.update(received_at=timezone.now() - timezone.timedelta(minutes=10))

    assert tasks.inbound_sweep() == 1

    inbound = InboundMessage.objects.get()
    assert inbound.processed_at is not None
    assert OutboundMessage.objects.filter(in_reply_to=inbound).count() == 1
