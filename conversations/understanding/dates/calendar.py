"""Calendar arithmetic the resolver shares, and the rule for a resolution that reaches into the past."""

from dataclasses import replace
from datetime import date, datetime, timedelta

from conversations.understanding.types import TimeResolution


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def next_day_number(day_number: int, today: date, past: bool = False) -> date | None:
    """The next such day of the month not before today; with `past`, the last one not after."""
    month_start = date(today.year, today.month, 1)
    for offset in range(0, 13):
        first = add_months(month_start, -offset if past else offset)
        candidate = safe_date(first.year, first.month, day_number)
        if candidate and (candidate <= today if past else candidate >= today):
            return candidate
    return None


def shift_date(day: date, count: int, unit: str) -> date:
    """`day` moved by `count` units ("day", "week", "month", "year"; a month end clips:
    Jan 31 + 1 month is Feb 28)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = 12 * count if unit == "year" else count
    first = add_months(day, months)
    return safe_date(first.year, first.month, day.day) or add_months(first, 1) - timedelta(days=1)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_year(year: int, today: date, past: bool = False) -> int:
    """A two-digit year in the century that makes sense: "5/7/27" is 2027, "03/18/40" is 1940
    (more than ten years ahead reads as the last century); with `past`, never after today."""
    if year >= 100:
        return year
    year += 2000
    return year - 100 if year > today.year + (0 if past else 10) else year


def weekday_with_number(weekday: int, number: int, today: date, past: bool = False) -> date | None:
    """The next date on that day of the month that falls on that weekday ("Friday the 13th");
    with `past`, the last one."""
    month_start = date(today.year, today.month, 1)
    for offset in range(0, 28):
        first = add_months(month_start, -offset if past else offset)
        candidate = safe_date(first.year, first.month, number)
        if (
            candidate
            and (candidate <= today if past else candidate >= today)
            and candidate.weekday() == weekday
        ):
            return candidate
    return None


def mark_past(res: TimeResolution, now: datetime) -> TimeResolution:
    assert res.start is not None and res.end is not None
    if res.granularity == "time":
        return replace(res, past=True) if res.start < now else res
    if res.end <= now:
        return replace(res, past=True)
    if res.start < now:
        return replace(res, start=now)
    return res
