"""Kinds a family practice nobody here configured (blind set 4, Houston) showed us: the
specialty said the lay way or in the other gender ("médico deportivo" for "medicina
deportiva", "la doctora de niños"), a child's visit going to the paediatrician, "ocupo"
(Mexican and Texan for "I need") and a physical named as such."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from conversations.understanding import understand
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, Intent, PractitionerRef

pytestmark = pytest.mark.sqlite

ZONE = "America/Chicago"
NOW = datetime(2026, 12, 9, 12, 30, tzinfo=ZoneInfo(ZONE))  # a Wednesday
HARBOR = ClinicDirectory(
    practitioners=[
        PractitionerRef(1, "Dr. Anita Patel", [], ["family medicine", "medicina familiar"]),
        PractitionerRef(
            2, "Dr. Miguel Garza", [], ["family medicine", "sports medicine", "medicina deportiva"]
        ),
        PractitionerRef(3, "Dr. Kimberly Nguyen", ["Dr Kim"], ["pediatrics", "doctor de niños", "pediatra"]),
        PractitionerRef(4, "Dr. Grace Okafor", [], ["women's health", "OB-GYN"]),
        PractitionerRef(5, "Sarah Whitfield, LPC", [], ["behavioral health", "counseling"]),
    ],
    appointment_types=[
        AppointmentTypeRef("new_patient", {"en": "New patient visit", "es": "Consulta de paciente nuevo"}),
        AppointmentTypeRef(
            "physical", {"en": "Annual physical / well-child check", "es": "Examen físico anual / chequeo"}
        ),
        AppointmentTypeRef("telehealth", {"en": "Telehealth video visit", "es": "Consulta por video"}),
    ],
    time_zone=ZONE,
    country="US",
)


def read(text: str):
    return understand(text, directory=HARBOR, now=NOW)


@pytest.mark.parametrize(
    ("text", "label_of"),
    [
        ("tienen medico deportivo? los viernes puedo", 2),
        ("vcs tem medico do esporte? pode ser sábado", 2),
        ("need to see someone for sports medecine, fridays are good", 2),
        ("tienen algo este sabado con la doctora de niños?", 3),
        ("ocupo ver a la consejera el lunes", 5),
        ("my wife needs her women's health check", 4),
    ],
)
def test_a_specialty_said_the_lay_way_names_the_clinic_s_own(text, label_of):
    specialty = read(text).entities.specialty
    assert specialty in HARBOR.practitioners[label_of - 1].specialties


@pytest.mark.parametrize(
    "text",
    [
        "Hi! need to book my daughter's well child check, she's 4. any saturday morning works",
        "quiero cita para mi niña, tiene 3 años",
        "consulta de rotina pro meu filho, ele tem 5 anos",
    ],
)
def test_a_child_s_visit_with_nobody_named_goes_to_the_paediatrician(text):
    assert read(text).entities.specialty in HARBOR.practitioners[2].specialties


@pytest.mark.parametrize(
    "text",
    [
        "anything this saturday with dr garza? my son needs a sports physical, he's 12",
        "my son is 4 and keeps getting rashes, does the skin doctor see kids?",
        "I'm free at 4 pm, my husband is 45",
    ],
)
def test_a_child_with_someone_named_or_no_child_keeps_what_was_said(text):
    entities = read(text).entities
    assert entities.specialty not in HARBOR.practitioners[2].specialties or entities.practitioner_ids


@pytest.mark.parametrize(
    "text",
    ["ocupo un fisico anual, lo que tengan en las mañanas", "I need a physical", "quero uma teleconsulta"],
)
def test_a_need_with_a_kind_of_visit_books_it(text):
    understood = read(text)
    assert understood.intent is Intent.BOOK
    assert understood.entities.appointment_type_code in ("physical", "telehealth")


def test_physical_therapy_is_no_physical():
    assert read("I need physical therapy for my back").entities.appointment_type_code is None


def test_last_week_said_of_an_injury_does_not_move_the_weekday_wished():
    text = "me lastime el tobillo la semana pasada, ya puedo caminar pero me molesta. los viernes puedo"
    assert read(text).entities.when.day == datetime(2026, 12, 11).date()  # the coming Friday
    assert read("el viernes de la semana pasada fui").entities.when.day == datetime(2026, 12, 4).date()


def test_this_weekday_said_that_day_is_today_or_a_week_on():
    saturday = datetime(2026, 12, 12, 10, 0, tzinfo=ZoneInfo(ZONE))
    when = understand("anything this saturday?", directory=HARBOR, now=saturday).entities.when
    assert when.day == saturday.date()
    assert {r.start.date() for r in when.readings} >= {saturday.date(), datetime(2026, 12, 19).date()}


@pytest.mark.parametrize("text", ["va", "sale", "órale pues"])
def test_texan_and_mexican_yes_words_confirm(text):
    assert understand(text, directory=HARBOR, now=NOW, expecting="yes_no").entities.yes_no is True


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("perdon, es Jorge Mendoza", "Jorge Mendoza"),
        ("desculpa, é Marcos Vinicius Silva", "Marcos Vinicius Silva"),
    ],
)
def test_a_name_corrected_with_it_is_is_taken(text, name):
    understood = understand(text, directory=HARBOR, now=NOW, expecting="date_of_birth")
    assert understood.entities.full_name == name
    assert understand("La doctora es Ana Ferreira", directory=HARBOR, now=NOW).entities.full_name is None


def test_a_patient_s_surname_that_is_a_practitioner_s_names_nobody_beside_another_specialty():
    text = "ocupo cita con el dermatologo la semana que viene despues de las 11 Luis Garza Soto naci el 17 feb 1962"
    derm = ClinicDirectory(
        practitioners=[*HARBOR.practitioners, PractitionerRef(6, "Dr. Ryan Brooks", [], ["dermatology"])],
        appointment_types=HARBOR.appointment_types,
        time_zone=ZONE,
        country="US",
    )
    entities = understand(text, directory=derm, now=NOW).entities
    assert entities.specialty == "dermatology" and entities.practitioner_ids == []
    titled = understand("Dr Garza, the dermatologist, next week", directory=derm, now=NOW).entities
    assert titled.practitioner_ids == [2]
