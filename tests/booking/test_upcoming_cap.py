"""The booking shell hands the clinic's cap on upcoming appointments to the machine as an
effect result, never as a crash."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from booking import machine
from booking.services import _carry_out, _world
from scheduling import services as calendar
from scheduling.interface import scheduling_service
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from scheduling.selectors import clinic_get
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))


def test_booking_past_the_cap_comes_back_to_the_machine_as_a_refusal(time_machine):
    time_machine.move_to(NOW)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    joao = Patient.objects.get(phone_e164="+5511987654321")
    ana = Practitioner.objects.get(code="ana-souza")
    checkup = AppointmentType.objects.get(code="checkup")
    for days in (2, 4, 7):  # Wednesday, Friday and Monday, when Dra. Ana works
        calendar.appointment_create(
            patient=joao,
            practitioner=ana,
            appointment_type=checkup,
            start=NOW.replace(hour=9) + timedelta(days=days),
            actor=calendar.Actor.bot(),
        )
    conversation = ConversationFactory(channel_user_id="5511987654321", phone_e164=joao.phone_e164)
    hold = calendar.slot_hold(
        practitioner=ana, start=NOW.replace(hour=14) + timedelta(days=7), appointment_type=checkup
    )
    world = _world(
        clinic=clinic_get(), phone=joao.phone_e164, language="pt-BR", now=NOW, conversation_id=conversation.pk
    )

    result = _carry_out(
        machine.Book(hold_id=hold.pk, patient_id=joao.pk),
        session=machine.Session(flow=machine.Flow("book")),
        world=world,
        conversation_id=conversation.pk,
        phone=joao.phone_e164,
        language="pt-BR",
        service=scheduling_service(now=NOW),
    )

    assert isinstance(result, machine.ChangeFailed)
    assert Appointment.objects.filter(patient=joao).count() == 3
