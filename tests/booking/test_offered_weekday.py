"""A weekday and a time said over a list of next week's times pick the offered one: on a
Monday, "Tuesday at 09:30" read alone is tomorrow, but the list on the screen is next
Tuesday's (issue 13: "ok monday at 09:00", "el martes a las 08:00", "terça às 14:00" were
searched again as tomorrow, over and over)."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from booking import machine as m
from tests.booking.test_machine import ANA, NOW, ZONE, effects_of, world

pytestmark = pytest.mark.sqlite


def slot(day: date, hour: int, minute: int = 0) -> m.Slot:
    start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
    return m.Slot(start, start + timedelta(minutes=30), ANA, 1)


NEXT_TUESDAY = date(2026, 12, 1)  # NOW is Monday 23 November
TOMORROW = date(2026, 11, 24)
OFFERED = (slot(NEXT_TUESDAY, 9), slot(NEXT_TUESDAY, 9, 30), slot(NEXT_TUESDAY, 10))


def selecting(offered=OFFERED) -> m.Session:
    stored = {
        "type": "checkup",
        "who": [ANA],
        "when": {"from": "2026-11-30", "to": "2026-12-06", "window": None, "prefer": None},
        "offered": [s.to_json() for s in offered],
        "asked": "option",
    }
    return m.Session.from_json(stored, flow="book", state="AVAILABILITY_SELECTION", patient_id=7)


def said(day: date, at: time, *, weekday: bool = True) -> m.Signal:
    start = datetime.combine(day, at, tzinfo=ZONE)
    return m.Signal(
        intent="book",
        day_from=day,
        day_to=day,
        day_named=True,
        weekday_said=weekday,
        window=(at, (start + timedelta(hours=1)).time()),
        prefer=start,
    )


def test_a_weekday_and_time_over_next_weeks_list_picks_the_offered_slot():
    step = m.transition(selecting(), said(TOMORROW, time(9, 30)), world())

    assert effects_of(step, m.Hold) == [m.Hold(OFFERED[1], "checkup", None)]
    assert not effects_of(step, m.FindSlots)


def test_the_coming_day_offered_wins_over_the_same_weekday_a_week_on():
    both = (slot(TOMORROW, 9, 30), slot(NEXT_TUESDAY, 9, 30))

    step = m.transition(selecting(both), said(TOMORROW, time(9, 30)), world())

    assert effects_of(step, m.Hold) == [m.Hold(both[0], "checkup", None)]


def test_a_date_by_its_number_with_an_offered_time_searches_rather_than_picks():
    step = m.transition(selecting(), said(TOMORROW, time(9, 30), weekday=False), world())

    assert not effects_of(step, m.Hold)
    (find,) = effects_of(step, m.FindSlots)
    assert find.day_from == TOMORROW


def test_a_weekday_over_a_list_weeks_ahead_picks_the_offered_day():
    far = tuple(
        replace(s, start=s.start + timedelta(days=21), end=s.end + timedelta(days=21)) for s in OFFERED
    )

    step = m.transition(selecting(far), said(TOMORROW, time(9, 30)), world())

    assert effects_of(step, m.Hold) == [m.Hold(far[1], "checkup", None)]


def test_todays_weekday_said_over_today_and_a_week_on_picks_today():
    today, week_on = NOW.date(), NOW.date() + timedelta(days=7)
    both = (slot(today, 18), slot(week_on, 18))
    signal = replace(said(today, time(18)), week_on=week_on)

    step = m.transition(selecting(both), signal, world())

    assert effects_of(step, m.Hold) == [m.Hold(both[0], "checkup", None)]
