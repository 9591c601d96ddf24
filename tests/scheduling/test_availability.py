"""Free-slot computation as pure functions: no database, a fixed clock."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduling.availability import (
    Calendar,
    Interval,
    Preference,
    Rules,
    TimeWindow,
    WeeklyRange,
    best_slots,
    merge,
    slot_problem,
    slots_between,
)

pytestmark = pytest.mark.sqlite

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
NEW_YORK = ZoneInfo("America/New_York")
RULES = Rules(min_notice=timedelta(hours=2), max_days_ahead=60, slot_step=timedelta(minutes=15))
MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
WEEK = [WeeklyRange(d, time(9), time(12), 1) for d in range(5)] + [
    WeeklyRange(d, time(14), time(18), 1) for d in range(5)
]


def at(day: date, hh: int, mm: int = 0, zone: ZoneInfo = SAO_PAULO) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=zone).astimezone(UTC)


def local_starts(slots, zone=SAO_PAULO):
    return [s.start.astimezone(zone).strftime("%a %H:%M") for s in slots]


def test_an_empty_morning_offers_every_grid_point_that_fits_the_duration():
    cal = Calendar(1, [WeeklyRange(0, time(9), time(10), 1)])
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
    )
    assert local_starts(slots) == ["Mon 09:00", "Mon 09:15", "Mon 09:30"]


def test_a_booked_appointment_removes_the_slots_it_overlaps():
    cal = Calendar(
        1,
        [WeeklyRange(0, time(9), time(11), 1)],
        busy=[Interval(at(MONDAY, 9, 30), at(MONDAY, 10, 0))],
    )
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
    )
    assert local_starts(slots) == ["Mon 09:00", "Mon 10:00", "Mon 10:15", "Mon 10:30"]


def test_buffers_keep_a_gap_around_busy_time():
    cal = Calendar(
        1,
        [WeeklyRange(0, time(9), time(11), 1)],
        busy=[Interval(at(MONDAY, 9, 30), at(MONDAY, 10, 0))],
    )
    rules = Rules(min_notice=timedelta(0), slot_step=timedelta(minutes=15), buffer=timedelta(minutes=10))
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=30),
        rules=rules,
        zone=SAO_PAULO,
        now=NOW,
    )
    assert local_starts(slots) == ["Mon 10:15", "Mon 10:30"]


def test_min_notice_hides_slots_too_close_to_now():
    now = at(MONDAY, 8, 0)
    cal = Calendar(1, WEEK)
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=now,
    )
    assert local_starts(slots)[0] == "Mon 10:00"


def test_max_days_ahead_ends_the_search():
    cal = Calendar(1, WEEK)
    rules = Rules(min_notice=timedelta(0), max_days_ahead=2)
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY + timedelta(days=6),
        duration=timedelta(minutes=30),
        rules=rules,
        zone=SAO_PAULO,
        now=NOW,
    )
    assert max(s.start for s in slots) <= NOW + timedelta(days=2)


def test_a_time_of_day_window_keeps_only_slots_inside_it():
    cal = Calendar(1, WEEK)
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=60),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
        window=TimeWindow(time(16), time(18)),
    )
    assert local_starts(slots) == ["Mon 16:00", "Mon 16:15", "Mon 16:30", "Mon 16:45", "Mon 17:00"]


def test_working_hours_keep_their_local_time_across_a_daylight_saving_change():
    # New York springs forward on Sunday 2026-03-08: 09:00 is 14:00 UTC before, 13:00 after.
    cal = Calendar(1, [WeeklyRange(d, time(9), time(10), 1) for d in range(7)])
    slots = slots_between(
        [cal],
        date_from=date(2026, 3, 7),
        date_to=date(2026, 3, 9),
        duration=timedelta(minutes=60),
        rules=Rules(min_notice=timedelta(0)),
        zone=NEW_YORK,
        now=datetime(2026, 3, 1, tzinfo=UTC),
    )
    assert [s.start.hour for s in slots] == [14, 13, 13]
    assert all(s.start.astimezone(NEW_YORK).hour == 9 for s in slots)


def test_a_range_across_the_autumn_change_has_an_extra_real_hour():
    # 00:00-03:00 local on 2026-11-01 in New York lasts four real hours (01:00 happens twice).
    cal = Calendar(1, [WeeklyRange(6, time(0), time(3), 1)])
    slots = slots_between(
        [cal],
        date_from=date(2026, 11, 1),
        date_to=date(2026, 11, 1),
        duration=timedelta(hours=1),
        rules=Rules(min_notice=timedelta(0), slot_step=timedelta(hours=1)),
        zone=NEW_YORK,
        now=datetime(2026, 10, 1, tzinfo=UTC),
    )
    assert len(slots) == 4


def test_time_off_blocks_the_whole_day():
    cal = Calendar(1, WEEK, busy=[Interval(at(MONDAY, 0), at(MONDAY + timedelta(days=1), 0))])
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
    )
    assert slots == []


def test_best_slots_rank_neighbouring_mornings_before_the_wished_days_afternoon_before_later_days():
    tuesday = MONDAY + timedelta(days=1)
    cal = Calendar(1, WEEK, busy=[Interval(at(tuesday, 9), at(tuesday, 12))])
    wish = Preference(day=tuesday, window=TimeWindow(time(9), time(12)))
    best = best_slots(
        [cal],
        preference=wish,
        date_from=MONDAY,
        date_to=MONDAY + timedelta(days=6),
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
        limit=60,
    )
    ranked = local_starts(best)
    assert set(ranked[:2]) == {"Mon 11:30", "Wed 09:00"}
    assert ranked.index("Tue 14:00") < ranked.index("Thu 09:00")


def test_best_slots_offer_the_neighbouring_mornings_when_the_whole_wished_day_is_taken():
    tuesday = MONDAY + timedelta(days=1)
    cal = Calendar(1, WEEK, busy=[Interval(at(tuesday, 0), at(tuesday + timedelta(days=1), 0))])
    wish = Preference(day=tuesday, window=TimeWindow(time(9), time(12)))
    best = best_slots(
        [cal],
        preference=wish,
        date_from=MONDAY,
        date_to=MONDAY + timedelta(days=6),
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
        limit=2,
    )
    assert set(local_starts(best)) == {"Mon 11:30", "Wed 09:00"}


def test_best_slots_match_a_full_scan_ranked_by_cost():
    from scheduling.availability import slot_cost

    cals = [
        Calendar(
            i,
            WEEK,
            busy=[
                Interval(
                    at(MONDAY + timedelta(days=i % 5), 9 + i),
                    at(MONDAY + timedelta(days=i % 5), 15),
                )
            ],
        )
        for i in range(1, 4)
    ]
    wish = Preference(day=MONDAY + timedelta(days=2), window=TimeWindow(time(10), time(12)))
    kw = dict(
        date_from=MONDAY,
        date_to=MONDAY + timedelta(days=13),
        duration=timedelta(minutes=40),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
    )
    everything = slots_between(cals, **kw)
    expected = sorted(slot_cost(s, preference=wish, zone=SAO_PAULO) for s in everything)[:7]
    best = best_slots(cals, preference=wish, limit=7, **kw)
    assert [slot_cost(s, preference=wish, zone=SAO_PAULO) for s in best] == expected


def test_the_best_few_are_the_head_of_the_best_many_whatever_the_calendar_order():
    """ "More options" asks for more each page: the pages must never shift or repeat, also
    when several practitioners are free at the same times (every slot costs nothing)."""
    saturday = MONDAY + timedelta(days=5)
    morning = [WeeklyRange(5, time(8), time(12), 1)]
    cals = [Calendar(i, morning) for i in (3, 1, 2)]
    wish = Preference(day=saturday, window=TimeWindow(time(8), time(12)))
    kw = dict(
        date_from=saturday,
        date_to=saturday,
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
        preference=wish,
    )
    from scheduling.availability import slot_cost

    everything = slots_between(cals, **{k: v for k, v in kw.items() if k != "preference"})
    ranked = sorted(
        everything, key=lambda s: (slot_cost(s, preference=wish, zone=SAO_PAULO), s.practitioner_id, s.start)
    )
    for n in (3, 6, 9, 12):
        assert best_slots(cals, limit=n, **kw) == ranked[:n]


def test_slot_problem_names_why_a_slot_cannot_be_taken():
    cal = Calendar(1, WEEK, busy=[Interval(at(MONDAY, 9), at(MONDAY, 10))])
    kw = dict(duration=timedelta(minutes=30), rules=RULES, zone=SAO_PAULO, now=NOW)
    assert slot_problem(cal, start=at(MONDAY, 9, 30), **kw) == "already taken"
    assert slot_problem(cal, start=at(MONDAY, 12), **kw) == "outside working hours"
    assert slot_problem(cal, start=at(MONDAY, 10, 5), **kw) == "not on the slot grid"
    assert slot_problem(cal, start=at(MONDAY, 10, 5), enforce_policy=False, **kw) is None
    assert slot_problem(cal, start=at(MONDAY, 10), **kw) is None


# ---- properties ------------------------------------------------------------------------

ZONES = st.sampled_from([SAO_PAULO, NEW_YORK, ZoneInfo("Europe/Lisbon"), ZoneInfo("Australia/Sydney")])
quarter_hours = st.integers(min_value=0, max_value=95)


@st.composite
def weekly_ranges(draw):
    out = []
    for weekday in range(7):
        for _ in range(draw(st.integers(0, 2))):
            a, b = sorted(draw(st.lists(quarter_hours, min_size=2, max_size=2, unique=True)))
            out.append(WeeklyRange(weekday, time(a // 4, a % 4 * 15), time(b // 4, b % 4 * 15), 1))
    return out


@st.composite
def busy_intervals(draw, start: datetime):
    out = []
    for _ in range(draw(st.integers(0, 25))):
        offset = draw(st.integers(0, 20 * 24 * 60))
        length = draw(st.integers(1, 6 * 60))
        begin = start + timedelta(minutes=offset)
        out.append(Interval(begin, begin + timedelta(minutes=length)))
    return out


@settings(max_examples=150, deadline=None)
@given(
    zone=ZONES,
    weekly=weekly_ranges(),
    busy=busy_intervals(datetime(2026, 3, 1, tzinfo=UTC)),
    now_offset=st.integers(0, 10 * 24 * 60),
    duration=st.sampled_from([15, 20, 30, 40, 60, 90]),
    notice=st.integers(0, 48 * 60),
    buffer=st.sampled_from([0, 5, 10]),
)
def test_no_slot_overlaps_busy_time_leaves_working_hours_or_breaks_notice(
    zone, weekly, busy, now_offset, duration, notice, buffer
):
    now = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=now_offset)
    rules = Rules(
        min_notice=timedelta(minutes=notice),
        max_days_ahead=15,
        slot_step=timedelta(minutes=15),
        buffer=timedelta(minutes=buffer),
    )
    length = timedelta(minutes=duration)
    slots = slots_between(
        [Calendar(7, weekly, busy)],
        date_from=date(2026, 2, 28),
        date_to=date(2026, 3, 25),
        duration=length,
        rules=rules,
        zone=zone,
        now=now,
    )
    for slot in slots:
        assert slot.end - slot.start == length
        assert slot.start >= now + rules.min_notice
        assert slot.start <= now + timedelta(days=rules.max_days_ahead)
        assert not any(b.start < slot.end and slot.start < b.end for b in busy)
        day = slot.start.astimezone(zone).date()
        # Touching or overlapping ranges form one stretch of working time.
        hours = merge(
            Interval(
                datetime.combine(day, r.start, tzinfo=zone),
                datetime.combine(day, r.end, tzinfo=zone),
            )
            for r in weekly
            if r.weekday == day.weekday()
        )
        assert any(h.start <= slot.start and slot.end <= h.end for h in hours)
    assert len(set(slots)) == len(slots)


@settings(max_examples=60, deadline=None)
@given(weekly=weekly_ranges(), busy=busy_intervals(datetime(2026, 3, 1, tzinfo=UTC)))
def test_every_slot_found_is_accepted_by_slot_problem(weekly, busy):
    cal = Calendar(7, weekly, busy)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    kw = dict(duration=timedelta(minutes=30), rules=RULES, zone=SAO_PAULO, now=now)
    for slot in slots_between([cal], date_from=date(2026, 3, 1), date_to=date(2026, 3, 14), **kw):
        assert slot_problem(cal, start=slot.start, **kw) is None


def test_spacing_offers_varied_times_instead_of_neighbouring_quarters():
    cal = Calendar(
        1,
        [WeeklyRange(0, time(9), time(12), 1)],
        busy=[Interval(at(MONDAY, 10), at(MONDAY, 10, 20))],
    )
    slots = slots_between(
        [cal],
        date_from=MONDAY,
        date_to=MONDAY,
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=SAO_PAULO,
        now=NOW,
        spacing=timedelta(hours=1),
    )
    assert local_starts(slots) == ["Mon 09:00", "Mon 10:30", "Mon 11:30"]


@settings(max_examples=80, deadline=None)
@given(
    weekly=weekly_ranges(),
    busy=busy_intervals(datetime(2026, 3, 1, tzinfo=UTC)),
    wish_day=st.integers(0, 13),
    wish=st.sampled_from([None, (8, 12), (13, 18), (0, 24)]),
    limit=st.integers(1, 8),
)
def test_best_slots_are_the_cheapest_of_a_full_scan(weekly, busy, wish_day, wish, limit):
    from scheduling.availability import slot_cost

    window = None if wish is None else TimeWindow(time(wish[0]), time(0) if wish[1] == 24 else time(wish[1]))
    preference = Preference(day=date(2026, 3, 2) + timedelta(days=wish_day), window=window)
    cals = [Calendar(1, weekly, busy), Calendar(2, weekly[::2], busy[::3])]
    kw = dict(
        date_from=date(2026, 3, 2),
        date_to=date(2026, 3, 15),
        duration=timedelta(minutes=30),
        rules=RULES,
        zone=NEW_YORK,
        now=datetime(2026, 3, 1, tzinfo=UTC),
    )
    every = sorted(slot_cost(s, preference=preference, zone=NEW_YORK) for s in slots_between(cals, **kw))
    best = best_slots(cals, preference=preference, limit=limit, **kw)
    assert [slot_cost(s, preference=preference, zone=NEW_YORK) for s in best] == every[:limit]
