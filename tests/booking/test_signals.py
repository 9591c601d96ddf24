"""Messages the scripted conversations showed were misread, as the booking flow receives them."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from conversations.booking_bridge import booking_signal
from conversations.understanding import understand
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, Intent, PractitionerRef

pytestmark = pytest.mark.sqlite
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))
DIRECTORY = ClinicDirectory(
    practitioners=[
        PractitionerRef(1, "Dra. Ana Souza", ["Ana", "Dra. Ana"], ["general practice"]),
        PractitionerRef(2, "Dr. Carlos Mendes", ["Carlos"], ["cardiology"]),
    ],
    appointment_types=[
        AppointmentTypeRef("new", {"en": "New patient consultation", "es": "Primera consulta"}),
        AppointmentTypeRef("follow_up", {"en": "Follow-up visit", "es": "Consulta de control"}),
        AppointmentTypeRef(
            "checkup", {"en": "Annual check-up", "es": "Chequeo anual", "pt": "Check-up anual"}
        ),
    ],
    time_zone="America/Sao_Paulo",
)


def read(text: str):
    result = understand(text, directory=DIRECTORY, now=NOW)
    return result, booking_signal(result, text=text, button="")


@pytest.mark.parametrize(
    "text", ["I want a check-up with Dr. Ana on Monday", "quiero un chequeo", "quero fazer um checkup"]
)
def test_a_check_up_without_annual_is_the_check_up_type(text):
    _, signal = read(text)

    assert signal.type_code == "checkup"


def test_a_follow_up_is_still_the_follow_up_type():
    assert read("I need a follow-up with Dr. Carlos")[1].type_code == "follow_up"


@pytest.mark.parametrize(
    "text",
    [
        "anything with Dra. Ana on Friday?",
        "¿Hay algo con el Dr. Carlos el martes?",
        "tem algo com a Dra. Ana na sexta?",
    ],
)
def test_anything_with_a_practitioner_asks_about_availability(text):
    result, signal = read(text)

    assert result.intent is Intent.AVAILABILITY
    assert signal.practitioner_ids


@pytest.mark.parametrize(("text", "at"), [("11h", (11, 0)), ("14:30", (14, 30)), ("às 10h", (10, 0))])
def test_a_bare_time_right_after_options_names_an_option(text, at):
    result = understand(text, directory=DIRECTORY, now=NOW, expecting="option")

    assert booking_signal(result, text=text, button="").option_time == time(*at)


def test_a_bare_time_answering_when_stays_a_time_wish():
    result = understand("11h", directory=DIRECTORY, now=NOW, expecting="date")

    signal = booking_signal(result, text="11h", button="")
    assert signal.option_time is None and signal.window == (time(11, 0), time(12, 0))


def test_a_portuguese_weekday_inside_a_sentence_is_a_day_not_an_option():
    result = understand("na verdade quarta", directory=DIRECTORY, now=NOW, expecting="option")

    signal = booking_signal(result, text="na verdade quarta", button="")
    assert signal.option is None and signal.day_from == datetime(2026, 11, 25).date()


def test_a_bare_ordinal_still_names_an_option():
    result = understand("a quarta", directory=DIRECTORY, now=NOW, expecting="option")

    assert result.entities.option == 4


def test_a_yes_read_by_the_model_never_commits_a_booking():
    from booking import machine as m
    from conversations.understanding.types import Entities, Understanding

    hesitant = "Hmm I would rather wait, my husband must check his calendar first"
    model_says_yes = Understanding(Intent.AFFIRM, 0.8, "en", Entities(yes_no=True), engine="claude")
    signal = booking_signal(model_says_yes, text=hesitant, button="")

    assert signal.yes_no is None and signal.intent == "unknown"
    slot = m.Slot(NOW.replace(day=24, hour=9), NOW.replace(day=24, hour=9, minute=30), 1, 1)
    confirming = m.Session(
        flow=m.Flow.BOOK,
        state=m.State.CONFIRM,
        asked=m.Asked.CONFIRM,
        patient_id=7,
        hold_id=40,
        type_code="new",
        who=(1,),
        chosen=slot,
        offered=(slot,),
    )
    world = m.World(
        now=NOW,
        language="en",
        clinic_name="Clínica Vista",
        practitioners={1: m.PractitionerView(1, "Dra. Ana Souza", ("new",), ())},
        types={"new": {"en": "New patient consultation"}},
        locations={1: "Centro"},
    )
    step = m.transition(confirming, signal, world)
    assert not [e for e in step.effects if isinstance(e, m.Book)]
    assert step.replies[0].text.key == "reask_yes_no"


def test_a_yes_button_still_books_whatever_engine_read_the_title():
    from conversations.understanding.types import Entities, Understanding

    tapped = Understanding(Intent.AFFIRM, 1.0, "en", Entities(yes_no=True), engine="claude")
    assert booking_signal(tapped, text="Yes", button="yes").yes_no is True
