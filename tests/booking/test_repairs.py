"""Repairs the generated patients needed (issue 13, kinds 5-7): a name corrected in any
state, a time changed alone, a date of birth given with the name, a day corrected while the
bot asks who the patient is, and a kind of visit this patient may not take."""

from datetime import date, datetime, time

import pytest

from booking import machine as m
from tests.booking.test_machine import ZONE, confirming, effects_of, selecting, world

pytestmark = pytest.mark.sqlite
THURSDAY = {"from": "2026-11-26", "to": "2026-11-26", "window": None, "prefer": None}


def unknown_number() -> m.World:
    return world(known_patient=None)


def identifying(asked: str, **data) -> m.Session:
    stored = {"type": "checkup", "who": [1], "when": THURSDAY, "asked": asked} | data
    return m.Session.from_json(stored, flow="book", state="PATIENT_IDENTIFICATION")


def test_a_name_corrected_while_confirming_renames_the_patient_and_asks_again():
    session = confirming().with_(name="Paula Peea", patient_name="Paula Peea", patient_id=8)

    step = m.transition(session, m.Signal(intent="deny", yes_no=False, full_name="Paula Peña"), world())

    assert effects_of(step, m.RenamePatient) == [m.RenamePatient(8, "Paula Peña")]
    assert step.session.state == m.State.CONFIRM and step.session.hold_id == 40
    assert [r.text.key for r in step.replies] == ["name_updated", "confirm_book"]


def test_a_name_corrected_while_choosing_a_time_keeps_the_offer():
    session = selecting(name="Joaquin Pena").with_(patient_id=8)

    step = m.transition(session, m.Signal(intent="give_info", full_name="Joaquín Peña"), world())

    assert effects_of(step, m.RenamePatient) == [m.RenamePatient(8, "Joaquín Peña")]
    assert step.session.offered == selecting().offered
    assert not effects_of(step, m.FindSlots)


def test_a_time_said_alone_keeps_the_day_already_chosen():
    after_four = (time(16), time(23, 59))
    step = m.transition(
        selecting(),
        m.Signal(
            intent="give_info",
            day_from=date(2026, 11, 23),
            day_to=date(2026, 11, 23),
            window=after_four,
            prefer=datetime(2026, 11, 23, 16, tzinfo=ZONE),
        ),
        world(),
    )

    (find,) = effects_of(step, m.FindSlots)
    assert (find.day_from, find.window) == (date(2026, 11, 27), after_four)


def test_a_name_with_the_date_of_birth_creates_the_patient_at_once():
    step = m.transition(
        identifying("name"),
        m.Signal(intent="give_info", full_name="Joaquín Sánchez", date_of_birth=date(1981, 10, 14)),
        unknown_number(),
    )

    assert effects_of(step, m.CreatePatient) == [m.CreatePatient("Joaquín Sánchez", date(1981, 10, 14))]


def test_a_day_corrected_while_the_name_is_asked_changes_the_wish_and_asks_the_name_again():
    step = m.transition(
        identifying("name"),
        m.Signal(intent="give_info", day_from=date(2026, 12, 1), day_to=date(2026, 12, 1), day_named=True),
        unknown_number(),
    )

    assert step.session.when.day_from == date(2026, 12, 1)
    assert [r.text.key for r in step.replies] == ["wish_noted", "ask_name_again"]


def test_a_kind_of_visit_said_while_the_name_is_asked_is_taken_and_the_name_asked_again():
    step = m.transition(
        identifying("name", type=None), m.Signal(intent="give_info", type_code="new"), unknown_number()
    )

    assert step.session.type_code == "new"
    assert step.session.name is None
    assert [r.text.key for r in step.replies] == ["wish_noted", "ask_name_again"]


def test_a_returning_only_kind_asked_by_a_new_patient_is_refused_out_loud_and_the_kind_asked():
    w = world(
        known_patient=(7, "Emily Carter"),
        returning_patient=False,
        returning_only_types=frozenset({"checkup"}),
        practitioners={1: m.PractitionerView(1, "Dra. Ana Souza", ("new", "checkup"), ("general practice",))},
    )

    step = m.transition(m.Session(flow=m.Flow.BOOK), m.Signal(intent="book", type_code="checkup"), w)

    assert [r.text.key for r in step.replies] == ["type_returning_only", "ask_type"]
    assert step.session.type_choices == ("new",) and step.session.type_code is None


def test_or_later_with_a_day_searches_that_day_not_after_the_first_offered_time():
    step = m.transition(
        selecting(),
        m.Signal(
            intent="book",
            day_from=date(2026, 12, 1),
            day_to=date(2026, 12, 1),
            day_named=True,
            window=(time(10), time(11)),
            commands=frozenset({"later"}),
        ),
        world(),
    )

    (find,) = effects_of(step, m.FindSlots)
    assert find.day_from == date(2026, 12, 1)


@pytest.mark.parametrize(
    "name, asks",
    [
        ("Martina Gómez", True),
        ("Sophie Carter", True),  # a granddaughter with the family name
        ("Emily", False),
        ("emily carter", False),
        ("Em Carter", True),  # too short to be her name's short form
    ],
)
def test_a_known_number_booking_for_someone_else_asks_who_they_are(name, asks):
    step = m.transition(m.Session(flow=m.Flow.BOOK), m.Signal(intent="book", full_name=name), world())

    assert (step.session.patient_id is None) is asks
    assert not effects_of(step, m.Book)
    if asks:
        assert step.session.asked == m.Asked.DATE_OF_BIRTH


@pytest.mark.parametrize("name", ["Lupe Treviño", "Lupe", "Guadalupe"])
def test_the_short_form_of_a_known_patient_s_first_name_is_that_patient(name):
    w = world(known_patient=(7, "Guadalupe Treviño"))
    step = m.transition(m.Session(flow=m.Flow.BOOK), m.Signal(intent="book", full_name=name), w)

    assert step.session.patient_id == 7


def test_an_hour_or_later_said_alone_while_choosing_bounds_the_hours_not_the_first_offer():
    from_three = (time(15), time(23, 59))
    step = m.transition(
        selecting(),
        m.Signal(intent="book", window=from_three, commands=frozenset({"later"})),
        world(),
    )

    (find,) = effects_of(step, m.FindSlots)
    assert find.window == from_three


def test_a_time_that_two_offered_days_share_asks_which_rather_than_searching_again():
    from tests.booking.test_machine import slot

    two_days = (slot(27, 9), slot(30, 9), slot(30, 10))
    session = selecting().with_(offered=two_days, when=m.When())  # any day, as long as it is 9:00

    # "9:00 is fine": a time alone, resolved to the next 9:00 (the day is not named).
    nine = m.Signal(
        intent="give_info",
        day_from=date(2026, 11, 24),
        day_to=date(2026, 11, 24),
        window=(time(9), time(10)),
        prefer=datetime(2026, 11, 24, 9, tzinfo=ZONE),
    )
    step = m.transition(session, nine, world())

    assert not effects_of(step, m.FindSlots) and not effects_of(step, m.Hold)
    assert [r.text.key for r in step.replies] == ["offer_which_day"]
    assert step.session.offered == two_days[:2]  # the days with 9:00, alone, to choose from

    # The same time again, asked which of its days: any of them will do, the first is held.
    again = m.transition(step.session, nine, world())

    (hold,) = effects_of(again, m.Hold)
    assert hold.slot == two_days[0]


def test_the_same_time_again_with_a_day_wished_is_asked_never_chosen_for_the_patient():
    from tests.booking.test_machine import slot

    wednesday = m.When(date(2026, 11, 25), date(2026, 11, 25), (time(15, 30), time(23, 59)), None)
    alternatives = (slot(27, 9), slot(30, 9))
    session = selecting().with_(offered=alternatives, when=wednesday, narrowed=True)

    step = m.transition(session, m.Signal(intent="choose_option", option_time=time(9)), world())

    assert not effects_of(step, m.Hold)
    assert [r.text.key for r in step.replies] == ["reask_option"]


def test_a_returning_only_kind_asked_for_at_the_confirmation_is_refused_out_loud_and_the_kind_asked():
    w = world(returning_patient=False, returning_only_types=frozenset({"checkup"}))
    session = confirming().with_(type_code="new")

    step = m.transition(session, m.Signal(intent="deny", yes_no=False, type_code="checkup"), w)

    assert [r.text.key for r in step.replies] == ["type_returning_only", "ask_type"]
    assert step.session.type_code is None and effects_of(step, m.Release)


def test_hours_with_any_day_search_those_hours_on_every_day_not_what_is_left_of_today():
    asked_when = m.Session(
        flow=m.Flow.BOOK, state=m.State.PREFERENCES, asked=m.Asked.WHEN, type_code="checkup", patient_id=7
    )
    evening = (time(18, 0), time(23, 59))
    today = date(2026, 11, 23)

    step = m.transition(
        asked_when,
        m.Signal(
            intent="give_info", day_from=today, day_to=today, window=evening, commands=frozenset({"any"})
        ),
        world(),
    )

    (find,) = effects_of(step, m.FindSlots)
    assert (find.day_from, find.day_to, find.window) == (None, None, evening)


def test_a_kind_named_in_the_answer_wins_over_an_ordinal_inside_it():
    # "control de niño sano, el del primer año" names the kind; "primer" is no pick of option 1.
    w = world(practitioners={1: m.PractitionerView(1, "Dra. Ana Souza", ("new", "checkup"), ("pediatrics",))})
    asking = m.Session.from_json(
        {"who": [1], "when": THURSDAY, "asked": "type", "type_choices": ["new", "checkup"]},
        flow="book",
        state="PREFERENCES",
        patient_id=7,
    )

    step = m.transition(asking, m.Signal(intent="choose_option", option=1, type_code="checkup"), w)

    assert step.session.type_code == "checkup"
    assert effects_of(step, m.FindSlots)


def test_a_time_two_offered_days_share_picks_the_one_on_the_day_wished():
    from tests.booking.test_machine import slot

    thursday = m.When(date(2026, 11, 26), date(2026, 11, 26), (time(9), time(23, 59)), None)
    offered = (slot(26, 9), slot(30, 9))  # Thursday's 9:00 and the next Monday's
    session = selecting().with_(offered=offered, when=thursday)

    step = m.transition(session, m.Signal(intent="choose_option", option_time=time(9)), world())

    (hold,) = effects_of(step, m.Hold)
    assert hold.slot == offered[0]
