from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from audit.models import StaffAction, TraceEvent
from clinicbot.tenancy import clinic_id_of, clinic_scoped_id

# The events recorded inside trace_batch(), waiting for its single INSERT.
_pending: ContextVar[list[TraceEvent] | None] = ContextVar("trace_pending", default=None)


def trace_record(
    *,
    conversation_id: int,
    type: TraceEvent.Type,
    payload: dict[str, Any] | None = None,
    actor: str = "bot",
    booking_session_id: int | None = None,
) -> TraceEvent:
    """Append one trace event. Never updates or deletes; safe inside any transaction.

    Inside trace_batch() the event is stamped now and inserted when the batch ends (its
    pk is unset until then); elsewhere it is inserted at once."""
    event = TraceEvent(
        clinic_id=clinic_scoped_id() or _conversation_clinic_id(conversation_id),
        conversation_id=conversation_id,
        type=type,
        actor=actor,
        payload=payload or {},
        booking_session_id=booking_session_id,
    )
    pending = _pending.get()
    if pending is None:
        event.save(force_insert=True)
    else:
        pending.append(event)
    return event


def _conversation_clinic_id(conversation_id: int) -> int | None:
    return clinic_id_of(TraceEvent._meta.get_field("conversation").related_model, conversation_id)


@contextmanager
def trace_batch() -> Iterator[None]:
    """Insert the trace events recorded inside in one statement, in recorded order, when
    the block ends. Use it inside the transaction that makes the decisions: when the block
    raises, its events are dropped with everything else. Nested batches join the outer one."""
    if _pending.get() is not None:
        yield
        return
    events: list[TraceEvent] = []
    token = _pending.set(events)
    try:
        yield
    finally:
        _pending.reset(token)
    if events:
        TraceEvent.objects.bulk_create(events)


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
