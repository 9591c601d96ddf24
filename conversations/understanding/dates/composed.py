"""Expressions built on another one: "3 days after January 12th", "the week of the 18th",
"from Monday to Friday", "the first week of July", "Christmas weekend"."""

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conversations.understanding.dates.calendar import add_months, mark_past, safe_date
from conversations.understanding.dates.holidays import HOLIDAY, holiday, long_weekend
from conversations.understanding.dates.lexicon import (
    ALL,
    UNIT_KIND,
    YEAR_SHIFTS,
    alternation,
    any_of,
    count_pattern,
    every,
    pack_code,
    units_pattern,
)
from conversations.understanding.dates.months import MONTH_NUMBER, MONTH_WORD
from conversations.understanding.types import TimeResolution

# `resolve` itself, passed in: a composed expression resolves its parts.
Resolver = Callable[..., TimeResolution | None]

_COUNT = count_pattern()
_OPTIONAL_ARTICLE = rf"(?:(?:{any_of('optional_article')})\s+)?"
_DEFINITE_ARTICLE = rf"(?:(?:{any_of('definite_articles')})\s+)?"
_SHIFT_BEFORE = every("shift_before")
_NOW_OR_TODAY = {*every("now_words"), *every("today_words")}
_SHIFT = re.compile(
    rf"^(?:(?:{any_of('shift_prefix')})\s+)?({_COUNT})\s+({units_pattern('day', 'week', 'month', 'year')})\s+"
    rf"({alternation([*every('shift_after'), *_SHIFT_BEFORE])})\s+(.+)$"
)
_WEEK_OF = re.compile(rf"^{_OPTIONAL_ARTICLE}(?:{any_of('week_of')})\s+(.+)$")
# "the week of the 18th": a bare day number is read as "the 18" (the first pack's day word).
_DAY_WORD = every("day_number_before")[0]
_DATE_RANGE = re.compile(
    rf"^(?:(?:{any_of('range_from')})\s+)?(.+?)\s+"
    rf"(?:{any_of('range_to')}|-)\s+(?:(?:{any_of('range_articles')})\s+)?(.+)$"
)
_LAST_WEEK_OF = every("week_last")
_NTH_WEEK = re.compile(
    rf"^(?:(?:{any_of('nth_week_articles')})\s+)?(1|2|3|4|5|{any_of('week_ordinals')}|{alternation(_LAST_WEEK_OF)})"
    rf"\s+(?:{any_of('week_words')})\s+(?:{any_of('of_words')})\s+(.+)$"
)
_NTH = {str(n): n for n in range(1, 6)} | {
    word: n for words in ALL for n, word in enumerate(words.week_ordinals.split(), start=1)
}
_SPAN_FROM = re.compile(
    rf"^(?:(?:{any_of('span_for')})\s+)?({_COUNT}|{any_of('numbers_only_in_context')})\s+"
    rf"({units_pattern('day', 'week')})\s*(?:{any_of('span_from')})\s+(.+)$"
)
_YEAR_FIRST = re.compile(r"^(\d{4})\s+(?:(\w+)\s+(\d{1,2})|(\d{1,2})\s+(\w+))$")
_END_OF = re.compile(
    rf"^{_DEFINITE_ARTICLE}(?:{any_of('end_of')})\s+(.+)$|^{_OPTIONAL_ARTICLE}(?:{any_of('end_of_day_alone')})$"
)
_END_OF_DAY = every("end_of_day")
_WEEK_NUMBER = re.compile(
    rf"^(?:(?:{any_of('week_number_articles')})\s+)?(?:{any_of('week_words')})\s+(\d{{1,2}})"
    rf"(?:\s+(?:{any_of('week_number_links')})\s+{_DEFINITE_ARTICLE}(\d{{4}}|{alternation(YEAR_SHIFTS)}))?$"
)
_LATER = re.compile(rf"^({_COUNT})\s+({units_pattern('day', 'week', 'month')})\s+(?:{any_of('later')})$")
_WEEK_AFTER_NEXT = re.compile(rf"\b({any_of('week_after_next')})\b")
_THIS_MONTH = every("this_month_names")
_NEXT_MONTH = every("next_month_names")
_LAST_MONTH = every("last_month_names")
_BACKWARDS = every("business_back")
_BUSINESS_DAYS = re.compile(
    rf"^{_OPTIONAL_ARTICLE}({alternation([*every('business_next'), *_BACKWARDS])})\s+(\d{{1,2}})\s+"
    rf"(?:{any_of('business_days')})$"
)
_THIS = every("work_week_this")
_WORK_WEEK = re.compile(
    rf"^({alternation([*_THIS, *every('work_week_next')])})\s+(?:{any_of('work_week')})"
    rf"(?:\s+(?:{any_of('work_week_after')}))?$"
)
_HOLIDAY_WEEKEND = re.compile(
    rf"^{_DEFINITE_ARTICLE}(?:{any_of('weekend_of')})\s+(?:{any_of('of_words')})\s+(.+)$"
    rf"|^(.+?)\s+(?:{any_of('weekend_after')})(\s+\d{{4}})?$"
)
_FILLERS = every("any_order_fillers")


def composed(
    s: str,
    expression: str,
    *,
    language: str,
    now: datetime,
    zone: str,
    prefer: str = "future",
    resolve: Resolver,
) -> TimeResolution | None:
    """Expressions built on another one: "3 days after January 12th", "the week of the 18th"."""
    tz = ZoneInfo(zone)
    today = now.date()
    if found := _any_order_date(s):
        start = datetime.combine(found, time(0), tzinfo=tz)
        return mark_past(TimeResolution(expression, start, start + timedelta(days=1), found), now)
    if m := _BUSINESS_DAYS.match(s):
        days = _business_days(today, int(m.group(2)), backwards=m.group(1) in _BACKWARDS)
        start = datetime.combine(days[0], time(0), tzinfo=tz)
        end = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=tz)
        res = TimeResolution(expression, start, end, days[0], None, None, "range")
        return mark_past(res, now)
    if m := _WORK_WEEK.match(s):
        week_start = (
            today - timedelta(days=today.weekday()) + timedelta(weeks=0 if m.group(1) in _THIS else 1)
        )
        start = datetime.combine(week_start, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=5), week_start, None, None, "range")
        return mark_past(res, now)
    if (m := _HOLIDAY_WEEKEND.match(s)) and (
        h := HOLIDAY.match(m.group(1) or m.group(2) + (m.group(3) or ""))
    ):
        found = holiday(h, pack_code(language), today)
        if found:
            first, last = long_weekend(found[0])
            start = datetime.combine(first, time(0), tzinfo=tz)
            end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
            return mark_past(TimeResolution(expression, start, end, first, None, None, "range"), now)
    if m := _SHIFT.match(s):
        if m.group(4) in _NOW_OR_TODAY and m.group(3) not in _SHIFT_BEFORE:
            return None  # plain "3 days from today", handled with the other day words
        base = resolve(m.group(4), language=language, now=now, zone=zone, prefer=prefer)
        if base is None or base.start is None:
            return None
        day = base.day or base.start.date()
        count = int(m.group(1)) if m.group(1).isdigit() else 1
        sign = -1 if m.group(3) in _SHIFT_BEFORE else 1
        unit = UNIT_KIND[m.group(2)]
        if unit == "day":
            shifted = day + timedelta(days=sign * count)
        elif unit == "week":
            shifted = day + timedelta(weeks=sign * count)
        elif unit == "year":
            shifted = safe_date(day.year + sign * count, day.month, day.day) or day.replace(day=28)
        else:
            month = add_months(day, sign * count)
            shifted = safe_date(month.year, month.month, day.day) or month
        start = datetime.combine(shifted, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=1), shifted, None, None, "day")
        return mark_past(res, now)
    if m := _WEEK_OF.match(s):
        anchor = f"{_DAY_WORD} {m.group(1)}" if re.fullmatch(r"\d{1,2}", m.group(1)) else m.group(1)
        base = resolve(anchor, language=language, now=now, zone=zone, prefer=prefer)
        if base is None or base.start is None:
            return None
        day = base.day or base.start.date()
        week_start = day - timedelta(days=day.weekday())
        start = datetime.combine(week_start, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=7), week_start, None, None, "range")
        return mark_past(res, now)
    if (m := _DATE_RANGE.match(s)) and (
        span := _date_range(m, language=language, now=now, zone=zone, prefer=prefer, resolve=resolve)
    ):
        first, last = span
        start = datetime.combine(first, time(0), tzinfo=tz)
        # Inclusive: "from Monday to Friday" includes Friday.
        end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
        return mark_past(TimeResolution(expression, start, end, first, None, None, "range"), now)
    if m := _END_OF.match(s):
        day = today  # "eod", "end of the day"
        if m.group(1) is not None and m.group(1) not in _END_OF_DAY:
            base = resolve(m.group(1), language=language, now=now, zone=zone, prefer=prefer)
            if base is None:
                return None
            if base.start is not None:
                day = base.day or base.start.date()
        at = datetime.combine(day, time(23, 59, 59), tzinfo=tz)
        return mark_past(TimeResolution(expression, at, at, day, time(23, 59, 59), None, "time"), now)
    if m := HOLIDAY.match(s):
        found = holiday(m, pack_code(language), today)
        if found:
            start = datetime.combine(found[0], time(0), tzinfo=tz)
            res = TimeResolution(expression, start, start + timedelta(days=1), found[0], None, None, "day")
            return mark_past(res, now)
    if m := _WEEK_NUMBER.match(s):
        year_word = m.group(2)
        year = (
            int(year_word)
            if year_word and year_word.isdigit()
            else today.year + YEAR_SHIFTS.get(year_word, 0)
        )
        try:
            week_start = date.fromisocalendar(year, int(m.group(1)), 1)
        except ValueError:
            return None
        start = datetime.combine(week_start, time(0), tzinfo=tz)
        return mark_past(
            TimeResolution(expression, start, start + timedelta(days=7), week_start, None, None, "range"),
            now,
        )
    if m := _LATER.match(s):
        count = int(m.group(1)) if m.group(1).isdigit() else 1
        unit = UNIT_KIND[m.group(2)]
        if unit == "day":
            later = today + timedelta(days=count)
        elif unit == "week":
            later = today + timedelta(weeks=count)
        else:
            month = add_months(today, count)
            later = safe_date(month.year, month.month, today.day) or month
        start = datetime.combine(later, time(0), tzinfo=tz)
        return TimeResolution(expression, start, start + timedelta(days=1), later, None, None, "day")
    if m := _NTH_WEEK.match(s):
        return _nth_week(m, expression, language=language, now=now, zone=zone, prefer=prefer, resolve=resolve)
    if m := _SPAN_FROM.match(s):
        base = resolve(m.group(3), language=language, now=now, zone=zone, prefer=prefer)
        if base is not None and base.start is not None:
            first = base.day or base.start.date()
            count = int(m.group(1)) if m.group(1).isdigit() else 1
            days = count * (7 if UNIT_KIND[m.group(2)] == "week" else 1)
            start = datetime.combine(first, time(0), tzinfo=tz)
            res = TimeResolution(expression, start, start + timedelta(days=days), first, None, None, "range")
            return mark_past(res, now)
    if (m := _YEAR_FIRST.match(s)) and (m.group(2) or m.group(5)) in MONTH_NUMBER:
        month = MONTH_NUMBER[m.group(2) or m.group(5)]
        found = safe_date(int(m.group(1)), month, int(m.group(3) or m.group(4)))
        if found:
            start = datetime.combine(found, time(0), tzinfo=tz)
            return mark_past(TimeResolution(expression, start, start + timedelta(days=1), found), now)
    if _WEEK_AFTER_NEXT.search(s):
        week_start = today + timedelta(days=14 - today.weekday())
        start = datetime.combine(week_start, time(0), tzinfo=tz)
        return TimeResolution(expression, start, start + timedelta(days=7), week_start, None, None, "range")
    return None


def _business_days(today: date, count: int, *, backwards: bool) -> list[date]:
    """The next (or last) `count` Monday-to-Friday days, today excluded, in calendar order."""
    days: list[date] = []
    day = today
    while len(days) < min(count, 60):
        day += timedelta(days=-1 if backwards else 1)
        if day.weekday() < 5:
            days.append(day)
    return sorted(days)


def _any_order_date(s: str) -> date | None:
    """A month name, a four-digit year and a day number in any order: "september 2020 23",
    "2020/23/sep", "23 2020 september". None unless the expression is just those three."""
    tokens = [t for t in re.split(r"[\s/]+", s) if t not in _FILLERS]
    if len(tokens) != 3:
        return None
    months = [t for t in tokens if t in MONTH_NUMBER]
    years = [t for t in tokens if re.fullmatch(r"\d{4}", t)]
    days = [t for t in tokens if re.fullmatch(r"\d{1,2}", t)]
    if len(months) != 1 or len(years) != 1 or len(days) != 1:
        return None
    return safe_date(int(years[0]), MONTH_NUMBER[months[0]], int(days[0]))


def _nth_week(
    m: re.Match[str],
    expression: str,
    *,
    language: str,
    now: datetime,
    zone: str,
    prefer: str = "future",
    resolve: Resolver,
) -> TimeResolution | None:
    """ "the first week of 2021" (ISO weeks), "la última semana de julio" (weeks of a month)."""
    tz = ZoneInfo(zone)
    which, rest = m.group(1), m.group(2)
    if re.fullmatch(r"\d{4}", rest):
        year = int(rest)
        if which in _LAST_WEEK_OF:
            week_start = date.fromisocalendar(year, date(year, 12, 28).isocalendar()[1], 1)
        else:
            week_start = date.fromisocalendar(year, _NTH[which], 1)
    else:
        if rest in _THIS_MONTH:
            first = now.date().replace(day=1)
        elif rest in _NEXT_MONTH:
            first = add_months(now.date().replace(day=1), 1)
        elif rest in _LAST_MONTH:
            first = add_months(now.date().replace(day=1), -1)
        else:
            base = resolve(
                f"1 {rest}",
                language=language,
                now=now.replace(day=1) if now.day > 1 else now,
                zone=zone,
            )
            if base is None or base.start is None or base.granularity != "day":
                return None
            first = base.day or base.start.date()
        # A week belongs to the month that holds its Thursday, as ISO weeks belong to years.
        if which in _LAST_WEEK_OF:
            last_day = add_months(first, 1) - timedelta(days=1)
            week_start = last_day - timedelta(days=(last_day.weekday() - 3) % 7 + 3)
        else:
            first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
            week_start = first_thursday - timedelta(days=3) + timedelta(weeks=_NTH[which] - 1)
    start = datetime.combine(week_start, time(0), tzinfo=tz)
    return mark_past(
        TimeResolution(expression, start, start + timedelta(days=7), week_start, None, None, "range"),
        now,
    )


def _date_range(
    m: re.Match[str], *, language: str, now: datetime, zone: str, prefer: str = "future", resolve: Resolver
) -> tuple[date, date] | None:
    left, right = m.group(1), m.group(2)
    if re.fullmatch(r"\d{1,2}", left) and (number := re.match(r"(\d{1,2})\b", right)):
        left = left + right[number.end() :]  # "9 a 12 de junio": the month is shared
    if re.fullmatch(r"\d{1,2}(:\d\d)?\s*(am|pm)?", left):
        return None  # "between 2 and 4" is a time window
    anchor = now
    year = re.search(r"\b((?:19|20)\d\d)$", right)
    if year and not re.search(r"\b(?:19|20)\d\d\b", left) and (MONTH_WORD.search(left) or "/" in left):
        # "26 june to 28 june in 2020", "5/1 - 5/7/2020": the year belongs to both ends.
        anchor = datetime(int(year.group(1)), 1, 1, tzinfo=now.tzinfo)
    first = resolve(left, language=language, now=anchor, zone=zone, prefer=prefer)
    if first is None or first.start is None:
        return None
    # "from next Monday to Friday": the end is read from the start onwards.
    after_first = max(anchor, datetime.combine(first.day or first.start.date(), time(0), tzinfo=now.tzinfo))
    last = resolve(right, language=language, now=after_first, zone=zone, prefer=prefer)
    if (
        first is None
        or last is None
        or first.granularity != "day"
        or last.granularity not in ("day", "range")
        or not last.day_stated  # "el lunes a partir de las 9 en adelante": an hour, no end day
    ):
        return None
    first_day = first.day or first.start.date()
    last_day = last.day or last.start.date()
    if last_day < first_day and first.day and last.day:
        return None
    return (first_day, last_day) if last_day >= first_day else None
