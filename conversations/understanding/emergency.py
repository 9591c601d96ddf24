"""Emergency guardrail: runs on every message before any understanding engine, and again on
what a model returned.

Rules are regular expressions over *folded* text (lower case, no accents, single spaces),
so "DOR NO PEITO", "dor no peito" and "dôr no peito" all match. Before matching, words one
typo away from a symptom word are corrected ("brethe" -> "breathe", "pehco" -> "pecho"),
and concept pairs catch any word order ("peito ... dor", "swollen throat"). Each rule has
an id and the list a version, both recorded in the EMERGENCY_DETECTED trace. Clinics add
their own phrases through `extra_phrases` (plain words, folded the same way).

When in doubt the guardrail escalates: a false alarm costs a receptionist a minute, a
missed emergency costs far more. Routine requests that merely mention an organ or a
specialty ("a cardiology check-up") do not match, because every rule needs a symptom word.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold

RULES_VERSION = "2026.12.2"  # self-harm wordings in es/pt-BR ("quero sumir", "me corto los brazos")


@dataclass(frozen=True)
class EmergencyRule:
    rule_id: str
    category: str
    language: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class EmergencyMatch:
    rule_id: str
    category: str
    language: str
    version: str = RULES_VERSION


CATEGORIES = (
    "chest_pain",
    "breathing",
    "stroke",
    "bleeding",
    "unconscious",
    "anaphylaxis",
    "poisoning",
    "suicidal",
)
RULES: tuple[EmergencyRule, ...] = tuple(
    EmergencyRule(f"{category}.{pack.code}.{index}", category, pack.code, re.compile(pattern))
    for category in CATEGORIES
    for pack in PACKS
    for index, pattern in enumerate(pack.emergency.get(category, ()), start=1)
)
PAIR_RULES: tuple[tuple[str, str, str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (f"{category}.{pack.code}.pair", category, pack.code, re.compile(first), re.compile(second))
    for category in dict.fromkeys(category for pack in PACKS for category in pack.emergency_pairs)
    for pack in PACKS
    if (pair := pack.emergency_pairs.get(category))
    for first, second in [pair]
)
# Words one typo away from these are corrected before matching.
_SYMPTOM_WORDS = list(dict.fromkeys(word for pack in PACKS for word in pack.symptom_words.split()))
_SYMPTOM_SET = frozenset(_SYMPTOM_WORDS)
# Real words one letter away from a symptom word: "strike that" is not a stroke.
_NOT_TYPOS = frozenset(word for pack in PACKS for word in pack.not_typos.split())


def _any(fragments: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(fragments) + r")\b")


# "I had chest pain last year, I'd like a check-up" is history, not an emergency, unless
# something says it is happening now.
_HISTORY = _any(fragment for pack in PACKS for fragment in pack.history)
_ROUTINE = _any(fragment for pack in PACKS for fragment in pack.routine)
_NOW = _any(fragment for pack in PACKS for fragment in pack.happening_now)


@lru_cache(maxsize=4096)
def _correct(token: str) -> str:
    if len(token) < 4 or token in _SYMPTOM_SET or token in _NOT_TYPOS:
        return token
    for word in _SYMPTOM_WORDS:
        if len(token) == 4:
            # Four letters only for swapped letters ("pian"); "paid" must not become "pain".
            if len(word) == 4 and sorted(word) == sorted(token) and OSA.distance(token, word) == 1:
                return word
        elif abs(len(word) - len(token)) <= 1 and OSA.distance(token, word, score_cutoff=1) <= 1:
            return word
    return token


def emergency_detect(text: str, *, extra_phrases: Iterable[str] = ()) -> EmergencyMatch | None:
    """Return the first emergency rule the text matches, or None. Pure and fast."""
    folded = fold(text)
    if not folded:
        return None
    corrected = " ".join(_correct(token) for token in folded.split())
    historic = bool(_HISTORY.search(folded) and _ROUTINE.search(folded) and not _NOW.search(folded))
    for candidate in dict.fromkeys((folded, corrected)):
        for rule in RULES:
            if rule.pattern.search(candidate) and not (historic and rule.category != "suicidal"):
                return EmergencyMatch(rule.rule_id, rule.category, rule.language)
        for rule_id, category, language, first, second in PAIR_RULES:
            if first.search(candidate) and second.search(candidate) and not historic:
                return EmergencyMatch(rule_id, category, language)
    for index, phrase in enumerate(extra_phrases, start=1):
        folded_phrase = fold(phrase)
        if folded_phrase and re.search(rf"\b{re.escape(folded_phrase)}\b", folded):
            return EmergencyMatch(f"clinic.{index}", "clinic_phrase", "")
    return None
