"""The Claude engine: the model finds intent, expressions and record references through one
forced tool call; our code resolves dates and validates every value.

The model never resolves a date (it copies the patient's words, `dates.resolve` does the
rest), never invents a practitioner (ids outside the directory are dropped) and never adds
a field (an unexpected key rejects the whole answer). On timeout, HTTP error or an answer
that fails validation, the local result is returned with `fallback_reason` set, so a model
outage degrades understanding instead of stopping the bot.
"""

import json
import logging
import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import anthropic

from conversations.understanding.dates import resolve
from conversations.understanding.emergency import emergency_detect
from conversations.understanding.languages import CODES
from conversations.understanding.types import (
    ClinicDirectory,
    EngineSettings,
    Entities,
    Expecting,
    Intent,
    Period,
    Understanding,
)

logger = logging.getLogger(__name__)

TOOL_NAME = "record_understanding"
_FIELDS: dict[str, dict[str, Any]] = {
    "intent": {"type": "string", "enum": [i.value for i in Intent]},
    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    "language": {"type": "string", "enum": list(CODES)},
    "date_time_expression": {
        "type": ["string", "null"],
        "description": "The patient's own words for the date/time, verbatim, never resolved.",
    },
    "period": {"type": ["string", "null"], "enum": [*[p.value for p in Period], None]},
    "practitioner_ids": {"type": "array", "items": {"type": "integer"}},
    "specialty": {"type": ["string", "null"]},
    "appointment_type_code": {"type": ["string", "null"]},
    "option": {"type": ["integer", "null"], "description": "1-based number of the offered option"},
    "option_time": {"type": ["string", "null"], "description": "HH:MM of the offered slot named"},
    "yes_no": {"type": ["boolean", "null"]},
    "full_name": {"type": ["string", "null"]},
    "date_of_birth": {"type": ["string", "null"], "description": "YYYY-MM-DD"},
    "emergency": {
        "type": "boolean",
        "description": "true if the message may describe an emergency",
    },
}
_REQUIRED = ["intent", "confidence", "language"]


class NluModelError(Exception):
    def __init__(self, message: str, *, reason: str, retryable: bool) -> None:
        super().__init__(message)
        self.reason = reason
        self.retryable = retryable  # False: bad key, bad request, an answer that fails validation


def tool_definition(directory: ClinicDirectory) -> dict[str, Any]:
    properties = dict(_FIELDS)
    specialties = sorted({s for p in directory.practitioners for s in p.specialties})
    codes = [t.code for t in directory.appointment_types]
    properties["specialty"] = {"type": ["string", "null"], "enum": [*specialties, None]}
    properties["appointment_type_code"] = {"type": ["string", "null"], "enum": [*codes, None]}
    return {
        "name": TOOL_NAME,
        "description": "Record what the patient's message means for the booking assistant.",
        "input_schema": {
            "type": "object",
            "properties": properties,
            "required": _REQUIRED,
            "additionalProperties": False,
        },
    }


_ASKED_FOR = {
    Expecting.NAME: "the patient's full name",
    Expecting.DATE_OF_BIRTH: "the patient's date of birth",
    Expecting.DATE: "the day and time that suit them",
    Expecting.YES_NO: "a yes or no to confirm",
}


def system_prompt(*, directory: ClinicDirectory, now: datetime, expecting: Expecting | None) -> str:
    local_now = now.astimezone(ZoneInfo(directory.time_zone))
    practitioners = "; ".join(
        f"{p.id}={p.name} ({', '.join(p.specialties)})" for p in directory.practitioners
    )
    types = "; ".join(f"{t.code}={' / '.join(t.names.values())}" for t in directory.appointment_types)
    lines = [
        f"You classify WhatsApp messages to {directory.name or 'a medical clinic'}."
        " You work for its booking assistant.",
        f"Now in the clinic: {local_now:%A %Y-%m-%d %H:%M} ({directory.time_zone}).",
        f"Practitioners (id=name): {practitioners or 'none'}.",
        f"Appointment types (code=names): {types or 'none'}.",
        "Patients write English, Spanish or Brazilian Portuguese, often with typos.",
        "Copy date/time words verbatim into date_time_expression; never compute dates.",
        "Use only the ids and codes listed; leave a field null when unsure.",
        "Set emergency=true for any possible medical emergency or self-harm.",
        "Never give medical advice.",
    ]
    if expecting is Expecting.OPTION:
        lines.append(
            "A booking is under way: the assistant just offered choices (times, kinds of visit or "
            "appointments). A number, a time or a weekday naming one is choose_option; taking the "
            "offer, naming another time or trying again is intent book."
        )
    elif expecting:
        lines.append(f"The assistant just asked the patient for: {_ASKED_FOR[expecting]}.")
    return "\n".join(lines)


def _client(engine: EngineSettings) -> anthropic.Anthropic:
    return anthropic.Anthropic(
        api_key=engine.api_key,
        base_url=engine.base_url or None,
        timeout=engine.timeout_seconds,
        max_retries=0,  # one deadline: a retry would double the timeout a patient waits
    )


def model_call(
    text: str,
    *,
    directory: ClinicDirectory,
    now: datetime,
    expecting: Expecting | None,
    engine: EngineSettings,
) -> tuple[dict[str, Any], dict[str, int]]:
    """One Messages API call with a forced tool. Raises NluModelError."""
    try:
        message = _client(engine).messages.create(
            model=engine.model,
            max_tokens=400,
            system=system_prompt(directory=directory, now=now, expecting=expecting),
            tools=[tool_definition(directory)],
            tool_choice={"type": "tool", "name": TOOL_NAME},
            messages=[{"role": "user", "content": text}],
        )
    except anthropic.APITimeoutError as exc:
        raise NluModelError(str(exc), reason="timeout", retryable=True) from exc
    except anthropic.APIConnectionError as exc:
        raise NluModelError(str(exc), reason="connection", retryable=True) from exc
    except anthropic.APIStatusError as exc:
        retryable = exc.status_code in (408, 409, 429) or exc.status_code >= 500
        raise NluModelError(str(exc), reason=f"http_{exc.status_code}", retryable=retryable) from exc
    usage = _usage(message.usage)
    for block in message.content:
        if block.type == "tool_use" and block.name == TOOL_NAME:
            if not isinstance(block.input, dict):
                break
            return block.input, usage
    raise NluModelError("no tool_use block in the answer", reason="invalid_output", retryable=False)


def _usage(usage: Any) -> dict[str, int]:
    return {
        "input_tokens": usage.input_tokens or 0,
        "output_tokens": usage.output_tokens or 0,
        "cache_creation_input_tokens": getattr(usage, "cache_creation_input_tokens", 0) or 0,
        "cache_read_input_tokens": getattr(usage, "cache_read_input_tokens", 0) or 0,
    }


def validate(
    raw: dict[str, Any], *, directory: ClinicDirectory, now: datetime, language: str
) -> Understanding:
    """Turn the model's tool input into an Understanding, or raise NluModelError.

    An invented field or an impossible value rejects the whole answer; an id that is not
    in the directory is dropped and noted in rule_ids.
    """
    extra = set(raw) - set(_FIELDS)
    if extra:
        raise _invalid(f"unexpected fields {sorted(extra)}")
    try:
        intent = Intent(raw["intent"])
        confidence = float(raw["confidence"])
    except (KeyError, ValueError, TypeError) as exc:
        raise _invalid(f"bad intent or confidence: {exc}") from exc
    if not 0 <= confidence <= 1:
        raise _invalid("confidence out of range")
    notes: list[str] = []
    answer_language = raw.get("language") if raw.get("language") in CODES else language
    entities = Entities()

    expression = raw.get("date_time_expression")
    if expression:
        if not isinstance(expression, str):
            raise _invalid("date_time_expression is not text")
        entities.when = resolve(expression, language=answer_language, now=now, zone=directory.time_zone)
        if entities.when is None:
            notes.append("claude.rejected.date_time_expression")
    if raw.get("period") is not None:
        try:
            entities.period = Period(raw["period"])
        except ValueError as exc:
            raise _invalid(f"unknown period {raw['period']!r}") from exc
    elif entities.when is not None:
        entities.period = entities.when.period

    known_ids = {p.id for p in directory.practitioners}
    ids = raw.get("practitioner_ids") or []
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise _invalid("practitioner_ids must be integers")
    entities.practitioner_ids = [i for i in ids if i in known_ids]
    if len(entities.practitioner_ids) != len(ids):
        notes.append("claude.rejected.practitioner_id")

    specialties = {s for p in directory.practitioners for s in p.specialties}
    if (specialty := raw.get("specialty")) is not None:
        if specialty in specialties:
            entities.specialty = specialty
        else:
            notes.append("claude.rejected.specialty")
    codes = {t.code for t in directory.appointment_types}
    if (code := raw.get("appointment_type_code")) is not None:
        if code in codes:
            entities.appointment_type_code = code
        else:
            notes.append("claude.rejected.appointment_type_code")

    option = raw.get("option")
    if option is not None:
        if not isinstance(option, int) or isinstance(option, bool) or not 1 <= option <= 50:
            raise _invalid(f"impossible option {option!r}")
        entities.option = option
    if raw.get("option_time") is not None:
        entities.option_time = _parse_time(raw["option_time"])
    yes_no = raw.get("yes_no")
    if yes_no is not None and not isinstance(yes_no, bool):
        raise _invalid("yes_no must be a boolean")
    entities.yes_no = yes_no
    if (name := raw.get("full_name")) is not None:
        if not isinstance(name, str) or not re.fullmatch(r"[^\W\d_]+(?:[ '\-][^\W\d_]+){0,6}", name.strip()):
            raise _invalid("full_name is not a name")
        entities.full_name = name.strip()
    if raw.get("date_of_birth") is not None:
        entities.date_of_birth = _parse_birth_date(raw["date_of_birth"], today=now.date())

    return Understanding(intent, confidence, answer_language, entities, engine="claude", rule_ids=notes)


def _invalid(message: str) -> NluModelError:
    return NluModelError(message, reason="invalid_output", retryable=False)


def _parse_time(value: Any) -> time:
    if not isinstance(value, str) or not (m := re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())):
        raise _invalid(f"impossible option_time {value!r}")
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        raise _invalid(f"impossible option_time {value!r}")
    return time(hour, minute)


def _parse_birth_date(value: Any, *, today: date) -> date:
    try:
        parsed = date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise _invalid(f"impossible date_of_birth {value!r}") from exc
    if not date(1900, 1, 1) <= parsed < today:
        raise _invalid(f"implausible date_of_birth {value!r}")
    return parsed


def understand_claude(
    text: str,
    *,
    directory: ClinicDirectory,
    now: datetime,
    language: str,
    expecting: Expecting | None,
    fallback: Understanding,
    engine: EngineSettings,
) -> Understanding:
    """Ask the model; on any failure return `fallback` (the local result) with the reason."""
    usage: dict[str, int] = {}
    try:
        raw, usage = model_call(text, directory=directory, now=now, expecting=expecting, engine=engine)
        result = validate(raw, directory=directory, now=now, language=language)
    except NluModelError as exc:
        logger.warning("nlu.claude.fallback reason=%s detail=%s", exc.reason, exc)
        fallback.fallback_reason = exc.reason
        fallback.rule_ids = [*fallback.rule_ids, f"claude.fallback.{exc.reason}"]
        fallback.usage = usage
        return fallback
    result.usage = usage
    # The guardrail runs again on what the model said, and a model's alarm is never ignored.
    echoed = emergency_detect(json.dumps(raw, ensure_ascii=False), extra_phrases=directory.emergency_phrases)
    if echoed is not None or raw.get("emergency") is True or result.intent is Intent.EMERGENCY:
        result.intent = Intent.EMERGENCY
        result.emergency = echoed
        result.rule_ids.append(echoed.rule_id if echoed else "claude.emergency_flag")
    return result
