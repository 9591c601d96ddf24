"""Kinds of visit people name in their own words, whatever the clinic calls them: a video
visit ("video consult", "videollamada", "teleconsulta") and a therapy session ("una sesión de
fisio"), in a long answer as in a short one, and only where the clinic has such a type."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from conversations.understanding import understand
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, PractitionerRef

pytestmark = pytest.mark.sqlite

ZONE = "America/Chicago"
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo(ZONE))  # a Wednesday
FIRST = AppointmentTypeRef("first_visit", {"en": "First visit", "es": "Primera vez", "pt-BR": "Primeira vez"})
VIDEO = AppointmentTypeRef(
    "remote", {"en": "Telehealth visit", "es": "Consulta remota", "pt-BR": "Consulta remota"}
)
THERAPY = AppointmentTypeRef(
    "therapy", {"en": "Therapy session", "es": "Sesión de terapia", "pt-BR": "Sessão de terapia"}
)


def clinic(*types: AppointmentTypeRef) -> ClinicDirectory:
    return ClinicDirectory(
        practitioners=[PractitionerRef(1, "Catalina Ospina", [], ["physiotherapy", "fisioterapia"])],
        appointment_types=list(types),
        time_zone=ZONE,
        name="Harbor",
    )


@pytest.mark.parametrize(
    "text",
    [
        "video consult please, I'm not in town at the moment",
        "can we do it over a video call? I'm travelling",
        "prefiero videollamada porque vivo lejos",
        "una teleconsulta si se puede, estoy de viaje",
        "pode ser consulta online? estou viajando",
        "quero uma teleconsulta amanhã",
    ],
)
def test_a_video_visit_is_named_in_a_long_answer(text):
    understood = understand(text, directory=clinic(FIRST, VIDEO, THERAPY), now=NOW, expecting="option")
    assert understood.entities.appointment_type_code == "remote"


@pytest.mark.parametrize(
    "text", ["una sesión de fisio el martes", "physio therapy session on tuesday", "sessão de fisio na terça"]
)
def test_a_therapy_session_is_named(text):
    understood = understand(text, directory=clinic(FIRST, VIDEO, THERAPY), now=NOW)
    assert understood.entities.appointment_type_code == "therapy"


def test_a_kind_the_clinic_does_not_have_names_no_type():
    understood = understand("video consult please, I'm away", directory=clinic(FIRST, THERAPY), now=NOW)
    assert understood.entities.appointment_type_code is None


def test_a_new_patient_wanting_physio_still_asks_for_a_first_visit():
    understood = understand(
        "physio tue pls. after 7pm. new patient", directory=clinic(FIRST, THERAPY), now=NOW
    )
    assert understood.entities.appointment_type_code == "first_visit"
