"""Clock times ("10:30", "half past 3", "a las 10 y media") and day periods in a message."""

import re
from dataclasses import dataclass
from datetime import time

from conversations.understanding.dates.lexicon import ALL, alternation, any_of, every, having
from conversations.understanding.languages.date_words import PeriodWords
from conversations.understanding.types import Period


def _period_pattern(period: Period) -> re.Pattern[str]:
    named = [words.periods.get(period.value, PeriodWords()) for words in ALL]
    prepositions = alternation(dict.fromkeys(p for words in named for p in words.prepositions))
    after = alternation(dict.fromkeys(w for words in named for w in words.after))
    alone = alternation(dict.fromkeys(w for words in named for w in words.alone))
    articles = any_of("period_articles")
    return re.compile(rf"\b(?:(?:{prepositions}) ?(?:(?:{articles}) )?(?:{after})|(?:{alone}))\b")


_PERIOD_PATTERNS = [
    (period, _period_pattern(period))
    for period in Period
    if any(period.value in words.periods for words in ALL)
]


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int
    explicit: bool  # am/pm, 24-hour form or a period said which half of the day
    span: tuple[int, int]
    second: int = 0


_EXPLICIT_SUFFIXES = ["h", *every("hour_abbreviations"), *every("hours_word")]
_MINUTE_WORDS = {word: value for words in ALL for word, value in words.clock_minute_words.items()}
_QUARTER_WORDS = alternation(word for word, value in _MINUTE_WORDS.items() if value == 15)
_FRACTIONS = {word: value for words in ALL for word, value in words.clock_fractions.items()}
_QUARTER_FRACTIONS = alternation(word for word, value in _FRACTIONS.items() if value == 15)
_MINUTE_UNITS = alternation(f" {unit}" for unit in every("clock_minute_units"))
_HOURS = any_of("hours_word")
_H = r"(\d{1,2})"
_TIME_PATTERNS: list[tuple[str, str]] = [
    ("hm", rf"\b{_H}:(\d\d)(?::(\d\d))?\s*(am|pm|a|p|h|{alternation(_EXPLICIT_SUFFIXES[1:])})?\b"),
    (
        "and",
        rf"\b{_H}(?:\s*(am|pm|h|{_HOURS}))? (?:{any_of('number_and', having('clock_minute_words'))}) "
        rf"({alternation(_MINUTE_WORDS)}|\d\d)\b(?! (?:{any_of('clock_minutes_not_before')}))",
    ),
    (
        "minus",
        rf"\b{_H}(?:\s*(am|pm))? (?:{any_of('clock_minus')}) ({_QUARTER_WORDS}|\d{{1,2}})\b",
    ),
    (
        "past",
        rf"\b({alternation(_FRACTIONS)}|\d{{1,2}})(?:{_MINUTE_UNITS})? ({any_of('clock_past')}) {_H}\b",
    ),
    (
        "to",
        rf"\b({_QUARTER_FRACTIONS}|\d{{1,2}})(?:{_MINUTE_UNITS})? ({any_of('clock_to')}) {_H}\b",
    ),
    ("ampm", rf"\b{_H}\s*(am|pm)\b"),
    ("hsp", rf"\b{_H} ([0-5]\d)\b(?!\s*(?:/|h\b|{any_of('hour_minute_not_before')}))"),
    (
        "hours",
        rf"\b{_H}\s*(?:h|{alternation([*every('hour_abbreviations'), *every('hours_word'), *every('hour_word'), *every('oclock')])})\b",
    ),
    (
        "prep",
        rf"\b(?:{any_of('clock_prepositions')})\s+{_H}\b"
        rf"(?!\s*(?:/|{any_of('clock_preposition_not_before')}))",
    ),
    (
        "period",
        rf"\b{_H}\s+(?=(?:{any_of('hour_period_links')})? ?(?:{any_of('hour_period_words')}))",
    ),
    ("leading", rf"\b(?:{any_of('period_before_hour')})\s+{_H}(?::(\d\d))?\b"),
    # A bare hour with its bound after it: "11 or earlier", "4 onwards".
    ("postfix", rf"\b{_H}(?=\s+(?:{any_of('after_postfix')}|{any_of('before_postfix')})\b)"),
]
_TIME_RES = [(kind, re.compile(pattern)) for kind, pattern in _TIME_PATTERNS]
_NOON = re.compile(rf"\b({any_of('noon')})\b")
_MIDNIGHT = re.compile(rf"\b({any_of('midnight')})\b")


def find_clock(s: str) -> Clock | None:
    for kind, pattern in _TIME_RES:
        for m in pattern.finditer(s):
            clock = _clock_from(kind, m)
            if clock is not None:
                return clock
    if m := _NOON.search(s):
        return Clock(12, 0, True, m.span())
    if m := _MIDNIGHT.search(s):
        return Clock(0, 0, True, m.span())
    return None


def _clock_from(kind: str, m: re.Match[str]) -> Clock | None:
    g = m.groups()
    minute = 0
    explicit = False
    second = 0
    if kind == "hm":
        hour, minute, second = int(g[0]), int(g[1]), int(g[2] or 0)
        suffix = g[3] or ""
        explicit = hour >= 13 or hour == 0 or suffix in _EXPLICIT_SUFFIXES or g[0].startswith("0")
        if suffix in ("am", "a"):
            hour, explicit = hour % 12, True
        elif suffix in ("pm", "p"):
            hour, explicit = hour % 12 + 12, True
    elif kind == "ampm":
        if int(g[0]) > 12:
            return None
        hour = int(g[0]) % 12 + (12 if g[1] == "pm" else 0)
        explicit = True
    elif kind == "hours":
        hour = int(g[0])
        explicit = hour >= 13 or hour == 0
    elif kind == "past":
        minute = _FRACTIONS.get(g[0]) or int(g[0])
        hour = int(g[2])
    elif kind == "to":
        minute = 60 - (_FRACTIONS.get(g[0]) or int(g[0]))
        hour = int(g[2]) - 1
    elif kind == "and":
        hour = int(g[0])
        minute = _MINUTE_WORDS.get(g[2]) or int(g[2])
        if g[1] in ("am", "pm") and hour <= 12:
            hour, explicit = hour % 12 + (12 if g[1] == "pm" else 0), True
    elif kind == "minus":
        minute = 60 - (_MINUTE_WORDS.get(g[2]) or int(g[2]))
        hour = int(g[0]) - 1
        if g[1]:
            hour, explicit = hour % 12 + (12 if g[1] == "pm" else 0), True
    elif kind == "hsp":
        hour, minute = int(g[0]), int(g[1])
        if hour > 12:
            return None
    elif kind == "leading":
        hour, minute = int(g[0]), int(g[1] or 0)
    else:
        hour = int(g[0])
        explicit = hour >= 13 or hour == 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    tail = m.string[m.end() : m.end() + 4]
    if not explicit and hour <= 12 and (suffix := re.match(r"\s*(am|pm)\b", tail)):
        hour, explicit = hour % 12 + (12 if suffix.group(1) == "pm" else 0), True
    return Clock(hour % 24, minute, explicit, m.span(), second if second < 60 else 0)


def find_period(s: str) -> Period | None:
    """The first of the day's periods (morning, afternoon, evening) the message names."""
    for period, pattern in _PERIOD_PATTERNS:
        if pattern.search(s):
            return period
    return None


def hour_readings(clock: Clock, period: Period | None) -> list[time]:
    """The plausible 24-hour readings of a clock time, most likely first."""
    h, mnt = clock.hour, clock.minute
    if clock.explicit:
        return [time(h, mnt, clock.second)]
    if period in (Period.AFTERNOON, Period.EVENING, Period.NIGHT) and h < 12:
        return [time(h + 12, mnt, clock.second)]
    if period is Period.MORNING:
        return [time(0 if h == 12 else h, mnt, clock.second)]
    if h == 12 or h == 0:
        return [time(h, mnt)]
    if 1 <= h <= 6:
        return [time(h + 12, mnt), time(h, mnt)]
    if h in (7, 8):
        return [time(h, mnt), time(h + 12, mnt)]
    return [time(h, mnt)]
