"""The JSON payload the orchestrator stores in INTENT_CLASSIFIED / EMERGENCY_DETECTED traces."""

from typing import Any

from conversations.understanding.types import TimeResolution, Understanding


def understanding_trace(result: Understanding) -> dict[str, Any]:
    """Everything needed to replay and cost the decision; no patient text beyond the values."""
    e = result.entities
    payload: dict[str, Any] = {
        "intent": result.intent.value,
        "confidence": round(result.confidence, 3),
        "language": result.language,
        "engine": result.engine,
        "rule_ids": list(result.rule_ids),
        "latency_ms": round(result.latency_ms, 3),
        "usage": dict(result.usage),
        "fallback_reason": result.fallback_reason,
        "entities": {
            "when": _when(e.when),
            "period": e.period.value if e.period else None,
            "practitioner_ids": list(e.practitioner_ids),
            "specialty": e.specialty,
            "appointment_type_code": e.appointment_type_code,
            "option": e.option,
            "option_time": e.option_time.isoformat() if e.option_time else None,
            "yes_no": e.yes_no,
            "has_full_name": e.full_name is not None,
            "has_date_of_birth": e.date_of_birth is not None,
        },
    }
    if result.emergency is not None:
        payload["emergency"] = {
            "rule_id": result.emergency.rule_id,
            "category": result.emergency.category,
            "version": result.emergency.version,
        }
    return payload


def _when(when: TimeResolution | None) -> dict[str, Any] | None:
    if when is None:
        return None
    return {
        # Never the patient's words: the expression is often the whole message, and traces
        # are append-only, so erasure could not reach it.
        "start": when.start.isoformat() if when.start else None,
        "end": when.end.isoformat() if when.end else None,
        "granularity": when.granularity,
        "ambiguous": when.ambiguous,
        "readings": [r.start.isoformat() for r in when.readings],
        "past": when.past,
    }
