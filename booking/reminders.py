"""Which reminders are due, computed from the appointments as they are now.

A reminder of kind "24h" is due once an appointment is booked and starts within 24 hours,
and no reminder of that kind exists for it. Reschedules and cancellations need no
clean-up: a cancelled appointment is never due, a rescheduled one is a new appointment.
An appointment booked inside a reminder's window does not get that reminder.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction

from booking.models import Reminder
from scheduling.models import Appointment


@dataclass(frozen=True)
class DueReminder:
    appointment: Appointment
    kind: str


def reminder_kinds(hours: list[int]) -> list[tuple[str, timedelta]]:
    return [(f"{h}h", timedelta(hours=h)) for h in sorted(set(hours), reverse=True)]


def reminders_due(*, now: datetime, hours: list[int], limit: int = 200) -> list[DueReminder]:
    due: list[DueReminder] = []
    for kind, ahead in reminder_kinds(hours):
        candidates = (
            Appointment.objects.filter(
                status=Appointment.Status.BOOKED, start__gt=now, start__lte=now + ahead
            )
            .exclude(reminders__kind=kind)
            .select_related("patient", "practitioner", "location", "appointment_type")
            .order_by("start")[:limit]
        )
        for appointment in candidates:
            if appointment.created_at > appointment.start - ahead:
                reminder_record(
                    appointment=appointment,
                    kind=kind,
                    status=Reminder.Status.SKIPPED,
                    detail="booked inside the reminder window",
                )
                continue
            due.append(DueReminder(appointment, kind))
    return due


def reminder_record(
    *, appointment: Appointment, kind: str, status: str, detail: str = "", outbound_id: int | None = None
) -> Reminder | None:
    """Record the reminder; None when another sweep recorded it first (the unique pair)."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                appointment=appointment,
                kind=kind,
                status=status,
                detail=detail[:200],
                outbound_id=outbound_id,
            )
    except IntegrityError:
        return None
