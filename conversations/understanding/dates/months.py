"""Month names and abbreviations from the language packs."""

import re

from conversations.understanding.dates.lexicon import ALL, BY_CODE, alternation, every

# Any spelling of a month, in any language, to its number (compact dates, "2020 sep 23").
MONTH_NUMBER: dict[str, int] = {}
for _words in ALL:
    for _number, _name in enumerate(_words.months.split(), start=1):
        MONTH_NUMBER[_name] = _number
    for _number, _abbreviations in enumerate(_words.month_abbreviations, start=1):
        MONTH_NUMBER |= dict.fromkeys(_abbreviations.split(), _number)
    MONTH_NUMBER |= _words.compact_month_spellings

_FULL_NAMES = set(every("months"))
# Abbreviations only in their own language: "set" is September in Portuguese, a verb in English.
MONTH_RE_BY_CODE: dict[str, str] = {
    code: alternation(
        sorted(
            _FULL_NAMES | {a for group in words.month_abbreviations for a in group.split()},
            key=len,
            reverse=True,
        )
    )
    for code, words in BY_CODE.items()
}
# A month word in any language's date range or spelled year ("13 sept nineteen seventy two").
MONTH_WORD = re.compile(
    r"\b(?:"
    + alternation(sorted(_FULL_NAMES | set(every("month_short_forms")), key=len, reverse=True))
    + r")\b"
)
# The months a date of birth is read with, whatever the language.
BIRTH_MONTHS = alternation(
    sorted(
        _FULL_NAMES
        | {
            a
            for words in ALL
            if words.abbreviations_in_birth_dates
            for group in words.month_abbreviations
            for a in group.split()
        },
        key=len,
        reverse=True,
    )
)
