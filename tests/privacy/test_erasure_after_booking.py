"""A patient writes a name, an address, an ID number and a date in one message, books
through the bot, then is erased: afterwards no table, the append-only traces included,
holds any of it."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from conversations.privacy import patient_data_erase
from scheduling.models import Appointment
from tests.privacy.conftest import WEBHOOK, inbound_form
from tests.privacy.test_privacy import stored_text_holding

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
PHONE = "+447700900456"
SECRETS = [
    "447700900456",
    "Priya",
    "Sharma",
    "Elm Road",
    "943 476 5919",
    "9434765919",
    "1984-03-02",
    "02/03/1984",
]
MESSAGES = [
    "Hi, this is Priya Sharma from flat 3 Elm Road, my NHS no is 943 476 5919, "
    "can I book a new patient consultation with Dr Carlos tomorrow at 10?",
    "Priya Sharma",
    "02/03/1984",
    "1",
    "yes",
]


def test_a_booked_and_erased_patient_leaves_nothing_personal_anywhere(post_webhook, twilio_settings):
    call_command("load_clinic", str(CLINIC), verbosity=0)
    with time_machine.travel(datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo")), tick=True):
        for sid, body in enumerate(MESSAGES, start=100):
            post_webhook(WEBHOOK, inbound_form(sid, body=body, phone=PHONE, name="Priya"))
    assert Appointment.objects.filter(patient__phone_e164=PHONE, status=Appointment.Status.BOOKED).exists()
    assert stored_text_holding(SECRETS)  # the scan sees the patient before the erasure

    patient_data_erase(phone=PHONE, actor_user_id=None)

    assert stored_text_holding(SECRETS) == []
