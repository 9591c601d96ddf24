"""Whom a visit is for and which kind, as an Argentine clinic's patients said it (blind set 9):
a relative named as the object of the booking, a name that ends where its sentence does, a
year of age that is no pick of an option, and a child's yearly check said as "el control"."""

import pytest

from conversations.understanding.entities import full_name, option_choice
from conversations.understanding.text import fold

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to book my husband Rahul in with one of your GPs, he's never been to you",
        "can I bring my son to the paediatrician on friday",
        "quería sacar turno a mi hija con la pediatra",
        "queria levar o meu filho na pediatra",
    ],
)
def test_a_relative_as_whom_the_booking_is_for_is_someone_else(ask, text):
    assert ask(text).entities.for_someone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Queria marcar psicóloga pra minha esposa, Juliana Costa. Ela só pode quinta à noite",
            "Juliana Costa",
        ),
        ("it's for my daughter Sophie Thompson. She is 3", "Sophie Thompson"),
        ("es para mi hijo Tomás Ruiz; Mañana no puede", "Tomás Ruiz"),
    ],
)
def test_a_name_ends_where_its_sentence_does(text, name):
    assert full_name(text, expecting_name=False) == name


@pytest.mark.parametrize(
    "text", ["control de niño sano, el del primer año", "the first year check", "a do primeiro ano dele"]
)
def test_a_first_year_is_no_pick_of_the_first_option(text):
    assert option_choice(fold(text), expecting_option=True) is None


def test_a_sentence_naming_no_one_else_is_the_patient_s_own(ask):
    assert not ask(
        "I'd like to book in with one of your GPs, my husband says they are good"
    ).entities.for_someone


def test_the_control_of_the_year_is_a_check_up_not_a_follow_up(now):
    from conversations.understanding import understand
    from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, PractitionerRef

    directory = ClinicDirectory(
        practitioners=[PractitionerRef(1, "Dra. Carolina Benítez", [], ["pediatría"])],
        appointment_types=[
            AppointmentTypeRef("control", {"es": "Consulta de control", "en": "Follow-up visit"}),
            AppointmentTypeRef("nino_sano", {"es": "Control de niño sano", "en": "Well-child check"}),
        ],
        time_zone="America/Argentina/Buenos_Aires",
    )
    said = "turno con pediatra para mi hija Martina, el control del año"

    assert understand(said, directory=directory, now=now).entities.appointment_type_code == "nino_sano"


@pytest.mark.parametrize(
    "text",
    [
        "is there a speech therapist we could see? our son is 4",
        "vcs tem fono? meu filho tem 3 aninhos, a pediatra já tinha falado pra procurar",
        "precisava de uma terapeuta da fala para o meu filho",
        "buscamos logopeda para mi hija",
    ],
)
def test_speech_therapy_is_its_own_specialty_not_psychology_nor_the_paediatrician(text):
    from conversations.understanding.entities import specialty_key

    assert specialty_key(text) == "speech_therapy"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("our son Noah is 4. wednesday mornings I'm off work", None),
        ("hi I'm maria lopez", "Maria Lopez"),
        ("Hi, I'm Maria Lopez", "Maria Lopez"),
    ],
)
def test_written_with_capitals_a_name_has_them(text, name):
    assert full_name(text, expecting_name=False) == name
