"""Find the approved entry that answers a patient's question, in English, Spanish or Portuguese.

Pure: an index is built from plain `FaqDoc`s (never ORM objects) and queried with text.
Text is folded (lower case, no accents), function words are dropped, words are reduced to
a light stem that the three languages often share ("estacionamiento", "estacionamento" ->
"estaci"), and a word the index does not know is mapped to the nearest known word one or
two typos away (rapidfuzz). Each entry is scored by idf-weighted cosine against its best
question variant and against all its text together; the best entry must clear a threshold
and beat the runner-up by a margin, otherwise the bot says it does not know.
"""

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from conversations.nlu.emergency import fold

THRESHOLD = 0.34
MARGIN = 0.06
VARIANT_WEIGHT = 0.6  # the rest goes to the entry's whole text (all variants and answers)
ANSWER_WEIGHT = 0.5  # an answer's words count half as much as a question's

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "am",
        "was",
        "be",
        "been",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "he",
        "she",
        "they",
        "them",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "please",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "ok",
        "okay",
        "so",
        "just",
        "also",
        "there",
        "here",
        "about",
        "any",
        "some",
        "tell",
        "know",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "es",
        "son",
        "ser",
        "estar",
        "esta",
        "este",
        "esto",
        "de",
        "del",
        "al",
        "y",
        "o",
        "en",
        "con",
        "por",
        "para",
        "que",
        "se",
        "su",
        "sus",
        "mi",
        "mis",
        "tu",
        "tus",
        "yo",
        "me",
        "te",
        "le",
        "les",
        "lo",
        "nos",
        "usted",
        "ustedes",
        "hola",
        "gracias",
        "favor",
        "por",
        "puedo",
        "puede",
        "pueden",
        "quiero",
        "quisiera",
        "saber",
        "si",
        "ya",
        "hay",
        "tienen",
        "tiene",
        "o",
        "a",
        "os",
        "as",
        "um",
        "uma",
        "uns",
        "umas",
        "e",
        "sao",
        "ser",
        "estar",
        "esta",
        "este",
        "isto",
        "de",
        "do",
        "da",
        "dos",
        "das",
        "no",
        "na",
        "nos",
        "nas",
        "ao",
        "com",
        "por",
        "para",
        "pra",
        "que",
        "se",
        "seu",
        "sua",
        "meu",
        "minha",
        "eu",
        "voce",
        "voces",
        "vcs",
        "oi",
        "ola",
        "obrigado",
        "obrigada",
        "favor",
        "posso",
        "pode",
        "podem",
        "quero",
        "queria",
        "gostaria",
        "saber",
        "sim",
        "ja",
        "tem",
        "tenho",
    ]
)
_SUFFIXES = (
    "amientos", "imientos", "amiento", "imiento", "amento", "imento", "mente",
    "ciones", "coes", "cion", "cao", "sion", "ings", "ing", "edly", "ies", "ed", "es", "s",
)  # fmt: skip
STEM_LENGTH = 6


@dataclass(frozen=True)
class FaqDoc:
    """One approved entry as plain data: what retrieval and answering need."""

    entry_id: int
    topic: str
    version: int
    questions: dict[str, list[str]]
    answers: dict[str, str]


@dataclass(frozen=True)
class Match:
    doc: FaqDoc | None
    score: float
    runner_up: float = 0.0
    runner_up_topic: str = ""

    @property
    def confident(self) -> bool:
        return self.doc is not None and self.score >= THRESHOLD and self.score - self.runner_up >= MARGIN


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:STEM_LENGTH]


def words(text: str) -> list[str]:
    """Folded content words of `text`, numbers kept as they are."""
    return [t for t in fold(text).split() if t not in _STOPWORDS and (len(t) > 1 or t.isdigit())]


@dataclass
class _Vector:
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0


class FaqIndex:
    """An immutable search index over approved entries; build once per content change."""

    def __init__(self, docs: list[FaqDoc]) -> None:
        self.docs = docs
        per_doc: list[tuple[list[Counter[str]], Counter[str]]] = []
        vocabulary: set[str] = set()
        for doc in docs:
            variants = [Counter(self._stems(q)) for qs in doc.questions.values() for q in qs]
            whole: Counter[str] = Counter()
            for variant in variants:
                whole.update(variant)
            for answer in doc.answers.values():
                for s in self._stems(answer):
                    whole[s] += ANSWER_WEIGHT
            per_doc.append((variants, whole))
            for texts in (*doc.questions.values(), list(doc.answers.values())):
                for text in texts:
                    vocabulary.update(words(text))
        document_frequency: Counter[str] = Counter()
        for _, whole in per_doc:
            document_frequency.update(set(whole))
        n = max(len(docs), 1)
        self.idf = {s: math.log(1 + n / df) for s, df in document_frequency.items()}
        self.vocabulary = sorted(vocabulary)
        self._known = frozenset(vocabulary)
        self._vectors = [
            ([self._vector(v) for v in variants], self._vector(whole)) for variants, whole in per_doc
        ]

    @staticmethod
    def _stems(text: str) -> list[str]:
        return [stem(w) for w in words(text)]

    def _vector(self, counts: Counter[str]) -> _Vector:
        weights = {s: (1 + math.log(c)) * self.idf.get(s, 0.0) if c >= 1 else c * self.idf.get(s, 0.0)
                   for s, c in counts.items()}  # fmt: skip
        return _Vector(weights, math.sqrt(sum(w * w for w in weights.values())))

    def correct(self, word: str) -> str:
        """The known word one typo away (two for long words), or the word itself."""
        if word in self._known or len(word) < 4 or word.isdigit():
            return word
        limit = 1 if len(word) < 8 else 2
        found = process.extractOne(word, self.vocabulary, scorer=OSA.distance, score_cutoff=limit)
        return found[0] if found else word

    def query_vector(self, text: str) -> _Vector:
        counts = Counter(stem(self.correct(w)) for w in words(text))
        return self._vector(counts)

    def search(self, text: str) -> Match:
        """The best entry for `text` with its score and the runner-up's score."""
        query = self.query_vector(text)
        if not self.docs or query.norm == 0:
            return Match(None, 0.0)
        scored = []
        for doc, (variants, whole) in zip(self.docs, self._vectors, strict=True):
            best_variant = max((_cosine(query, v) for v in variants), default=0.0)
            scored.append((VARIANT_WEIGHT * best_variant + (1 - VARIANT_WEIGHT) * _cosine(query, whole), doc))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        best_score, best = scored[0]
        runner_score, runner = scored[1] if len(scored) > 1 else (0.0, None)
        return Match(best, best_score, runner_score, runner.topic if runner else "")


def _cosine(a: _Vector, b: _Vector) -> float:
    if not a.norm or not b.norm:
        return 0.0
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    dot = sum(w * large.weights.get(s, 0.0) for s, w in small.weights.items())
    return dot / (a.norm * b.norm)
