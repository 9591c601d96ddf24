"""The languages the bot speaks, one package each (`en/`, `es/`, `pt_br/`), as data.

Each package exports `PACK`, a frozen `LanguagePack` (its date words in `dates.py`, its FAQ
words in `faq.py`): the words and phrase patterns of that
language for every engine (dates, intents, entities, commands, emergency rules, language
identification). Engines build their patterns from the registered packs; no engine code
names a word of any language. A package added to this folder is registered by itself; see
"Adding a language" in docs/nlu.md.
"""

import pkgutil
from functools import cache
from importlib import import_module

from conversations.understanding.languages.pack import LanguagePack

_MODULES = [import_module(f"{__name__}.{module.name}") for module in pkgutil.iter_modules(__path__)]
PACKS: tuple[LanguagePack, ...] = tuple(module.PACK for module in _MODULES if hasattr(module, "PACK"))
CODES: tuple[str, ...] = tuple(pack.code for pack in PACKS)
BY_CODE: dict[str, LanguagePack] = {pack.code: pack for pack in PACKS}
# Every accepted spelling of a language, folded, to its code ("pt", "pt_br" -> "pt-BR").
SPELLINGS: dict[str, str] = {
    spelling.casefold().replace("_", "-"): pack.code
    for pack in PACKS
    for spelling in (pack.code, *pack.aliases)
}
FALLBACK = "en"  # the language of last resort: nothing says which one the patient reads


def language_code(value: str | None) -> str | None:
    """The registered code for any accepted spelling ("pt", "PT-br", "pt_BR" -> "pt-BR"), or None."""
    if not value:
        return None
    return SPELLINGS.get(value.strip().casefold().replace("_", "-"))


# Health terms of every pack, as FaqWords.health_stems: stems of five letters or more match
# the start of a folded word ("amoxicilina", "amoxicillin"), shorter ones whole words.
_HEALTH_STEMS = [stem for pack in PACKS for stem in pack.faq.health_stems.split()]
HEALTH_PREFIXES: tuple[str, ...] = tuple(dict.fromkeys(stem for stem in _HEALTH_STEMS if len(stem) >= 5))
HEALTH_WORDS: frozenset[str] = frozenset(stem for stem in _HEALTH_STEMS if len(stem) < 5)
# Endings of medical terms ("hepatitis", "lymphoma"), for words of SUFFIXED_LENGTH letters or more.
HEALTH_SUFFIXES: tuple[str, ...] = tuple(
    dict.fromkeys(suffix for pack in PACKS for suffix in pack.faq.health_suffixes.split())
)
SUFFIXED_LENGTH = 7


def health_word(word: str) -> bool:
    """A folded word the packs call a health term: a short stem itself, a word a longer stem
    starts, or a long word with a medical ending ("hepatitis", "lymphoma")."""
    if word in HEALTH_WORDS or word.startswith(HEALTH_PREFIXES):
        return True
    return len(word) >= SUFFIXED_LENGTH and word.endswith(HEALTH_SUFFIXES)


# Misspellings, texting forms and regional forms of every pack, token by token ("vcs" ->
# "voces", "q" -> "que", "teneis" -> "tienen").
TYPOS: dict[str, str] = {
    typo: word for pack in PACKS for typo, word in (*pack.typos.items(), *pack.regional_forms.items())
}


def spelled_out(folded: str) -> str:
    """A folded text with each pack's misspellings and texting forms written out, so rules
    written for "que" and "quanto" also read "q" and "qto". Pure."""
    return " ".join(TYPOS.get(token, token) for token in folded.split())


# A word the packs' dictionaries count at least this often (pyspellchecker's lists, built
# from subtitles; half their words sit at the floor of 50, names and slips among them).
REAL_WORD_COUNT = 100


@cache
def _real_words() -> frozenset[str]:
    from spellchecker import SpellChecker

    from conversations.understanding.text import fold

    return frozenset(
        fold(word)
        for pack in PACKS
        if pack.dictionary
        for word, count in SpellChecker(language=pack.dictionary).word_frequency.dictionary.items()
        if count >= REAL_WORD_COUNT
    )


def real_word(folded: str) -> bool:
    """A folded word of some pack's language ("mejor", "vista", "bail"): never a typo of
    another word, whatever a clinic's entries hold ("menor", "visa")."""
    return folded in _real_words()


def pack_for(code: str | None) -> LanguagePack | None:
    """The pack of a code in any accepted spelling; None when the language is not registered."""
    found = language_code(code)
    return BY_CODE[found] if found else None


__all__ = [
    "BY_CODE",
    "CODES",
    "FALLBACK",
    "HEALTH_PREFIXES",
    "HEALTH_SUFFIXES",
    "HEALTH_WORDS",
    "PACKS",
    "SPELLINGS",
    "SUFFIXED_LENGTH",
    "TYPOS",
    "LanguagePack",
    "health_word",
    "language_code",
    "pack_for",
    "real_word",
    "spelled_out",
]
