"""The grounding check: a rephrased answer may not state a fact its sources do not hold.

Facts here are what a patient acts on and a model is known to invent: numbers (prices,
phone numbers, times, days, counts) in digits or words, links and e-mail addresses,
currencies and weekdays, whose words come from the registered language packs. Each one in
the reply must be present in the approved sources; otherwise the reply is rejected and the
approved text is sent verbatim.
"""

import re

from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold

_LINK = re.compile(
    r"(https?://[^\s<>\"']+|www\.[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|br|es|ar|mx|io|app|health|clinic|info|me|ly|gl)\b(?:/[^\s]*)?)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # the packs' weekdays, in this order


def _word_to_number() -> dict[str, str]:
    """Every pack's number words, folded, to their digits ("doce" -> "12")."""
    found: dict[str, str] = {}
    for pack in PACKS:
        number = ""
        for token in pack.faq.number_words.split():
            if token.isdigit():
                number = token
                continue
            if not number or found.setdefault(fold(token), number) != number:
                raise ValueError(f"FaqWords.number_words of {pack.code!r}: {token!r} has no one number")
    return found


_WORD_TO_NUMBER = _word_to_number()
_CURRENCY_WORDS = sorted(
    {w for pack in PACKS for w in pack.faq.currency_words.split()}, key=lambda w: (-len(w), w)
)
_CURRENCY = re.compile(
    rf"(r\$|us\$|\$|€|£|\b(?:{'|'.join(map(re.escape, _CURRENCY_WORDS)) or '(?!)'})\b)", re.IGNORECASE
)
_WORD_TO_DAY = {
    word: day
    for pack in PACKS
    if pack.faq.weekdays
    for day, words in zip(DAYS, pack.faq.weekdays, strict=True)
    for word in words.split()
}


def _groups(text: str) -> set[str]:
    """Digit runs joined across separators: "+55 11 4000-1234" -> "551140001234"."""
    return {re.sub(r"\D", "", group).lstrip("0") for group in re.findall(r"\d[\d .\-()]*\d", text)}


def _numbers(text: str) -> set[str]:
    found = {run.lstrip("0") for run in _DIGITS.findall(text)} | _groups(text)
    for token in re.findall(r"[\w-]+", fold(text)):
        if token in _WORD_TO_NUMBER:
            found.add(_WORD_TO_NUMBER[token])
    return found - {""}


def _links(text: str) -> set[str]:
    return {m.lower().rstrip(".,;:!?)") for m in _LINK.findall(text)}


def _days(text: str) -> set[str]:
    return {_WORD_TO_DAY[t] for t in fold(text).split() if t in _WORD_TO_DAY}


def _currencies(text: str) -> set[str]:
    return {m.lower() for m in _CURRENCY.findall(text)}


def grounding_problems(reply: str, *, sources: list[str]) -> list[str]:
    """What the reply states that no source holds ("number 150", "link x.com"); empty when grounded."""
    source = "\n".join(sources)
    groups = _groups(source)
    # A long run may be part of a phone number the source wrote with other separators.
    problems = [
        f"number {n}"
        for n in sorted(_numbers(reply) - _numbers(source))
        if not (len(n) >= 4 and any(n in group for group in groups))
    ]
    source_links = _links(source)
    problems += [f"link {link}" for link in sorted(_links(reply)) if not any(link in s for s in source_links)]
    problems += [f"currency {c}" for c in sorted(_currencies(reply) - _currencies(source))]
    problems += [f"weekday {d}" for d in sorted(_days(reply) - _days(source))]
    return problems
