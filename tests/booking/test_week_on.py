"""A weekday named on that very weekday: today while it can still be booked, else the same
weekday a week on, and the conversation keeps to the day its list restated (issue 13, kind 1:
the clock sweep found "Thursday" said on a Thursday evening offered next Tuesday)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from booking import machine as m
from conversations.booking_bridge import booking_signal
from conversations.understanding import understand
from tests.booking.test_machine import ANA, slot, world
from tests.booking.test_signals import DIRECTORY

pytestmark = pytest.mark.sqlite
ZONE = ZoneInfo("America/Sao_Paulo")
THURSDAY_EVENING = datetime(2026, 11, 26, 19, 30, tzinfo=ZONE)


def signal(text: str, now: datetime = THURSDAY_EVENING) -> m.Signal:
    return booking_signal(understand(text, directory=DIRECTORY, now=now), text=text, button="")


@pytest.mark.parametrize(
    "text", ["Book me with Dr. Carlos on Thursday", "Quiero una cita el jueves", "quero marcar na quinta"]
)
def test_the_weekday_of_today_also_names_the_same_weekday_a_week_on(text):
    read = signal(text)

    assert (read.day_from, read.week_on) == (date(2026, 11, 26), date(2026, 12, 3))
    assert read.window is None  # the whole day as said, not what is left of today


def test_today_is_only_today():
    assert signal("Book me with Dr. Carlos today").week_on is None


def test_another_weekday_has_no_week_on():
    assert signal("Book me with Dr. Carlos on Friday").week_on is None


def searching_thursday() -> m.Session:
    when = m.When(date(2026, 11, 26), date(2026, 11, 26), week_on=date(2026, 12, 3))
    return m.Session(flow=m.Flow.BOOK, state=m.State.PREFERENCES, type_code="new", who=(ANA,), when=when)


def test_times_offered_a_week_on_become_the_wish():
    next_thursday = datetime(2026, 12, 3, 9, 0, tzinfo=ZONE)
    found = m.SlotsFound((m.Slot(next_thursday, next_thursday + timedelta(minutes=30), ANA, 1),))

    step = m.transition(searching_thursday(), found, world(now=THURSDAY_EVENING))

    assert step.session.when.day_from == date(2026, 12, 3)
    assert step.session.when.week_on is None


def test_times_offered_today_keep_today():
    step = m.transition(searching_thursday(), m.SlotsFound((slot(26, 9),)), world())

    assert step.session.when.day_from == date(2026, 11, 26)
    assert step.session.when.week_on is None
