"""Expressions built on another one: "3 days after January 12th", "the week of the 18th",
"from Monday to Friday", "the first week of July", "Christmas weekend"."""

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conversations.understanding.dates.calendar import add_months, mark_past, safe_date
from conversations.understanding.dates.holidays import HOLIDAY, holiday, long_weekend
from conversations.understanding.dates.numbers import MONTH_NUMBER, MONTH_WORD, lang_key
from conversations.understanding.types import TimeResolution

# `resolve` itself, passed in: a composed expression resolves its parts.
Resolver = Callable[..., TimeResolution | None]

_SHIFT = re.compile(
    r"^(?:in\s+)?(\d{1,2}|a|an|un|una|uma|um)\s+(days?|dias?|weeks?|semanas?|months?|mes|meses|years?|anos?)\s+"
    r"(from|after|before|since|despues de|antes de|depois de|a partir de|apos)\s+(.+)$"
)
_WEEK_OF = re.compile(
    r"^(?:the\s+)?(?:week\s+(?:of|beginning|starting(?:\s+on|\s+from)?|commencing)|w/?c|"
    r"(?:la\s+)?semana\s+(?:de|del|que\s+(?:inicia|comienza|empieza|va)\s+(?:el|del)|a\s+partir\s+del)|"
    r"(?:a\s+)?semana\s+(?:de|do|que\s+comeca\s+(?:em|no|dia)))\s+(.+)$"
)
_DATE_RANGE = re.compile(
    r"^(?:(?:from|between|de|desde|del|entre|das?|do)\s+)?(.+?)\s+"
    r"(?:to|and|until|till|through|thru|a|al|hasta|y|e|ate|-)\s+(?:el\s+|la\s+|o\s+|the\s+)?(.+)$"
)
_NTH_WEEK = re.compile(
    r"^(?:the\s+|la\s+|a\s+|na\s+)?(1|2|3|4|5|first|second|third|fourth|last|primera|segunda|tercera|cuarta|ultima|"
    r"primeira|terceira|quarta)\s+(?:week|semana)\s+(?:of|de|del|do|da)\s+(.+)$"
)
_NTH = {
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "primera": 1,
    "segunda": 2,
    "tercera": 3,
    "cuarta": 4,
    "primeira": 1,
    "terceira": 3,
    "quarta": 4,
}
_SPAN_FROM = re.compile(
    r"^(?:for\s+|durante\s+|por\s+)?(\d{1,2}|a|an|one|una|un|uma|um)\s+(days?|weeks?|dias?|semanas?)\s*"
    r"(?:starting(?:\s+from|\s+on)?|from|beginning|a partir de|desde)\s+(.+)$"
)
_YEAR_FIRST = re.compile(r"^(\d{4})\s+(?:(\w+)\s+(\d{1,2})|(\d{1,2})\s+(\w+))$")
_END_OF = re.compile(
    r"^(?:the\s+|el\s+|o\s+)?(?:end of(?: the)?|al final del?|al fin del?|fin del?|final del?|fim do|final do|"
    r"ao final do)\s+(.+)$|^(?:the\s+)?eod$"
)


_WEEK_NUMBER = re.compile(
    r"^(?:the\s+|la\s+|a\s+)?(?:week|semana)\s+(\d{1,2})(?:\s+(?:of|de|del|do|in)\s+(?:the\s+|el\s+|o\s+)?"
    r"(\d{4}|last year|ano pasado|ano passado|next year|ano que viene|proximo ano|ano que vem|this year|este ano))?$"
)
_YEAR_WORD_SHIFT = {"last year": -1, "ano pasado": -1, "ano passado": -1, "next year": 1, "ano que viene": 1}
_YEAR_WORD_SHIFT |= {"proximo ano": 1, "ano que vem": 1, "this year": 0, "este ano": 0}
_LATER = re.compile(
    r"^(\d{1,2}|a|an|un|una|uma|um)\s+(days?|weeks?|months?|dias?|semanas?|meses)\s+"
    r"(?:later|after|despues|mas tarde|depois|mais tarde)$"
)
_WEEK_AFTER_NEXT = re.compile(
    r"\b(the week after next|la semana despues de la proxima|a semana depois da proxima|"
    r"semana depois da que vem)\b"
)


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
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=0 if m.group(1) in _THIS else 1)
        start = datetime.combine(monday, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=5), monday, None, None, "range")
        return mark_past(res, now)
    if (m := _HOLIDAY_WEEKEND.match(s)) and (
        h := HOLIDAY.match(m.group(1) or m.group(2) + (m.group(3) or ""))
    ):
        found = holiday(h, lang_key(language), today)
        if found:
            first, last = long_weekend(found[0])
            start = datetime.combine(first, time(0), tzinfo=tz)
            end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
            return mark_past(TimeResolution(expression, start, end, first, None, None, "range"), now)
    if m := _SHIFT.match(s):
        if m.group(4) in ("now", "today", "hoy", "hoje", "ahora", "agora") and m.group(3) not in (
            "before",
            "antes de",
        ):
            return None  # plain "3 days from today", handled with the other day words
        base = resolve(m.group(4), language=language, now=now, zone=zone, prefer=prefer)
        if base is None or base.start is None:
            return None
        day = base.day or base.start.date()
        count = int(m.group(1)) if m.group(1).isdigit() else 1
        sign = -1 if m.group(3) in ("before", "antes de") else 1
        unit = m.group(2)
        if unit.startswith(("day", "dia")):
            shifted = day + timedelta(days=sign * count)
        elif unit.startswith(("week", "semana")):
            shifted = day + timedelta(weeks=sign * count)
        elif unit.startswith(("year", "ano")):
            shifted = safe_date(day.year + sign * count, day.month, day.day) or day.replace(day=28)
        else:
            month = add_months(day, sign * count)
            shifted = safe_date(month.year, month.month, day.day) or month
        start = datetime.combine(shifted, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=1), shifted, None, None, "day")
        return mark_past(res, now)
    if m := _WEEK_OF.match(s):
        anchor = f"the {m.group(1)}" if re.fullmatch(r"\d{1,2}", m.group(1)) else m.group(1)
        base = resolve(anchor, language=language, now=now, zone=zone, prefer=prefer)
        if base is None or base.start is None:
            return None
        day = base.day or base.start.date()
        monday = day - timedelta(days=day.weekday())
        start = datetime.combine(monday, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=7), monday, None, None, "range")
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
        base = (
            resolve(m.group(1) or "today", language=language, now=now, zone=zone, prefer=prefer)
            if (m.group(1) or "") not in ("day", "dia", "the day", "el dia")
            else None
        )
        day = (base.day or base.start.date()) if base is not None and base.start is not None else today
        if base is None and m.group(1) not in (None, "day", "dia", "the day", "el dia"):
            return None
        at = datetime.combine(day, time(23, 59, 59), tzinfo=tz)
        return mark_past(TimeResolution(expression, at, at, day, time(23, 59, 59), None, "time"), now)
    if m := HOLIDAY.match(s):
        found = holiday(m, lang_key(language), today)
        if found:
            start = datetime.combine(found[0], time(0), tzinfo=tz)
            res = TimeResolution(expression, start, start + timedelta(days=1), found[0], None, None, "day")
            return mark_past(res, now)
    if m := _WEEK_NUMBER.match(s):
        year_word = m.group(2) or "this year"
        year = int(year_word) if year_word.isdigit() else today.year + _YEAR_WORD_SHIFT[year_word]
        try:
            monday = date.fromisocalendar(year, int(m.group(1)), 1)
        except ValueError:
            return None
        start = datetime.combine(monday, time(0), tzinfo=tz)
        return mark_past(
            TimeResolution(expression, start, start + timedelta(days=7), monday, None, None, "range"),
            now,
        )
    if m := _LATER.match(s):
        count = int(m.group(1)) if m.group(1).isdigit() else 1
        unit = m.group(2)
        if unit.startswith(("day", "dia")):
            later = today + timedelta(days=count)
        elif unit.startswith(("week", "semana")):
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
            days = count * (7 if m.group(2).startswith(("week", "semana")) else 1)
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
        monday = today + timedelta(days=14 - today.weekday())
        start = datetime.combine(monday, time(0), tzinfo=tz)
        return TimeResolution(expression, start, start + timedelta(days=7), monday, None, None, "range")
    return None


_BACKWARDS = ("previous", "last", "past", "los ultimos", "ultimos", "os ultimos")
_BUSINESS_DAYS = re.compile(
    r"^(?:the\s+)?(next|following|previous|last|past|los proximos|proximos|os proximos|los ultimos|ultimos|"
    r"os ultimos)\s+(\d{1,2})\s+(?:(?:business|working|work|week)\s*days|dias (?:habiles|laborables|uteis))$"
)
_THIS = ("this", "esta", "essa", "nesta", "the")
_WORK_WEEK = re.compile(
    r"^(this|next|the|esta|la proxima|proxima|essa|nesta|a proxima)\s+"
    r"(?:work ?week|working week|business week|semana laboral|semana de trabajo|semana util|semana de trabalho)"
    r"(?:\s+que vem)?$"
)
_HOLIDAY_WEEKEND = re.compile(
    r"^(?:the\s+|el\s+|o\s+)?(?:weekend|fin de semana|fim de semana)\s+(?:of|de|del|do|da)\s+(.+)$|^(.+?)\s+weekend(\s+\d{4})?$"
)


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
    tokens = [t for t in re.split(r"[\s/]+", s) if t not in ("de", "del", "of", "the")]
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
        if which in ("last", "ultima"):
            monday = date.fromisocalendar(year, date(year, 12, 28).isocalendar()[1], 1)
        else:
            monday = date.fromisocalendar(year, _NTH[which], 1)
    else:
        if rest in ("this month", "este mes", "este mes", "esse mes"):
            first = now.date().replace(day=1)
        elif rest in (
            "next month",
            "el proximo mes",
            "el mes que viene",
            "proximo mes",
            "mes que vem",
        ):
            first = add_months(now.date().replace(day=1), 1)
        elif rest in (
            "last month",
            "the last month",
            "el mes pasado",
            "mes pasado",
            "o mes passado",
            "mes passado",
        ):
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
        if which in ("last", "ultima"):
            last_day = add_months(first, 1) - timedelta(days=1)
            monday = last_day - timedelta(days=(last_day.weekday() - 3) % 7 + 3)
        else:
            first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
            monday = first_thursday - timedelta(days=3) + timedelta(weeks=_NTH[which] - 1)
    start = datetime.combine(monday, time(0), tzinfo=tz)
    return mark_past(
        TimeResolution(expression, start, start + timedelta(days=7), monday, None, None, "range"),
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
    ):
        return None
    first_day = first.day or first.start.date()
    last_day = last.day or last.start.date()
    if last_day < first_day and first.day and last.day:
        return None
    return (first_day, last_day) if last_day >= first_day else None
