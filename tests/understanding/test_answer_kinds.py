"""Kinds of answer the booking goal sets found misread (issue 13): a kind of visit or a
greeting written like a name, the lay and longer names of the kinds of visit, a yes after a
lead-in, a question that says when and who or what, a complaint that "won't go away"."""

import pytest

from conversations.understanding import Expecting, Intent, understand
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, PractitionerRef

pytestmark = pytest.mark.sqlite


@pytest.fixture
def ask(now):
    directory = ClinicDirectory(
        practitioners=[
            PractitionerRef(1, "Dra. Ana Souza", ["Ana"], ["General practice"]),
            PractitionerRef(2, "Dr. Carlos Mendes", [], ["Cardiology"]),
            PractitionerRef(3, "Dra. Helena Prado", [], ["Gynecology"]),
            PractitionerRef(4, "Dr. Rafael Costa", [], ["Dermatology"]),
        ],
        appointment_types=[
            AppointmentTypeRef("new", {"en": "New patient consultation", "es": "Primera consulta"}),
            AppointmentTypeRef("follow_up", {"en": "Follow-up visit", "es": "Consulta de control"}),
            AppointmentTypeRef("checkup", {"en": "Annual check-up", "es": "Chequeo anual"}),
        ],
        time_zone="America/Sao_Paulo",
    )

    def run(text: str, **kwargs):
        return understand(text, directory=directory, now=now, **kwargs)

    return run


@pytest.mark.parametrize(
    "text", ["first time", "primeira vez", "Primera Vez", "Check Up", "Bom Dia", "Cardiologista"]
)
def test_a_kind_of_visit_a_specialty_or_a_greeting_is_never_a_name(ask, text):
    assert ask(text, expecting=Expecting.NAME).entities.full_name is None


@pytest.mark.parametrize("text", ["Priya Raman", "Rosângela Pereira", "Carla Dias", "Laura Méndez"])
def test_a_name_is_still_a_name(ask, text):
    assert ask(text, expecting=Expecting.NAME).entities.full_name == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("first time", "new"),
        ("revisión anual", "checkup"),
        ("queria agendar la revision ginecologica anual", "checkup"),
        ("control de niño sano", "checkup"),
        ("puericultura, consulta de rotina", "checkup"),
        ("consulta nova", "new"),
        ("nunca me consultei com ele", "new"),
        ("hola, me toca el control con el Dr. Carlos", "follow_up"),
        ("review / follow up", "follow_up"),
    ],
)
def test_the_longest_phrase_of_a_kind_of_visit_decides_it(ask, text, kind):
    assert ask(text, expecting=Expecting.OPTION).entities.appointment_type_code == kind


@pytest.mark.parametrize(
    "text", ["that's fine, yes", "bora, pode marcar", "demorou, confirma", "listo, gracias", "yep, book it"]
)
def test_a_yes_after_a_lead_in_answers_the_confirmation(ask, text):
    result = ask(text, expecting=Expecting.YES_NO)

    assert (result.intent, result.entities.yes_no) == (Intent.AFFIRM, True)


@pytest.mark.parametrize("text", ["no, better thursday", "yes but not monday", "sure, but cancel it"])
def test_a_yes_beside_a_no_a_but_or_a_new_day_is_no_plain_yes(ask, text):
    assert ask(text, expecting=Expecting.YES_NO).entities.yes_no is not True


@pytest.mark.parametrize(
    "text",
    [
        "Do you have any doctor free after 6pm? Any day, I work late. First time at the clinic",
        "hi, is there any chance of a follow-up tomorrow? with any of the doctors",
        "hola, tienen algo para mañana? con cualquier medico, es un control nomas",
        "Could I do my yearly physical with Dr Ana on a Wednesday?",
    ],
)
def test_a_question_that_says_when_and_who_or_what_asks_to_book(ask, text):
    assert ask(text).intent in (Intent.AVAILABILITY, Intent.BOOK)
    assert ask(text).confidence >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to see a skin doctor about a rash that won't go away, next week",
        "gyno, thursday morning",
        "oi preciso passar com algum médico amanhã, qualquer um",
        "need to get a rash looked at",
    ],
)
def test_a_request_to_be_seen_books_and_a_complaint_cancels_nothing(ask, text):
    assert ask(text).intent == Intent.BOOK


def test_the_first_one_you_have_is_no_first_of_the_month(ask):
    assert ask("cualquier día, el primero que tengan", expecting=Expecting.DATE).entities.when is None


def test_a_lay_name_of_general_practice_is_read(ask):
    result = ask("Necesito hacerme el chequeo anual con la médica clínica")

    assert (result.entities.specialty, result.entities.appointment_type_code) == (
        "General practice",
        "checkup",
    )


def test_a_name_corrected_after_a_colon_is_the_name(ask):
    result = ask("perdón, es González con z: Mateo González", expecting=Expecting.DATE_OF_BIRTH)

    assert result.entities.full_name == "Mateo González"


def test_a_weekday_abbreviation_used_as_a_verb_names_no_day(ask):
    assert ask("queria saber o valor do retorno pq vou ter q voltar com a dra").entities.when is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("la revision de niño sano", "well_child"),  # "pediátrica" left out, "de" for "del"
        ("quiero llevar a mi niña a la revision del niño sano", "well_child"),
        ("una consulta de revisión", "review"),
        ("a child health check for my son", "well_child"),
    ],
)
def test_a_types_name_said_with_a_word_left_out_is_that_type(text, code):
    from conversations.understanding.entities import appointment_type_match

    types = [
        AppointmentTypeRef("review", {"es": "Consulta de revisión", "en": "Follow-up appointment"}),
        AppointmentTypeRef(
            "well_child",
            {"es": "Revisión pediátrica del niño sano", "en": "Child health check (growth and development)"},
        ),
    ]
    assert appointment_type_match(text, types) == code
