"""A signed webhook in, a real Celery worker consuming from Redis, the reply out through the
real twilio SDK to a loopback fake of Twilio's REST API."""

import os
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from conversations.models import InboundMessage, OutboundMessage
from tests.conftest import PUBLIC_BASE_URL, fixture_form
from tests.fakes import processes
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(twilio_settings, fake_twilio):
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
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
    }
    process = processes.start_worker(env, queue=queue)
    try:
        processes.wait_for_worker(process)
        yield process
    finally:
        processes.stop(process)
        app.conf.task_default_queue = previous_queue


def test_a_signed_webhook_is_answered_by_a_real_worker_through_twilio(worker, fake_twilio, post_webhook):
    assert settings.CELERY_BROKER_URL.startswith("redis://")

    response = post_webhook("/webhooks/twilio/whatsapp/", fixture_form("text"))

    assert response.status_code == 200
    [request] = fake_twilio.wait_for(1, timeout=20)
    assert request.form["To"] == "whatsapp:+447700900123"
    assert "team" in request.form["Body"]
    assert request.form["StatusCallback"] == PUBLIC_BASE_URL + "/webhooks/twilio/status/"
    assert InboundMessage.objects.get().processed_at is not None
    outbound = OutboundMessage.objects.get()
    for _ in range(50):
        outbound.refresh_from_db()
        if outbound.status == OutboundMessage.Status.SENT:
            break
        time.sleep(0.1)
    assert outbound.status == OutboundMessage.Status.SENT
    assert outbound.provider_message_id.startswith("SM")


def test_two_quick_messages_from_one_patient_are_answered_in_order(worker, fake_twilio, post_webhook):
    for n, word in enumerate(["STOP", "START"]):
        body = fixture_form("text").replace(
            "SM1111111111111111111111111111111", f"SM{n}111111111111111111111111111111"
        )
        post_webhook(
            "/webhooks/twilio/whatsapp/", body.replace("Hi%2C+can+I+book+a+check-up+on+Thursday%3F", word)
        )

    requests = fake_twilio.wait_for(2, timeout=20)

    assert [r.form["Body"].split()[0] for r in requests] == ["You", "Welcome"]
    assert InboundMessage.objects.filter(processed_at__isnull=True).count() == 0
