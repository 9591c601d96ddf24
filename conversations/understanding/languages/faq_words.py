"""The words a language asks the clinic's approved questions with, for `conversations.faq`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FaqWords:
    """Filled in by each language pack; plain folded words unless a field says it holds
    regular-expression fragments."""

    # Words that say nothing about which entry a question means (retrieval drops them;
    # general stop-word lists drop "open", "where" and "results", which do say).
    stop_words: str = ""  # space-separated
