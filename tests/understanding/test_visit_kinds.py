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


ASSESSMENT = AppointmentTypeRef(
    "physio_assessment",
    {
        "en": "Physiotherapy assessment",
        "es": "Valoración de fisioterapia",
        "pt-BR": "Avaliação de fisioterapia",
    },
)
SESSION = AppointmentTypeRef(
    "physio_session",
    {"en": "Physiotherapy session", "es": "Sesión de fisioterapia", "pt-BR": "Sessão de fisioterapia"},
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("physio session, the follow on ones", "physio_session"),
        ("sesión de fisio, ya he ido a la valoración", "physio_session"),
        ("queria mais uma sessão de fisio com a Catalina, segunda bem cedinho", "physio_session"),
    ],
)
def test_of_two_therapy_types_the_one_named_by_the_words_said_is_meant(text, code):
    """Both types are physiotherapy: the word said with "physio" ("session", "sesión",
    "sessão") tells which, wherever the clinic lists them."""
    for types in ((FIRST, ASSESSMENT, SESSION), (FIRST, SESSION, ASSESSMENT)):
        understood = understand(text, directory=clinic(*types), now=NOW)
        assert understood.entities.appointment_type_code == code


WELL_CHILD = AppointmentTypeRef("well_child", {"en": "Well-child check", "es": "Control del niño sano"})
PAP = AppointmentTypeRef(
    "pap", {"en": "Gynecological check-up with Pap smear", "es": "Control ginecológico con PAP"}
)
HEART = AppointmentTypeRef("heart", {"en": "Heart check-up with ECG", "es": "Chequeo cardiológico con ECG"})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("pap smear / annual check, never been to you before", "pap"),
        ("the heart check-up with the ECG, he's never been seen here", "heart"),
        ("first time, it's for my child", "first_visit"),  # who it is for names no type
        ("first visit please", "first_visit"),
    ],
)
def test_the_service_named_beside_being_new_is_the_type(text, code):
    """Asked which kind, "never been here" says the patient is new; the service they name
    (by a word or an acronym only its type has) is what they book."""
    understood = understand(
        text, directory=clinic(FIRST, WELL_CHILD, PAP, HEART), now=NOW, expecting="option"
    )
    assert understood.entities.appointment_type_code == code


def test_a_word_for_any_visit_beside_being_new_names_no_type():
    video = AppointmentTypeRef("video", {"en": "Video consultation", "es": "Teleconsulta"})
    understood = understand(
        "new patient consultation", directory=clinic(FIRST, video), now=NOW, expecting="option"
    )
    assert understood.entities.appointment_type_code == "first_visit"


def test_what_a_message_asks_beside_who_and_what_to_book():
    """The FAQ is asked what is left without the practitioners', specialties' and visit
    types' words: a price list naming "physiotherapy assessment" answers no "Can I get a
    physio assessment? early morning", while "how much" still asks a price."""
    from conversations.understanding.directory import without_booking_words

    directory = clinic(FIRST, ASSESSMENT, SESSION)
    assert without_booking_words("Can I get a physio assessment? early morning", directory) == (
        "can i get a early morning"
    )
    assert without_booking_words("how much is a physiotherapy session with Catalina?", directory) == (
        "how much is a with"
    )


def test_a_kind_said_first_and_explained_after_answers_which_kind():
    understood = understand(
        "sesión, ya vengo haciendo las de la rodilla",
        directory=clinic(FIRST, ASSESSMENT, SESSION),
        now=NOW,
        expecting="option",
    )
    assert understood.entities.appointment_type_code == "physio_session"
