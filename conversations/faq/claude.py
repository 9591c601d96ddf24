"""Claude rephrases an approved answer to fit the patient's question; code decides what is sent.

The model sees only the retrieved approved answers and the question. It must answer from
them or reply NO_ANSWER. Its text is then checked (`grounding.grounding_problems`); any
failure, timeout or HTTP error means the approved answer goes out verbatim.
"""

import logging
from dataclasses import dataclass

import anthropic
from django.conf import settings

NO_ANSWER = "NO_ANSWER"
_LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pt-BR": "Brazilian Portuguese"}

logger = logging.getLogger(__name__)


class FaqModelError(Exception):
    def __init__(self, message: str, *, reason: str, retryable: bool) -> None:
        super().__init__(message)
        self.reason = reason
        self.retryable = retryable  # False: bad key, bad request, an empty or refused answer


@dataclass(frozen=True)
class Rephrasing:
    text: str  # NO_ANSWER when the model says the sources do not answer
    usage: dict[str, int]


def system_prompt(*, sources: list[str], language: str, clinic_name: str) -> str:
    numbered = "\n".join(f"<source id={i}>\n{text}\n</source>" for i, text in enumerate(sources, 1))
    return "\n".join(
        [
            f"You answer WhatsApp questions for {clinic_name or 'a medical clinic'}.",
            "Answer ONLY from the approved sources below; you may shorten or rephrase them to fit the",
            "question, but never add a fact, number, price, phone number, time, day, address or link",
            "that is not written in them.",
            f"If the sources do not answer the question, reply exactly {NO_ANSWER} and nothing else.",
            "Never give medical advice.",
            f"Reply in {_LANGUAGE_NAMES.get(language, 'English')}, in at most three short sentences,",
            "as plain text without markdown.",
            numbered,
        ]
    )


def _client() -> anthropic.Anthropic:
    return anthropic.Anthropic(
        api_key=settings.ANTHROPIC_API_KEY,
        base_url=settings.ANTHROPIC_BASE_URL or None,
        timeout=settings.NLU_TIMEOUT_SECONDS,
        max_retries=1,
    )


def faq_rephrase(*, question: str, sources: list[str], language: str, clinic_name: str = "") -> Rephrasing:
    """One Messages API call. Raises FaqModelError on timeout, HTTP error or an empty answer."""
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
    return Rephrasing(NO_ANSWER if text.strip(" .") == NO_ANSWER else text, usage)
