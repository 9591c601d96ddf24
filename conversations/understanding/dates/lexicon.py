"""The date words of the registered language packs, as the resolver reads them: the pack a
message is read with, and every pack's words of one kind joined into one alternation."""

from collections.abc import Iterable
from functools import lru_cache

from conversations.understanding.languages import PACKS, pack_for
from conversations.understanding.languages.date_words import DateWords

NEVER = "(?!)"  # an alternation with no words: matches nothing


@lru_cache(maxsize=64)
def pack_code(language: str) -> str:
    """The code of the pack a message in `language` is read with: any accepted spelling of a
    registered code ("pt", "es-MX") or a tag that starts like one ("en-US", "pt_PT").

    Raises ValueError when no pack is registered for the language."""
    pack = pack_for(language) or next(
        (pack for pack in PACKS if pack.code.lower()[:2] == language.lower()[:2]), None
    )
    if pack is None:
        raise ValueError(f"no language pack reads dates in {language!r}")
    return pack.code


def words_of(language: str) -> DateWords:
    return BY_CODE[pack_code(language)]


BY_CODE: dict[str, DateWords] = {pack.code: pack.dates for pack in PACKS}
ALL: tuple[DateWords, ...] = tuple(BY_CODE.values())


def listed(value: str | Iterable[str]) -> list[str]:
    """A field's words: a `str` field split on spaces, a tuple of phrases as it is."""
    return value.split() if isinstance(value, str) else list(value)


def every(name: str, packs: Iterable[DateWords] = ALL) -> list[str]:
    """The words of field `name` in every pack (or in `packs`), in pack order, each once."""
    return list(dict.fromkeys(word for words in packs for word in listed(getattr(words, name))))


def alternation(phrases: Iterable[str]) -> str:
    """ "a|b|c" for a regex group; a pattern that never matches when there are no phrases."""
    joined = "|".join(phrases)
    return joined or NEVER


def any_of(name: str, packs: Iterable[DateWords] = ALL) -> str:
    """The alternation of field `name` over every pack (or over `packs`)."""
    return alternation(every(name, packs))


def having(name: str) -> tuple[DateWords, ...]:
    """The packs that have words in field `name`: an expression built on those words reads its
    counts and units in the languages that have it ("hace 2 dias", not "hace 2 days")."""
    return tuple(words for words in ALL if getattr(words, name))


# Unit words ("semanas") to their unit: day, week, month, year, minute or hour.
UNIT_KIND: dict[str, str] = {
    word: unit for words in ALL for unit, unit_words in words.units.items() for word in unit_words.split()
}
# "next year": 1, "el ano pasado": -1.
YEAR_SHIFTS: dict[str, int] = {phrase: shift for words in ALL for phrase, shift in words.year_shifts.items()}


def units_pattern(*units: str, packs: Iterable[DateWords] = ALL) -> str:
    """The alternation of the words for `units` ("day", "week") in `packs`."""
    return alternation(
        dict.fromkeys(word for words in packs for unit in units for word in words.units.get(unit, "").split())
    )


def count_pattern(packs: Iterable[DateWords] = ALL, digits: int = 2) -> str:
    """A count before a unit: digits, or an article that means one ("a week", "una semana")."""
    return rf"\d{{1,{digits}}}|{any_of('indefinite_articles', packs)}"
