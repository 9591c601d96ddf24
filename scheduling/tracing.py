"""Who acts on the calendar, and the trace of each call the booking flow makes: a
SCHEDULING_CALL event per call made for a conversation (ids and ISO instants only, never
names, phone numbers or reasons)."""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from time import perf_counter
from typing import Any

from django.db import models, transaction

from audit.models import TraceEvent
from audit.services import trace_record
from scheduling.availability import Preference, Slot, TimeWindow
from scheduling.exceptions import SchedulingError
from scheduling.models import Appointment


@dataclass(frozen=True)
class Actor:
    """Who acts: the bot (user None, source whatsapp), a staff member, or an API client."""

    source: str = Appointment.Source.WHATSAPP
    user: Any = None

    @classmethod
    def bot(cls) -> "Actor":
        return cls()

    @classmethod
    def staff(cls, user: Any, *, source: str = Appointment.Source.STAFF) -> "Actor":
        return cls(source=source, user=user)

    @property
    def is_bot(self) -> bool:
        return self.user is None and self.source == Appointment.Source.WHATSAPP


_PRIVATE_ARGUMENTS = {"name", "phone", "date_of_birth", "reason"}


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Actor):
        return {"source": str(value.source), "user_id": getattr(value.user, "pk", None)}
    if isinstance(value, Slot):
        return {"start": value.start.isoformat(), "practitioner_id": value.practitioner_id}
    if isinstance(value, TimeWindow):
        return [value.start.isoformat(), value.end.isoformat()]
    if isinstance(value, Preference):
        return {"day": value.day.isoformat(), "window": _plain(value.window)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value[:10]]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return repr(value)


def traced(func: Callable) -> Callable:
    name = func.__name__

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        conversation_id = kwargs.get("conversation_id")
        if conversation_id is None:
            return func(**kwargs)
        started = perf_counter()
        outcome, result = "ok", None
        try:
            result = func(**kwargs)
            return result
        except SchedulingError as exc:
            outcome = type(exc).__name__
            raise
        except Exception as exc:
            outcome = f"error:{type(exc).__name__}"
            raise
        finally:
            payload = {
                "call": name,
                "arguments": {
                    k: _plain(v)
                    for k, v in kwargs.items()
                    if k not in _PRIVATE_ARGUMENTS and k != "conversation_id"
                },
                "outcome": outcome,
                "result": _plain(result),
                "duration_ms": round((perf_counter() - started) * 1000, 2),
            }
            # A broken outer transaction cannot take the row; the caller's error wins.
            if not transaction.get_connection().needs_rollback:
                trace_record(
                    conversation_id=conversation_id,
                    type=TraceEvent.Type.SCHEDULING_CALL,
                    payload=payload,
                )

    return wrapper
