"""Dates of birth: a full date, after 1900 and before today, as the patient writes it."""

import re
from datetime import date

from conversations.understanding.dates.calendar import full_year, safe_date
from conversations.understanding.dates.days import day_month, month_day
from conversations.understanding.dates.lexicon import words_of
from conversations.understanding.dates.months import BIRTH_MONTHS, MONTH_NUMBER
from conversations.understanding.dates.numbers import normalize

_DOB_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")
_DOB_ISO = re.compile(r"\b((?:19|20)\d\d)[/.-](\d{1,2})[/.-](\d{1,2})\b")  # normalize writes 1988/04/09
_DAY_MONTH = day_month(BIRTH_MONTHS)
_MONTH_DAY = month_day(BIRTH_MONTHS)
# Countries whose people write numeric dates month first ("07/22/2021"), whatever language
# they write in: a Spanish speaker in Houston writes the month first too.
MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW"})


def date_of_birth(text: str, *, language: str, today: date, country: str = "") -> date | None:
    """A plausible birth date (past, after 1900): "15/04/1985", "April 15, 1985", "15 de abril
    de 1985"; None when there is none. A two-digit year is never in the future ("15/04/85").
    Numeric dates are read in the order the language writes them ("04/15/1985" in English) or
    the clinic's country does ("07/09/2021" in the US); an order that gives no date yields to
    the other ("10/29/1977" is October 29th anywhere, "29/10/1977" too).

    Raises ValueError when no language pack is registered for `language`."""
    month_first = words_of(language).month_first or country in MONTH_FIRST_COUNTRIES
    s = normalize(text)
    candidates: list[date | None] = []
    if m := _DOB_ISO.search(s):
        candidates.append(safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DOB_NUMERIC.finditer(s):
        a, b, year = int(m.group(1)), int(m.group(2)), full_year(int(m.group(3)), today, past=True)
        day_first, month_then_day = safe_date(year, b, a), safe_date(year, a, b)
        candidates.append((month_then_day or day_first) if month_first else (day_first or month_then_day))
    for m in _DAY_MONTH.finditer(s):
        if raw := m.group(3) or m.group(4) or m.group(5):  # "9 de abril de 1988", "... de 88"
            year = full_year(int(raw), today, past=True)
            candidates.append(safe_date(year, MONTH_NUMBER[m.group(2)], int(m.group(1))))
    for m in _MONTH_DAY.finditer(s):
        if raw := m.group(3) or m.group(4) or m.group(5):  # "April 9th 88"
            year = full_year(int(raw), today, past=True)
            candidates.append(safe_date(year, MONTH_NUMBER[m.group(1)], int(m.group(2))))
    for candidate in candidates:
        if candidate and date(1900, 1, 1) <= candidate < today:
            return candidate
    return None
