"""Claude rephrases an approved answer to fit the patient's question; code decides what is sent.

The model sees only the retrieved approved answers and the question. It must answer from
one of them, starting with that source's number ("[2] ..."), or reply NO_ANSWER. The
caller checks the text against the cited source (`grounding.grounding_problems`); a
failure, timeout or HTTP error means the verbatim answer or "I don't know".
"""

import logging
import re
from dataclasses import dataclass

import anthropic
from django.conf import settings

from conversations.understanding.languages import BY_CODE, FALLBACK, pack_for

NO_ANSWER = "NO_ANSWER"

logger = logging.getLogger(__name__)


class FaqModelError(Exception):
    def __init__(self, message: str, *, reason: str, retryable: bool) -> None:
        super().__init__(message)
        self.reason = reason
        self.retryable = retryable  # False: bad key, bad request, an empty or refused answer


@dataclass(frozen=True)
class Rephrasing:
    text: str  # NO_ANSWER when the model says the sources do not answer
    source: int | None  # 1-based number of the source the answer comes from
    usage: dict[str, int]


_CITED = re.compile(r"^\s*\[(\d{1,2})\]\s*(.+)$", re.S)


def system_prompt(*, sources: list[str], language: str, clinic_name: str) -> str:
    numbered = "\n".join(f"<source id={i}>\n{text}\n</source>" for i, text in enumerate(sources, 1))
    return "\n".join(
        [
            f"You answer WhatsApp questions for {clinic_name or 'a medical clinic'}.",
            "Answer ONLY from ONE of the approved sources below; you may shorten or rephrase it to fit",
            "the question, but never add a fact, number, price, phone number, time, day, address or",
            "link that is not written in it. Start your reply with the source's number in brackets,",
            "for example [1].",
            f"If the sources do not answer the question, reply exactly {NO_ANSWER} and nothing else.",
            "Never give medical advice.",
            f"Reply in {_english_name(language)}, in at most three short sentences,",
            "as plain text without markdown.",
            numbered,
        ]
    )


def _client() -> anthropic.Anthropic:
    return anthropic.Anthropic(
        api_key=settings.ANTHROPIC_API_KEY,
        base_url=settings.ANTHROPIC_BASE_URL or None,
        timeout=settings.NLU_TIMEOUT_SECONDS,
        max_retries=0,  # one deadline: a retry would double the timeout a patient waits
    )


def faq_rephrase(*, question: str, sources: list[str], language: str, clinic_name: str = "") -> Rephrasing:
    """One Messages API call. Raises FaqModelError on timeout, HTTP error, or an answer that is
    empty, refused or does not cite one of the sources."""
    try:
        message = _client().messages.create(
            model=settings.NLU_MODEL,
            max_tokens=300,
            system=system_prompt(sources=sources, language=language, clinic_name=clinic_name),
            messages=[{"role": "user", "content": question}],
        )
    except anthropic.APITimeoutError as exc:
        raise FaqModelError(str(exc), reason="timeout", retryable=True) from exc
    except anthropic.APIConnectionError as exc:
        raise FaqModelError(str(exc), reason="connection", retryable=True) from exc
    except anthropic.APIStatusError as exc:
        retryable = exc.status_code in (408, 409, 429) or exc.status_code >= 500
        raise FaqModelError(str(exc), reason=f"http_{exc.status_code}", retryable=retryable) from exc
    usage = {
        "input_tokens": message.usage.input_tokens or 0,
        "output_tokens": message.usage.output_tokens or 0,
    }
    text = " ".join(block.text for block in message.content if block.type == "text").strip()
    if message.stop_reason == "refusal" or not text:
        raise FaqModelError("empty or refused answer", reason="invalid_output", retryable=False)
    if text.strip(" .") == NO_ANSWER:
        return Rephrasing(NO_ANSWER, None, usage)
    cited = _CITED.match(text)
    if not cited or not 1 <= int(cited.group(1)) <= len(sources):
        raise FaqModelError("the answer cites no source", reason="uncited", retryable=False)
    return Rephrasing(cited.group(2).strip(), int(cited.group(1)), usage)


def _english_name(language: str) -> str:
    return (pack_for(language) or BY_CODE[FALLBACK]).english_name
