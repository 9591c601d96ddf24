"""`ask_again_day`: the day a patient's answer to "when should we ask you again?" names.

A recall campaign's "Later" asks when; the answer is rarely a day: "in 3 months", "el mes
que viene", "daqui a duas semanas", "March", "next year". All the words are the language
packs' date words (next month, year shifts, months, units); nothing here reads the clock.
"""

import re
from datetime import date, datetime, time

from conversations.understanding.dates.calendar import shift_date
from conversations.understanding.dates.lexicon import (
    BY_CODE,
    UNIT_KIND,
    YEAR_SHIFTS,
    alternation,
    any_of,
    count_pattern,
    pack_code,
    units_pattern,
)
from conversations.understanding.dates.numbers import normalize, numbers_to_digits
from conversations.understanding.dates.resolution import resolve, rewrite_phrases

_NEXT_MONTH = re.compile(rf"\b(?:{any_of('next_month')})\b")
_YEAR_AHEAD = re.compile(
    rf"\b(?:{alternation(sorted((p for p, n in YEAR_SHIFTS.items() if n > 0), key=len, reverse=True))})\b"
)
_ARTICLES = set(any_of("indefinite_articles").split("|"))
# "3 months", "seis meses": a count of units with no "in" before it still says how long.
_BARE_COUNT = re.compile(
    rf"\b({count_pattern(digits=2)})\s+({units_pattern('day', 'week', 'month', 'year')})\b"
)
_MONTHS = {
    code: {name: number for number, name in enumerate(words.months.split(), start=1)}
    for code, words in BY_CODE.items()
}
_YEAR = re.compile(r"\b(20\d\d)\b")
# A month said alone ("in march please") is a short answer; in a sentence it may be a verb
# ("you may ask me later").
MONTH_ALONE_WORDS = 4


def ask_again_day(text: str, *, language: str, today: date) -> date | None:
    """The first day after `today` the answer names, or None. A day, or a range's first
    day, the resolver reads ("in 3 months", "15/03", "next week"); next month or next year
    (the same day then, a month end clipped); a bare count of days, weeks, months or years
    ("3 months"); a month alone (its first day, the coming one; the current month is None).
    Today, a day past and anything else are None. Pure."""
    try:
        code = pack_code(language)
    except ValueError:
        return None
    s = rewrite_phrases(numbers_to_digits(normalize(text), code))
    if not s.strip():
        return None
    if _NEXT_MONTH.search(s):
        return shift_date(today, 1, "month")
    if _YEAR_AHEAD.search(s):
        return shift_date(today, 1, "year")
    resolved = resolve(text, language=code, now=datetime.combine(today, time(12)), zone="UTC")
    if resolved is not None and not resolved.past:
        day = resolved.start.date()
        return day if day > today else None
    if m := _BARE_COUNT.search(s):
        count = 1 if m.group(1) in _ARTICLES else int(m.group(1))
        return shift_date(today, count, UNIT_KIND[m.group(2)]) if count else None
    return _month_alone(s, code, today)


def _month_alone(s: str, code: str, today: date) -> date | None:
    words = re.findall(r"[a-z]+", s)
    if len(words) > MONTH_ALONE_WORDS:
        return None
    months = [_MONTHS[code][word] for word in words if word in _MONTHS[code]]
    if len(months) != 1:
        return None
    [month] = months
    if year := _YEAR.search(s):
        first = date(int(year.group(1)), month, 1)
    else:
        first = date(today.year + (month < today.month), month, 1)
    return first if first > today else None
