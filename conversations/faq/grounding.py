"""The grounding check: a rephrased answer may not state a fact its sources do not hold.

Facts here are what a patient acts on and a model is known to invent: numbers (prices,
phone numbers, times, days, counts) in digits or words, links and e-mail addresses,
currencies and weekdays, whose words come from the registered language packs. Each one in
the reply must be present in the approved sources. A rephrasing of one approved answer
(`rephrasing_problems`) is held to more: every content word, stemmed, must be the answer's
("free parking", "every health plan" are claims with no number), no negation may be lost,
and the advice filter must pass. Otherwise the reply is rejected and the approved text is
sent verbatim.
"""

import re

from conversations.faq.limits import faq_instructions, faq_is_billing_dispute, faq_is_clinical
from conversations.faq.retrieval import concept, stem
from conversations.understanding.languages import BY_CODE, FALLBACK, PACKS, pack_for
from conversations.understanding.text import fold

_LINK = re.compile(
    r"(https?://[^\s<>\"']+|www\.[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|br|es|ar|mx|io|app|health|clinic|info|me|ly|gl)\b(?:/[^\s]*)?)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
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


def _stems(words: list[str]) -> set[str]:
    return {stem(w) for w in words} | {concept(w) for w in words}


def unsupported_words(reply: str, *, source: str, language: str) -> list[str]:
    """The reply's content words that the source does not carry, each compared by stem and by
    synonym group ("car park" may say "parking"); the reply language's stop words are skipped,
    its claim words ("any", "can") are not. Words of one letter and numbers are left to the
    checks above."""
    pack = pack_for(language) or BY_CODE[FALLBACK]
    skipped = frozenset(pack.faq.stop_words.split()) - frozenset(pack.faq.claim_words.split())
    carried = _stems(_WORD.findall(fold(source)))
    return sorted(
        {
            w
            for w in _WORD.findall(fold(reply))
            if len(w) > 1 and w not in skipped and not _stems([w]) & carried
        }
    )


def lost_negations(reply: str, *, source: str, language: str) -> int:
    """How many negated sentences of the source the reply takes up without a negation of its
    own: a sentence is taken up when the reply uses a word that only it holds ("Centro has
    parking" from "Centro has no parking"); a sentence left out loses nothing."""
    pack = pack_for(language) or BY_CODE[FALLBACK]
    negations = frozenset(pack.faq.negation_words.split())
    sentences = [_WORD.findall(fold(part)) for part in re.split(r"[.;!?\n]+", source)]
    replied = _WORD.findall(fold(reply))
    reply_stems = _stems([w for w in replied if w not in negations])
    taken = 0
    for i, words in enumerate(sentences):
        if not negations & set(words):
            continue
        others = _stems([w for j, other in enumerate(sentences) if j != i for w in other])
        own = _stems([w for w in words if w not in negations and len(w) > 2]) - others
        taken += bool(own & reply_stems)
    return max(0, taken - sum(1 for w in replied if w in negations))


def rephrasing_problems(reply: str, *, source: str, language: str) -> list[str]:
    """Why a rephrasing of the approved `source` may not be sent: a fact (number, link,
    price, weekday) or a content word it does not hold, a negation it loses, or advice the
    limits refuse. Empty when every claim in the reply is carried by the source."""
    problems = grounding_problems(reply, sources=[source])
    problems += [f"word {w}" for w in unsupported_words(reply, source=source, language=language)]
    if lost_negations(reply, source=source, language=language):
        problems.append("negation dropped")
    if problem := advice_problem(reply, source=source):
        problems.append(problem)
    return problems


def advice_problem(text: str, *, source: str = "") -> str:
    """The advice filter on a text the bot would send: "clinical" when the limits would refuse
    it as a question or it gives an instruction (what to take, stop, eat or drink, health term
    or not) that the approved `source` it stands for does not give itself, "billing" for a
    waiver, else "". Run on every text not taken verbatim from fixed copy or approved content."""
    if faq_is_clinical(text):
        return "clinical"
    if set(faq_instructions(text)) - set(faq_instructions(source)):
        return "clinical"
    if faq_is_billing_dispute(text):
        return "billing"
    return ""


def problem_kinds(problems: list[str]) -> list[str]:
    """What kinds of problem were found ("word", "number", "clinical"), without the words
    themselves: traces keep no text a model or a patient wrote."""
    return sorted({problem.split()[0] for problem in problems})
