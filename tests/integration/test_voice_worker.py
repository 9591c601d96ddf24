"""A voice note on PostgreSQL and Redis: the webhook stores it and answers at once, a real
worker of the voice queue transcribes it with the real model, a worker of the default
queue answers the turn through the real twilio SDK."""

import os
import uuid

import pytest
from django.db import connection

from conversations.models import InboundMessage, VoiceStatus
from tests.conftest import PUBLIC_BASE_URL, fixture_form
from tests.fakes import processes
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN
from tests.voice.speech import voice_note

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
MEDIA_PATH = f"/2010-04-01/Accounts/AC{'0' * 32}/Messages/MM{'2' * 32}/Media/ME{'3' * 32}"


@pytest.fixture
def workers(twilio_settings, fake_twilio):
    if connection.vendor != "postgresql" or not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("needs PostgreSQL and a Redis broker")
    from clinicbot.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    twilio_settings.CELERY_VOICE_QUEUE = queue + "-voice"
    env = {
        "DATABASE_URL": processes.database_url(connection.settings_dict),
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
        "TWILIO_API_BASE_URL": fake_twilio.base_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "CELERY_VOICE_QUEUE": queue + "-voice",
    }
    turns = processes.start_worker(env, queue=queue, name="turns")
    voice = processes.start_worker(env | {"CELERY_QUEUE": queue}, queue=queue + "-voice", name="voice")
    try:
        processes.wait_for_worker(turns)
        processes.wait_for_worker(voice)
        yield
    finally:
        processes.stop(turns)
        processes.stop(voice)
        app.conf.task_default_queue = previous_queue


def test_a_voice_note_is_heard_by_the_voice_worker_and_answered_by_the_turn_worker(
    workers, fake_twilio, post_webhook
):
    fake_twilio.media[MEDIA_PATH] = (
        voice_note("I need an appointment with the cardiologist", "en"),
        "audio/ogg",
    )

    response = post_webhook("/webhooks/twilio/whatsapp/", fixture_form("voice_note"))

    assert response.status_code == 200
    sent = fake_twilio.wait_for(1, timeout=90)
    inbound = InboundMessage.objects.get()
    assert inbound.voice_status == VoiceStatus.TRANSCRIBED
    assert "cardiologist" in inbound.text.lower()
    assert inbound.processed_at is not None
    assert sent and sent[0].form["To"] == "whatsapp:+447700900123"
