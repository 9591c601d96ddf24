"""Understanding one patient message: emergency rules, then an engine, then validation.

Policy (settings.NLU_ENGINE): `local` never leaves the process; `claude` asks the model
for every message that is not a button tap or an expected short answer; `hybrid` runs the
local engine first and asks the model only when the local engine is unsure. Whatever the
engine, the emergency rules run first on the patient's text and again on what the model
returned, and every date, record and value is resolved and validated by our code.
"""

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from conversations.nlu import language as language_mod
from conversations.nlu.emergency import emergency_detect, fold
from conversations.nlu.local import CONFIDENT, understand_local
from conversations.nlu.types import (
    AppointmentTypeRef,
    ClinicDirectory,
    Entities,
    Intent,
    PractitionerRef,
    TimeResolution,
    Understanding,
)

__all__ = [
    "AppointmentTypeRef",
    "ClinicDirectory",
    "Entities",
    "Intent",
    "PractitionerRef",
    "TimeResolution",
    "Understanding",
    "understand",
]

# Short, closed answers never need a model: "2", "sí", "ok", "la segunda", "👍".
_SHORT_ANSWER = re.compile(r"^\W*\w{0,12}\W*$")


def understand(
    text: str,
    *,
    directory: ClinicDirectory,
    now: datetime,
    language_hint: str | None = None,
    button_payload: str = "",
    expecting: str | None = None,
    engine: str | None = None,
) -> Understanding:
    """Understand one message. Pure apart from the optional model call; never raises for
    model trouble (the local result is returned and `fallback_reason` says why)."""
    started = time.perf_counter()
    zone = ZoneInfo(directory.time_zone)
    now = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    policy = engine or _setting("NLU_ENGINE", "local")
    language = language_mod.detect(
        text, hint=language_hint or directory.default_language, hint_weight=1.25 if language_hint else 0.75
    )

    emergency = emergency_detect(text, extra_phrases=directory.emergency_phrases)
    if emergency is not None:
        result = Understanding(
            Intent.EMERGENCY,
            1.0,
            language,
            Entities(),
            engine="rules",
            rule_ids=[emergency.rule_id],
            emergency=emergency,
        )
        return _timed(result, started)

    local = understand_local(
        text,
        directory=directory,
        now=now,
        language=language,
        button_payload=button_payload,
        expecting=expecting,
    )
    if policy == "local" or not _model_may_help(text, local, button_payload, expecting, policy):
        return _timed(local, started)

    from conversations.nlu.claude import understand_claude

    result = understand_claude(
        text, directory=directory, now=now, language=language, expecting=expecting, fallback=local
    )
    return _timed(result, started)


def _model_may_help(
    text: str, local: Understanding, button_payload: str, expecting: str | None, policy: str
) -> bool:
    if button_payload or not _setting("ANTHROPIC_API_KEY", ""):
        return False
    if local.intent in (Intent.CHOOSE_OPTION, Intent.AFFIRM, Intent.DENY):
        return False
    if expecting in ("option", "yes_no") and _SHORT_ANSWER.match(fold(text)):
        return False
    if policy == "claude":
        return True
    return local.confidence < CONFIDENT


def _timed(result: Understanding, started: float) -> Understanding:
    result.latency_ms = (time.perf_counter() - started) * 1000
    return result


def _setting(name: str, default: str) -> str:
    from django.conf import settings

    return getattr(settings, name, default) if settings.configured else default
