"""The executor's snapshot of the world the pure machine decides on."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from booking.services import _world
from scheduling import services as calendar
from scheduling.models import AppointmentType, Patient, Practitioner
from scheduling.selectors import clinic_get
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))


def snapshot(phone: str):
    conversation = ConversationFactory(channel_user_id=phone.lstrip("+"))
    return _world(
        clinic=clinic_get(), phone=phone, language="pt-BR", now=NOW, conversation_id=conversation.pk
    )


def test_a_patient_with_a_booked_appointment_may_take_returning_only_types(time_machine):
    time_machine.move_to(NOW)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    joao = Patient.objects.get(phone_e164="+5511987654321")
    calendar.appointment_create(
        patient=joao,
        practitioner=Practitioner.objects.get(code="ana-souza"),
        appointment_type=AppointmentType.objects.get(code="checkup"),
        start=NOW.replace(hour=9) + timedelta(days=4),
        actor=calendar.Actor.staff(None),
    )

    assert snapshot("+5511987654321").returning_patient is True


def test_a_patient_never_seen_may_not(time_machine):
    time_machine.move_to(NOW)
    call_command("load_clinic", str(CLINIC), verbosity=0)

    assert snapshot("+14155550123").returning_patient is False
