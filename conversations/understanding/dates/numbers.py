"""Normalisation of a message before dates are read, number words and spelled years."""

import re
import unicodedata

from conversations.understanding.dates.lexicon import ALL, BY_CODE, any_of, every
from conversations.understanding.dates.months import MONTH_NUMBER, MONTH_WORD
from conversations.understanding.languages import PACKS
from conversations.understanding.languages.date_words import DateWords

_REWRITES = [(re.compile(pattern), replacement) for words in ALL for pattern, replacement in words.rewrites]
_ORDINAL_SUFFIX = re.compile(rf"(\d)\.?({any_of('ordinal_suffixes')})\b")
# A dash between two dates is a range, written with the first pack's range word ("to").
_RANGE_WORD = every("range_to")[0]


def normalize(text: str) -> str:
    """Fold case and accents, keep the punctuation dates and times are made of."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("º", "o").replace("ª", "a"))
    s = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    s = re.sub(r"\b([ap])\s?\.\s?m\b\s?\.?", r"\1m", s)
    s = re.sub(r"\b(\d{1,2})\s+([ap])\s+m\b", r"\1\2m", s)
    for pattern, replacement in _REWRITES:
        s = pattern.sub(replacement, s)
    s = re.sub(r"\b(\d{1,2})(\d\d)\s*([ap]m)\b", r"\1:\2\3", s)
    s = re.sub(r"\b([a-z]{3,9})(\d{1,2})\b", _split_month_number, s)  # "dec31"
    s = re.sub(r"\b(\d{1,2})[.-](\d{1,2})[.-](\d{2,4})\b", r"\1/\2/\3", s)
    s = re.sub(r"\b(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\b", _year_first, s)
    # Year-first dates written without separators or with spaces: "20161016", "2016 10 16".
    s = re.sub(r"\b((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b", r"\1/\2/\3", s)
    s = re.sub(r"\b((?:19|20)\d\d) (0?[1-9]|1[0-2]) (0?[1-9]|[12]\d|3[01])\b", _year_first, s)
    # "10/1/2018-10/7/2018", "28/2-1/3": a dash between two dates is a range.
    s = re.sub(r"\b(\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*-\s*(?=\d{1,2}/\d)", rf"\1 {_RANGE_WORD} ", s)
    s = re.sub(r"(?<=[a-z])[/-](?=\d)|(?<=\d)[/-](?=[a-z])", " ", s)
    s = re.sub(r"(\d)\s?[.h:]\s?(\d\d)(?!\d)", r"\1:\2", s)
    s = re.sub(r"(\d)\s?p\b", r"\1pm", s)
    s = _ORDINAL_SUFFIX.sub(r"\1", s)
    s = re.sub(r"[^\w:/\s]", " ", s.replace("-", " "))
    s = re.sub(r"(?<!\d):|:(?!\d)", " ", s)
    s = re.sub(r"\b(\d{1,2}/\d{1,2}) ((?:19|20)\d\d)\b", r"\1/\2", s)  # "5/7, 2020"
    return " ".join(s.split())


def _year_first(m: re.Match[str]) -> str:
    return f"{m.group(1)}/{int(m.group(2)):02d}/{int(m.group(3)):02d}"


def _split_month_number(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2)}" if m.group(1) in MONTH_NUMBER else m.group(0)


def _all_numbers(words: DateWords) -> dict[str, int]:
    """Every number word of a pack: one to twenty, the variants, and the tens up to fifty
    (read alone for minutes: "ten fifty")."""
    numbers = {word: value for value, word in enumerate(words.numbers.split(), start=1)}
    numbers |= words.number_variants
    numbers |= {word: 20 + 10 * index for index, word in enumerate(words.tens.split()[1:4], start=1)}
    return numbers


_NUMBERS = {code: _all_numbers(words) for code, words in BY_CODE.items()}
_NOT_SHARED = set(every("numbers_own_language")) | set(every("numbers_only_in_context"))
# Number words safe to read whatever the detected language (no clash with other words).
_SHARED_NUMBERS = {
    word: value for numbers in _NUMBERS.values() for word, value in numbers.items() if word not in _NOT_SHARED
}
_OWN_NUMBERS = {
    code: {
        word: value
        for word, value in _NUMBERS[code].items()
        if word not in words.numbers_only_in_context.split()
    }
    for code, words in BY_CODE.items()
}
_READ_NUMBERS = {code: _SHARED_NUMBERS | own for code, own in _OWN_NUMBERS.items()}
# "book one for Friday": "one" is a number only next to a time word.
_IN_CONTEXT = [
    (re.compile(pattern), _NUMBERS[code])
    for code, words in BY_CODE.items()
    for pattern in words.number_contexts
]
_JOINED = [words for words in ALL if words.tens_and_units_joined]
_TENS_AND_UNITS = {
    code: re.compile(rf"\b([2-5]0) (?:{any_of('number_and', _JOINED)}) (\d)\b")
    if words.tens_and_units_joined
    else re.compile(r"\b([2-5]0) (\d)\b")
    for code, words in BY_CODE.items()
}


_ORDINALS_ANYWHERE = {
    pack.code: {word: n for n, forms in pack.ordinals.items() for word in forms}
    if pack.dates.ordinals_anywhere
    else {}
    for pack in PACKS
}


# The last word of every weekday spelling ("feira" in "segunda feira").
_WEEKDAY_ENDS = frozenset(spelling.split()[-1] for words in ALL for day in words.weekdays for spelling in day)
# Between a weekday and a spelled number: "lunes un dermatologo", "segunda uma consulta" and
# "Monday, first time visit" name no day number; "friday the first" and "martes 9" do.
NOT_A_DAY_NUMBER = "\u00b7"
# Articles that also mean one ("un", "uma"): a number only as an hour ("a la una", "às uma e
# meia") or a day of a month ("um jan"); counts read them as words ("en un dia").
_ARTICLES = frozenset(every("indefinite_articles"))
_HOUR_LEADS = frozenset(phrase.split()[-1] for phrase in every("clock_prepositions"))
_AND_WORDS = frozenset(every("number_and"))


def _a_number(before: list[str], after: list[str]) -> bool:
    return bool(set(before) & _HOUR_LEADS or set(after) & _AND_WORDS or any(w in MONTH_NUMBER for w in after))


def numbers_to_digits(s: str, code: str) -> str:
    """Spelled numbers as digits: "ten thirty" -> "10 30", "veinte y cinco" -> "25"."""
    for pattern, numbers in _IN_CONTEXT:
        s = pattern.sub(lambda m, numbers=numbers: str(numbers[m.group(0)]), s)
    words = _READ_NUMBERS[code]
    ordinals = _ORDINALS_ANYWHERE[code]
    out: list[str] = []
    tokens = s.split()
    for i, token in enumerate(tokens):
        spelled = words.get(token) or ordinals.get(token)
        if spelled and token in _ARTICLES and not _a_number(out[-1:], tokens[i + 1 : i + 2]):
            spelled = None  # "un chequeo", "uma consulta": an article; "a la una", "um jan" a number
        if spelled and out and out[-1] in _WEEKDAY_ENDS:
            out.append(NOT_A_DAY_NUMBER)
        out.append(str(spelled) if spelled else token)
    return _TENS_AND_UNITS[code].sub(lambda m: str(int(m.group(1)) + int(m.group(2))), " ".join(out))


_TEN_WORDS = {
    code: {word: 20 + 10 * index for index, word in enumerate(words.tens.split())}
    for code, words in BY_CODE.items()
}
_AND = set(every("number_and"))


def _below_hundred(tokens: list[str], i: int, code: str) -> tuple[int, int]:
    """(value, tokens used) of a spelled number 1-99 at tokens[i]; (0, 0) when there is none."""
    units = _NUMBERS[code]
    if i >= len(tokens):
        return 0, 0
    token = tokens[i]
    if token in _TEN_WORDS[code]:
        tens = _TEN_WORDS[code][token]
        joiner = 1 if i + 1 < len(tokens) and tokens[i + 1] in _AND else 0
        unit = units.get(tokens[i + 1 + joiner], 0) if i + 1 + joiner < len(tokens) else 0
        return (tens + unit, 2 + joiner) if 1 <= unit <= 9 else (tens, 1)
    if token in units and units[token] < 30:
        return units[token], 1
    return 0, 0


def _year_group(words: DateWords) -> list[DateWords]:
    # Languages that write years with hundreds words ("mil novecientos") read each other's
    # thousands and joiners: "dois mil e vinte" in a Spanish message too.
    return [other for other in ALL if other.year_hundreds] if words.year_hundreds else [words]


_THOUSANDS = {
    code: sorted(
        (
            (phrase.split(), value)
            for other in _year_group(words)
            for phrase, value in other.year_thousands.items()
        ),
        key=lambda item: -len(item[0]),
    )
    for code, words in BY_CODE.items()
}
_YEAR_AND = {code: set(every("year_and", _year_group(words))) for code, words in BY_CODE.items()}


def years_to_digits(s: str, code: str) -> str:
    """Spelled-out years as digits: "nineteen eighty six", "two thousand and thirty two",
    "dos mil dieciocho", "mil novecientos noventa y dos", "dois mil e vinte e sete"."""
    if not BY_CODE[code].tens:
        return s
    tokens = s.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        year, used = _spelled_year(tokens, i, code)
        if used:
            out.append(str(year))
            i += used
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def _spelled_year(tokens: list[str], i: int, code: str) -> tuple[int, int]:
    words = BY_CODE[code]
    for phrase, total in _THOUSANDS[code]:
        if tokens[i : i + len(phrase)] == phrase:
            j = i + len(phrase)
            if j < len(tokens) and tokens[j] in words.year_hundreds:
                total += words.year_hundreds[tokens[j]]
                j += 1
            j += j < len(tokens) and tokens[j] in _YEAR_AND[code]
            rest, used = _below_hundred(tokens, j, code)
            return total + rest, j - i + used
    if not words.year_in_pairs:
        return 0, 0
    century, used = _below_hundred(tokens, i, code)
    # "nineteen eighty six" only right after a month or day ("13 sept nineteen seventy
    # two"), so that "at seven thirty" stays a time.
    if not (10 <= century <= 20 and used == 1 and MONTH_WORD.search(" ".join(tokens[max(0, i - 3) : i]))):
        return 0, 0
    j = i + 1
    if words.year_hundred and tokens[j : j + 1] == [words.year_hundred]:
        j += 1 + (j + 1 < len(tokens) and tokens[j + 1] in _YEAR_AND[code])
        rest, more = _below_hundred(tokens, j, code)
        return century * 100 + rest, j - i + more
    rest, more = _below_hundred(tokens, j, code)
    return (century * 100 + rest, j - i + more) if rest >= 10 else (0, 0)


def _dotted(words: DateWords) -> re.Pattern[str] | None:
    """Dotted month.day ("friday 7.6", "5.12") in a language that writes it; not a clock
    time ("at 5.30", "5.30 pm")."""
    if not words.dotted_month_day:
        return None
    not_after = "".join(f"(?<!{word} )" for word in words.not_dotted_after.split())
    not_before = "|".join(words.not_dotted_before)
    return re.compile(
        rf"(?<!\d)(?<!\d\.)(?<![$€£]){not_after}(?<!@)(1[0-2]|0?[1-9])\.([12]\d|3[01]|0?[1-9])(?![.\d])"
        rf"(?!\s*(?:[ap]\.?\s?m\b|h\b{'|' + not_before if not_before else ''}))"
    )


DOTTED = {code: _dotted(words) for code, words in BY_CODE.items()}
