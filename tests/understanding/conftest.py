from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from conversations.understanding import understand
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, PractitionerRef
from tests.fakes.anthropic_server import FakeAnthropic

ZONE = "America/Sao_Paulo"


@pytest.fixture
def directory() -> ClinicDirectory:
    return ClinicDirectory(
        practitioners=[
            PractitionerRef(1, "Dra. Ana Souza", ["Ana"], ["Dermatology"]),
            PractitionerRef(2, "Dr. Carlos Méndez", [], ["Cardiology"]),
            PractitionerRef(3, "Dr. John Smith", [], ["Pediatrics"]),
            PractitionerRef(4, "Dra. Beatriz Lima", ["Bia"], ["Gynecology"]),
        ],
        appointment_types=[
            AppointmentTypeRef(
                "first", {"en": "First visit", "es": "Primera vez", "pt-BR": "Primeira consulta"}
            ),
            AppointmentTypeRef("followup", {"en": "Follow-up", "es": "Retorno", "pt-BR": "Retorno"}),
        ],
        time_zone=ZONE,
        name="Clínica Sol",
    )


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 11, 18, 9, 30, tzinfo=ZoneInfo(ZONE))  # a Wednesday


@pytest.fixture
def fake_anthropic(settings) -> Iterator[FakeAnthropic]:
    """A loopback Messages API; settings point the real SDK at it with an explicit key."""
    fake = FakeAnthropic().start()
    settings.ANTHROPIC_API_KEY = "test"
    settings.ANTHROPIC_BASE_URL = fake.base_url
    settings.NLU_TIMEOUT_SECONDS = 2.0
    settings.NLU_MODEL = "claude-haiku-4-5-20251001"
    yield fake
    fake.stop()


@pytest.fixture
def ask(directory, now):
    def run(text: str, **kwargs):
        return understand(text, directory=directory, now=now, **kwargs)

    return run
