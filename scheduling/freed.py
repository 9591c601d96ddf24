"""Telling whoever listens that calendar time became free: a cancellation, a move, a
released hold, time off taken back. The calendar knows nothing of who waits for the time
(booking's waitlist does, and booking depends on scheduling, never the reverse), so a
listener registers here from its AppConfig.ready() and is called after the transaction
that freed the time commits; a rolled-back change frees nothing."""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction

from scheduling.models import SlotHold

# (clinic id, practitioner id, start, end) of the freed time.
Listener = Callable[[int, int, datetime, datetime], None]
_listeners: dict[str, Listener] = {}


def slot_freed_listen(*, name: str, listener: Listener) -> None:
    """Call `listener` whenever time frees; registering a name again replaces it."""
    _listeners[name] = listener


def slot_freed(*, clinic_id: int, practitioner_id: int, start: datetime, end: datetime) -> None:
    """Announce freed time once the enclosing transaction commits (at once outside one)."""
    for listener in list(_listeners.values()):
        transaction.on_commit(
            lambda listener=listener: listener(clinic_id, practitioner_id, start, end), robust=True
        )


def slot_freed_of(record) -> None:
    """Announce the time of a cancelled appointment or a released hold as freed."""
    slot_freed(
        clinic_id=record.clinic_id, practitioner_id=record.practitioner_id, start=record.start, end=record.end
    )


def slot_holds_give_back(**filters) -> int:
    """Delete the unbooked holds matching `filters` (SlotHold lookups), each announced as
    freed after commit; returns how many. Idempotent: a hold deleted meanwhile (another
    worker gave it back, or it was booked) is not announced."""
    given = 0
    for hold in SlotHold.objects.filter(appointment__isnull=True, **filters):
        if SlotHold.objects.filter(pk=hold.pk, appointment__isnull=True).delete()[0]:
            slot_freed_of(hold)
            given += 1
    return given
