"""Claude chooses the approved entry that answers a patient's question; code decides what is sent.

The model sees only the retrieved approved answers, each with its entry id, and the
question. A forced tool (`choose_answer`) returns the id of the one entry that answers, or
null, with a confidence; with `FAQ_REPHRASE` on it may also return the entry's text
rephrased to fit the question. The caller sends the entry's approved text, or checks the
rephrasing against it (`grounding.rephrasing_problems`). A failure, timeout or HTTP error
means the verbatim answer or "I don't know".
"""

import logging
from dataclasses import dataclass
from typing import Any

import anthropic
from django.conf import settings

from conversations.understanding.languages import BY_CODE, FALLBACK, pack_for

TOOL = "choose_answer"
CHOICE_FLOOR = 0.5  # a choice the model itself rates lower is treated as none

logger = logging.getLogger(__name__)


class FaqModelError(Exception):
    def __init__(self, message: str, *, reason: str, retryable: bool) -> None:
        super().__init__(message)
        self.reason = reason
        self.retryable = retryable  # False: bad key, bad request, an empty or refused answer


@dataclass(frozen=True)
class Choice:
    entry_id: int | None  # None: no approved entry answers the question
    confidence: float
    rephrasing: str  # the entry's text fitted to the question; "" unless asked for
    usage: dict[str, int]
    why_none: str = ""  # "model_none", "unknown_entry" (an id we did not offer) or "unsure"


def system_prompt(*, entries: dict[int, str], language: str, clinic_name: str, rephrase: bool) -> str:
    listed = "\n".join(f"<entry id={entry_id}>\n{text}\n</entry>" for entry_id, text in entries.items())
    lines = [
        f"You help answer WhatsApp questions for {clinic_name or 'a medical clinic'}.",
        f"Call {TOOL} with the id of the ONE approved entry below that answers the patient's",
        "question, or null when none of them does, and how sure you are (0 to 1).",
        "An entry that is only about the same subject does not answer the question.",
    ]
    if rephrase:
        lines += [
            f"In `rephrasing`, give that entry's text shortened to fit the question, in"
            f" {_english_name(language)}, in at most three short sentences of plain text.",
            "Use only the entry's own facts and words; never add a fact, number, price, phone",
            "number, time, day, address, link or advice, never ask for personal or card details.",
        ]
    return "\n".join([*lines, "Never give medical advice.", listed])


def choice_tool(*, entry_ids: list[int], rephrase: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "entry_id": {
            "type": ["integer", "null"],
            "enum": [*entry_ids, None],
            "description": "The id of the approved entry that answers the question; null if none does.",
        },
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    }
    if rephrase:
        properties["rephrasing"] = {"type": "string", "description": "The chosen entry's text, fitted."}
    return {
        "name": TOOL,
        "description": "Record which approved entry answers the patient's question.",
        "input_schema": {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        },
    }


def _client() -> anthropic.Anthropic:
    return anthropic.Anthropic(
        api_key=settings.ANTHROPIC_API_KEY,
        base_url=settings.ANTHROPIC_BASE_URL or None,
        timeout=settings.NLU_TIMEOUT_SECONDS,
        max_retries=0,  # one deadline: a retry would double the timeout a patient waits
    )


def faq_choose(
    *, question: str, entries: dict[int, str], language: str, clinic_name: str = "", rephrase: bool = False
) -> Choice:
    """One Messages API call with a forced tool over `entries` (entry id -> approved text).

    Raises FaqModelError on timeout, HTTP error, or a missing, refused or malformed tool
    call. An id that is not one of `entries`, null, or a confidence under CHOICE_FLOOR is a
    Choice with no entry (`why_none` says which)."""
    try:
        message = _client().messages.create(
            model=settings.NLU_MODEL,
            max_tokens=400,
            system=system_prompt(
                entries=entries, language=language, clinic_name=clinic_name, rephrase=rephrase
            ),
            messages=[{"role": "user", "content": question}],
            tools=[choice_tool(entry_ids=list(entries), rephrase=rephrase)],
            tool_choice={"type": "tool", "name": TOOL},
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
    called = [block.input for block in message.content if block.type == "tool_use" and block.name == TOOL]
    if message.stop_reason == "refusal" or not called or not isinstance(called[0], dict):
        raise FaqModelError("no choice recorded", reason="invalid_output", retryable=False)
    chosen, confidence, rephrasing = (called[0].get(key) for key in ("entry_id", "confidence", "rephrasing"))
    if isinstance(confidence, bool) or not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise FaqModelError(
            "confidence is not a number from 0 to 1", reason="invalid_output", retryable=False
        )
    rephrasing = rephrasing.strip() if rephrase and isinstance(rephrasing, str) else ""
    if chosen is None:
        return Choice(None, float(confidence), "", usage, why_none="model_none")
    if isinstance(chosen, bool) or chosen not in entries:
        logger.warning("faq.claude.unknown_entry")
        return Choice(None, float(confidence), "", usage, why_none="unknown_entry")
    if confidence < CHOICE_FLOOR:
        return Choice(None, float(confidence), "", usage, why_none="unsure")
    return Choice(chosen, float(confidence), rephrasing, usage)


def _english_name(language: str) -> str:
    return (pack_for(language) or BY_CODE[FALLBACK]).english_name
