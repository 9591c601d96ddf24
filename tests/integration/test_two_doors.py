"""One deployment with a Twilio number and a Meta number: two patients write in the same
run, a real Celery worker (Redis, PostgreSQL) answers each through the door they used."""

import os
import time
import uuid

import pytest
from django.db import connection

from conversations.models import Conversation, InboundMessage, OutboundMessage
from tests.conftest import PUBLIC_BASE_URL, fixture_form, meta_fixture
from tests.fakes import processes
from tests.fakes.graph_server import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
MARTA = "5511987654321"  # writes to the Meta number; Priya (447700900123) to the Twilio one


@pytest.fixture
def worker(twilio_settings, meta_settings, fake_twilio, fake_graph):
    if connection.vendor != "postgresql" or not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("needs PostgreSQL and a Redis broker")
    from clinicbot.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    env = {
        "DATABASE_URL": processes.database_url(connection.settings_dict),
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
        "TWILIO_API_BASE_URL": fake_twilio.base_url,
        "META_APP_SECRET": APP_SECRET,
        "META_VERIFY_TOKEN": VERIFY_TOKEN,
        "META_ACCESS_TOKEN": ACCESS_TOKEN,
        "META_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "META_GRAPH_BASE_URL": fake_graph.base_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
    }
    process = processes.start_worker(env, queue=queue)
    try:
        processes.wait_for_worker(process)
        yield process
    finally:
        processes.stop(process)
        app.conf.task_default_queue = previous_queue


def sent(row: OutboundMessage) -> OutboundMessage:
    for _ in range(50):
        row.refresh_from_db()
        if row.status == OutboundMessage.Status.SENT:
            break
        time.sleep(0.1)
    return row


def test_a_twilio_patient_and_a_meta_patient_are_each_answered_through_their_own_door(
    worker, fake_twilio, fake_graph, post_webhook, post_meta
):
    twilio_response = post_webhook("/webhooks/twilio/whatsapp/", fixture_form("text"))
    meta_response = post_meta(
        meta_fixture("text_any", id="wamid.MARTA1", text="Hola, quiero una cita", **{"from": MARTA})
    )

    assert (twilio_response.status_code, meta_response.status_code) == (200, 200)
    [to_priya] = fake_twilio.wait_for(1, timeout=20)
    [to_marta] = fake_graph.wait_for(1, timeout=20)
    assert to_priya.form["To"] == "whatsapp:+447700900123"
    assert to_marta.body["to"] == MARTA
    assert to_marta.auth == f"Bearer {ACCESS_TOKEN}"
    priya = Conversation.objects.get(channel=Conversation.Channel.TWILIO)
    marta = Conversation.objects.get(channel=Conversation.Channel.META)
    assert (priya.channel_user_id, marta.channel_user_id) == ("447700900123", MARTA)
    assert marta.language == "es"
    assert sent(priya.outbound_messages.get()).provider_message_id == to_priya.sid
    assert sent(marta.outbound_messages.get()).provider_message_id == to_marta.wamid
    assert InboundMessage.objects.filter(processed_at__isnull=True).count() == 0


def test_one_number_writing_to_both_doors_has_two_conversations_each_answered_on_its_door(
    worker, fake_twilio, fake_graph, post_webhook, post_meta
):
    post_webhook("/webhooks/twilio/whatsapp/", fixture_form("text"))
    post_meta(meta_fixture("text_any", id="wamid.PRIYA1", text="Hi again", **{"from": "447700900123"}))

    fake_twilio.wait_for(1, timeout=20)
    fake_graph.wait_for(1, timeout=20)
    time.sleep(0.5)  # anything crossing doors would have arrived by now

    assert [r.form["To"] for r in fake_twilio.requests] == ["whatsapp:+447700900123"]
    assert [r.body["to"] for r in fake_graph.messages()] == ["447700900123"]
    assert sorted(Conversation.objects.values_list("channel", flat=True)) == ["meta", "twilio"]
