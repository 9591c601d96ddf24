"""Language of one short message, among the registered language packs.

Two kinds of evidence are added up. The lingua library (character n-gram models for short
texts, shipped in its wheel, no network) reads any message with letters in it; its weight
grows with the number of letters, since two letters say little. Each pack's function words
and spelling marks catch what n-grams miss in two-word messages ("quero marcar consulta",
"sí"); a word several packs list counts 1/n for each of the n. The hint (the
conversation's language, or the clinic's default) wins ties and messages with no evidence,
such as "ok", "10:30" or an emoji. bench/language_id.py measures each part and the sum.
"""

import re
import unicodedata
from collections import Counter
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from conversations.understanding.languages import FALLBACK, PACKS, language_code
from conversations.understanding.text import fold

_VOCAB: dict[str, frozenset[str]] = {
    pack.code: frozenset(fold(word) for word in pack.identify_words.split()) for pack in PACKS
}
_SHARERS = Counter(word for vocabulary in _VOCAB.values() for word in vocabulary)
_MARKS: dict[str, list[re.Pattern[str]]] = {
    pack.code: [re.compile(mark) for mark in pack.identify_marks] for pack in PACKS
}
_LETTER = re.compile(r"[^\W\d_]")
MIN_EVIDENCE = 0.75
LIBRARY_WEIGHT = 2.0
LIBRARY_FULL_AT = 8  # letters; below this the library's say counts proportionally less
# From this many letters the text speaks for itself: any hint weighs at most LONG_HINT_WEIGHT,
# so a Portuguese question in a chat that was in Spanish is answered in Portuguese
# (bench/language_id.py --switch measures it on every labelled message with a wrong hint).
LONG_TEXT = 20
LONG_HINT_WEIGHT = 0.5
# The clinic's default language is a weak prior: a lone "hello" on a Spanish-default clinic is
# English, though the library hears a little Spanish in it.
DEFAULT_HINT_WEIGHT = 0.5


def _library_language(code: str) -> Language:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.split("-")[0].upper()))


_BY_LIBRARY = {_library_language(pack.code): pack.code for pack in PACKS}


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_BY_LIBRARY).build()


def marker_scores(text: str) -> dict[str, float]:
    """Function words and spelling marks per language (our own evidence)."""
    lowered = unicodedata.normalize("NFC", text.casefold())
    out = dict.fromkeys(_VOCAB, 0.0)
    for token in fold(text).split():
        for code, vocabulary in _VOCAB.items():
            if token in vocabulary:
                out[code] += 1.0 / _SHARERS[token]
    for code, marks in _MARKS.items():
        out[code] += 1.5 * sum(len(mark.findall(lowered)) for mark in marks)
    return out


def library_scores(text: str) -> dict[str, float]:
    """The library's confidence per language (summing to 1), or zeros without letters."""
    out = dict.fromkeys(_VOCAB, 0.0)
    if _LETTER.search(text):
        for value in _detector().compute_language_confidence_values(text):
            out[_BY_LIBRARY[value.language]] = value.value
    return out


def scores(text: str) -> dict[str, float]:
    """All the evidence the text itself carries, per language."""
    letters = len(_LETTER.findall(text))
    weight = LIBRARY_WEIGHT * min(1.0, letters / LIBRARY_FULL_AT)
    library = library_scores(text) if weight else {}
    return {code: score + weight * library.get(code, 0.0) for code, score in marker_scores(text).items()}


def detect(
    text: str, *, hint: str | None = None, hint_weight: float = 0.75, names: frozenset[str] = frozenset()
) -> str:
    """Best guess of the message's language; the hint wins ties and empty evidence.

    A conversation's established language is a strong hint for short messages (switching
    away needs real evidence, not one shared word like "as"); a clinic's default is a weak
    one; from LONG_TEXT letters on, every hint is weak. Words in
    `names` (folded: the clinic's practitioners, say) are no evidence: "Dra. Lucía
    Fernández" is Spanish to any model, whatever the patient writes around it."""
    if names:
        text = " ".join(word for word in text.split() if fold(word) not in names)
    evidence = scores(text)
    hinted = language_code(hint)
    if len(_LETTER.findall(text)) >= LONG_TEXT:
        hint_weight = min(hint_weight, LONG_HINT_WEIGHT)
    total = {code: score + (hint_weight if code == hinted else 0.0) for code, score in evidence.items()}
    best = max(total, key=lambda code: total[code])
    if evidence[best] <= MIN_EVIDENCE:
        return hinted or FALLBACK
    return best
