"""Normalisation of a message before dates are read, month names and number words."""

import re
import unicodedata

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
ORDINAL_DAYS = {
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


_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
}
MONTH_NUMBER: dict[str, int] = {"sept": 9, "setiembre": 9}
_MONTH_ABBREVIATIONS: dict[str, set[str]] = {}
for _lang_code, _words in _MONTHS.items():
    _MONTH_ABBREVIATIONS[_lang_code] = set()
    for _index, _word in enumerate(_words.split(), start=1):
        MONTH_NUMBER[_word] = _index
        if len(_word) > 4:
            MONTH_NUMBER.setdefault(_word[:3], _index)
            _MONTH_ABBREVIATIONS[_lang_code].add(_word[:3])
_MONTH_ABBREVIATIONS["en"] |= {"sept", "jun", "jul"}
MONTH_NUMBER |= {"jun": 6, "jul": 7}
_FULL_MONTHS = {w for words in _MONTHS.values() for w in words.split()}
# Abbreviations only in their own language: "set" is September in Portuguese, a verb in English.
MONTH_RE_BY_LANG = {
    lang: "|".join(sorted(_FULL_MONTHS | _MONTH_ABBREVIATIONS[lang], key=len, reverse=True))
    for lang in _MONTHS
}


def lang_key(language: str) -> str:
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
    return f"{m.group(1)} {m.group(2)}" if m.group(1) in MONTH_NUMBER else m.group(0)


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


def numbers_to_digits(s: str, lang: str) -> str:
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
MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_FULL_MONTHS | {"sept", "jun", "jul"}, key=len, reverse=True)) + r")\b"
)
# en dotted month.day ("friday 7.6", "5.12"); not a clock time ("at 5.30", "5.30 pm").
DOTTED_EN = re.compile(
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


def years_to_digits(s: str, lang: str) -> str:
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
        if not (10 <= century <= 20 and used == 1 and MONTH_WORD.search(" ".join(tokens[max(0, i - 3) : i]))):
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
