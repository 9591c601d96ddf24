"""The words a language asks the clinic's approved questions with, for `conversations.faq`."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FaqWords:
    """Filled in by each language pack, written folded (lower case, no accents); plain
    space-separated words unless a field says it holds regular-expression fragments."""

    # ---- retrieval (faq.retrieval) -----------------------------------------------------------
    # Words that say nothing about which entry a question means (retrieval drops them;
    # general stop-word lists drop "open", "where" and "results", which do say).
    stop_words: str = ""
    # Synonyms by concept: each word of a concept is read as its key, so "estacionamento",
    # "valet" and "car" meet as "_parking". The keys are shared by every pack ("_price",
    # "_where", "_parking", ...); a word belongs to one concept only.
    concepts: Mapping[str, str] = field(default_factory=dict)  # key -> words
    # Phrases read as concept keys before the words are split, longest first ("how much" ->
    # "_price", "blood work" -> "_blood _test").
    phrases: Mapping[str, str] = field(default_factory=dict)

    # ---- grounding (faq.grounding) -----------------------------------------------------------
    # A fact in a rephrased answer must be in the approved text, in digits or in words.
    number_words: str = ""  # each number in digits, then its words: "2 two 12 twelve noon"
    weekdays: tuple[str, ...] = ()  # seven entries, Monday first, each the day's words
    currency_words: str = ""  # "dollars", "reais"; the symbols ("R$", "€") are the engine's
