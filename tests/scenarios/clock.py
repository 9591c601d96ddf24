"""The sweep's instants and the vocabulary scripted conversations use to name days and
times relative to the conversation's "now" (see runner.py for the whole vocabulary).

A scenario never names a fixed date: the same lines run at every instant in INSTANTS, and
"tue", "next tue", "tomorrow" or "thu after +2d 10:00" resolve against that instant's clock
in the clinic's zone. These are the patient's meanings, written down independently of the
bot's own date resolution, so a disagreement is a failure.
"""

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Instant:
    """One clock the whole scripted set runs at: a label, the clinic's zone, a local time."""

    label: str
    zone: str
    local: str

    @property
    def now(self) -> datetime:
        return datetime.fromisoformat(self.local).replace(tzinfo=ZoneInfo(self.zone))


# Each day of the week; early morning, lunchtime, after closing, 23:50; and the days the
# clocks change in a zone that has DST (the demo clinic's São Paulo has had none since 2019,
# so the same clinic file is loaded with its zone switched).
INSTANTS = (
    Instant("mon-0800", "America/Sao_Paulo", "2026-11-23 08:00"),
    Instant("tue-0630", "America/Sao_Paulo", "2026-11-24 06:30"),
    Instant("wed-1230", "America/Sao_Paulo", "2026-11-25 12:30"),
    Instant("thu-1930", "America/Sao_Paulo", "2026-11-26 19:30"),
    Instant("fri-2350", "America/Sao_Paulo", "2026-11-27 23:50"),
    Instant("sat-1000", "America/Sao_Paulo", "2026-11-28 10:00"),
    Instant("sun-0900", "America/Sao_Paulo", "2026-11-29 09:00"),
    Instant("madrid-dst-end", "Europe/Madrid", "2026-10-25 01:30"),
    Instant("newyork-dst-start", "America/New_York", "2027-03-14 01:30"),
)
# SCENARIO_INSTANTS=mon-0800,fri-2350 runs only those (the SQLite pass of scripts/test: the
# embedded defaults at one ordinary and one edge instant; PostgreSQL runs all of them).
if _chosen := os.environ.get("SCENARIO_INSTANTS", "").split(","):
    if unknown := set(filter(None, _chosen)) - {instant.label for instant in INSTANTS}:
        raise ValueError(f"SCENARIO_INSTANTS: no instant named {sorted(unknown)}")
    INSTANTS = tuple(instant for instant in INSTANTS if instant.label in _chosen) or INSTANTS

_DAY = re.compile(
    r"^(?:(?P<today>today)|(?P<tomorrow>tomorrow)|(?P<from>from (?:today|tomorrow))"
    r"|(?P<plus>\+\d+d)|(?P<next>next )?(?P<wd>mon|tue|wed|thu|fri|sat|sun)(?: after (?P<after>\+\d+d))?)$"
)
_DURATION = re.compile(r"(\d+)([dhm])")


def duration(text: str) -> timedelta:
    """ "15m", "3h", "22h30m", "2d" as a timedelta."""
    units = {"d": "days", "h": "hours", "m": "minutes"}
    return timedelta(**{units[unit]: int(number) for number, unit in _DURATION.findall(text)})


@dataclass(frozen=True)
class Clock:
    now: datetime

    @property
    def zone(self) -> ZoneInfo:
        return self.now.tzinfo  # type: ignore[return-value]

    @property
    def today(self) -> date:
        return self.now.date()

    def days(self, expr: str) -> tuple[date, ...] | None:
        """The days a day expression may mean (None: any day from the one it names on).

        today, tomorrow, +Nd; "tue": the coming Tuesday, or on a Tuesday today or a week on;
        "next tue": the Tuesday of next week (weeks start on Monday); "tue after +2d": the first
        Tuesday at least two days from today; "from today", "from tomorrow": any day from then.
        """
        m = _DAY.match(expr.strip())
        if not m:
            raise ValueError(f"not a day expression: {expr!r}")
        today = self.today
        if m["today"]:
            return (today,)
        if m["tomorrow"]:
            return (today + timedelta(days=1),)
        if m["from"]:
            return None
        if m["plus"]:
            return (today + duration(m["plus"]),)
        target = WEEKDAYS.index(m["wd"])
        if m["after"]:
            start = today + duration(m["after"])
            return (start + timedelta(days=(target - start.weekday()) % 7),)
        if m["next"]:
            return (today + timedelta(days=7 - today.weekday() + target),)
        ahead = (target - today.weekday()) % 7
        return (today, today + timedelta(days=7)) if ahead == 0 else (today + timedelta(days=ahead),)

    def first_day(self, expr: str) -> date:
        if expr.strip() == "from tomorrow":
            return self.today + timedelta(days=1)
        days = self.days(expr)
        return days[0] if days else self.today

    def at(self, expr: str) -> datetime:
        """ "thu after +2d 10:00", "tomorrow 09:00": one local instant (the first day it may mean)."""
        day_expr, _, clock = expr.strip().rpartition(" ")
        hours, minutes = (int(part) for part in clock.split(":"))
        return datetime.combine(self.first_day(day_expr), time(hours, minutes), tzinfo=self.zone)

    def year_of(self, day: int, month: int) -> date:
        """The date a "d/m" in a bot's list names: the nearest one not before yesterday."""
        for year in (self.today.year, self.today.year + 1):
            candidate = date(year, month, day)
            if candidate >= self.today - timedelta(days=1):
                return candidate
        raise AssertionError(f"{day}/{month} is neither this year's nor next year's")
