from datetime import UTC, datetime, time

import pytest

from tests.scheduling.factories import (
    AppointmentTypeFactory,
    ClinicFactory,
    LocationFactory,
    PatientFactory,
    practitioner_with_week,
)

# A Sunday noon UTC; the clinic (São Paulo, UTC-3) works Monday to Friday.
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def local(day: int, hh: int, mm: int = 0) -> datetime:
    """An instant in São Paulo on November `day`, 2026."""
    from zoneinfo import ZoneInfo

    return datetime(2026, 11, day, hh, mm, tzinfo=ZoneInfo("America/Sao_Paulo")).astimezone(UTC)


@pytest.fixture
def clinic(db):
    return ClinicFactory()


@pytest.fixture
def location(db):
    return LocationFactory(code="centro", name="Centro")


@pytest.fixture
def consult(db):
    return AppointmentTypeFactory(code="consult", duration_minutes=30)


@pytest.fixture
def practitioner(clinic, location, consult):
    return practitioner_with_week(
        location=location,
        appointment_types=[consult],
        display_name="Dra. Ana Souza",
        ranges=((time(9), time(12)), (time(14), time(18))),
    )


@pytest.fixture
def patient(db):
    return PatientFactory(name="João Lima", phone_e164="+5511987654321")


@pytest.fixture
def conversation(db):
    from conversations.models import Conversation

    return Conversation.objects.create(channel_user_id="5511987654321", phone_e164="+5511987654321")
