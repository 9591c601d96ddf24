"""Holidays by name ("christmas", "dia da independencia") and the long weekend around one."""

import re
from datetime import date, timedelta


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


_HOLIDAYS: dict[str, object] = {
    r"christmas|xmas|navidad|natal": lambda y, lang: date(y, 12, 25),
    r"new year s day|new year day|new year|new years|ano nuevo|ano novo|reveillon": lambda y, lang: date(
        y, 1, 1
    ),
    r"easter|pascua|pascoa|domingo de resurreccion": lambda y, lang: _easter(y),
    r"carnaval|carnival": lambda y, lang: _easter(y) - timedelta(days=47),
    r"halloween": lambda y, lang: date(y, 10, 31),
    r"valentine s day|valentines day|dia de san valentin|dia dos namorados": lambda y, lang: (
        date(y, 2, 14) if lang != "pt" else date(y, 6, 12)
    ),
    r"saint patrick s day|saint patrick|st patrick s day|dia de san patricio": lambda y, lang: date(y, 3, 17),
    r"earth day|dia de la tierra|dia da terra": lambda y, lang: date(y, 4, 22),
    r"independence day|dia de independencia|dia da independencia": lambda y, lang: (
        date(y, 7, 4) if lang == "en" else (date(y, 9, 7) if lang == "pt" else date(y, 9, 16))
    ),
    r"labor day|labour day|dia del trabajo|dia del trabajador|dia internacional de los trabajadores|dia do trabalho|dia do trabalhador": lambda y, lang: (
        _nth_weekday(y, 9, 0, 1) if lang == "en" else date(y, 5, 1)
    ),
    r"thanksgiving": lambda y, lang: _nth_weekday(y, 11, 3, 4),
    r"black friday|viernes negro": lambda y, lang: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    r"international workers day|international worker s day|workers day|may day": lambda y, lang: date(
        y, 5, 1
    ),
    r"tiradentes": lambda y, lang: date(y, 4, 21),
    r"finados|dia de muertos|dia de los muertos": lambda y, lang: date(y, 11, 2),
}
HOLIDAY = re.compile(
    r"^(?:(next|following|last|previous|this|el proximo|la proxima|el pasado|el|la|o|a|the)\s+)?"
    r"(?:dia de |dia del |dia de la |day of )?(" + "|".join(_HOLIDAYS) + r")(?:\s+day)?"
    r"(?:\s+(?:of\s+|de\s+|del\s+)?(\d{4}|this year|este ano|next year|last year))?$"
)


def holiday(m: re.Match[str], lang: str, today: date) -> tuple[date, bool] | None:
    name = m.group(2)
    rule = next(f for pattern, f in _HOLIDAYS.items() if re.fullmatch(pattern, name))
    modifier, year_word = m.group(1) or "", m.group(3) or ""
    if year_word.isdigit():
        found = rule(int(year_word), lang)
        return found, found < today
    if year_word in ("this year", "este ano"):
        found = rule(today.year, lang)
        return found, found < today
    if modifier in ("last", "previous", "el pasado"):
        found = rule(today.year, lang)
        found = found if found < today else rule(today.year - 1, lang)
        return found, True
    found = rule(today.year, lang)
    if found < today:
        found = rule(today.year + 1, lang)
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
