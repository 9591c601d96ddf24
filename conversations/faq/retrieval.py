"""Find the approved entry that answers a patient's question, in any registered language.

Pure: an index is built from plain `FaqDoc`s (never ORM objects) and queried with text.
Text is folded (lower case, no accents), function words are dropped, words are reduced to
a stem that the languages often share (the shortest of each language pack's Snowball stem,
cut to six letters: "estacionamiento", "estacionamento" -> "estaci"), and a word the index
does not know is mapped to the nearest known word one or two typos away (rapidfuzz). Each entry is scored by idf-weighted cosine against its best
question variant and against all its text together; the best entry must clear a threshold
and beat the runner-up by a margin, otherwise the bot says it does not know.
"""

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from conversations.understanding.languages import PACKS, health_word, real_word, spelled_out
from conversations.understanding.text import fold

THRESHOLD = 0.48  # combined score of the best entry
MARGIN = 0.08  # lead over the runner-up
MIN_COVERAGE = 0.4  # the entry must hold at least this share of the question's weight
# A long message spreads its weight over its setting ("I saw one of your doctors last month
# and she wants to see me again...") and scores lower than a short question on the same topic.
# With at least LONG_WORDS content words, at most a third of them unknown to every entry, a
# clear lead is enough at a lower score. A short question with a word no entry knows is
# about that word ("Do you have a gynecologist on Saturdays?"), so it keeps the main bar.
LONG_WORDS = 5
LONG_UNKNOWN_SHARE = 1 / 3
LONG_THRESHOLD = 0.35
LONG_MARGIN = 0.15
LONG_COVERAGE = 0.3
# However many of a long message's words are its setting ("stuck in traffic on 610, gonna be
# 20 min late, will I lose my spot?"), an entry that scores well above every other one is the
# one it asks about: a clear leader needs a lower score, not a share of known words.
LEAD_RATIO = 1.8
LEAD_THRESHOLD = 0.22
LEAD_COVERAGE = 0.2
# Synonym groups (concepts) are the words that name what a question is about ("_parking",
# "_invoice"): an entry holding two of the question's concepts that the runner-up lacks is
# the one asked about, whatever setting words lower its score ("tô presa no trânsito...").
DISTINCT_CONCEPTS = 2
CONCEPT_THRESHOLD = 0.18
CONCEPT_COVERAGE = 0.15
# A second reading (faq.common): when the question most like the patient's, among the ones
# other clinics' patients asked, is about the topic of retrieval's best entry, that entry
# answers at a lower score. Measured leaving each clinic's own questions out.
NEIGHBOUR_COSINE = 0.4
NEIGHBOUR_THRESHOLD = 0.2
NEIGHBOUR_SWAP_COSINE = 0.5  # ... and, more alike still, it picks the runner-up over the best
CANDIDATES = 3  # entries the Claude engine may choose from when retrieval alone is unsure
VARIANT_WEIGHT = 0.5  # the rest goes to how much of the question the entry's text covers
ANSWER_WEIGHT = 0.7  # an answer's words count less than a question's

# Function words and fillers that say nothing about which entry is meant.
_STOPWORDS = frozenset(word for pack in PACKS for word in pack.faq.stop_words.split())
_NEUTRAL = frozenset(word for pack in PACKS for word in pack.faq.neutral_words.split())
STEM_LENGTH = 6
# PyStemmer's stemmers are not thread-safe: one set per thread.
_STEMMERS = threading.local()
UNKNOWN_IDF = 3.5  # a word no entry uses makes a question less likely to be about any entry


def _table(name: str, rows: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """(pack code, key, value) rows of one FaqWords field as one lookup table; a key with two
    values is an error in the packs, not a tie to break here."""
    table: dict[str, str] = {}
    for code, key, value in rows:
        if table.setdefault(key, value) != value:
            raise ValueError(f"FaqWords.{name} of {code!r}: {key!r} is {table[key]!r} in another pack")
    return table


# Words patients use for the same thing, in any registered language; each concept becomes
# one token, so "estacionamento", "valet" and "where can I leave the car" meet. Phrases first.
_PHRASES = _table(
    "phrases", ((pack.code, phrase, tokens) for pack in PACKS for phrase, tokens in pack.faq.phrases.items())
)
_CONCEPT = _table(
    "concepts",
    (
        (pack.code, word, concept)
        for pack in PACKS
        for concept, words in pack.faq.concepts.items()
        for word in words.split()
    ),
)


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
    coverage: float = 0.0
    candidates: tuple[tuple[FaqDoc, float], ...] = ()  # the best few entries with their scores
    words: int = 0  # content words of the question
    unknown: int = 0  # of them, words no entry uses
    distinct_concepts: int = 0  # the question's concepts the best entry holds and the runner-up not
    neighbour: str = ""  # the topic of the most alike common question ("" for none the clinic has)
    neighbour_score: float = 0.0  # its cosine with the question

    @property
    def about_an_unknown_thing(self) -> bool:
        """A short question with a word no entry uses is about that thing ("can I bring my
        dog?", "do you have a gynecologist on Saturdays?"): no entry answers it."""
        return self.unknown > 0 and self.words < LONG_WORDS

    @property
    def confident(self) -> bool:
        if self.doc is None:
            return False
        if (
            self.coverage >= MIN_COVERAGE
            and self.score >= THRESHOLD
            and self.score - self.runner_up >= MARGIN
        ):
            return True
        if (
            self.distinct_concepts >= DISTINCT_CONCEPTS
            and self.score >= CONCEPT_THRESHOLD
            and self.coverage >= CONCEPT_COVERAGE
        ):
            return True
        if (
            self.neighbour == self.doc.topic
            and self.neighbour_score >= NEIGHBOUR_COSINE
            and self.score >= NEIGHBOUR_THRESHOLD
        ):
            return True
        if self.words < LONG_WORDS:
            return False
        if (
            self.unknown <= LONG_UNKNOWN_SHARE * self.words
            and self.coverage >= LONG_COVERAGE
            and self.score >= LONG_THRESHOLD
            and self.score - self.runner_up >= LONG_MARGIN
        ):
            return True
        return (
            self.coverage >= LEAD_COVERAGE
            and self.score >= LEAD_THRESHOLD
            and self.score >= LEAD_RATIO * self.runner_up
        )


def _stemmers() -> list[Stemmer.Stemmer]:
    if not hasattr(_STEMMERS, "all"):
        _STEMMERS.all = [Stemmer.Stemmer(pack.stemmer) for pack in PACKS if pack.stemmer]
    return _STEMMERS.all


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """The shortest stem any language gives the word, cut to STEM_LENGTH letters, so the
    languages' forms of one word meet ("resultados", "results" -> "result")."""
    if token.startswith("_"):
        return token
    return min((stemmer.stemWord(token) for stemmer in _stemmers()), key=len)[:STEM_LENGTH]


_PHRASE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)) + r")\b")


def _tokens(text: str) -> list[str]:
    folded = _PHRASE.sub(lambda m: _PHRASES[m.group(1)], spelled_out(fold(text)))
    return [t for t in folded.split() if t not in _STOPWORDS and (len(t) > 1 or t.isdigit())]


def concept(token: str) -> str:
    """The synonym group of a word ("estacionamento" -> "_parking"), else the word."""
    return _CONCEPT.get(token, token)


def words(text: str) -> list[str]:
    """Folded content words of `text` (concept tokens for known synonyms), numbers kept."""
    return [concept(t) for t in _tokens(text)]


@dataclass
class _Vector:
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    raw: dict[str, float] = field(default_factory=dict)  # term counts before weighting


class FaqIndex:
    """An immutable search index over approved entries; build once per content change."""

    def __init__(self, docs: list[FaqDoc], common: Sequence[tuple[str, str]] = ()) -> None:
        """`common`: (topic, question) pairs of faq.common, the topic one of the docs' or ""."""
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
                    vocabulary.update(t for t in _tokens(text) if not t.startswith("_"))
        vocabulary.update(_CONCEPT)
        document_frequency: Counter[str] = Counter()
        for _, whole in per_doc:
            document_frequency.update(set(whole))
        n = max(len(docs), 1)
        self.idf = {s: math.log(1 + n / df) for s, df in document_frequency.items()}
        self.vocabulary = sorted(vocabulary)
        self._known = frozenset(vocabulary)
        self._by_initial: dict[str, list[str]] = {}
        for word in self.vocabulary:
            self._by_initial.setdefault(word[0], []).append(word)
        self._corrections: dict[str, str] = {}
        self._vectors = [
            ([self._vector(v) for v in variants], self._vector(whole)) for variants, whole in per_doc
        ]
        self._wholes = {doc.entry_id: whole.raw for doc, (_, whole) in zip(docs, self._vectors, strict=True)}
        self._common = [(topic, self._vector(Counter(self._stems(q)))) for topic, q in common]

    @staticmethod
    def _stems(text: str) -> list[str]:
        return [stem(w) for w in words(text)]

    def _vector(self, counts: Counter[str]) -> _Vector:
        weights = {s: (1 + math.log(c) if c >= 1 else c) * self.idf.get(s, UNKNOWN_IDF)
                   for s, c in counts.items()}  # fmt: skip
        return _Vector(weights, math.sqrt(sum(w * w for w in weights.values())), dict(counts))

    def correct(self, word: str) -> str:
        """The known word one typo away (two for long words), or the word itself."""
        if word in self._known or len(word) < 4 or word.isdigit() or word.startswith("_"):
            return word
        if health_word(word):
            return word  # a real word, not a slip: "cancer" is no typo of "cancel"
        if stem(concept(word)) in self.idf:  # another form of a known word, not a slip of one
            return word
        if word not in self._corrections:
            nearest = self._nearest(word)
            # A word of the languages is no slip either ("mejor" is not "menor", "vista" not
            # "visa"), unless the known word is another form of it ("visita", "visit").
            if real_word(word) and stem(nearest) != stem(word):
                nearest = word
            self._corrections[word] = nearest
        return self._corrections[word]

    def _nearest(self, word: str) -> str:
        limit = 1 if len(word) < 8 else 2
        # Typos rarely hit the first letter; a four-letter word may only have two letters
        # swapped ("paek"), so "home" never becomes "come" nor "vale" "valet".
        candidates = [
            v
            for v in self._by_initial.get(word[0], [])
            if abs(len(v) - len(word)) <= limit and (len(word) > 4 or sorted(v) == sorted(word))
        ]
        found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
        return found[0] if found else word

    def query_terms(self, text: str) -> list[str]:
        """The question's stems as the index reads them: typos mended, setting words no entry
        uses left out."""
        kept = (t for t in _tokens(text) if t not in _NEUTRAL or stem(concept(t)) in self.idf)
        return [stem(concept(self.correct(t))) for t in kept]

    def query_vector(self, text: str) -> _Vector:
        return self._vector(Counter(self.query_terms(text)))

    def ranked(self, text: str) -> list[tuple[float, float, FaqDoc]]:
        """(score, coverage, entry) for every entry, best first; empty without a content word."""
        return self._ranked(self.query_vector(text))

    def _ranked(self, query: _Vector) -> list[tuple[float, float, FaqDoc]]:
        if query.norm == 0:
            return []
        scored = []
        for doc, (variants, whole) in zip(self.docs, self._vectors, strict=True):
            best_variant = max((_cosine(query, v) for v in variants), default=0.0)
            coverage = _coverage(query, whole)
            scored.append((VARIANT_WEIGHT * best_variant + (1 - VARIANT_WEIGHT) * coverage, coverage, doc))
        scored.sort(key=lambda row: row[0], reverse=True)
        return scored

    def search(self, text: str) -> Match:
        """The best entry for `text` with its score, the runner-up's, and the best few. When
        the whole message is unsure, each question in it is read alone: patients add their
        setting around the question ("tem wifi aí? meu plano de dados acabou"), and the
        clause that asks is what an entry answers."""
        whole = self._search(text)
        if whole.confident:
            return whole
        asked = [clause for clause in _QUESTIONS.findall(text) if clause.strip(" ?¿") != text.strip(" ?¿")]
        confident = [m for m in map(self._search, asked) if m.confident]
        return max(confident, key=lambda m: m.score) if confident else whole

    def _search(self, text: str) -> Match:
        terms = self.query_terms(text)
        query = self._vector(Counter(terms))
        scored = self._ranked(query)
        if not scored:
            return Match(None, 0.0)
        best_score, best_coverage, best = scored[0]
        runner_score, runner_coverage, runner = scored[1] if len(scored) > 1 else (0.0, 0.0, None)
        candidates = tuple((doc, score) for score, _, doc in scored[:CANDIDATES])
        held = {t for t in terms if t.startswith("_") and self._wholes[best.entry_id].get(t, 0) > 0}
        if runner is not None:
            held -= {t for t in held if self._wholes[runner.entry_id].get(t, 0) > 0}
        match = Match(
            best,
            best_score,
            runner_score,
            runner.topic if runner else "",
            best_coverage,
            candidates,
            words=len(terms),
            unknown=sum(term not in self.idf for term in terms),
            distinct_concepts=len(held),
        )
        if match.confident or not self._common:
            return match
        score, topic = max(
            ((_cosine(query, v), topic) for topic, v in self._common), key=lambda pair: pair[0]
        )
        if runner is not None and topic == runner.topic and score >= NEIGHBOUR_SWAP_COSINE:
            # A near tie the second reading breaks: the runner-up is the entry asked about
            # (when that answers; unsure, the ranking stays retrieval's own).
            swapped = replace(
                match,
                doc=runner,
                score=runner_score,
                runner_up=best_score,
                runner_up_topic=best.topic,
                coverage=runner_coverage,
                neighbour=topic,
                neighbour_score=score,
            )
            if swapped.confident:
                return swapped
        return replace(match, neighbour=topic, neighbour_score=score)


# A question inside a message: the text up to a question mark, from the last sentence end.
_QUESTIONS = re.compile(r"[^?!.\n]+\?")


def _coverage(query: _Vector, entry: _Vector) -> float:
    """Share of the question's weight that the entry's text holds (answer-only words count less)."""
    total = sum(query.weights.values())
    if not total:
        return 0.0
    held = sum(w * min(entry.raw.get(s, 0.0), 1.0) for s, w in query.weights.items())
    return held / total


def _cosine(a: _Vector, b: _Vector) -> float:
    if not a.norm or not b.norm:
        return 0.0
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    dot = sum(w * large.weights.get(s, 0.0) for s, w in small.weights.items())
    return dot / (a.norm * b.norm)
