from typing import Any

from audit.models import StaffAction, TraceEvent


def trace_record(
    *,
    conversation_id: int,
    type: TraceEvent.Type,
    payload: dict[str, Any] | None = None,
    actor: str = "bot",
    booking_session_id: int | None = None,
) -> TraceEvent:
    """Append one trace event. Never updates or deletes; safe inside any transaction."""
    return TraceEvent.objects.create(
        conversation_id=conversation_id,
        type=type,
        actor=actor,
        payload=payload or {},
        booking_session_id=booking_session_id,
    )


def staff_action_record(
    *,
    user_id: int | None,
    action: str,
    conversation_id: int | None = None,
    appointment_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> StaffAction:
    """Audit one staff action (who, what, on which conversation or appointment)."""
    return StaffAction.objects.create(
        user_id=user_id,
        action=action,
        conversation_id=conversation_id,
        appointment_id=appointment_id,
        detail=detail or {},
    )
