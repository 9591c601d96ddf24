"""Kinds from blind set 6 and set 5 (issue 13): what a booking message names and asks, read
with who or what it names."""

import pytest

from conversations.understanding import Intent
from conversations.understanding.entities import specialty_key
from conversations.understanding.local import requests_beside_question

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Do you have a pediatrician on Saturdays? I work all week", 5),
        ("¿la Dra. Ana atiende los sábados?", 5),
        ("o cardiologista atende às terças?", 1),
        ("hey do you have a cardiologist? saturdays are my only free day", 5),
    ],
)
def test_weekdays_asked_with_who_are_the_next_of_those_days(ask, text, weekday):
    understood = ask(text)

    assert understood.intent in (Intent.AVAILABILITY, Intent.BOOK)
    assert understood.entities.when.day.weekday() == weekday


@pytest.mark.parametrize(
    "text",
    ["Are you open on Saturdays?", "Are you open on Saturdays? I'd like to see the dermatologist"],
)
def test_weekdays_asked_alone_are_the_faqs(ask, text):
    assert ask(text).entities.when is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("queria levar ele na pediatra primeiro antes de procurar dermato", "pediatrics"),
        ("quiero ver al dermatólogo, o si no a la pediatra", "dermatology"),
        ("the cardiologist, not the pediatrician", "cardiology"),
    ],
)
def test_of_several_specialties_the_one_named_first_is_meant(text, key):
    assert specialty_key(text) == key


@pytest.mark.parametrize("text", ["y", "Y", "yea"])
def test_a_lone_y_is_a_yes(ask, text):
    understood = ask(text)

    assert understood.intent is Intent.AFFIRM
    assert understood.entities.yes_no is True


def test_y_inside_a_sentence_is_no_yes(ask):
    assert ask("y el martes?").entities.yes_no is not True


@pytest.mark.parametrize(
    ("text", "for_someone"),
    [
        ("quería pedir un turno para mi hija martina", True),
        ("it's for my son, he is 4", True),
        ("é pra minha filha", True),
        ("te escribo para pedir cita para mi pareja, Valentina", True),
        ("I'd like to book for my girlfriend", True),
        ("é para a minha companheira, a Joana", True),
        ("quería pedir un turno con la Dra. Ana", False),
    ],
)
def test_a_visit_for_someone_else_is_told(ask, text, for_someone):
    assert ask(text).entities.for_someone is for_someone


def test_a_need_stated_beside_a_question_with_a_booking_cue_is_a_request(ask):
    text = "Is there a doctor who speaks English? I just moved here and need to see a pediatrician"

    understood = ask(text)

    assert understood.intent is Intent.BOOK
    assert requests_beside_question(text, understood)


def test_asking_whether_the_clinic_does_a_kind_of_visit_it_has_asks_to_book_one(ask):
    understood = ask("my son is due his follow-up, do you do those?")

    assert understood.intent is Intent.BOOK
    assert understood.entities.appointment_type_code == "followup"


@pytest.mark.parametrize(
    "text", ["a routine baby check, first time with you", "her 18 month check", "control del bebé"]
)
def test_everyday_names_of_a_well_child_check_name_it(text):
    from conversations.understanding.entities import appointment_type_match
    from conversations.understanding.text import fold
    from conversations.understanding.types import AppointmentTypeRef

    types = [
        AppointmentTypeRef("primeira", {"en": "First visit", "es": "Primera consulta"}),
        AppointmentTypeRef("puericultura", {"en": "Well-child check", "es": "Control del niño sano"}),
    ]

    assert appointment_type_match(fold(text), types, answering=True) == "puericultura"


@pytest.mark.parametrize(
    ("text", "joins"),
    [
        ("we can't get registered, the waiting list at the health centre is months", False),
        ("la lista de espera es de meses en la seguridad social", False),
        ("a fila de espera é de meses no SUS", False),
        ("put me on the waiting list", True),
        ("quiero entrar en la lista de espera del viernes", True),
        ("me coloca na fila de espera e me avisa", True),
    ],
)
def test_a_waiting_list_described_is_no_request_to_join_one(text, joins):
    from conversations.understanding.commands import commands_in

    assert ("waitlist" in commands_in(text)) is joins


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to talk to someone, a pediatrician, my son has had a cough for weeks",
        "quiero hablar con un cardiólogo, me canso mucho al subir escaleras",
    ],
)
def test_a_specialist_asked_for_is_a_booking_not_the_reception(ask, text):
    understood = ask(text)

    assert understood.intent is Intent.BOOK
    assert understood.entities.specialty


def test_a_short_specialty_said_in_the_plural_is_read():
    assert specialty_key("can I see one of your GPs, whatever is soonest") == "general_practice"


def test_a_type_is_said_without_what_its_name_explains_in_brackets():
    from conversations.understanding.entities import appointment_type_match
    from conversations.understanding.types import AppointmentTypeRef

    types = [
        AppointmentTypeRef("primeira", {"en": "First visit"}),
        AppointmentTypeRef("exame", {"en": "Full eye exam (prescription and retina check)"}),
    ]

    assert appointment_type_match("the full eye exam for new glasses", types) == "exame"
