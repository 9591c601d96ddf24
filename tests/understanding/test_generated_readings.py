"""More readings the generated patients needed (issue 13): slips in the words that
introduce a name, a bare "É X", articles that are no numbers, weekday slips that read as
two days or as none, a patient's full name that starts like a practitioner's first name,
and the lay and short names of specialties."""

from datetime import date

import pytest

from conversations.understanding import Expecting, understand

pytestmark = pytest.mark.sqlite
NEXT_MONDAY = date(2026, 11, 23)  # now is Wednesday 18 Nov


@pytest.fixture
def ask(directory, now):
    def run(text: str, language: str | None = None, expecting=None):
        return understand(text, directory=directory, now=now, language_hint=language, expecting=expecting)

    return run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("É Thiago Oliveira", "Thiago Oliveira"),
        ("Soy Ana Ruiz", "Ana Ruiz"),
        ("It's Tom Baker", "Tom Baker"),
        ("Me lalmo Paula Peña", "Paula Peña"),
        ("mi nmbre es Paula Peña", "Paula Peña"),
        ("my nam is Tom Baker", "Tom Baker"),
        ("es para mi hijo, se llaama Lucas Gómez", "Lucas Gómez"),
        ("para mi hija, Valentina Ruiz nació el 23/07/2024", "Valentina Ruiz"),
    ],
)
def test_the_name_is_read_past_a_slip_or_a_lead_in(ask, text, name):
    assert ask(text, expecting=Expecting.NAME).entities.full_name == name


def test_a_name_correction_with_a_slip_in_its_lead_in_is_a_name(ask):
    text = "no, perdon, el nobre correcto es Paula Gomez"

    assert ask(text, expecting=Expecting.YES_NO).entities.full_name == "Paula Gomez"


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("el martes un reconocimiento médico", "es", date(2026, 11, 24)),
        ("segunda uma consulta", "pt-BR", NEXT_MONDAY),
        ("essa sexa", "pt-BR", date(2026, 11, 20)),
        ("el martes 24, de las 9 en adelante", "es", date(2026, 11, 24)),
        ("Friday 11 or later", "en", date(2026, 11, 20)),
        ("cualquier día de la semana que viee", "es", NEXT_MONDAY),
        ("el jueves 26 como muy tarde a las 12:00", "es", date(2026, 11, 26)),
        ("el martes 24, hssta las 4 de la tarde", "es", date(2026, 11, 24)),
    ],
)
def test_the_day_is_the_one_named(ask, text, language, day):
    when = ask(text, language).entities.when

    assert when is not None and when.start.date() == day


def test_a_slip_as_near_to_two_weekdays_names_neither(ask):
    assert ask("this Tursday", "en").entities.when is None


def test_a_patients_full_name_starting_like_a_practitioners_first_name_is_no_practitioner(ask):
    entities = ask("queria marcar com um dermatologista amanhã, Ana Clara Gonçalves").entities

    assert entities.practitioner_ids == [] and entities.specialty == "Dermatology"


def test_a_practitioners_first_name_alone_still_names_them(ask):
    assert ask("com a Ana amanhã").entities.practitioner_ids == [1]


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("dermato", "Dermatology"),
        ("a derm", "Dermatology"),
        ("skin doctor", "Dermatology"),
        ("heart specialist", "Cardiology"),
        ("heart doctor", "Cardiology"),
        ("gineco", "Gynecology"),
    ],
)
def test_lay_and_short_names_of_a_specialty_map_to_the_clinics_own(ask, text, specialty):
    assert ask(text).entities.specialty == specialty


def test_no_before_a_weekday_in_portuguese_is_on_that_day_not_a_no(ask):
    result = ask("no sábado uma revisão com a Ana", "pt-BR")

    assert result.intent.value == "book" and result.entities.yes_no is None


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("fine, 2", 2),
        ("tá, então 1", 1),
        ("entonces 2", 2),
        ("bueno, entonces la segunda", 2),
        ("ok the 2nd one", 2),
        ("a segunda", 2),
    ],
)
def test_a_pick_after_a_lead_in_is_that_option(ask, text, option):
    result = ask(text, expecting=Expecting.OPTION)

    assert (result.intent.value, result.entities.option) == ("choose_option", option)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("fine, a new ptaient appoitnment", "first"),
        ("a flolow up appointment", "followup"),
        ("no, a folow up appointmnet", "followup"),
    ],
)
def test_slips_in_the_kind_of_visit_are_read(ask, text, code):
    assert ask(text, expecting=Expecting.OPTION).entities.appointment_type_code == code


@pytest.mark.parametrize("text", ["fine, an annula checkup", "entao check up anula"])
def test_a_slip_of_annual_is_no_cancel(ask, text):
    assert ask(text, expecting=Expecting.OPTION).intent.value != "cancel"
