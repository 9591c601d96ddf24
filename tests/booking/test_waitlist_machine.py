"""Joining the waitlist from the booking conversation, on plain data (the pure machine)."""

from datetime import date, time

import pytest

from booking import machine as m
from tests.booking.test_machine import ANA, NOW, OFFERED, effects_of, selecting, world

pytestmark = pytest.mark.sqlite


def searching() -> m.Session:
    """A booking whose search is under way: Dra. Ana, a check-up, Friday afternoon."""
    return m.Session(
        flow=m.Flow.BOOK,
        state=m.State.PREFERENCES,
        patient_id=7,
        patient_name="Emily Carter",
        type_code="checkup",
        who=(ANA,),
        when=m.When(date(2026, 11, 27), date(2026, 11, 27), (time(14), time(18))),
    )


def test_nothing_free_offers_the_waitlist_for_the_wish_restated():
    step = m.transition(searching(), m.SlotsFound(()), world())

    assert step.session.state == m.State.PREFERENCES
    assert step.session.asked == m.Asked.WAITLIST
    [reply] = step.replies
    assert reply.text.key == "waitlist_ask"
    wish = reply.text.values["wish"]
    assert wish.values["who"] == "Dra. Ana Souza"
    assert wish.values["type"] == "Annual check-up"
    assert wish.values["hours"].values == {"start": "14:00", "end": "18:00"}
    assert [o.id for o in reply.options] == ["yes", "no"]
    assert not effects_of(step, m.Escalate)


def test_yes_to_the_waitlist_joins_it_for_the_wished_day_and_hours():
    asked = m.transition(searching(), m.SlotsFound(()), world()).session

    step = m.transition(asked, m.Signal(intent="affirm", yes_no=True, button="yes"), world())

    [join] = effects_of(step, m.JoinWaitlist)
    assert (join.patient_id, join.type_code, join.practitioner_ids) == (7, "checkup", (ANA,))
    assert (join.day_from, join.day_to, join.window) == (
        date(2026, 11, 27),
        date(2026, 11, 27),
        (time(14), time(18)),
    )


def test_no_to_the_waitlist_hands_over_as_before():
    asked = m.transition(searching(), m.SlotsFound(()), world()).session

    step = m.transition(asked, m.Signal(intent="deny", yes_no=False, button="no"), world())

    assert step.session.state == m.State.ESCALATED
    assert [r.text.key for r in step.replies] == ["no_slots"]
    assert [e.reason for e in effects_of(step, m.Escalate)] == ["no_availability"]


def test_joined_completes_the_conversation_restating_the_days():
    asked = m.transition(searching(), m.SlotsFound(()), world()).session
    joining = m.transition(asked, m.Signal(intent="affirm", yes_no=True), world()).session

    step = m.transition(joining, m.WaitlistJoined(5, date(2026, 11, 27), date(2026, 11, 27)), world())

    assert step.session.state == m.State.COMPLETE
    [reply] = step.replies
    assert reply.text.key == "waitlist_joined"
    assert reply.text.values["wish"].values["days"].key == "waitlist_day"


def test_alternatives_end_with_the_waitlist_option_and_its_number_joins():
    session = m.transition(searching(), m.SlotsFound(OFFERED, alternatives=True), world()).session
    options = m.transition(searching(), m.SlotsFound(OFFERED, alternatives=True), world()).replies[0].options
    assert [o.id for o in options][-2:] == ["more", "waitlist"]

    step = m.transition(session, m.Signal(intent="unknown", option=len(OFFERED) + 2), world())

    assert effects_of(step, m.JoinWaitlist)
    assert not effects_of(step, m.FindSlots)


def test_the_nearest_times_have_no_waitlist_option():
    step = m.transition(searching(), m.SlotsFound(OFFERED), world())

    assert "waitlist" not in [o.id for o in step.replies[0].options]


def test_asking_for_the_waitlist_while_choosing_joins_for_the_wish_without_searching():
    step = m.transition(selecting(), m.Signal(intent="unknown", commands=frozenset({"waitlist"})), world())

    [join] = effects_of(step, m.JoinWaitlist)
    assert join.day_from == join.day_to == date(2026, 11, 27)
    assert not effects_of(step, m.FindSlots)


def test_asking_for_the_waitlist_with_no_day_asks_when_first():
    fresh = m.Session(flow=m.Flow.BOOK, patient_id=7, type_code="checkup", who=(ANA,))

    step = m.transition(fresh, m.Signal(intent="book", commands=frozenset({"waitlist"})), world())

    assert step.session.asked == m.Asked.WHEN
    assert not effects_of(step, m.JoinWaitlist)


def test_any_day_on_the_waitlist_covers_the_next_two_weeks():
    anytime = searching().with_(when=m.When(anytime=True))

    step = m.transition(anytime, m.Signal(intent="unknown", commands=frozenset({"waitlist"})), world())

    [join] = effects_of(step, m.JoinWaitlist)
    assert (join.day_from, join.day_to) == (NOW.date(), date(2026, 12, 6))


def test_a_reschedule_has_no_waitlist():
    moving = searching().with_(flow=m.Flow.RESCHEDULE, appointment_id=3)

    step = m.transition(moving, m.SlotsFound(()), world())

    assert step.session.state == m.State.ESCALATED
