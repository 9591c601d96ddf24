"""The built-in SchedulingService: the calendar kept in this database, through services."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from scheduling import services
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


class BuiltinSchedulingService:
    def __init__(self, *, now: datetime | None = None) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now or timezone.now()

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
    ) -> list[Slot]:
        return services.slot_list_available(
            appointment_type=appointment_type,
            practitioner=practitioner,
            specialty=specialty,
            location=location,
            date_from=date_from,
            date_to=date_to,
            window=window,
            preference=preference,
            limit=limit,
            spacing=spacing,
            replacing=replacing,
            conversation_id=conversation_id,
            now=self.now(),
        )

    def hold(
        self,
        *,
        slot: Slot,
        appointment_type: AppointmentType,
        replacing: Appointment | None = None,
        conversation_id: int | None = None,
    ) -> SlotHold:
        return services.slot_hold(
            practitioner=Practitioner.objects.get(pk=slot.practitioner_id),
            start=slot.start,
            appointment_type=appointment_type,
            location=Location.objects.get(pk=slot.location_id),
            replacing=replacing,
            conversation_id=conversation_id,
            now=self.now(),
        )

    def release(self, *, hold: SlotHold, conversation_id: int | None = None) -> None:
        services.slot_release(hold=hold, conversation_id=conversation_id)

    def book(
        self, *, hold: SlotHold, patient: Patient, actor: Actor, conversation_id: int | None = None
    ) -> Appointment:
        return services.appointment_book(
            hold=hold, patient=patient, actor=actor, conversation_id=conversation_id, now=self.now()
        )

    def cancel(
        self,
        *,
        appointment: Appointment,
        actor: Actor,
        reason: str = "",
        conversation_id: int | None = None,
    ) -> Appointment:
        return services.appointment_cancel(
            appointment=appointment,
            actor=actor,
            reason=reason,
            conversation_id=conversation_id,
            now=self.now(),
        )

    def reschedule(
        self,
        *,
        appointment: Appointment,
        hold: SlotHold,
        actor: Actor,
        reason: str = "",
        conversation_id: int | None = None,
    ) -> Appointment:
        return services.appointment_reschedule(
            appointment=appointment,
            hold=hold,
            actor=actor,
            reason=reason,
            conversation_id=conversation_id,
            now=self.now(),
        )

    def upcoming(self, *, patient: Patient, conversation_id: int | None = None) -> list[Appointment]:
        return services.appointment_list_upcoming(
            patient=patient, conversation_id=conversation_id, now=self.now()
        )

    def find_patient(
        self, *, phone: str, date_of_birth: date | None = None, conversation_id: int | None = None
    ) -> Patient | None:
        return services.patient_find(
            phone=phone, date_of_birth=date_of_birth, conversation_id=conversation_id
        )

    def create_provisional_patient(
        self,
        *,
        name: str,
        phone: str,
        date_of_birth: date | None = None,
        language: str = "",
        conversation_id: int | None = None,
    ) -> Patient:
        return services.patient_create_provisional(
            name=name,
            phone=phone,
            date_of_birth=date_of_birth,
            language=language,
            conversation_id=conversation_id,
        )

    def rename_provisional_patient(
        self, *, patient: Patient, name: str, conversation_id: int | None = None
    ) -> Patient:
        return services.patient_rename_provisional(
            patient=patient, name=name, conversation_id=conversation_id
        )
