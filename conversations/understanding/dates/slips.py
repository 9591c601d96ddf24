"""Slips of the thumb in the words a day hangs on: a weekday, "today", "tomorrow", a part of
the day, "next week", a bound ("before", "despues"),
one edit away from the word meant (a letter swapped, dropped, doubled or its neighbour's),
read as that word. Real words one edit from those (ordinals, numbers, months, greetings:
"quarto", "segundo", "buenas tardes") are never changed, nor is a word's first letter."""

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from conversations.understanding.dates.lexicon import ALL, every, listed
from conversations.understanding.languages import PACKS

_LONG_ENOUGH = 5  # shorter words have too many real neighbours
# ... except a weekday with a letter dropped: "tera", "sexa", "trca" (terça, sexta).
_WEEKDAY_DROP = 4


def _weekday_words() -> frozenset[str]:
    """Weekdays and "que viene": mended even with a letter dropped ("tera", "viee")."""
    words = {w for dates in ALL for day in dates.weekdays for spelling in day for w in spelling.split()}
    words |= {w for dates in ALL for phrase in listed(dates.next_after) for w in phrase.split()}
    return frozenset(w for w in words if w.isalpha() and len(w) >= _LONG_ENOUGH)


def _day_words() -> frozenset[str]:
    words: set[str] = set()
    for dates in ALL:
        words |= {w for day in dates.weekdays for spelling in day for w in spelling.split()}
        words |= set(listed(dates.tomorrow_words))
        words |= {w for period in dates.periods.values() for phrase in period.alone for w in phrase.split()}
        # "la proxima semnaa", "toady", "any time brfore 11", "eariler than 4".
        for field in ("next_week", "next_before", "next_after", "today_words", "after_words", "before_words"):
            words |= {w for phrase in listed(getattr(dates, field)) for w in phrase.split()}
    return frozenset(w for w in words if len(w) >= _LONG_ENOUGH and w.isalpha())


def _real_words() -> frozenset[str]:
    words = set(every("months")) | set(every("numbers"))
    for pack in PACKS:
        words |= {w for forms in pack.ordinals.values() for form in forms for w in form.split()}
        for field in ("greetings", "farewells", "thanks"):
            words |= {w for phrase in getattr(pack, field) for w in re.findall(r"[a-z]+", phrase)}
    return frozenset(words)


_TARGETS = tuple(sorted(_day_words()))  # in order: the first word one edit away wins, every run
_REAL = _real_words() | frozenset(_TARGETS)
_WEEKDAYS = _weekday_words()


@lru_cache(maxsize=4096)
def _meant(token: str) -> str:
    if len(token) < _WEEKDAY_DROP or token in _REAL or not token.isalpha():
        return token
    short = len(token) < _LONG_ENOUGH
    meant = {
        word
        for word in (_WEEKDAYS if short else _TARGETS)
        # An inflection ("proximos", "sabados") is no slip.
        if not (token.startswith(word) or word.startswith(token))
        and word[0] == token[0]
        and (len(word) == len(token) + 1 if short else abs(len(word) - len(token)) <= 1)
        and OSA.distance(token, word) == 1
    }
    # "Tursday" is one slip from Tuesday and from Thursday: neither is read.
    return meant.pop() if len(meant) == 1 else token


def mended_day(word: str) -> str:
    """A folded word as the day word it slips from ("meircoles"), else as it is."""
    return _meant(word)


def mend_slips(s: str) -> str:
    """`s` (normalized text) with each slipped day word read as the word meant."""
    return re.sub(r"[a-z]+", lambda m: _meant(m.group(0)), s)
