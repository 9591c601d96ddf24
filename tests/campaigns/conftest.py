"""A recall campaign at the example clinic (São Paulo): on Monday 7 December 2026 at 10:00,
while Dra. Ana Souza works, three patients (Portuguese, Spanish, English) whose last
check-up with her was fourteen months ago."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from conversations.models import Campaign
from scheduling.models import Appointment, AppointmentType, Location, Patient, Practitioner

ZONE = ZoneInfo("America/Sao_Paulo")
MONDAY_10 = datetime(2026, 12, 7, 10, 0, tzinfo=ZONE)
TEMPLATES = {"pt-BR": "HX" + "1" * 32, "es": "HX" + "2" * 32, "en": "HX" + "3" * 32}
PHONES = {"pt-BR": "+5511987654321", "es": "+5491155551234", "en": "+14155550123"}


def visit(
    patient: Patient,
    *,
    code: str = "checkup",
    ago: timedelta,
    status: str = "completed",
    who: str = "ana-souza",
):
    """An appointment `ago` before the campaign's Monday (after it, for a negative `ago`)."""
    start = MONDAY_10 - ago
    return Appointment.objects.create(
        patient=patient,
        practitioner=Practitioner.objects.get(code=who),
        location=Location.objects.get(code="centro" if who != "carlos-mendes" else "paulista"),
        appointment_type=AppointmentType.objects.get(code=code),
        start=start,
        end=start + timedelta(minutes=30),
        status=status,
        source=Appointment.Source.STAFF,
        created_at=start - timedelta(days=7),
    )


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(MONDAY_10, tick=True)
    return MONDAY_10


@pytest.fixture
def recall_world(db, monday):
    call_command("load_clinic", "clinic.example.yaml", verbosity=0)
    for offset, phone in enumerate(PHONES.values()):
        visit(Patient.objects.get(phone_e164=phone), ago=timedelta(days=425 + offset))
    return Patient.objects.filter(phone_e164__in=PHONES.values())


def make_campaign(**fields) -> Campaign:
    values = {
        "name": "Check-up recall",
        "appointment_type": AppointmentType.objects.get(code="checkup"),
        "practitioner": Practitioner.objects.get(code="ana-souza"),
        "months": 12,
        "templates": dict(TEMPLATES),
        "window_start": time(9),
        "window_end": time(17),
        "per_hour": 600,
        "state": Campaign.State.RUNNING,
    }
    return Campaign.objects.create(**(values | fields))
