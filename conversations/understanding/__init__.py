"""Understanding one patient message: emergency rules, then an engine, then validation.

Policy (`EngineSettings.policy`): `local` never leaves the process; `claude` asks the model
for every message that is not a button tap or an expected short answer; `hybrid` runs the
local engine first and asks the model only when the local engine is unsure. Whatever the
engine, the emergency rules run first on the patient's text and again on what the model
returned, and every date, record and value is resolved and validated by our code.

Nothing here imports Django: the clinic directory, the clock and the engine settings come in
as arguments, so every engine is testable and benchmarkable as a plain function.
"""

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from conversations.understanding import language as language_mod
from conversations.understanding.claude import understand_claude
from conversations.understanding.emergency import emergency_detect
from conversations.understanding.languages import FALLBACK, language_code
from conversations.understanding.local import CONFIDENT, understand_local
from conversations.understanding.text import fold
from conversations.understanding.types import (
    LOCAL_ENGINE,
    AppointmentTypeRef,
    ClinicDirectory,
    EngineSettings,
    Entities,
    Expecting,
    Intent,
    PractitionerRef,
    TimeResolution,
    Understanding,
)

__all__ = [
    "AppointmentTypeRef",
    "ClinicDirectory",
    "EngineSettings",
    "Entities",
    "Expecting",
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
    expecting: Expecting | None = None,
    engine: EngineSettings = LOCAL_ENGINE,
) -> Understanding:
    """Understand one message. Pure apart from the optional model call; never raises for
    model trouble (the local result is returned and `fallback_reason` says why)."""
    started = time.perf_counter()
    expecting = Expecting(expecting) if expecting else None  # a plain string is accepted too
    zone = ZoneInfo(directory.time_zone)
    now = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    if button_payload:
        # A tap sends the bot's own option title: it says nothing of the patient's language.
        language = language_code(language_hint or directory.default_language) or FALLBACK
    else:
        language = language_mod.detect(
            text,
            hint=language_hint or directory.default_language,
            hint_weight=1.25 if language_hint else language_mod.DEFAULT_HINT_WEIGHT,
            names=directory.name_words,
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
    if engine.policy == "local" or not _model_may_help(text, local, button_payload, expecting, engine):
        return _timed(local, started)

    result = understand_claude(
        text,
        directory=directory,
        now=now,
        language=language,
        expecting=expecting,
        fallback=local,
        engine=engine,
    )
    return _timed(result, started)


def _model_may_help(
    text: str, local: Understanding, button_payload: str, expecting: Expecting | None, engine: EngineSettings
) -> bool:
    if button_payload or not engine.api_key:
        return False
    if local.intent in (Intent.CHOOSE_OPTION, Intent.AFFIRM, Intent.DENY):
        return False
    if expecting in (Expecting.OPTION, Expecting.YES_NO) and _SHORT_ANSWER.match(fold(text)):
        return False
    if engine.policy == "claude":
        return True
    return local.confidence < CONFIDENT


def _timed(result: Understanding, started: float) -> Understanding:
    result.latency_ms = (time.perf_counter() - started) * 1000
    return result
