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
from conversations.understanding.dates.numbers import MONTH_NUMBER, MONTH_RE_BY_LANG

_WEEKDAYS = {
    "en": [
        ("monday", "mon"),
        ("tuesday", "tues", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thurs", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
    "es": [
        ("lunes", "lun"),
        ("martes",),
        ("miercoles", "mie"),
        ("jueves", "jue"),
        ("viernes", "vie"),
        ("sabado", "sab"),
        ("domingo", "dom"),
    ],
    "pt": [
        ("segunda feira", "segunda", "seg"),
        ("terca feira", "terca", "ter"),
        ("quarta feira", "quarta", "qua"),
        ("quinta feira", "quinta", "qui"),
        ("sexta feira", "sexta", "sex"),
        ("sabado", "sab"),
        ("domingo", "dom"),
    ],
}


@dataclass(frozen=True)
class Day:
    day: date
    alternatives: tuple[date, ...] = ()
    end: date | None = None  # exclusive, for week/weekend ranges
    label: str = ""


def _weekday_table(lang: str) -> list[tuple[str, int]]:
    langs = [lang] + [other for other in ("en", "es", "pt") if other != lang]
    table = []
    for code in langs:
        for index, names in enumerate(_WEEKDAYS[code]):
            for name in names:
                if code != lang and len(name) <= 3:
                    continue  # short forms ("sex", "dom", "sat") only in their own language
                table.append((name, index))
    return sorted(table, key=lambda item: -len(item[0]))


_WEEKDAY_RES = {
    lang: re.compile(r"\b(" + "|".join(re.escape(n) for n, _ in _weekday_table(lang)) + r")\b")
    for lang in ("en", "es", "pt")
}
_WEEKDAY_INDEX = {lang: dict(_weekday_table(lang)) for lang in ("en", "es", "pt")}

_NEXT_WEEK = (
    r"(?:next week|the following week|following week|la semana siguiente|semana siguiente|la semana que viene|la proxima semana|"
    r"la semana proxima|semana que vem|proxima semana|semana seguinte|la siguiente semana)"
)
_THIS_WEEK = r"(?:this week|esta semana|essa semana|nesta semana|nessa semana|this coming week)"
_NEXT_BEFORE = re.compile(r"\b(next|proximo|proxima|el proximo|la proxima|siguiente|following)\s+$")
_NEXT_AFTER = re.compile(
    r"^\s*(?:feira\s+)?(que viene|que vem|next week|of next week|de la semana que viene|"
    r"de la proxima semana|da semana que vem|da proxima semana|"
    r"proximo|proxima|de la semana proxima|siguiente|seguinte)\b"
)
_THIS_BEFORE = re.compile(r"\b(this|this coming|coming|este|esta|essa|esse|nesta|neste)\s+$")
_LAST_BEFORE = re.compile(r"\b(last|past|previous|pasado|el pasado|passado|passada|ultimo|ultima)\s+$")
_LAST_AFTER = re.compile(
    r"^\s*(?:feira\s+)?(pasado|passado|passada|anterior|de la semana pasada|da semana passada|"
    r"last week|of last week)\b"
)


def _month_day(month: int, day: int, year: int | None, today: date, past: bool = False) -> Day | None:
    if year is not None:
        d = safe_date(full_year(year, today, past), month, day)
        return None if d is None else Day(d)
    for shift in range(5):
        d = safe_date(today.year + (-shift if past else shift), month, day)
        if d is not None and (d <= today if past else d >= today):
            return Day(d)
    return None


_RELATIVE: list[tuple[str, int]] = [
    (r"day after tomorrow|pasado manana|pasado amanha|depois de amanha|dia depois de amanha", 2),
    (r"day before yesterday|anteayer|antes de ayer|antes de ontem|anteontem", -2),
    (r"tomorrow|tmrw|tmr|tomorow|amanha|amanh", 1),
    (
        r"today|tonight|this (?:morning|afternoon|evening)|later today|hoy|esta noche|esta tarde|hoje|"
        r"hoy mismo",
        0,
    ),
    (r"yesterday|ayer|ontem|anoche|last night|ontem a noite", -1),
    # Without an anchor "the day after" counts from today.
    (r"(?:the |al |el |o |no )?(?:day after|following day|dia siguiente|dia seguinte)$", 1),
    (r"(?:the |el |o )?(?:day before|previous day|dia anterior)$", -1),
]
_RELATIVE_RES = [(re.compile(rf"\b(?:{p})\b"), offset) for p, offset in _RELATIVE]
# "manana" is tomorrow unless it names the morning ("por la manana", "de la manana").
_MANANA_TOMORROW = re.compile(r"(?<!la )(?<!las )(?<!esta )\bmanana\b")

_IN_N = re.compile(
    r"\b(?:in|within|en|dentro de|daqui a|daqui|em|de aqui a)\s+(\d{1,2}|a|an|un|una|uma|um)\s+"
    r"(days?|dias?|weeks?|semanas?|months?|mes|meses|years?|anos?)\b"
    r"|\b(\d{1,2}|a|an|un|una|uma|um)\s+(days?|dias?|weeks?|semanas?|months?|mes|meses)\s+"
    r"(?:from|after|despues de|a partir de|depois de|a partir de|apos)\s+(?:now|today|ahora|hoy|agora|hoje|"
    r"(tomorrow|tmrw|manana|amanha))\b"
)


_AGO_DAYS = re.compile(
    r"\b(\d{1,2}|a|an|un|una|uma|um)\s+(days?|weeks?|months?|years?|dias?|semanas?|meses|mes|anos?)\s+"
    r"(?:ago|atras)\b"
    r"|\b(?:hace|ha|faz)\s+(\d{1,2}|una|un|uma|um)\s+(dias?|semanas?|meses|mes|anos?)\b"
)


_NEXT_N_DAYS = re.compile(
    r"\b(?:next|the next|proximos|los proximos|os proximos|following)\s+(\d{1,2})\s+(?:days|dias)\b"
    r"|\b(\d{1,2})\s+(?:next days|dias siguientes|proximos dias|following days)\b"
)
_LAST_WEEK = re.compile(
    r"\b(?:last week(?! of)|previous week|the week before|la semana pasada|semana pasada|la semana anterior|"
    r"semana anterior|semana passada|a semana passada)\b"
)
_DAY_NUMBER = re.compile(
    r"\b(?:the|on the|el|el dia|dia|no dia|o dia|para el|para o|day)\s+(\d{1,2})\b(?!\s*(?::|h\b|am|pm|/|horas|hrs))"
    r"|\bon\s+(\d{1,2})\b(?!\s*(?::|h\b|am|pm|/|in the|o clock|oclock))"
    r"|\b(\d{1,2})\s+(?:of|de|do)\s+(?:this|este|esse|este mes|this month|the month)"
    r"|\b(?:del|do dia)\s+(\d{1,2})\b(?!\s*(?::|h\b|am|pm|/|de [a-z]|del \d))"
)
_DAY_OF_NEXT_MONTH = re.compile(
    r"\b(\d{1,2})\s+(?:day\s+)?(?:of|de|del|do)\s+(?:the\s+|el\s+|o\s+)?"
    r"(?:next month|following month|proximo mes|mes que viene|mes proximo|mes que vem|mes seguinte)\b"
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,4})[/-](\d{1,2})(?:[/-](\d{2,4}))?\b")
# A year after a month: four digits, or two after "de"/"of" or above 31 ("23 novembro 82").
_YEAR_AFTER = (
    r"(?:\s+(?:de\s+|del\s+|in\s+|of\s+|em\s+|en\s+)?(\d{4})"
    r"|\s+(?:de|del|of|in|em|en)\s+(\d\d)|\s+(3[2-9]|[4-9]\d))\b"
    r"(?!\s*(?::|h\b|am\b|pm\b|horas|hs\b|o ?clock))"
)
_DAY_MONTH_BY_LANG = {
    lang: re.compile(rf"(?<!:)\b(\d{{1,2}})\s+(?:de\s+|of\s+|do\s+|del\s+)?({months})\b(?:{_YEAR_AFTER})?")
    for lang, months in MONTH_RE_BY_LANG.items()
}
_MONTH_DAY_BY_LANG = {
    lang: re.compile(rf"\b({months})\s+(?:the\s+)?(\d{{1,2}})\b(?!:)(?:{_YEAR_AFTER})?")
    for lang, months in MONTH_RE_BY_LANG.items()
}
DAY_MONTH = _DAY_MONTH_BY_LANG["en"]
MONTH_DAY = _MONTH_DAY_BY_LANG["en"]
_WEEKEND = re.compile(r"\b(weekend|fin de semana|finde|fim de semana)\b")


def find_day(s: str, lang: str, today: date, past: bool = False) -> tuple[Day, tuple[int, int]] | None:
    hits: list[tuple[Day, tuple[int, int]]] = []
    s_tomorrow = s
    if lang == "es" or "manana" in s:
        s_tomorrow = _MANANA_TOMORROW.sub("amanha", s)
    for pattern, offset in _RELATIVE_RES:
        if m := pattern.search(s_tomorrow):
            d = today + timedelta(days=offset)
            hits.append((Day(d), m.span()))
            break
    if m := _IN_N.search(s):
        count_raw = m.group(1) or m.group(3)
        unit = m.group(2) or m.group(4)
        count = int(count_raw) if count_raw.isdigit() else 1
        base = today + timedelta(days=1 if m.group(5) else 0)
        if unit.startswith(("day", "dia")):
            d = base + timedelta(days=count)
        elif unit.startswith(("week", "semana")):
            d = base + timedelta(weeks=count)
        elif unit.startswith(("year", "ano")):
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
        hits.append((Day(shift_date(today, -count, m.group(2) or m.group(4))), m.span()))
    if m := _NEXT_N_DAYS.search(s):
        count = int(m.group(1) or m.group(2))
        hits.append((Day(today + timedelta(days=1), end=today + timedelta(days=count + 1)), m.span()))
    if (m := _LAST_WEEK.search(s)) and not _WEEKDAY_RES[lang].search(s):
        monday = today - timedelta(days=today.weekday() + 7)
        hits.append((Day(monday, end=monday + timedelta(days=7), label="week"), m.span()))
    for m in _DAY_MONTH_BY_LANG[lang].finditer(s):
        year = _int(m.group(3) or m.group(4) or m.group(5))
        if found := _month_day(MONTH_NUMBER[m.group(2)], int(m.group(1)), year, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    for m in _MONTH_DAY_BY_LANG[lang].finditer(s):
        year = _int(m.group(3) or m.group(4) or m.group(5))
        if found := _month_day(MONTH_NUMBER[m.group(1)], int(m.group(2)), year, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    for m in re.finditer(r"\b(\d{1,2}) del? (\d{1,2})(?: del? (\d{4}))?\b(?!\s*(?::|h\b|am|pm|horas))", s):
        numeric_ok = lang == "es" or (lang == "pt" and m.group(3))
        if numeric_ok and (
            found := _month_day(int(m.group(2)), int(m.group(1)), _int(m.group(3)), today, past)
        ):
            hits.append((found, m.span()))
    for m in _NUMERIC_DATE.finditer(s):
        if found := _numeric_date(m, lang, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    weekday_matches = list(_WEEKDAY_RES[lang].finditer(s))
    for m in weekday_matches:
        dated = re.match(
            r"\s*(?:the|el|el dia|dia|o dia|,)?\s*(\d{1,2})\b(?!\s*(?::|h\b|am|pm|horas|hs|o ?clock|oclock|in the|de la|da|en punto|em ponto))",
            s[m.end() :],
        )
        if dated and (
            d := weekday_with_number(_WEEKDAY_INDEX[lang][m.group(1)], int(dated.group(1)), today, past)
        ):
            hits.append((Day(d), (m.start(), m.end() + dated.end())))
        else:
            hits.append((_weekday(m, s, lang, today, past), m.span()))
    if weekday_matches:
        pass
    elif m := re.search(rf"\b{_NEXT_WEEK}\b", s):
        monday = today + timedelta(days=7 - today.weekday())
        hits.append((Day(monday, end=monday + timedelta(days=7), label="week"), m.span()))
    elif m := re.search(rf"\b{_THIS_WEEK}\b", s):
        monday = today + timedelta(days=7 - today.weekday())
        hits.append((Day(today, end=monday, label="week"), m.span()))
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
    # Parts of a longer expression ("tomorrow" in "3 weeks from tomorrow") drop out; of
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


def _numeric_date(m: re.Match[str], lang: str, today: date, past: bool = False) -> Day | None:
    a, b, c = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:
        return _month_day(int(b), int(c), int(a), today, past) if c else None
    first, second = int(a), int(b)
    year = _int(c)
    if lang == "en":
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


def _weekday(m: re.Match[str], s: str, lang: str, today: date, past: bool = False) -> Day:
    target = _WEEKDAY_INDEX[lang][m.group(1)]
    before, after = s[: m.start()], s[m.end() :]
    ahead = (target - today.weekday()) % 7
    upcoming = today + timedelta(days=ahead)
    next_week_monday = today + timedelta(days=7 - today.weekday())
    in_next_week = next_week_monday + timedelta(days=target)
    if re.search(r"\b(this past|past|este pasado|esse passado|este passado)\s+$", before) or (
        re.search(r"\b(este|esta|esse|essa)\s+$", before) and _LAST_AFTER.search(after)
    ):
        return Day(today - timedelta(days=(today.weekday() - target) % 7 or 7))
    if _LAST_WEEK.search(s):
        return Day(today - timedelta(days=today.weekday() + 7 - target))
    if re.search(
        r"\b(this coming|coming|este proximo|esta proxima|esse proximo|essa proxima|this next)\s+$",
        before,
    ):
        return Day(today + timedelta(days=ahead or 7))
    if _LAST_BEFORE.search(before) or _LAST_AFTER.search(after):
        return Day(today - timedelta(days=today.weekday() + 7 - target))
    if re.search(rf"\b{_NEXT_WEEK}\b", s) or _NEXT_AFTER.search(after):
        return Day(in_next_week)
    if _NEXT_BEFORE.search(before):
        first_after_today = today + timedelta(days=ahead or 7)
        if first_after_today != in_next_week:
            return Day(in_next_week, alternatives=(first_after_today,))
        return Day(in_next_week)
    if re.search(rf"\b{_THIS_WEEK}\b", s):
        in_this_week = today + timedelta(days=target - today.weekday())
        return Day(in_this_week)
    if _THIS_BEFORE.search(before):
        return Day(upcoming)
    if past:
        return Day(today - timedelta(days=(today.weekday() - target) % 7))
    if ahead == 0 and not re.search(r"\b(today|hoy|hoje)\b", s):
        # Said on that very weekday: today, or a week from today.
        return Day(today, alternatives=(today + timedelta(days=7),))
    return Day(upcoming)
