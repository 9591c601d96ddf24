"""`resolve`: one expression against the clinic's clock."""

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conversations.understanding.dates.calendar import mark_past
from conversations.understanding.dates.clock import Clock, find_clock, find_period, hour_readings
from conversations.understanding.dates.composed import composed
from conversations.understanding.dates.days import Day, find_day
from conversations.understanding.dates.lexicon import (
    ALL,
    UNIT_KIND,
    alternation,
    any_of,
    count_pattern,
    every,
    having,
    pack_code,
    units_pattern,
)
from conversations.understanding.dates.months import MONTH_RE_BY_CODE
from conversations.understanding.dates.numbers import DOTTED, normalize, numbers_to_digits, years_to_digits
from conversations.understanding.dates.slips import mend_slips
from conversations.understanding.languages import PACKS
from conversations.understanding.types import PERIOD_HOURS, Period, Reading, TimeResolution

_HALF_AN_HOUR_WORDS = every("half_an_hour")
_HALF_AN_HOUR = alternation(_HALF_AN_HOUR_WORDS)
_INSTANT = re.compile(
    rf"^(?:{any_of('now_phrases')})$"
    rf"|\b(?:{any_of('in_minutes')})\s+({count_pattern(digits=3)}|{_HALF_AN_HOUR})\s+"
    rf"({units_pattern('minute', 'hour')}|h)\b"
    rf"|\b({count_pattern(digits=3)}|{_HALF_AN_HOUR})\s+({units_pattern('minute', 'hour')})\s+"
    rf"(?:{any_of('from_now')})\b"
)
_AGO_BEFORE, _AGO_AFTER = having("time_ago_before"), having("time_ago_after")
_AGO = re.compile(
    rf"\b(?:{any_of('time_ago_before')})\s+({count_pattern(_AGO_BEFORE, digits=3)})\s+"
    rf"({units_pattern('minute', 'hour', packs=_AGO_BEFORE)})\b"
    rf"|\b({count_pattern(_AGO_AFTER, digits=3)})\s+({units_pattern('minute', 'hour', packs=_AGO_AFTER)})\s+"
    rf"(?:{any_of('time_ago_after')})\b"
)
_AFTER = re.compile(rf"\b({any_of('after_words')})\b")
_BEFORE = re.compile(rf"\b({any_of('before_words')})\b")
_POSTFIX = re.compile(
    rf"(?:\s*\b[a-z]+){{0,2}}?\s*\b(?:({any_of('after_postfix')})|({any_of('before_postfix')}))\b"
)
_BETWEEN_ARTICLE = rf"(?:(?:{any_of('between_articles')})\s+)?"
_BETWEEN = re.compile(
    rf"\b(?:{any_of('between_from')})\s+{_BETWEEN_ARTICLE}(\d{{1,2}})(?::(\d\d))?\s*(am|pm)?\s+"
    rf"(?:{any_of('between_and')}|-)\s+{_BETWEEN_ARTICLE}(\d{{1,2}})(?::(\d\d))?\s*(am|pm)?\b"
)
_BEFORE_NOON = re.compile(
    rf"\b({any_of('before_noon')})\s+(?:(?:{any_of('before_noon_articles')}) )?(?:{any_of('before_noon_words')})"
)
_PHRASE_REWRITES = [
    (re.compile(pattern), replacement) for words in ALL for pattern, replacement in words.phrase_rewrites
]


def rewrite_phrases(s: str) -> str:
    """The packs' phrase rewrites on normalised text: "a fortnight", "un par de semanas"."""
    for pattern, replacement in _PHRASE_REWRITES:
        s = pattern.sub(replacement, s)
    return s


# "segundo de agosto": ordinal day words before a month, in their own language.
_ORDINAL_DAYS = {
    pack.code: (
        re.compile(
            rf"\b({alternation(list(forms))}) ({pack.dates.ordinal_day_link}) "
            rf"(?=(?:{MONTH_RE_BY_CODE[pack.code]})\b)"
        ),
        forms,
    )
    for pack in PACKS
    if pack.dates.ordinal_days_before_month
    # Day numbers take the first form of each ordinal: "primero de mayo", not "primera".
    for forms in [{words[0]: n for n, words in pack.ordinals.items() if words}]
}


def _is_hours(unit: str) -> bool:
    return unit == "h" or UNIT_KIND.get(unit) == "hour"


def resolve(
    expression_or_text: str, *, language: str, now: datetime, zone: str, prefer: str = "future"
) -> TimeResolution | None:
    """Resolve a date/time expression against the clinic's clock. Pure; None when there is none.

    When the words allow a reading that is still ahead (a weekday said on that very weekday,
    "Tuesday afternoon" on Tuesday evening), that reading wins over one already past: people
    mean the next one. See `_resolve` for the rest of the contract."""
    res = _resolve(expression_or_text, language=language, now=now, zone=zone, prefer=prefer)
    if res is None or prefer != "future" or not res.past or not res.readings:
        return res
    tz = ZoneInfo(zone)
    now = now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)
    for reading in res.readings:
        ahead = reading.start >= now if res.granularity == "time" else reading.end > now
        if ahead:
            start = max(reading.start, now) if res.granularity != "time" else reading.start
            return replace(
                res, start=start, end=reading.end, day=reading.start.date(), past=False, ambiguous=False
            )
    return res


def _resolve(
    expression_or_text: str, *, language: str, now: datetime, zone: str, prefer: str = "future"
) -> TimeResolution | None:
    """Resolve a date/time expression against the clinic's clock. Pure; None when there is none.

    `now` may be naive (read as clinic time) or aware (converted to the clinic's zone).
    `prefer="past"` reads what the words leave open backwards: a bare weekday, day number,
    month-day or numeric date is the last one not after today and a two-digit year is never
    in the future ("martes 25" said on Friday the 28th is Tuesday the 25th). For questions
    about the past ("when was your last visit?"); the booking flow keeps the default.
    Raises ValueError for any other `prefer`.
    """
    if prefer not in ("future", "past"):
        raise ValueError(f"prefer must be 'future' or 'past', not {prefer!r}")
    tz = ZoneInfo(zone)
    now = now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)
    code = pack_code(language)
    text = expression_or_text
    if dotted := DOTTED[code]:
        text = dotted.sub(r"\1/\2", text)
    s = numbers_to_digits(years_to_digits(mend_slips(normalize(text)), code), code)
    if not s:
        return None
    today = now.date()
    s = re.sub(r"\b(\d{1,2})\s+([ap])\s+m\b", r"\1\2m", s)
    s = rewrite_phrases(s)
    if code in _ORDINAL_DAYS:
        pattern, ordinals = _ORDINAL_DAYS[code]
        s = pattern.sub(lambda m: f"{ordinals[m.group(1)]} {m.group(2)} ", s)
    if m := _INSTANT.search(s):
        return _instant(m, expression_or_text.strip(), now)
    if m := _AGO.search(s):
        count = int(m.group(1) or m.group(3)) if (m.group(1) or m.group(3) or "").isdigit() else 1
        unit = m.group(2) or m.group(4)
        ago = now - (timedelta(hours=count) if _is_hours(unit) else timedelta(minutes=count))
        return TimeResolution(
            expression_or_text.strip(), ago, ago, ago.date(), ago.time(), None, "time", past=True
        )
    if built := composed(
        s, expression_or_text.strip(), language=language, now=now, zone=zone, prefer=prefer, resolve=resolve
    ):
        return built
    found_day = find_day(s, code, today, prefer == "past")
    rest = s
    if found_day:
        a, b = found_day[1]
        rest = s[:a] + " " * (b - a) + s[b:]
    between = _BETWEEN.search(rest)
    clock = None if between else find_clock(rest)
    if clock is None and not between and found_day:
        whole = find_clock(s)
        if whole and (whole.span[1] <= found_day[1][0] or whole.span[0] >= found_day[1][1]):
            clock = whole
    period = find_period(s)
    if not (found_day or clock or period or between):
        return None

    day_info = found_day[0] if found_day else None
    expression = expression_or_text.strip()

    def at(d: date, t: time) -> datetime:
        return datetime.combine(d, t, tzinfo=tz)

    def day_start(d: date) -> datetime:
        return at(d, time(0))

    if between:
        h1, h2 = int(between.group(1)), int(between.group(4))
        m1, m2 = int(between.group(2) or 0), int(between.group(5) or 0)
        t1 = hour_readings(Clock(h1 % 24, m1, between.group(3) is not None or h1 >= 13, (0, 0)), period)[0]
        t2 = hour_readings(Clock(h2 % 24, m2, between.group(6) is not None or h2 >= 13, (0, 0)), period)[0]
        if between.group(3) == "pm" and h1 < 12:
            t1 = time(h1 + 12, m1)
        if between.group(6) == "pm" and h2 < 12:
            t2 = time(h2 + 12, m2)
        if t2 <= t1 and t2.hour < 12:
            t2 = time(t2.hour + 12, t2.minute)
        d = day_info.day if day_info else (today if at(today, t2) > now else today + timedelta(days=1))
        return _finish(expression, at(d, t1), at(d, t2), d, None, period, "range", day_info, now, tz)

    if clock:
        readings = hour_readings(clock, period)
        window = _window_before(rest, clock.span[1]) or _window_after(rest, clock.span[1])
        d0 = today if day_info is None else day_info.day
        t = readings[0]
        # "Next week, no later than 10": the bound holds on every day of the days named.
        through = day_info.end - timedelta(days=1) if day_info and day_info.end else None
        if window == "after":
            end_d = d0
            start = at(d0, t)
            if day_info is None and start + timedelta(hours=1) <= now:
                d0 = end_d = today + timedelta(days=1)
                start = at(d0, t)
            res = _finish(
                expression,
                start,
                day_start(end_d + timedelta(days=1)),
                d0,
                None,
                period,
                "range",
                day_info,
                now,
                tz,
            )
            return replace(res, through=through)
        if window == "before":
            if day_info is None and at(d0, t) <= now:
                d0 = today + timedelta(days=1)
            res = _finish(expression, day_start(d0), at(d0, t), d0, None, period, "range", day_info, now, tz)
            return replace(res, through=through)
        if day_info is None:
            # A bare time is the next such time: today if still ahead, else the day after.
            d0 = today if at(today, t) > now else today + timedelta(days=1)
            res = TimeResolution(expression, at(d0, t), at(d0, t), None, t, period, "time")
            if len(readings) > 1:
                alts = [Reading(at(d0, t), at(d0, t), t.strftime("%H:%M"))]
                for alt in readings[1:]:
                    da = today if at(today, alt) > now else today + timedelta(days=1)
                    alts.append(Reading(at(da, alt), at(da, alt), alt.strftime("%H:%M")))
                ambiguous = clock.hour in (7, 8)
                res = replace(res, ambiguous=ambiguous, readings=alts if ambiguous else [])
            return res
        start = at(d0, t)
        res = TimeResolution(expression, start, start, d0, t, period, "time")
        res = _with_alternatives(res, day_info, tz, readings, clock)
        return mark_past(res, now)

    if period is not None and not (day_info and day_info.end):
        lo, hi = PERIOD_HOURS[period]
        window = _window_word(s)
        d0 = day_info.day if day_info else today
        start, end = (
            at(d0, time(lo)),
            day_start(d0 + timedelta(days=1)) if hi == 24 else at(d0, time(hi)),
        )
        if day_info is None and end <= now:
            d0 = today + timedelta(days=1)
            start, end = (
                at(d0, time(lo)),
                at(d0, time(hi)) if hi < 24 else day_start(d0 + timedelta(days=2)),
            )
        if window == "before":
            start = day_start(d0)
            end = at(d0, time(lo))
        return _finish(expression, start, end, d0, None, period, "period", day_info, now, tz)

    assert day_info is not None
    d0 = day_info.day
    end_day = day_info.end or d0 + timedelta(days=1)
    granularity = "range" if day_info.end else "day"
    return _finish(
        expression,
        day_start(d0),
        day_start(end_day),
        d0,
        None,
        period,
        granularity,
        day_info,
        now,
        tz,
    )


def _instant(m: re.Match[str], expression: str, now: datetime) -> TimeResolution:
    count_raw = m.group(1) or m.group(3)
    unit = m.group(2) or m.group(4) or ""
    delta = timedelta(0)
    if count_raw:
        if count_raw in _HALF_AN_HOUR_WORDS:
            delta = timedelta(minutes=30)
        else:
            count = int(count_raw) if count_raw.isdigit() else 1
            delta = timedelta(hours=count) if _is_hours(unit) else timedelta(minutes=count)
    at = now + delta
    return TimeResolution(expression, at, at, at.date(), at.time(), None, "time")


def _window_before(s: str, position: int) -> str | None:
    head = s[max(0, position - 30) : position]
    after = list(_AFTER.finditer(head))
    before = list(_BEFORE.finditer(head))
    # The last bound word decides; of two ending together the longer ("not before").
    last_after = (after[-1].end(), -after[-1].start()) if after else (-1, 0)
    last_before = (before[-1].end(), -before[-1].start()) if before else (-1, 0)
    if not (after or before):
        return None
    return "after" if last_after > last_before else "before"


def _window_after(s: str, position: int) -> str | None:
    """A bound said after the time: "10am or later", "de las 5 en adelante", "de 5 da tarde
    pra frente" (a word or two, such as the part of the day, may come between)."""
    if m := _POSTFIX.match(s, position):
        return "after" if m.group(1) else "before"
    return None


def _window_word(s: str) -> str | None:
    if _BEFORE_NOON.search(s):
        return "before"
    return None


def _with_alternatives(
    res: TimeResolution,
    day_info: Day | None,
    tz: ZoneInfo,
    readings: list[time],
    clock: Clock,
) -> TimeResolution:
    days = [res.day, *(day_info.alternatives if day_info else ())]
    times = readings if clock.hour in (7, 8) and len(readings) > 1 else readings[:1]
    if len(days) == 1 and len(times) == 1:
        return res
    options = [
        Reading(
            datetime.combine(d, tt, tzinfo=tz),
            datetime.combine(d, tt, tzinfo=tz),
            f"{d} {tt:%H:%M}",
        )
        for d in days
        if d is not None
        for tt in times
    ]
    return replace(res, ambiguous=True, readings=options)


def _finish(
    expression: str,
    start: datetime,
    end: datetime,
    d: date | None,
    t: time | None,
    period: Period | None,
    granularity: str,
    day_info: Day | None,
    now: datetime,
    tz: ZoneInfo,
) -> TimeResolution:
    res = TimeResolution(expression, start, end, d, t, period, granularity, day_stated=day_info is not None)
    if day_info and day_info.alternatives:
        options = [Reading(start, end, str(d))]
        for alt in day_info.alternatives:
            shift = datetime.combine(alt, time(0), tzinfo=tz) - datetime.combine(d or alt, time(0), tzinfo=tz)
            options.append(Reading(start + shift, end + shift, str(alt)))
        res = replace(res, ambiguous=True, readings=options)
    return mark_past(res, now)
