"""Date and time resolution: a pure function of (expression, language, clinic now, zone).

The local engine and the Claude engine both hand the words the patient wrote to
`resolve`; nothing here reads the clock. Conventions (documented in docs/nlu.md):

* Nothing resolves silently into the past. Ranges that contain `now` start at `now`;
  a bare weekday, day number or month-day means the next one that is not past; an
  expression that can only mean a past instant ("yesterday", "today at 9" at 10:00)
  comes back with `past=True` set on the resolution so the bot can say so.
* "next Tuesday" is the Tuesday of next week. Said early in the week it could also mean
  the coming Tuesday, so then the result is ambiguous with both readings.
* A bare hour without am/pm or a period follows clinic hours: 7-11 morning, 12 noon,
  1-6 afternoon. 7 and 8 stay ambiguous (07:00 or 19:00).
* en numeric dates are month/day, es and pt day/month; "04/05" in en is ambiguous.
"""

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conversations.understanding.types import PERIOD_HOURS, Period, Reading, TimeResolution

_NUMBERS = {
    "en": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty",
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciseis diecisiete dieciocho diecinueve veinte",
    "pt": "um dois tres quatro cinco seis sete oito nove dez onze doze treze catorze quinze "
    "dezesseis dezessete dezoito dezenove vinte",
}
_NUMBER_WORDS: dict[str, dict[str, int]] = {
    lang: {word: index for index, word in enumerate(words.split(), start=1)}
    for lang, words in _NUMBERS.items()
}
_NUMBER_WORDS["es"] |= {
    "una": 1,
    "un": 1,
    "primero": 1,
    "primer": 1,
    "veintiuno": 21,
    "veintidos": 22,
    "veintitres": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiseis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
}
_NUMBER_WORDS["pt"] |= {
    "uma": 1,
    "duas": 2,
    "quatorze": 14,
    "primeiro": 1,
    "trinta": 30,
    "quarenta": 40,
    "cinquenta": 50,
}
_NUMBER_WORDS["en"] |= {"thirty": 30, "forty": 40, "fifty": 50}
_ORDINALS_EN = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]

# Ordinal day words, read only before "de <month>" ("segundo de agosto"): elsewhere
# "segundo" is a second and "cuarto" a quarter.
_ORDINAL_DAYS = {
    "es": [
        "primero",
        "segundo",
        "tercero",
        "cuarto",
        "quinto",
        "sexto",
        "septimo",
        "octavo",
        "noveno",
        "decimo",
    ],
    "pt": [
        "primeiro",
        "segundo",
        "terceiro",
        "quarto",
        "quinto",
        "sexto",
        "setimo",
        "oitavo",
        "nono",
        "decimo",
    ],
}

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
_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
}
_MONTH_NUMBER: dict[str, int] = {"sept": 9, "setiembre": 9}
_MONTH_ABBREVIATIONS: dict[str, set[str]] = {}
for _lang_code, _words in _MONTHS.items():
    _MONTH_ABBREVIATIONS[_lang_code] = set()
    for _index, _word in enumerate(_words.split(), start=1):
        _MONTH_NUMBER[_word] = _index
        if len(_word) > 4:
            _MONTH_NUMBER.setdefault(_word[:3], _index)
            _MONTH_ABBREVIATIONS[_lang_code].add(_word[:3])
_MONTH_ABBREVIATIONS["en"] |= {"sept", "jun", "jul"}
_MONTH_NUMBER |= {"jun": 6, "jul": 7}
_FULL_MONTHS = {w for words in _MONTHS.values() for w in words.split()}
# Abbreviations only in their own language: "set" is September in Portuguese, a verb in English.
_MONTH_RE_BY_LANG = {
    lang: "|".join(sorted(_FULL_MONTHS | _MONTH_ABBREVIATIONS[lang], key=len, reverse=True))
    for lang in _MONTHS
}


def _lang(language: str) -> str:
    return "pt" if language.lower().startswith("pt") else language.lower()[:2]


def normalize(text: str) -> str:
    """Fold case and accents, keep the punctuation dates and times are made of."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("º", "o").replace("ª", "a"))
    s = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    s = re.sub(r"\b([ap])\s?\.\s?m\b\s?\.?", r"\1m", s)
    s = re.sub(r"\b(\d{1,2})\s+([ap])\s+m\b", r"\1\2m", s)
    s = re.sub(r"\b(\d{1,2})\s?ish\b", r"around \1", s)
    s = re.sub(r"(\w)ish\b", r"\1", s)
    s = re.sub(r"\b(\d{1,2})(\d\d)\s*([ap]m)\b", r"\1:\2\3", s)
    s = re.sub(r"\b([a-z]{3,9})(\d{1,2})\b", _split_month_number, s)  # "dec31"
    s = re.sub(r"\b(\d{1,2})[.-](\d{1,2})[.-](\d{2,4})\b", r"\1/\2/\3", s)
    s = re.sub(r"\b(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\b", _year_first, s)
    # Year-first dates written without separators or with spaces: "20161016", "2016 10 16".
    s = re.sub(r"\b((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b", r"\1/\2/\3", s)
    s = re.sub(r"\b((?:19|20)\d\d) (0?[1-9]|1[0-2]) (0?[1-9]|[12]\d|3[01])\b", _year_first, s)
    # "10/1/2018-10/7/2018", "28/2-1/3": a dash between two dates is a range.
    s = re.sub(r"\b(\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*-\s*(?=\d{1,2}/\d)", r"\1 to ", s)
    s = re.sub(r"(?<=[a-z])[/-](?=\d)|(?<=\d)[/-](?=[a-z])", " ", s)
    s = re.sub(r"(\d)\s?[.h:]\s?(\d\d)(?!\d)", r"\1:\2", s)
    s = re.sub(r"(\d)\s?p\b", r"\1pm", s)
    s = re.sub(r"(\d)\.?(st|nd|rd|th|o|a|er|ro)\b", r"\1", s)
    s = re.sub(r"[^\w:/\s]", " ", s.replace("-", " "))
    s = re.sub(r"(?<!\d):|:(?!\d)", " ", s)
    s = re.sub(r"\b(\d{1,2}/\d{1,2}) ((?:19|20)\d\d)\b", r"\1/\2", s)  # "5/7, 2020"
    return " ".join(s.split())


def _year_first(m: re.Match[str]) -> str:
    return f"{m.group(1)}/{int(m.group(2)):02d}/{int(m.group(3)):02d}"


def _split_month_number(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2)}" if m.group(1) in _MONTH_NUMBER else m.group(0)


# Number words safe to read whatever the detected language (no clash with other words).
_SHARED_NUMBERS = {
    w: n
    for lang_words in _NUMBER_WORDS.values()
    for w, n in lang_words.items()
    if w
    not in (
        "once",
        "dos",
        "one",
        "a",
        "an",
        "un",
        "una",
        "um",
        "uma",
        "primero",
        "primer",
        "primeiro",
        "doce",
        "sete",
    )
}


_NUMBER_WORDS["en"].pop("one")  # "book one for Friday": only a number next to a time word


def _numbers_to_digits(s: str, lang: str) -> str:
    s = re.sub(r"\bone\b(?=\s*(?:am|pm|o ?clock|thirty|fifteen|forty|fifty|in the|at night|:|\d))", "1", s)
    s = re.sub(r"(?:(?<=\bat )|(?<=\bto ))one\b", "1", s)
    words = _SHARED_NUMBERS | _NUMBER_WORDS.get(lang, {})
    tokens = s.split()
    out = []
    for token in tokens:
        if token in words:
            out.append(str(words[token]))
        elif lang == "en" and token in _ORDINALS_EN:
            out.append(str(_ORDINALS_EN.index(token) + 1))
        else:
            out.append(token)
    s = " ".join(out)
    if lang == "en":
        s = re.sub(r"\b([2-5]0) (\d)\b", lambda m: str(int(m.group(1)) + int(m.group(2))), s)
    if lang in ("es", "pt"):
        s = re.sub(r"\b([2-5]0) (?:y|e) (\d)\b", lambda m: str(int(m.group(1)) + int(m.group(2))), s)
    return s


_TENS = {
    "en": "twenty thirty forty fifty sixty seventy eighty ninety",
    "es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "pt": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
}
_TEN_WORDS = {lang: {w: 20 + 10 * i for i, w in enumerate(words.split())} for lang, words in _TENS.items()}
_HUNDREDS = {
    "es": {"mil": 1000, "novecientos": 900, "ochocientos": 800, "setecientos": 700},
    "pt": {"mil": 1000, "novecentos": 900, "oitocentos": 800, "setecentos": 700},
}
_MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_FULL_MONTHS | {"sept", "jun", "jul"}, key=len, reverse=True)) + r")\b"
)
# en dotted month.day ("friday 7.6", "5.12"); not a clock time ("at 5.30", "5.30 pm").
_DOTTED_EN = re.compile(
    r"(?<!\d)(?<!\d\.)(?<![$€£])(?<!at )(?<!around )(?<!by )(?<!@)(1[0-2]|0?[1-9])\.([12]\d|3[01]|0?[1-9])(?![.\d])"
    r"(?!\s*(?:[ap]\.?\s?m\b|h\b|hrs?\b|hours|o.?clock))"
)


_UNITS = {lang: words | ({"one": 1} if lang == "en" else {}) for lang, words in _NUMBER_WORDS.items()}


def _below_hundred(tokens: list[str], i: int, lang: str) -> tuple[int, int]:
    """(value, tokens used) of a spelled number 1-99 at tokens[i]; (0, 0) when there is none."""
    units = _UNITS[lang]
    if i >= len(tokens):
        return 0, 0
    token = tokens[i]
    if token in _TEN_WORDS[lang]:
        tens = _TEN_WORDS[lang][token]
        joiner = 1 if i + 1 < len(tokens) and tokens[i + 1] in ("y", "e", "and") else 0
        unit = units.get(tokens[i + 1 + joiner], 0) if i + 1 + joiner < len(tokens) else 0
        return (tens + unit, 2 + joiner) if 1 <= unit <= 9 else (tens, 1)
    if token in units and units[token] < 30:
        return units[token], 1
    return 0, 0


def _years_to_digits(s: str, lang: str) -> str:
    """Spelled-out years as digits: "nineteen eighty six", "two thousand and thirty two",
    "dos mil dieciocho", "mil novecientos noventa y dos", "dois mil e vinte e sete"."""
    if lang not in _TENS:
        return s
    tokens = s.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        year, used = _spelled_year(tokens, i, lang)
        if used:
            out.append(str(year))
            i += used
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def _spelled_year(tokens: list[str], i: int, lang: str) -> tuple[int, int]:
    if lang == "en":
        if tokens[i : i + 2] == ["two", "thousand"]:
            j = i + 2 + (tokens[i + 2 : i + 3] == ["and"])
            rest, used = _below_hundred(tokens, j, lang)
            return 2000 + rest, j - i + used
        century, used = _below_hundred(tokens, i, lang)
        # "nineteen eighty six" only right after a month or day ("13 sept nineteen seventy
        # two"), so that "at seven thirty" stays a time.
        if not (
            10 <= century <= 20 and used == 1 and _MONTH_WORD.search(" ".join(tokens[max(0, i - 3) : i]))
        ):
            return 0, 0
        j = i + 1
        if tokens[j : j + 1] == ["hundred"]:
            j += 1 + (tokens[j + 1 : j + 2] == ["and"])
            rest, more = _below_hundred(tokens, j, lang)
            return century * 100 + rest, j - i + more
        rest, more = _below_hundred(tokens, j, lang)
        return (century * 100 + rest, j - i + more) if rest >= 10 else (0, 0)
    hundreds = _HUNDREDS[lang]
    j = i
    if tokens[j : j + 2] in (["dos", "mil"], ["dois", "mil"]):
        total, j = 2000, j + 2
    elif tokens[j : j + 1] == ["mil"]:
        total, j = 1000, j + 1
    else:
        return 0, 0
    if j < len(tokens) and tokens[j] in hundreds and hundreds[tokens[j]] < 1000:
        total += hundreds[tokens[j]]
        j += 1
    j += tokens[j : j + 1] == ["e"]
    rest, used = _below_hundred(tokens, j, lang)
    return total + rest, j - i + used


# --------------------------------------------------------------------------- time of day

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
class _Clock:
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


def _find_clock(s: str) -> _Clock | None:
    for kind, pattern in _TIME_RES:
        for m in pattern.finditer(s):
            clock = _clock_from(kind, m)
            if clock is not None:
                return clock
    if m := _NOON.search(s):
        return _Clock(12, 0, True, m.span())
    if m := _MIDNIGHT.search(s):
        return _Clock(0, 0, True, m.span())
    return None


def _clock_from(kind: str, m: re.Match[str]) -> _Clock | None:
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
    return _Clock(hour % 24, minute, explicit, m.span(), second if second < 60 else 0)


def _find_period(s: str) -> tuple[Period, tuple[int, int]] | None:
    for pattern, period in _PERIOD_PATTERNS:
        if m := pattern.search(s):
            return period, m.span()
    return None


def _hour_readings(clock: _Clock, period: Period | None) -> list[time]:
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


# --------------------------------------------------------------------------- days


@dataclass(frozen=True)
class _Day:
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


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def _next_day_number(day_number: int, today: date, past: bool = False) -> date | None:
    """The next such day of the month not before today; with `past`, the last one not after."""
    month_start = date(today.year, today.month, 1)
    for offset in range(0, 13):
        first = _add_months(month_start, -offset if past else offset)
        candidate = _safe_date(first.year, first.month, day_number)
        if candidate and (candidate <= today if past else candidate >= today):
            return candidate
    return None


def _shift_date(day: date, count: int, unit: str) -> date:
    """`day` moved by `count` days, weeks, months or years (a month end clips: Jan 31 + 1 month)."""
    if unit.startswith(("day", "dia")):
        return day + timedelta(days=count)
    if unit.startswith(("week", "semana")):
        return day + timedelta(weeks=count)
    months = 12 * count if unit.startswith(("year", "ano")) else count
    first = _add_months(day, months)
    return _safe_date(first.year, first.month, day.day) or _add_months(first, 1) - timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(year: int, today: date, past: bool = False) -> int:
    """A two-digit year in the century that makes sense: "5/7/27" is 2027, "03/18/40" is 1940
    (more than ten years ahead reads as the last century); with `past`, never after today."""
    if year >= 100:
        return year
    year += 2000
    return year - 100 if year > today.year + (0 if past else 10) else year


def _month_day(month: int, day: int, year: int | None, today: date, past: bool = False) -> _Day | None:
    if year is not None:
        d = _safe_date(_full_year(year, today, past), month, day)
        return None if d is None else _Day(d)
    for shift in range(5):
        d = _safe_date(today.year + (-shift if past else shift), month, day)
        if d is not None and (d <= today if past else d >= today):
            return _Day(d)
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
_INSTANT = re.compile(
    r"^(?:right now|now|ahora|ahora mismo|agora|agora mesmo|at present|at the moment|at this time|"
    r"at the present time|at the minute|en este momento|neste momento|nesse momento)$"
    r"|\b(?:in|within|en|dentro de|daqui a|daqui|em)\s+(\d{1,3}|an|a|una|un|uma|um|half an)\s+"
    r"(minutes?|mins?|minutos?|hours?|horas?|h)\b"
    r"|\b(\d{1,3}|an|a|half an|una|un|uma|um)\s+(minutes?|mins?|minutos?|hours?|horas?)\s+"
    r"(?:from now|a partir de ahora|a partir de agora|later|despues|depois|mas tarde|mais tarde)\b"
)
_AGO_DAYS = re.compile(
    r"\b(\d{1,2}|a|an|un|una|uma|um)\s+(days?|weeks?|months?|years?|dias?|semanas?|meses|mes|anos?)\s+"
    r"(?:ago|atras)\b"
    r"|\b(?:hace|ha|faz)\s+(\d{1,2}|una|un|uma|um)\s+(dias?|semanas?|meses|mes|anos?)\b"
)
_AGO = re.compile(
    r"\b(?:hace|ha)\s+(\d{1,3}|una|un|uma|um)\s+(minutos?|horas?)\b"
    r"|\b(\d{1,3}|an|a)\s+(minutes?|mins?|hours?)\s+ago\b"
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
    for lang, months in _MONTH_RE_BY_LANG.items()
}
_MONTH_DAY_BY_LANG = {
    lang: re.compile(rf"\b({months})\s+(?:the\s+)?(\d{{1,2}})\b(?!:)(?:{_YEAR_AFTER})?")
    for lang, months in _MONTH_RE_BY_LANG.items()
}
_DAY_MONTH = _DAY_MONTH_BY_LANG["en"]
_MONTH_DAY = _MONTH_DAY_BY_LANG["en"]
_WEEKEND = re.compile(r"\b(weekend|fin de semana|finde|fim de semana)\b")


def _find_day(s: str, lang: str, today: date, past: bool = False) -> tuple[_Day, tuple[int, int]] | None:
    hits: list[tuple[_Day, tuple[int, int]]] = []
    s_tomorrow = s
    if lang == "es" or "manana" in s:
        s_tomorrow = _MANANA_TOMORROW.sub("amanha", s)
    for pattern, offset in _RELATIVE_RES:
        if m := pattern.search(s_tomorrow):
            d = today + timedelta(days=offset)
            hits.append((_Day(d), m.span()))
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
            d = _safe_date(base.year + count, base.month, base.day) or base.replace(
                day=28, year=base.year + count
            )
        else:
            month = _add_months(base, count)
            d = _safe_date(month.year, month.month, base.day) or month
        hits.append((_Day(d), m.span()))
    for m in _AGO_DAYS.finditer(s):
        count_raw = m.group(1) or m.group(3)
        count = int(count_raw) if count_raw.isdigit() else 1
        hits.append((_Day(_shift_date(today, -count, m.group(2) or m.group(4))), m.span()))
    if m := _NEXT_N_DAYS.search(s):
        count = int(m.group(1) or m.group(2))
        hits.append((_Day(today + timedelta(days=1), end=today + timedelta(days=count + 1)), m.span()))
    if (m := _LAST_WEEK.search(s)) and not _WEEKDAY_RES[lang].search(s):
        monday = today - timedelta(days=today.weekday() + 7)
        hits.append((_Day(monday, end=monday + timedelta(days=7), label="week"), m.span()))
    for m in _DAY_MONTH_BY_LANG[lang].finditer(s):
        year = _int(m.group(3) or m.group(4) or m.group(5))
        if found := _month_day(_MONTH_NUMBER[m.group(2)], int(m.group(1)), year, today, past):
            hits.append((replace(found, label="explicit"), m.span()))
    for m in _MONTH_DAY_BY_LANG[lang].finditer(s):
        year = _int(m.group(3) or m.group(4) or m.group(5))
        if found := _month_day(_MONTH_NUMBER[m.group(1)], int(m.group(2)), year, today, past):
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
            d := _weekday_with_number(_WEEKDAY_INDEX[lang][m.group(1)], int(dated.group(1)), today, past)
        ):
            hits.append((_Day(d), (m.start(), m.end() + dated.end())))
        else:
            hits.append((_weekday(m, s, lang, today, past), m.span()))
    if weekday_matches:
        pass
    elif m := re.search(rf"\b{_NEXT_WEEK}\b", s):
        monday = today + timedelta(days=7 - today.weekday())
        hits.append((_Day(monday, end=monday + timedelta(days=7), label="week"), m.span()))
    elif m := re.search(rf"\b{_THIS_WEEK}\b", s):
        monday = today + timedelta(days=7 - today.weekday())
        hits.append((_Day(today, end=monday, label="week"), m.span()))
    elif m := _WEEKEND.search(s):
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        start = max(saturday, today)
        hits.append((_Day(start, end=saturday + timedelta(days=2), label="weekend"), m.span()))
    for m in _DAY_OF_NEXT_MONTH.finditer(s):
        month = _add_months(today, 1)
        if d := _safe_date(month.year, month.month, int(m.group(1))):
            hits.append((_Day(d, label="explicit"), m.span()))
    for m in _DAY_NUMBER.finditer(s):
        number = int(next(g for g in m.groups() if g))
        if 1 <= number <= 31 and (d := _next_day_number(number, today, past)):
            hits.append((_Day(d), m.span()))
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
    kept: list[tuple[_Day, tuple[int, int]]] = []
    # An explicit date ("9 de mayo") beats a weekday reading of its number ("martes 9").
    ordered = sorted(whole, key=lambda h: (h[0].label != "explicit", h[1][0], -(h[1][1] - h[1][0])))
    for hit in ordered:
        if not any(hit[1][0] < k[1][1] and k[1][0] < hit[1][1] for k in kept):
            kept.append(hit)
    return max(kept, key=lambda hit: (hit[1][0], hit[1][1] - hit[1][0]))


def _weekday_with_number(weekday: int, number: int, today: date, past: bool = False) -> date | None:
    """The next date on that day of the month that falls on that weekday ("Friday the 13th");
    with `past`, the last one."""
    month_start = date(today.year, today.month, 1)
    for offset in range(0, 28):
        first = _add_months(month_start, -offset if past else offset)
        candidate = _safe_date(first.year, first.month, number)
        if (
            candidate
            and (candidate <= today if past else candidate >= today)
            and candidate.weekday() == weekday
        ):
            return candidate
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _numeric_date(m: re.Match[str], lang: str, today: date, past: bool = False) -> _Day | None:
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


def _weekday(m: re.Match[str], s: str, lang: str, today: date, past: bool = False) -> _Day:
    target = _WEEKDAY_INDEX[lang][m.group(1)]
    before, after = s[: m.start()], s[m.end() :]
    ahead = (target - today.weekday()) % 7
    upcoming = today + timedelta(days=ahead)
    next_week_monday = today + timedelta(days=7 - today.weekday())
    in_next_week = next_week_monday + timedelta(days=target)
    if re.search(r"\b(this past|past|este pasado|esse passado|este passado)\s+$", before) or (
        re.search(r"\b(este|esta|esse|essa)\s+$", before) and _LAST_AFTER.search(after)
    ):
        return _Day(today - timedelta(days=(today.weekday() - target) % 7 or 7))
    if _LAST_WEEK.search(s):
        return _Day(today - timedelta(days=today.weekday() + 7 - target))
    if re.search(
        r"\b(this coming|coming|este proximo|esta proxima|esse proximo|essa proxima|this next)\s+$",
        before,
    ):
        return _Day(today + timedelta(days=ahead or 7))
    if _LAST_BEFORE.search(before) or _LAST_AFTER.search(after):
        return _Day(today - timedelta(days=today.weekday() + 7 - target))
    if re.search(rf"\b{_NEXT_WEEK}\b", s) or _NEXT_AFTER.search(after):
        return _Day(in_next_week)
    if _NEXT_BEFORE.search(before):
        first_after_today = today + timedelta(days=ahead or 7)
        if first_after_today != in_next_week:
            return _Day(in_next_week, alternatives=(first_after_today,))
        return _Day(in_next_week)
    if re.search(rf"\b{_THIS_WEEK}\b", s):
        in_this_week = today + timedelta(days=target - today.weekday())
        return _Day(in_this_week)
    if _THIS_BEFORE.search(before):
        return _Day(upcoming)
    if past:
        return _Day(today - timedelta(days=(today.weekday() - target) % 7))
    if ahead == 0 and not re.search(r"\b(today|hoy|hoje)\b", s):
        # Said on that very weekday: today, or a week from today.
        return _Day(today, alternatives=(today + timedelta(days=7),))
    return _Day(upcoming)


# --------------------------------------------------------------------------- windows

_AFTER = re.compile(
    r"\b(after|from|since|despues de|desde|a partir de|a partir das|depois de|depois das|"
    r"apos|later than|no earlier than|starting)\b"
)
_BEFORE = re.compile(
    r"\b(before|until|till|no later than|antes de|antes del|antes das|antes do|"
    r"hasta|ate|ate as)\b"
)
_BETWEEN = re.compile(
    r"\b(?:between|entre|from|de|desde|das)\s+(?:las\s+|as\s+)?(\d{1,2})(?::(\d\d))?\s*(am|pm)?\s+"
    r"(?:and|to|y|e|a|hasta|ate|-)\s+(?:las\s+|as\s+)?(\d{1,2})(?::(\d\d))?\s*(am|pm)?\b"
)


def resolve(
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
    lang = _lang(language)
    text = expression_or_text
    if lang == "en":
        text = _DOTTED_EN.sub(r"\1/\2", text)
    s = _numbers_to_digits(_years_to_digits(normalize(text), lang), lang)
    if not s:
        return None
    today = now.date()
    s = re.sub(r"\b(\d{1,2})\s+([ap])\s+m\b", r"\1\2m", s)
    s = re.sub(r"\b(a|one|1) fortnight\b|\bfortnight\b", "2 weeks", s)
    s = re.sub(r"\b(\d{1,2}) day of (?=[a-z])", r"\1 of ", s)
    if lang in _ORDINAL_DAYS:
        s = re.sub(
            rf"\b({'|'.join(_ORDINAL_DAYS[lang])}) de (?=(?:{_MONTH_RE_BY_LANG[lang]})\b)",
            lambda m: f"{_ORDINAL_DAYS[lang].index(m.group(1)) + 1} de ",
            s,
        )
    if m := _INSTANT.search(s):
        return _instant(m, expression_or_text.strip(), now)
    if m := _AGO.search(s):
        count = int(m.group(1) or m.group(3)) if (m.group(1) or m.group(3) or "").isdigit() else 1
        unit = m.group(2) or m.group(4)
        ago = now - (timedelta(hours=count) if unit.startswith(("h", "hora")) else timedelta(minutes=count))
        return TimeResolution(
            expression_or_text.strip(), ago, ago, ago.date(), ago.time(), None, "time", past=True
        )
    if composed := _composed(
        s, expression_or_text.strip(), language=language, now=now, zone=zone, prefer=prefer
    ):
        return composed
    found_day = _find_day(s, lang, today, prefer == "past")
    rest = s
    if found_day:
        a, b = found_day[1]
        rest = s[:a] + " " * (b - a) + s[b:]
    between = _BETWEEN.search(rest)
    clock = None if between else _find_clock(rest)
    if clock is None and not between and found_day:
        whole = _find_clock(s)
        if whole and (whole.span[1] <= found_day[1][0] or whole.span[0] >= found_day[1][1]):
            clock = whole
    found_period = _find_period(s)
    period = found_period[0] if found_period else None
    if period is None and re.search(r"\btonight\b|\besta noche\b|\bhoje a noite\b", s):
        period = Period.EVENING
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
        t1 = _hour_readings(_Clock(h1 % 24, m1, between.group(3) is not None or h1 >= 13, (0, 0)), period)[0]
        t2 = _hour_readings(_Clock(h2 % 24, m2, between.group(6) is not None or h2 >= 13, (0, 0)), period)[0]
        if between.group(3) == "pm" and h1 < 12:
            t1 = time(h1 + 12, m1)
        if between.group(6) == "pm" and h2 < 12:
            t2 = time(h2 + 12, m2)
        if t2 <= t1 and t2.hour < 12:
            t2 = time(t2.hour + 12, t2.minute)
        d = day_info.day if day_info else (today if at(today, t2) > now else today + timedelta(days=1))
        return _finish(expression, at(d, t1), at(d, t2), d, None, period, "range", day_info, now, tz)

    if clock:
        readings = _hour_readings(clock, period)
        window = _window_before(rest, clock.span[1])
        d0 = today if day_info is None else day_info.day
        t = readings[0]
        if window == "after":
            end_d = d0
            start = at(d0, t)
            if day_info is None and start + timedelta(hours=1) <= now:
                d0 = end_d = today + timedelta(days=1)
                start = at(d0, t)
            return _finish(
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
        if window == "before":
            if day_info is None and at(d0, t) <= now:
                d0 = today + timedelta(days=1)
            return _finish(expression, day_start(d0), at(d0, t), d0, None, period, "range", day_info, now, tz)
        if day_info is None:
            # A bare time is the next such time: today if still ahead, else tomorrow.
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
        return _past(res, now)

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
_HOLIDAY = re.compile(
    r"^(?:(next|following|last|previous|this|el proximo|la proxima|el pasado|el|la|o|a|the)\s+)?"
    r"(?:dia de |dia del |dia de la |day of )?(" + "|".join(_HOLIDAYS) + r")(?:\s+day)?"
    r"(?:\s+(?:of\s+|de\s+|del\s+)?(\d{4}|this year|este ano|next year|last year))?$"
)


def _holiday(m: re.Match[str], lang: str, today: date) -> tuple[date, bool] | None:
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


def _composed(
    s: str, expression: str, *, language: str, now: datetime, zone: str, prefer: str = "future"
) -> TimeResolution | None:
    """Expressions built on another one: "3 days after January 12th", "the week of the 18th"."""
    tz = ZoneInfo(zone)
    today = now.date()
    if found := _any_order_date(s):
        start = datetime.combine(found, time(0), tzinfo=tz)
        return _past(TimeResolution(expression, start, start + timedelta(days=1), found), now)
    if m := _BUSINESS_DAYS.match(s):
        days = _business_days(today, int(m.group(2)), backwards=m.group(1) in _BACKWARDS)
        start = datetime.combine(days[0], time(0), tzinfo=tz)
        end = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=tz)
        res = TimeResolution(expression, start, end, days[0], None, None, "range")
        return _past(res, now)
    if m := _WORK_WEEK.match(s):
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=0 if m.group(1) in _THIS else 1)
        start = datetime.combine(monday, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=5), monday, None, None, "range")
        return _past(res, now)
    if (m := _HOLIDAY_WEEKEND.match(s)) and (
        h := _HOLIDAY.match(m.group(1) or m.group(2) + (m.group(3) or ""))
    ):
        found = _holiday(h, _lang(language), today)
        if found:
            first, last = _long_weekend(found[0])
            start = datetime.combine(first, time(0), tzinfo=tz)
            end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
            return _past(TimeResolution(expression, start, end, first, None, None, "range"), now)
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
            shifted = _safe_date(day.year + sign * count, day.month, day.day) or day.replace(day=28)
        else:
            month = _add_months(day, sign * count)
            shifted = _safe_date(month.year, month.month, day.day) or month
        start = datetime.combine(shifted, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=1), shifted, None, None, "day")
        return _past(res, now)
    if m := _WEEK_OF.match(s):
        anchor = f"the {m.group(1)}" if re.fullmatch(r"\d{1,2}", m.group(1)) else m.group(1)
        base = resolve(anchor, language=language, now=now, zone=zone, prefer=prefer)
        if base is None or base.start is None:
            return None
        day = base.day or base.start.date()
        monday = day - timedelta(days=day.weekday())
        start = datetime.combine(monday, time(0), tzinfo=tz)
        res = TimeResolution(expression, start, start + timedelta(days=7), monday, None, None, "range")
        return _past(res, now)
    if (m := _DATE_RANGE.match(s)) and (
        span := _date_range(m, language=language, now=now, zone=zone, prefer=prefer)
    ):
        first, last = span
        start = datetime.combine(first, time(0), tzinfo=tz)
        # Inclusive: "from Monday to Friday" includes Friday.
        end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
        return _past(TimeResolution(expression, start, end, first, None, None, "range"), now)
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
        return _past(TimeResolution(expression, at, at, day, time(23, 59, 59), None, "time"), now)
    if m := _HOLIDAY.match(s):
        found = _holiday(m, _lang(language), today)
        if found:
            start = datetime.combine(found[0], time(0), tzinfo=tz)
            res = TimeResolution(expression, start, start + timedelta(days=1), found[0], None, None, "day")
            return _past(res, now)
    if m := _WEEK_NUMBER.match(s):
        year_word = m.group(2) or "this year"
        year = int(year_word) if year_word.isdigit() else today.year + _YEAR_WORD_SHIFT[year_word]
        try:
            monday = date.fromisocalendar(year, int(m.group(1)), 1)
        except ValueError:
            return None
        start = datetime.combine(monday, time(0), tzinfo=tz)
        return _past(
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
            month = _add_months(today, count)
            later = _safe_date(month.year, month.month, today.day) or month
        start = datetime.combine(later, time(0), tzinfo=tz)
        return TimeResolution(expression, start, start + timedelta(days=1), later, None, None, "day")
    if m := _NTH_WEEK.match(s):
        return _nth_week(m, expression, language=language, now=now, zone=zone, prefer=prefer)
    if m := _SPAN_FROM.match(s):
        base = resolve(m.group(3), language=language, now=now, zone=zone, prefer=prefer)
        if base is not None and base.start is not None:
            first = base.day or base.start.date()
            count = int(m.group(1)) if m.group(1).isdigit() else 1
            days = count * (7 if m.group(2).startswith(("week", "semana")) else 1)
            start = datetime.combine(first, time(0), tzinfo=tz)
            res = TimeResolution(expression, start, start + timedelta(days=days), first, None, None, "range")
            return _past(res, now)
    if (m := _YEAR_FIRST.match(s)) and (m.group(2) or m.group(5)) in _MONTH_NUMBER:
        month = _MONTH_NUMBER[m.group(2) or m.group(5)]
        found = _safe_date(int(m.group(1)), month, int(m.group(3) or m.group(4)))
        if found:
            start = datetime.combine(found, time(0), tzinfo=tz)
            return _past(TimeResolution(expression, start, start + timedelta(days=1), found), now)
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


def _long_weekend(holiday: date) -> tuple[date, date]:
    """The weekend a holiday belongs to, holiday included: Thursday or Friday runs to Sunday,
    Monday starts on the Saturday before, a weekend day is its own weekend."""
    weekday = holiday.weekday()
    if weekday in (3, 4):
        return holiday, holiday + timedelta(days=6 - weekday)
    if weekday == 0:
        return holiday - timedelta(days=2), holiday
    saturday = holiday + timedelta(days=5 - weekday) if weekday < 5 else holiday - timedelta(days=weekday - 5)
    return min(saturday, holiday), saturday + timedelta(days=1)


def _any_order_date(s: str) -> date | None:
    """A month name, a four-digit year and a day number in any order: "september 2020 23",
    "2020/23/sep", "23 2020 september". None unless the expression is just those three."""
    tokens = [t for t in re.split(r"[\s/]+", s) if t not in ("de", "del", "of", "the")]
    if len(tokens) != 3:
        return None
    months = [t for t in tokens if t in _MONTH_NUMBER]
    years = [t for t in tokens if re.fullmatch(r"\d{4}", t)]
    days = [t for t in tokens if re.fullmatch(r"\d{1,2}", t)]
    if len(months) != 1 or len(years) != 1 or len(days) != 1:
        return None
    return _safe_date(int(years[0]), _MONTH_NUMBER[months[0]], int(days[0]))


def _nth_week(
    m: re.Match[str], expression: str, *, language: str, now: datetime, zone: str, prefer: str = "future"
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
            first = _add_months(now.date().replace(day=1), 1)
        elif rest in (
            "last month",
            "the last month",
            "el mes pasado",
            "mes pasado",
            "o mes passado",
            "mes passado",
        ):
            first = _add_months(now.date().replace(day=1), -1)
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
            last_day = _add_months(first, 1) - timedelta(days=1)
            monday = last_day - timedelta(days=(last_day.weekday() - 3) % 7 + 3)
        else:
            first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
            monday = first_thursday - timedelta(days=3) + timedelta(weeks=_NTH[which] - 1)
    start = datetime.combine(monday, time(0), tzinfo=tz)
    return _past(
        TimeResolution(expression, start, start + timedelta(days=7), monday, None, None, "range"),
        now,
    )


def _date_range(
    m: re.Match[str], *, language: str, now: datetime, zone: str, prefer: str = "future"
) -> tuple[date, date] | None:
    left, right = m.group(1), m.group(2)
    if re.fullmatch(r"\d{1,2}", left) and (number := re.match(r"(\d{1,2})\b", right)):
        left = left + right[number.end() :]  # "9 a 12 de junio": the month is shared
    if re.fullmatch(r"\d{1,2}(:\d\d)?\s*(am|pm)?", left):
        return None  # "between 2 and 4" is a time window
    anchor = now
    year = re.search(r"\b((?:19|20)\d\d)$", right)
    if year and not re.search(r"\b(?:19|20)\d\d\b", left) and (_MONTH_WORD.search(left) or "/" in left):
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


def _instant(m: re.Match[str], expression: str, now: datetime) -> TimeResolution:
    count_raw = m.group(1) or m.group(3)
    unit = m.group(2) or m.group(4) or ""
    delta = timedelta(0)
    if count_raw:
        if count_raw == "half an":
            delta = timedelta(minutes=30)
        else:
            count = int(count_raw) if count_raw.isdigit() else 1
            delta = timedelta(hours=count) if unit.startswith(("h", "hora")) else timedelta(minutes=count)
    at = now + delta
    return TimeResolution(expression, at, at, at.date(), at.time(), None, "time")


def _window_before(s: str, position: int) -> str | None:
    head = s[max(0, position - 30) : position]
    after = list(_AFTER.finditer(head))
    before = list(_BEFORE.finditer(head))
    last_after = after[-1].end() if after else -1
    last_before = before[-1].end() if before else -1
    if last_after < 0 and last_before < 0:
        return None
    return "after" if last_after > last_before else "before"


def _window_word(s: str) -> str | None:
    if re.search(
        r"\b(antes del?|before|antes da|antes do)\s+(?:el |la |o |a )?(?:mediodia|noon|meio dia)", s
    ):
        return "before"
    return None


def _with_alternatives(
    res: TimeResolution,
    day_info: _Day | None,
    tz: ZoneInfo,
    readings: list[time],
    clock: _Clock,
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
    day_info: _Day | None,
    now: datetime,
    tz: ZoneInfo,
) -> TimeResolution:
    res = TimeResolution(expression, start, end, d, t, period, granularity)
    if day_info and day_info.alternatives:
        options = [Reading(start, end, str(d))]
        for alt in day_info.alternatives:
            shift = datetime.combine(alt, time(0), tzinfo=tz) - datetime.combine(d or alt, time(0), tzinfo=tz)
            options.append(Reading(start + shift, end + shift, str(alt)))
        res = replace(res, ambiguous=True, readings=options)
    return _past(res, now)


def _past(res: TimeResolution, now: datetime) -> TimeResolution:
    assert res.start is not None and res.end is not None
    if res.granularity == "time":
        return replace(res, past=True) if res.start < now else res
    if res.end <= now:
        return replace(res, past=True)
    if res.start < now:
        return replace(res, start=now)
    return res
