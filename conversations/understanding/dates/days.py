"""Days in a message: relative days, weekdays, day numbers, month-day dates, numeric dates, weeks."""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from conversations.understanding.dates.calendar import (
    add_months,
    full_year,
    next_day_number,
    safe_date,
    shift_date,
    weekday_with_number,
)
from conversations.understanding.dates.lexicon import (
    ALL,
    BY_CODE,
    UNIT_KIND,
    alternation,
    any_of,
    count_pattern,
    having,
    listed,
    units_pattern,
)
from conversations.understanding.dates.months import MONTH_NUMBER, MONTH_RE_BY_CODE
from conversations.understanding.dates.numbers import normalize
from conversations.understanding.languages.date_words import DateWords


@dataclass(frozen=True)
class Day:
    day: date
    alternatives: tuple[date, ...] = ()
    end: date | None = None  # exclusive, for week/weekend ranges
    label: str = ""


def _weekday_table(own: DateWords) -> list[tuple[str, int]]:
    table = [(name, index) for index, names in enumerate(own.weekdays) for name in names]
    # Abbreviations ("sex", "dom", "sat") only in their own language.
    table += [
        (short, index) for index, shorts in enumerate(own.weekday_abbreviations) for short in shorts.split()
    ]
    table += [
        (name, index)
        for words in ALL
        if words is not own
        for index, names in enumerate(words.weekdays)
        for name in names
    ]
    return sorted(table, key=lambda item: -len(item[0]))


_WEEKDAY_RES = {
    code: re.compile(r"\b(" + "|".join(re.escape(n) for n, _ in _weekday_table(words)) + r")\b")
    for code, words in BY_CODE.items()
}
_WEEKDAY_INDEX = {code: dict(_weekday_table(words)) for code, words in BY_CODE.items()}
_ABBREVIATIONS_AS_WORDS = {
    code: re.compile("|".join(words.abbreviations_as_words)) if words.abbreviations_as_words else None
    for code, words in BY_CODE.items()
}


_WEEKDAY_NAMES = re.compile(
    r"\b("
    + "|".join(sorted({n for w in ALL for names in w.weekdays for n in names}, key=len, reverse=True))
    + r")\b"
)


def names_weekday(text: str) -> bool:
    """The text names a weekday in full, in any language ("Tuesday at 9", "el martes")."""
    return bool(_WEEKDAY_NAMES.search(normalize(text)))


def _weekdays_said(s: str, code: str) -> list[re.Match[str]]:
    """The weekdays a text names, leaving out abbreviations used as words ("vou ter que")."""
    found = list(_WEEKDAY_RES[code].finditer(s))
    as_words = _ABBREVIATIONS_AS_WORDS[code]
    if not found or as_words is None:
        return found
    spans = [w.span() for w in as_words.finditer(s)]
    return [m for m in found if not any(start <= m.start() and m.end() <= end for start, end in spans)]


def _before(name: str) -> re.Pattern[str]:
    """Words of field `name` right before a weekday."""
    return re.compile(rf"\b({any_of(name)})\s+$")


def _after(name: str) -> re.Pattern[str]:
    """Words of field `name` right after a weekday, or after its tail ("feira")."""
    return re.compile(rf"^\s*(?:(?:{any_of('weekday_tails')})\s+)?({any_of(name)})\b")


_NEXT_WEEK = re.compile(rf"\b(?:{any_of('next_week')})\b")
_THIS_WEEK = re.compile(rf"\b(?:{any_of('this_week')})\b")
_NEXT_BEFORE = _before("next_before")
_NEXT_AFTER = _after("next_after")
_THIS_BEFORE = _before("this_before")
_COMING_BEFORE = _before("coming_before")
_LAST_BEFORE = _before("last_before")
_LAST_AFTER = _after("last_after")
_THIS_PAST_BEFORE = _before("this_past_before")
_THIS_BEFORE_LAST_AFTER = _before("this_before_last_after")
_TODAY = re.compile(rf"\b({any_of('today_words')})\b")


def _month_day(month: int, day: int, year: int | None, today: date, past: bool = False) -> Day | None:
    if year is not None:
        d = safe_date(full_year(year, today, past=past), month, day)
        return None if d is None else Day(d)
    for shift in range(5):
        d = safe_date(today.year + (-shift if past else shift), month, day)
        if d is not None and (d <= today if past else d >= today):
            return Day(d)
    return None


def _by_offset(name: str) -> dict[int, list[str]]:
    """Phrases of a field keyed by day offset, joined over the packs."""
    joined: dict[int, list[str]] = {}
    for words in ALL:
        for offset, phrases in getattr(words, name).items():
            known = joined.setdefault(offset, [])
            known += [phrase for phrase in listed(phrases) if phrase not in known]
    return joined


# The first group that matches wins; two days away comes first, as its phrases hold the one-day ones.
_ORDER = (2, -2, 1, 0, -1)
_RELATIVE = _by_offset("relative_days")
_RELATIVE_RES = [
    (re.compile(rf"\b(?:{alternation(_RELATIVE[offset])})\b"), offset)
    for offset in sorted(_RELATIVE, key=lambda o: _ORDER.index(o) if o in _ORDER else len(_ORDER) + abs(o))
]
# Without an anchor "the day after" counts from today, at the end of the message only.
_AT_END, _AT_END_ARTICLES = _by_offset("relative_days_at_end"), _by_offset("relative_at_end_articles")
_RELATIVE_RES += [
    (
        re.compile(
            rf"\b(?:(?:(?:{alternation(_AT_END_ARTICLES.get(offset, []))}) )?(?:{alternation(phrases)})$)\b"
        ),
        offset,
    )
    for offset, phrases in sorted(_AT_END.items(), reverse=True)
]
_IN_N = re.compile(
    rf"\b(?:{any_of('in_days')})\s+({count_pattern()})\s+({units_pattern('day', 'week', 'month', 'year')})\b"
    rf"|\b({count_pattern()})\s+({units_pattern('day', 'week', 'month')})\s+"
    rf"(?:{any_of('days_from')})\s+(?:{any_of('now_words')}|{any_of('today_words')}|({any_of('tomorrow_words')}))\b"
)
_AGO_AFTER, _AGO_BEFORE = having("ago_after"), having("ago_before")
_AGO_DAYS = re.compile(
    rf"\b({count_pattern(_AGO_AFTER)})\s+({units_pattern('day', 'week', 'month', 'year', packs=_AGO_AFTER)})\s+"
    rf"(?:{any_of('ago_after')})\b"
    rf"|\b(?:{any_of('ago_before')})\s+({count_pattern(_AGO_BEFORE)})\s+"
    rf"({units_pattern('day', 'week', 'month', 'year', packs=_AGO_BEFORE)})\b"
)
_NEXT_N_DAYS = re.compile(
    rf"\b(?:{any_of('next_days_before')})\s+(\d{{1,2}})\s+(?:{any_of('days_plural')})\b"
    rf"|\b(\d{{1,2}})\s+(?:{any_of('next_days_after')})\b"
)
LAST_WEEK = re.compile(rf"\b(?:{any_of('last_week')})\b")
_NOT_TIME = r"(?!\s*(?::|h\b|am|pm|/|"
_DAY_NUMBER = re.compile(
    rf"\b(?:{any_of('day_number_before')})\s+(\d{{1,2}})\b{_NOT_TIME}{any_of('day_number_not_before')}))"
    rf"|\b(?:{any_of('day_number_on')})\s+(\d{{1,2}})\b{_NOT_TIME}{any_of('day_on_not_before')}))"
    rf"|\b(\d{{1,2}})\s+(?:{any_of('of_this_month_links')})\s+(?:{any_of('this_month')})"
    rf"|\b(?:{any_of('day_number_after')})\s+(\d{{1,2}})\b{_NOT_TIME}{any_of('day_number_after_not_before')}))"
)
_DAY_OF_NEXT_MONTH = re.compile(
    rf"\b(\d{{1,2}})\s+(?:(?:{any_of('day_of_next_month_day')})\s+)?(?:{any_of('day_month_links')})\s+"
    rf"(?:(?:{any_of('definite_articles')})\s+)?(?:{any_of('next_month')})\b"
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,4})[/-](\d{1,2})(?:[/-](\d{2,4}))?\b")
_NUMERIC_DAY_OF_MONTH = re.compile(
    rf"\b(\d{{1,2}}) (?:{any_of('numeric_day_of_month_links')}) (\d{{1,2}})"
    rf"(?: (?:{any_of('numeric_day_of_month_links')}) (\d{{4}}))?\b(?!\s*(?::|h\b|am|pm|{any_of('hours_word')}))"
)
# A year after a month: four digits, or two after "de"/"of" or above 31 ("23 novembro 82").
_YEAR_AFTER = (
    rf"(?:\s+(?:(?:{any_of('year_links')})\s+)?(\d{{4}})"
    rf"|\s+(?:{any_of('year_links')})\s+(\d\d)|\s+(3[2-9]|[4-9]\d))\b"
    rf"(?!\s*(?::|h\b|am\b|pm\b|{any_of('year_not_before')}))"
)


def day_month(months: str) -> re.Pattern[str]:
    """ "15 de mayo", "15 of may 2024": groups day, month, then the year in one of 3-5."""
    return re.compile(
        rf"(?<!:)\b(\d{{1,2}})\s+(?:(?:{any_of('day_month_links')})\s+)?({months})\b(?:{_YEAR_AFTER})?"
    )


def month_day(months: str) -> re.Pattern[str]:
    """ "may 15", "may the 15th, 2024": groups month, day, then the year in one of 3-5."""
    return re.compile(
        rf"\b({months})\s+(?:(?:{any_of('optional_article')})\s+)?(\d{{1,2}})\b(?!:)(?:{_YEAR_AFTER})?"
    )


_DAY_MONTH_BY_CODE = {code: day_month(months) for code, months in MONTH_RE_BY_CODE.items()}
_MONTH_DAY_BY_CODE = {code: month_day(months) for code, months in MONTH_RE_BY_CODE.items()}
_WEEKEND = re.compile(rf"\b({any_of('weekend')})\b")
_WEEKDAY_NUMBER = re.compile(
    rf"\s*(?:{any_of('weekday_number_links')}|,)?\s*(\d{{1,2}})\b"
    rf"(?!\s*(?::|h\b|am|pm|{any_of('weekday_number_not_before')}"
    # "Wednesday 11 or later" is a time; "jueves 24 como muy tarde a las 12" a day.
    rf"|(?:{any_of('after_postfix')}|{any_of('before_postfix')})\b(?!(?:\s+[a-z]+){{0,2}}\s+\d)"
    # "saturday 3 days from now": a count, not the 3rd.
    rf"|(?:{units_pattern('day', 'week', 'month', 'year')})\b))"
)


def find_day(s: str, code: str, today: date, past: bool = False) -> tuple[Day, tuple[int, int]] | None:
    """The day a message names and where it names it; None when it names none."""
    words = BY_CODE[code]
    hits: list[tuple[Day, tuple[int, int]]] = []
    for pattern, offset in _RELATIVE_RES:
        if m := pattern.search(s):
            d = today + timedelta(days=offset)
            hits.append((Day(d), m.span()))
            break
    if m := _IN_N.search(s):
        count_raw = m.group(1) or m.group(3)
        unit = UNIT_KIND[m.group(2) or m.group(4)]
        count = int(count_raw) if count_raw.isdigit() else 1
        base = today + timedelta(days=1 if m.group(5) else 0)
        if unit == "day":
            d = base + timedelta(days=count)
        elif unit == "week":
            d = base + timedelta(weeks=count)
        elif unit == "year":
            d = safe_date(base.year + count, base.month, base.day) or base.replace(
                day=28, year=base.year + count
            )
        else:
            month = add_months(base, count)
            d = safe_date(month.year, month.month, base.day) or month
        hits.append((Day(d), m.span()))
    for m in _AGO_DAYS.finditer(s):
        count_raw = m.group(1) or m.group(3)
        count = int(count_raw) if count_raw.isdigit() else 1
        hits.append((Day(shift_date(today, -count, UNIT_KIND[m.group(2) or m.group(4)])), m.span()))
    if m := _NEXT_N_DAYS.search(s):
        count = int(m.group(1) or m.group(2))
        hits.append((Day(today + timedelta(days=1), end=today + timedelta(days=count + 1)), m.span()))
    if (m := LAST_WEEK.search(s)) and not _WEEKDAY_RES[code].search(s):
        week_start = today - timedelta(days=today.weekday() + 7)
        hits.append((Day(week_start, end=week_start + timedelta(days=7), label="week"), m.span()))
    for m in _DAY_MONTH_BY_CODE[code].finditer(s):
        year = _int(m.group(3) or m.group(4) or m.group(5))
        if found := _month_day(MONTH_NUMBER[m.group(2)], int(m.group(1)), year, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    for m in _MONTH_DAY_BY_CODE[code].finditer(s):
        year = _int(m.group(3) or m.group(4) or m.group(5))
        if found := _month_day(MONTH_NUMBER[m.group(1)], int(m.group(2)), year, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    for m in _NUMERIC_DAY_OF_MONTH.finditer(s):
        numeric_ok = words.numeric_day_of_month and (not words.numeric_day_of_month_needs_year or m.group(3))
        if numeric_ok and (
            found := _month_day(int(m.group(2)), int(m.group(1)), _int(m.group(3)), today, past)
        ):
            hits.append((found, m.span()))
    for m in _NUMERIC_DATE.finditer(s):
        if found := _numeric_date(m, words, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    weekday_matches = _weekdays_said(s, code)
    for m in weekday_matches:
        dated = _WEEKDAY_NUMBER.match(s, m.end())
        if dated and (
            d := weekday_with_number(_WEEKDAY_INDEX[code][m.group(1)], int(dated.group(1)), today, past)
        ):
            hits.append((Day(d), (m.start(), dated.end())))
        else:
            hits.append((_weekday(m, s, code, today, past), m.span()))
    if weekday_matches:
        pass
    elif m := _NEXT_WEEK.search(s):
        week_start = today + timedelta(days=7 - today.weekday())
        hits.append((Day(week_start, end=week_start + timedelta(days=7), label="week"), m.span()))
    elif m := _THIS_WEEK.search(s):
        week_start = today + timedelta(days=7 - today.weekday())
        hits.append((Day(today, end=week_start, label="week"), m.span()))
    elif m := _WEEKEND.search(s):
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        start = max(saturday, today)
        hits.append((Day(start, end=saturday + timedelta(days=2), label="weekend"), m.span()))
    for m in _DAY_OF_NEXT_MONTH.finditer(s):
        month = add_months(today, 1)
        if d := safe_date(month.year, month.month, int(m.group(1))):
            hits.append((Day(d, label="explicit"), m.span()))
    for m in _DAY_NUMBER.finditer(s):
        number = int(next(g for g in m.groups() if g))
        if 1 <= number <= 31 and (d := next_day_number(number, today, past)):
            hits.append((Day(d), m.span()))
    if not hits:
        return None
    # Parts of a longer expression (the day word in "3 weeks from ...") drop out; of
    # what is left the last mention wins, as patients correct themselves ("not Thursday,
    # make it Sunday").
    whole = [
        hit
        for hit in hits
        if not any(
            o is not hit and o[1][0] <= hit[1][0] and hit[1][1] <= o[1][1] and o[1] != hit[1] for o in hits
        )
    ]
    # Of two overlapping readings ("18 de marzo" / "marzo 9" in "18 de marzo, 9 y media")
    # the one that starts first owns the shared words.
    kept: list[tuple[Day, tuple[int, int]]] = []
    # An explicit date ("9 de mayo") beats a weekday reading of its number ("martes 9").
    ordered = sorted(whole, key=lambda h: (h[0].label != "explicit", h[1][0], -(h[1][1] - h[1][0])))
    for hit in ordered:
        if not any(hit[1][0] < k[1][1] and k[1][0] < hit[1][1] for k in kept):
            kept.append(hit)
    return max(kept, key=lambda hit: (hit[1][0], hit[1][1] - hit[1][0]))


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _numeric_date(m: re.Match[str], words: DateWords, today: date, past: bool = False) -> Day | None:
    a, b, c = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:
        return _month_day(int(b), int(c), int(a), today, past) if c else None
    first, second = int(a), int(b)
    year = _int(c)
    if words.month_first:
        primary = _month_day(first, second, year, today, past)
        other = _month_day(second, first, year, today, past) if first != second else None
    else:
        primary = _month_day(second, first, year, today, past)
        other = _month_day(first, second, year, today, past) if first != second else None
    if primary is None:
        return other
    if other is not None and first <= 12 and second <= 12:
        return replace(primary, alternatives=(other.day,))
    return primary


_NEAR = 30  # characters: a week phrase this close to a weekday qualifies it


def _weekday(m: re.Match[str], s: str, code: str, today: date, past: bool = False) -> Day:
    target = _WEEKDAY_INDEX[code][m.group(1)]
    before, after = s[: m.start()], s[m.end() :]
    ahead = (target - today.weekday()) % 7
    upcoming = today + timedelta(days=ahead)
    next_week_monday = today + timedelta(days=7 - today.weekday())
    in_next_week = next_week_monday + timedelta(days=target)
    if _THIS_PAST_BEFORE.search(before) or (
        _THIS_BEFORE_LAST_AFTER.search(before) and _LAST_AFTER.search(after)
    ):
        return Day(today - timedelta(days=(today.weekday() - target) % 7 or 7))
    if LAST_WEEK.search(before[-_NEAR:]) or LAST_WEEK.search(after[:_NEAR]):
        # "el viernes de la semana pasada"; not "me lastimé la semana pasada ... los viernes
        # puedo", where last week is when something happened, not the day wished.
        return Day(today - timedelta(days=today.weekday() + 7 - target))
    if _COMING_BEFORE.search(before):
        return Day(today + timedelta(days=ahead or 7))
    if _LAST_BEFORE.search(before) or _LAST_AFTER.search(after):
        return Day(today - timedelta(days=today.weekday() + 7 - target))
    if _NEXT_WEEK.search(s) or _NEXT_AFTER.search(after):
        return Day(in_next_week)
    if _NEXT_BEFORE.search(before):
        first_after_today = today + timedelta(days=ahead or 7)
        if first_after_today != in_next_week:
            return Day(in_next_week, alternatives=(first_after_today,))
        return Day(in_next_week)
    if _THIS_WEEK.search(s):
        in_this_week = today + timedelta(days=target - today.weekday())
        return Day(in_this_week)
    if _THIS_BEFORE.search(before):
        # "This Saturday" said on a Saturday is today, or a week on when nothing is left today.
        return Day(today, alternatives=(today + timedelta(days=7),)) if ahead == 0 else Day(upcoming)
    if past:
        return Day(today - timedelta(days=(today.weekday() - target) % 7))
    if ahead == 0 and not _TODAY.search(s):
        # Said on that very weekday: today, or a week from today.
        return Day(today, alternatives=(today + timedelta(days=7),))
    return Day(upcoming)
