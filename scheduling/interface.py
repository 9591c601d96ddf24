"""The calendar as the booking flow sees it: one interface, several implementations.

The built-in implementation (scheduling.builtin) keeps the calendar in this database. An
adapter for an external practice-management system implements the same Protocol, raises
the same exceptions (scheduling.exceptions) and is chosen by the SCHEDULING_SERVICE
setting; see docs/scheduling.md.
"""

from datetime import date, datetime, timedelta
from typing import Protocol, runtime_checkable

from django.conf import settings
from django.utils.module_loading import import_string

from scheduling.availability import Preference, Slot, TimeWindow
from scheduling.models import (
    Appointment,
    AppointmentType,
    Location,
    Patient,
    Practitioner,
    SlotHold,
)
from scheduling.services import Actor


@runtime_checkable
class SchedulingService(Protocol):
    """Every method accepts conversation_id; implementations trace calls made for one."""

    def find_slots(
        self,
        *,
        appointment_type: AppointmentType | None = None,
        practitioner: Practitioner | None = None,
        specialty: str | None = None,
        location: Location | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        window: TimeWindow | None = None,
        preference: Preference | None = None,
        limit: int | None = 5,
        spacing: timedelta | None = None,
        replacing: Appointment | None = None,
        conversation_id: int | None = None,
    ) -> list[Slot]: ...

    def hold(
        self,
        *,
        slot: Slot,
        appointment_type: AppointmentType,
        replacing: Appointment | None = None,
        conversation_id: int | None = None,
    ) -> SlotHold:
        """Raises SlotUnavailable when the slot is gone."""
        ...

    def release(self, *, hold: SlotHold, conversation_id: int | None = None) -> None: ...

    def book(
        self, *, hold: SlotHold, patient: Patient, actor: Actor, conversation_id: int | None = None
    ) -> Appointment:
        """Raises SlotUnavailable when another booking won; idempotent per hold."""
        ...

    def cancel(
        self,
        *,
        appointment: Appointment,
        actor: Actor,
        reason: str = "",
        conversation_id: int | None = None,
    ) -> Appointment: ...

    def reschedule(
        self,
        *,
        appointment: Appointment,
        hold: SlotHold,
        actor: Actor,
        reason: str = "",
        conversation_id: int | None = None,
    ) -> Appointment: ...

    def upcoming(self, *, patient: Patient, conversation_id: int | None = None) -> list[Appointment]: ...

    def find_patient(
        self, *, phone: str, date_of_birth: date | None = None, conversation_id: int | None = None
    ) -> Patient | None: ...

    def create_provisional_patient(
        self,
        *,
        name: str,
        phone: str,
        date_of_birth: date | None = None,
        language: str = "",
        conversation_id: int | None = None,
    ) -> Patient: ...

    def rename_provisional_patient(
        self, *, patient: Patient, name: str, conversation_id: int | None = None
    ) -> Patient:
        """A record the bot created takes the name the patient corrected; others stay."""
        ...


def scheduling_service(*, now: datetime | None = None) -> SchedulingService:
    """The configured implementation (setting SCHEDULING_SERVICE, a dotted class path;
    default the built-in one). `now` pins the clock, for tests and simulations."""
    path = getattr(settings, "SCHEDULING_SERVICE", "scheduling.builtin.BuiltinSchedulingService")
    return import_string(path)(now=now)
