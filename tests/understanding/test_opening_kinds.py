"""Kinds of opening message that a clinic nobody here configured (blind set 3) showed us:
specialties said the clinic's way or by the part of the body, titles and time phrases that are
no patient's name, a date of birth beside the wish, spans of hours, and greetings that tell the
language even on a clinic whose default is another."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from conversations.understanding import understand
from conversations.understanding.entities import full_name
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, Intent, PractitionerRef

pytestmark = pytest.mark.sqlite

ZONE = "America/Bogota"
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo(ZONE))  # a Wednesday


@pytest.fixture
def specialists() -> ClinicDirectory:
    return ClinicDirectory(
        practitioners=[
            PractitionerRef(1, "Dr. Andrés Restrepo", [], ["ophthalmology", "eye doctor"]),
            PractitionerRef(2, "Dr. Andrés Felipe Ramírez", [], ["ENT", "otorrinolaringología"]),
            PractitionerRef(3, "Dra. María Fernanda Gómez", ["Mafe"], ["orthopedics", "ortopedia"]),
            PractitionerRef(4, "Catalina Ospina", ["Cata"], ["physiotherapy", "fisioterapia"]),
        ],
        appointment_types=[
            AppointmentTypeRef(
                "first_visit", {"en": "First visit", "es": "Primera vez", "pt-BR": "Primeira vez"}
            ),
        ],
        time_zone=ZONE,
        name="Centro Médico",
        default_language="es",
    )


def _ask(directory, text, **kwargs):
    return understand(text, directory=directory, now=NOW, **kwargs)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I need an ENT for my son", "ENT"),  # the clinic's own short label, said as written
        ("the eye doctor please", "eye doctor"),
        ("necesito cita con el doctor de los oídos", "ENT"),  # the part of the body
        ("quero marcar com o médico do ouvido", "ENT"),
        ("el de los huesos, el jueves", "orthopedics"),
        ("need physio for my lower back", "fisioterapia"),  # one of the physiotherapist's labels
    ],
)
def test_a_specialty_is_read_as_the_clinic_lists_it_or_by_the_body_part(specialists, text, label):
    assert _ask(specialists, text).entities.specialty == label


def test_a_need_and_a_specialty_after_a_greeting_is_a_booking(specialists):
    result = _ask(specialists, "hey, need physio for my lower back. any day works but before 8am")
    assert result.intent is Intent.BOOK
    assert result.entities.specialty in {"physiotherapy", "fisioterapia"}


def test_a_word_that_merely_contains_a_label_names_no_specialty(specialists):
    assert _ask(specialists, "I went to the event, can I come tomorrow?").entities.specialty is None


@pytest.mark.parametrize(
    "text",
    [
        "hey Cata! it's Daniel. need another follow up with you saturday morning, as early as possible",
        "E aí! Preciso de retorno com o otorrino, Dr. Ramírez, qualquer dia da semana que vem, depois das 2",
        "sorry I mean the orthopaedic doctor, Dr Gomez, not Ramirez",
        "I'm her mum, Anne",
    ],
)
def test_titles_time_phrases_and_relations_are_no_patients_name(text):
    assert full_name(text, expecting_name=False) is None


@pytest.mark.parametrize(
    ("text", "expecting", "name"),
    [
        (
            "Doctora Mafe buenas, soy Luz Marina, necesito control de la rodilla el jueves",
            False,
            "Luz Marina",
        ),
        ("es para mi hija, Martina Gómez", False, "Martina Gómez"),
        ("Hi, this is Daniel Whitaker, DOB 5 Oct 1986. I'd like a video visit", False, "Daniel Whitaker"),
        ("ops, Fernanda Lima Barros, esqueci o sobrenome", True, "Fernanda Lima Barros"),
        # What a colon introduces is the name, not the words leading up to it.
        ("desculpa, é Silva: Marcos Vinicius Silva", True, "Marcos Vinicius Silva"),
        ("sorry, it's with a y: Kyle Bryant", True, "Kyle Bryant"),
        ("el nombre completo: Ana Lucía Ruiz", True, "Ana Lucía Ruiz"),
    ],
)
def test_the_name_said_is_found_beside_titles_and_birth_words(text, expecting, name):
    assert full_name(text, expecting_name=expecting) == name


def test_a_date_of_birth_in_the_opening_leaves_the_wish_in_the_other_sentence(specialists):
    result = _ask(
        specialists,
        "Hi, this is Daniel Whitaker, DOB 5 Oct 1986. I'd like to see Dr. Ramírez on tuesday between 2 and 4pm",
    )
    assert str(result.entities.date_of_birth) == "1986-10-05"
    when = result.entities.when
    assert when is not None and when.start.weekday() == 1
    assert (when.start.time(), when.end.time()) == (time(14), time(16))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("tuesday 2-4pm", time(14), time(16)),
        ("monday 9-11am", time(9), time(11)),
        ("friday 10:30-12pm", time(10, 30), time(12)),
    ],
)
def test_a_dash_between_two_hours_is_a_span_of_hours(specialists, text, start, end):
    when = _ask(specialists, text, language_hint="en").entities.when
    assert (when.start.time(), when.end.time()) == (start, end)
    assert when.start.date() > NOW.date()


def test_la_otra_semana_is_next_week(specialists):
    when = _ask(specialists, "la otra semana", language_hint="es").entities.when
    assert when is not None and when.start.date().isoformat() == "2026-12-07"


@pytest.mark.parametrize(
    ("text", "language"), [("hello", "en"), ("hola buenas", "es"), ("oii bom dia", "pt-BR")]
)
def test_a_lone_greeting_speaks_its_own_language_on_a_clinic_whose_default_is_another(
    specialists, text, language
):
    assert _ask(specialists, text).language == language


@pytest.mark.parametrize(
    "text",
    [
        "una sesión de fisio cuánto sale? me mandaron 10",
        "Mi hijo tiene 4 años y le cuesta oír, ¿el otorrino lo puede ver?",
    ],
)
def test_a_question_about_the_clinic_that_names_a_who_asks_it_does_not_book(specialists, text):
    assert _ask(specialists, text).intent is Intent.FAQ


@pytest.mark.parametrize(
    "text", ["quiero llevar a mi hijo al otorrino", "need physio", "necesito el de los huesos"]
)
def test_a_need_with_a_who_still_books(specialists, text):
    assert _ask(specialists, text).intent is Intent.BOOK


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hi it's Linda Thompson. I want to book a well-child check for my granddaughter Sophie "
            "Thompson, she's 3. Tuesday afternoon with Dr Kim?",
            "Sophie Thompson",
        ),
        (
            "Soy Guadalupe, le quiero hacer cita a mi esposo Juan Treviño, es nuevo. Con el Dr Garza",
            "Juan Treviño",
        ),
        (
            "Oi, é o Rodrigo. Queria marcar o check-up da minha esposa, Fernanda Almeida, sexta",
            "Fernanda Almeida",
        ),
        ("My son Lucas Moreno needs an ENT", "Lucas Moreno"),
        ("I'm Sarah Connor and I need an appointment", "Sarah Connor"),
    ],
)
def test_the_person_a_message_introduces_is_named_by_the_capitalised_words_after(text, name):
    assert full_name(text, expecting_name=False) == name


@pytest.mark.parametrize(
    "text",
    [
        "A mi hijo le duele la garganta, tienen cita mañana?",
        "Mi esposo tiene cita con el Dr Garza el Lunes",
        "hey Cata! it's Daniel. need a follow up, as early as possible",
        "A MI HIJO LE DUELE LA GARGANTA",
    ],
)
def test_a_relative_without_a_name_after_names_nobody(text):
    assert full_name(text, expecting_name=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "hi is there an ENT on saturday morning? its for my son leo, hes 3",
        "hola, ortopedia el jueves por la tarde, es para mi hija Sofía",
    ],
)
def test_who_and_when_beside_a_name_is_a_booking(specialists, text):
    # A greeting, a who and a day: the child's name said beside them does not undo the wish.
    result = _ask(specialists, text)
    assert result.intent in (Intent.BOOK, Intent.AVAILABILITY)
    assert result.entities.when is not None
