"""Holidays by name ("christmas", "dia da independencia") and the long weekend around one."""

import re
from datetime import date, timedelta

from conversations.understanding.dates.lexicon import ALL, BY_CODE, YEAR_SHIFTS, alternation, any_of, every
from conversations.understanding.languages.date_words import Holiday


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _date(holiday: Holiday, year: int) -> date:
    if holiday.easter is not None:
        return _easter(year) + timedelta(days=holiday.easter)
    if holiday.weekday is not None:
        return _nth_weekday(year, holiday.month, holiday.weekday, holiday.nth) + timedelta(
            days=holiday.days_after
        )
    return date(year, holiday.month, holiday.day)


# A name's own holiday (the date of the pack that names it), and each pack's dates by key:
# "dia dos namorados" is June 12th in Brazil, "valentine s day" in a Portuguese message too.
_NAMED: dict[str, Holiday] = {}
for _words in ALL:
    for _holiday in _words.holidays:
        for _name in _holiday.names:
            _NAMED.setdefault(_name, _holiday)
_BY_KEY = {code: {holiday.key: holiday for holiday in words.holidays} for code, words in BY_CODE.items()}
_LAST = set(every("holiday_last"))
HOLIDAY = re.compile(
    rf"^(?:({alternation([*every('holiday_next'), *every('holiday_last')])})\s+)?"
    rf"(?:(?:{any_of('holiday_prefixes')}) )?({alternation(_NAMED)})(?:\s+(?:{any_of('holiday_suffix')}))?"
    rf"(?:\s+(?:(?:{any_of('holiday_year_links')})\s+)?(\d{{4}}|{any_of('holiday_years')}))?$"
)


def holiday(m: re.Match[str], code: str, today: date) -> tuple[date, bool] | None:
    """The date of the holiday `HOLIDAY` matched and whether it is past: "last christmas" is
    the last one, a bare name the next one (this year's if not past), "christmas 2024" that one."""
    named = _NAMED[m.group(2)]
    rule = _BY_KEY[code].get(named.key, named)
    modifier, year_word = m.group(1) or "", m.group(3) or ""
    if year_word.isdigit():
        found = _date(rule, int(year_word))
        return found, found < today
    if YEAR_SHIFTS.get(year_word) == 0:
        found = _date(rule, today.year)
        return found, found < today
    if modifier in _LAST:
        found = _date(rule, today.year)
        found = found if found < today else _date(rule, today.year - 1)
        return found, True
    found = _date(rule, today.year)
    if found < today:
        found = _date(rule, today.year + 1)
    return found, False


def long_weekend(holiday: date) -> tuple[date, date]:
    """The weekend a holiday belongs to, holiday included: Thursday or Friday runs to Sunday,
    Monday starts on the Saturday before, a weekend day is its own weekend."""
    weekday = holiday.weekday()
    if weekday in (3, 4):
        return holiday, holiday + timedelta(days=6 - weekday)
    if weekday == 0:
        return holiday - timedelta(days=2), holiday
    saturday = holiday + timedelta(days=5 - weekday) if weekday < 5 else holiday - timedelta(days=weekday - 5)
    return min(saturday, holiday), saturday + timedelta(days=1)
