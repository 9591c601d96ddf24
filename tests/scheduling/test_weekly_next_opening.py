from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from scheduling.availability import WeeklyRange, weekly_next_opening

pytestmark = pytest.mark.sqlite
ZONE = ZoneInfo("America/Sao_Paulo")
WEEK = [
    WeeklyRange(0, time(9), time(12), 1),
    WeeklyRange(0, time(14), time(18), 1),
    WeeklyRange(5, time(8), time(12), 1),
]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=ZONE)  # 7 December 2026 is a Monday


@pytest.mark.parametrize("now", [at(7, 9), at(7, 11, 59), at(7, 15), at(12, 8)])
def test_while_a_range_holds_now_the_clinic_is_open(now):
    assert weekly_next_opening(WEEK, now=now, zone=ZONE) is None


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (at(7, 12, 30), at(7, 14)),  # lunch
        (at(7, 7), at(7, 9)),  # before the day's first range
        (at(7, 18), at(12, 8)),  # the end of a range is closed
        (at(12, 13), at(14, 9)),  # after Saturday: Monday a week on
    ],
)
def test_when_closed_the_next_range_start_is_when_it_opens(now, opens):
    assert weekly_next_opening(WEEK, now=now, zone=ZONE) == opens


def test_an_instant_in_another_zone_is_read_in_the_clinics():
    utc = datetime(2026, 12, 7, 15, 30, tzinfo=ZoneInfo("UTC"))  # 12:30 in São Paulo
    assert weekly_next_opening(WEEK, now=utc, zone=ZONE) == at(7, 14)


def test_without_hours_nothing_is_known():
    assert weekly_next_opening([], now=at(7, 10), zone=ZONE) is None
