"""Readings the generated patients needed (issue 13): names said with their date of birth
or after "a nombre de", names with an apostrophe, children named after "my son's name is",
and a time said alone, which names no day."""

from datetime import date

import pytest

from conversations.understanding import Expecting, understand

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        ("Me llamo Joaquín Sánchez nací el 14 de octubre de 81", "Joaquín Sánchez", date(1981, 10, 14)),
        ("Thiago Lima Barros 1989-11-14", "Thiago Lima Barros", date(1989, 11, 14)),
        ("a nombre de Joaquín Sánchez, el 2007-08-09", "Joaquín Sánchez", date(2007, 8, 9)),
    ],
)
def test_a_name_and_a_date_of_birth_in_one_answer_are_both_read(ask, text, name, born):
    entities = ask(text, expecting=Expecting.NAME).entities

    assert (entities.full_name, entities.date_of_birth, entities.when) == (name, born, None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It's Grace O'Brien", "Grace O'brien"),
        ("no nome de Beatriz da Silva", "Beatriz da Silva"),
        ("my son's name is Aaron Kim", "Aaron Kim"),
        ("a consulta é do meu filho Gustavo Gonçalves", "Gustavo Gonçalves"),
        ("é pro meu filho, Caio Pereira", "Caio Pereira"),
        ("Ana Clara Nascimento", "Ana Clara Nascimento"),  # a surname that is also a birth word
        ("Ana Clara Conceição data de nascimento 2 jan 1996", "Ana Clara Conceição"),
    ],
)
def test_the_name_is_the_persons_not_the_sentence(ask, text, name):
    assert ask(text, expecting=Expecting.NAME).entities.full_name == name


@pytest.mark.parametrize(
    "text", ["o nome está errado, é Larissa Araújo", "me equivoqué con el nombre, es Paula Peña"]
)
def test_a_name_correction_is_read_while_something_else_is_asked(ask, text):
    assert ask(text, expecting=Expecting.YES_NO).entities.full_name is not None


@pytest.mark.parametrize("text", ["depois das 16h", "por la mañana", "after 4pm"])
def test_a_time_said_alone_names_no_day(ask, text):
    when = ask(text).entities.when

    assert when is not None and not when.day_stated


def test_a_time_with_its_day_names_the_day(ask):
    assert ask("tuesday after 4pm").entities.when.day_stated


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("el mircoles", 2), ("on Saurday", 5), ("na seexta", 4), ("el vierrnes", 4)],
)
def test_a_weekday_with_a_slip_of_the_thumb_is_the_weekday(ask, text, weekday):
    assert ask(text).entities.when.day.weekday() == weekday


@pytest.mark.parametrize("text", ["buenas tardes", "el segundo", "o quarto"])
def test_real_words_near_a_day_word_are_not_mended(ask, text):
    assert ask(text).entities.when is None


def test_the_patients_own_name_names_no_practitioner(ask):
    entities = ask("Me llamo Ana Clara Pérez", expecting=Expecting.NAME).entities

    assert (entities.full_name, entities.practitioner_ids) == ("Ana Clara Pérez", [])


@pytest.mark.parametrize(
    ("text", "end_hour"), [("no más tarde de las 11", 11), ("não mais tarde que as 11h", 11)]
)
def test_no_later_than_is_a_bound_not_the_afternoon(ask, text, end_hour):
    assert ask(text).entities.when.end.hour == end_hour


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("lovely, yes", True),
        ("va, sí", True),
        ("oh yes please", True),
        ("nossa, sim!", True),
        ("ah no", False),
        ("mmm mejor no", False),
        ("hmm não obrigado", False),
    ],
)
def test_asked_yes_or_no_a_word_or_two_may_come_before_the_answer(ask, text, yes):
    assert ask(text, expecting=Expecting.YES_NO).entities.yes_no is yes


@pytest.mark.parametrize("text", ["oh yes but on friday", "tuesday 3pm", "that is not right"])
def test_a_yes_led_by_words_that_change_it_is_no_plain_yes(ask, text):
    assert ask(text, expecting=Expecting.YES_NO).entities.yes_no is None


def test_asked_which_kind_a_word_only_one_type_has_names_it(now):
    from conversations.understanding import AppointmentTypeRef, ClinicDirectory

    types = [
        AppointmentTypeRef("first_visit", {"es": "Consulta de primera vez", "en": "First visit"}),
        AppointmentTypeRef(
            "therapy_session",
            {"es": "Sesión de terapia", "en": "Therapy session", "pt-BR": "Sessão de terapia"},
        ),
    ]
    directory = ClinicDirectory(appointment_types=types)

    def kind(text, expecting=Expecting.OPTION):
        return understand(
            text, directory=directory, now=now, expecting=expecting
        ).entities.appointment_type_code

    assert kind("una sesión") == "therapy_session"
    assert kind("uma sessão de fisio") == "therapy_session"
    assert kind("sesiones") == "therapy_session"
    shared = ClinicDirectory(
        appointment_types=[*types, AppointmentTypeRef("review", {"es": "Sesión de revisión"})]
    )
    assert (
        understand(
            "una sesión", directory=shared, now=now, expecting=Expecting.OPTION
        ).entities.appointment_type_code
        is None
    )
    assert kind("una sesión", expecting=None) is None  # only as the answer to which kind
