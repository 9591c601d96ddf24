"""Clock times ("10:30", "half past 3", "a las 10 y media") and day periods in a message."""

import re
from dataclasses import dataclass
from datetime import time

from conversations.understanding.types import Period

_PERIOD_WORDS: list[tuple[str, Period]] = [
    (
        r"(?:in the|this|de|por|en|durante|pela|na|de|da|a la) ?(?:la )?(?:morning|manana|manha)s?",
        Period.MORNING,
    ),
    (r"\bmorning\b", Period.MORNING),
    (
        r"(?:in the|this|de|por|en|durante|pela|na|a|da) ?(?:la )?(?:afternoon|tarde)s?",
        Period.AFTERNOON,
    ),
    (r"\b(?:afternoon|tarde)\b", Period.AFTERNOON),
    (r"\b(?:evening|tonight|esta noche|hoje a noite|anoitecer)\b", Period.EVENING),
    (
        r"(?:in the|at|de|por|en|durante|pela|na|a|da) ?(?:la )?(?:night|noche|noite)",
        Period.EVENING,
    ),
    (r"\b(?:night|noche|noite)\b", Period.EVENING),
]
_PERIOD_PATTERNS = [(re.compile(rf"\b{p}\b"), period) for p, period in _PERIOD_WORDS]


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int
    explicit: bool  # am/pm, 24-hour form or a period said which half of the day
    span: tuple[int, int]
    second: int = 0


_H = r"(\d{1,2})"
_TIME_PATTERNS: list[tuple[str, str]] = [
    ("hm", rf"\b{_H}:(\d\d)(?::(\d\d))?\s*(am|pm|a|p|hs|hrs|h|horas)?\b"),
    (
        "y",
        rf"\b{_H}(?:\s*(am|pm|h|horas))? (?:y|e) (media|meia|cuarto|quarto|quince|\d\d)\b(?! (?:de )?(?:dias|days|minutos))",
    ),
    ("menos", rf"\b{_H}(?:\s*(am|pm))? (?:de la \w+ )?menos (cuarto|quarto|quince|\d{{1,2}})\b"),
    ("past", rf"\b(quarter|half|\d{{1,2}})(?: min| mins| minutes?| minutos)? (past|after) {_H}\b"),
    (
        "to",
        rf"\b(quarter|\d{{1,2}})(?: min| mins| minutes?| minutos)? (to|till|before|til|para as|para a) {_H}\b",
    ),
    ("ampm", rf"\b{_H}\s*(am|pm)\b"),
    ("hsp", rf"\b{_H} ([0-5]\d)\b(?!\s*(?:/|de |of |del |do |days|dias|min|h\b|horas))"),
    ("hours", rf"\b{_H}\s*(?:h|hs|hrs|horas|hora|o ?clock|oclock|en punto|em ponto)\b"),
    (
        "prep",
        rf"\b(?:at|around|about|by|a las|a la|as|a partir das|a partir de las|las|de las|"
        rf"desde las|das|ate as|ate las|after|before|antes de las|antes das|depois das|"
        rf"despues de las|from|until|till|pelas|sobre las|tipo|por volta das)\s+{_H}\b"
        rf"(?!\s*(?:/|de [a-z]|of|st|nd|rd|th|days|dias|weeks|semanas|del \d|do dia))",
    ),
    (
        "period",
        rf"\b{_H}\s+(?=(?:in the|de la|da|do|of the|at|por la|pela|a la|la|da|esta|this)? ?"
        rf"(?:morning|afternoon|evening|night|tonight|manana|manha|tarde|noche|noite|madrugada))",
    ),
    ("leading", rf"\b(?:morning|evening|afternoon|night|tonight)\s+{_H}(?::(\d\d))?\b"),
]
_TIME_RES = [(kind, re.compile(pattern)) for kind, pattern in _TIME_PATTERNS]
_NOON = re.compile(r"\b(noon|midday|mediodia|meio dia|meiodia)\b")
_MIDNIGHT = re.compile(r"\b(midnight|mid night|medianoche|media noche|meia noite|meianoite)\b")


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
        explicit = hour >= 13 or hour == 0 or suffix in ("h", "hs", "hrs", "horas") or g[0].startswith("0")
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
        minute = {"quarter": 15, "half": 30}.get(g[0]) or int(g[0])
        hour = int(g[2])
    elif kind == "to":
        minute = 60 - ({"quarter": 15}.get(g[0]) or int(g[0]))
        hour = int(g[2]) - 1
    elif kind == "y":
        hour = int(g[0])
        minute = {"media": 30, "meia": 30, "cuarto": 15, "quarto": 15, "quince": 15}.get(g[2]) or int(g[2])
        if g[1] in ("am", "pm") and hour <= 12:
            hour, explicit = hour % 12 + (12 if g[1] == "pm" else 0), True
    elif kind == "menos":
        minute = 60 - ({"cuarto": 15, "quarto": 15, "quince": 15}.get(g[2]) or int(g[2]))
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


def find_period(s: str) -> tuple[Period, tuple[int, int]] | None:
    for pattern, period in _PERIOD_PATTERNS:
        if m := pattern.search(s):
            return period, m.span()
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
