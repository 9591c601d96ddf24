"""Writes to the practice calendar, and the calls the booking flow makes.

Every function takes an optional `conversation_id`; when given, the call is traced as a
SCHEDULING_CALL event (ids and ISO instants only, never names or phone numbers).
"""

import logging
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.services import staff_action_record
from clinicbot.tenancy import all_of_clinic
from scheduling import availability
from scheduling.availability import Preference, Slot, TimeWindow
from scheduling.directory import directory_get
from scheduling.exceptions import (
    AppointmentNotChangeable,
    HoldExpired,
    InvalidRequest,
    PatientAmbiguous,
    SlotUnavailable,
    UpcomingLimitReached,
)
from scheduling.freed import slot_freed_of, slot_holds_give_back
from scheduling.models import (
    Appointment,
    AppointmentType,
    Clinic,
    Location,
    Patient,
    Practitioner,
    SlotHold,
)
from scheduling.patients import patient_phone_normalize
from scheduling.selectors import (
    calendar_list,
    rules_for,
    weekly_hours_map,
)
from scheduling.tracing import Actor
from scheduling.tracing import traced as _traced

logger = logging.getLogger(__name__)

__all__ = [
    "Actor",
    "SlotUnavailable",
    "appointment_book",
    "appointment_cancel",
    "appointment_create",
    "appointment_list_upcoming",
    "appointment_mark",
    "appointment_move",
    "appointment_reschedule",
    "patient_create_provisional",
    "patient_find",
    "patient_rename_provisional",
    "slot_hold",
    "slot_hold_purge",
    "slot_list_available",
    "slot_release",
]


def _clinic_or_none() -> Clinic | None:
    """The clinic from the process's directory snapshot (scheduling.directory): its zone and
    policy change rarely, and reading them once per DIRECTORY_TTL spares every calendar call
    a query. Loading a clinic file refreshes the snapshot at once."""
    directory = directory_get()
    return directory.clinic if directory else None


def _clinic() -> Clinic:
    clinic = _clinic_or_none()
    if clinic is None:
        raise InvalidRequest("no clinic is configured; run load_clinic first")
    return clinic


def _audit(actor: Actor, action: str, appointment: Appointment, **detail: Any) -> None:
    if actor.user is not None:
        staff_action_record(
            user_id=actor.user.pk, action=action, appointment_id=appointment.pk, detail=detail
        )


# ---- availability and holds -----------------------------------------------------------


@_traced
def slot_list_available(
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
    now: datetime | None = None,
) -> list[Slot]:
    """Free slots matching every filter: the `limit` closest to `preference`, best first,
    or in time order without one (limit None: all of them). Dates are the clinic's local
    days; the range defaults to today .. today + max_days_ahead. `spacing` keeps a
    practitioner's offered starts at least that far apart, so alternatives differ.

    Read-only. The conversation's own live hold does not hide its slot; `replacing` is an
    appointment being rescheduled, whose time counts as free. Raises InvalidRequest when
    no clinic is configured.
    """
    clinic = _clinic()
    now = now or timezone.now()
    rules = rules_for(clinic)
    zone = clinic.zone
    today = now.astimezone(zone).date()
    date_from = max(date_from or today, today)
    date_to = min(
        date_to or date_from + timedelta(days=rules.max_days_ahead),
        today + timedelta(days=rules.max_days_ahead),
    )
    if date_to < date_from:
        return []
    weekly = weekly_hours_map(
        practitioner_ids=[practitioner.pk] if practitioner else None,
        specialty=specialty,
        location=location,
        appointment_type=appointment_type,
    )
    practitioner_ids = list(weekly)
    if not practitioner_ids:
        return []
    duration = (
        appointment_type.duration
        if appointment_type
        else timedelta(minutes=clinic.policy.default_duration_minutes)
    )
    location_ids = frozenset([location.pk]) if location else None
    working_days = {r.weekday for ranges in weekly.values() for r in ranges}
    if not working_days:
        return []

    def search(lo: date, hi: date) -> list[Slot]:
        calendars = calendar_list(
            weekly=weekly,
            practitioner_ids=practitioner_ids,
            date_from=lo,
            date_to=hi,
            zone=zone,
            now=now,
            ignore_conversation_id=conversation_id,
            ignore_appointment_id=replacing.pk if replacing else None,
            margin=rules.buffer,
        )
        common = dict(
            date_from=lo,
            date_to=hi,
            duration=duration,
            rules=rules,
            zone=zone,
            now=now,
            window=window,
            location_ids=location_ids,
            spacing=spacing,
        )
        if preference is not None:
            return availability.best_slots(calendars, preference=preference, limit=limit or 5, **common)
        return availability.slots_between(calendars, **common)

    # Load only the days the answer can come from: the nearest first, widening while a
    # farther day could still change it. Sixty full days are thousands of rows.
    if preference is None:
        if limit is None:
            return search(date_from, date_to)
        found: list[Slot] = []
        lo, span = date_from, 7
        while lo <= date_to and len(found) < limit:
            hi = min(lo + timedelta(days=span - 1), date_to)
            found += search(lo, hi)
            lo, span = hi + timedelta(days=1), span * 2
        return found[:limit]
    center = min(max(preference.day, date_from), date_to)
    # Start with the nearest working day in reach, so a wish for a Sunday is one read.
    radius = next(
        (r for r in range(7) if {(center + timedelta(days=d)).weekday() for d in (-r, r)} & working_days),
        0,
    )
    while True:
        lo = max(center - timedelta(days=radius), date_from)
        hi = min(center + timedelta(days=radius), date_to)
        best = search(lo, hi)
        if lo == date_from and hi == date_to:
            return best
        beyond = [d for d in (lo - timedelta(days=1), hi + timedelta(days=1)) if date_from <= d <= date_to]
        bound = min(availability.day_lower_bound(d, preference, zone) for d in beyond)
        if (
            len(best) >= (limit or 5)
            and availability.slot_cost(best[-1], preference=preference, zone=zone) <= bound
        ):
            return best
        radius = radius * 3 + 1


@_traced
def slot_hold(
    *,
    practitioner: Practitioner,
    start: datetime,
    appointment_type: AppointmentType,
    location: Location | None = None,
    replacing: Appointment | None = None,
    enforce_policy: bool = True,
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> SlotHold:
    """Claim a slot for `hold_minutes` while the patient confirms.

    Raises SlotUnavailable (with the reason as message) when the slot is busy, held by
    another conversation, outside working hours or, with enforce_policy, against the
    clinic's notice/grid rules; InvalidRequest when the practitioner does not offer the
    type. Takes a lock on the practitioner's row, so concurrent holds queue. Releases this
    conversation's other live holds (announced freed): a conversation holds one at a time.
    """
    clinic = _clinic()
    now = now or timezone.now()
    with transaction.atomic():
        locked = Practitioner.objects.select_for_update().get(pk=practitioner.pk)
        if not all_of_clinic(clinic.pk, locked, appointment_type, location):
            raise InvalidRequest("the practitioner, type and location are not all this clinic's")
        if not locked.active or not locked.appointment_types.filter(pk=appointment_type.pk).exists():
            raise InvalidRequest(f"{locked} does not offer {appointment_type.code}")
        day = start.astimezone(clinic.zone).date()
        [calendar] = calendar_list(
            practitioner_ids=[locked.pk],
            date_from=day,
            date_to=day,
            zone=clinic.zone,
            now=now,
            ignore_conversation_id=conversation_id,
            ignore_appointment_id=replacing.pk if replacing else None,
        )
        problem = availability.slot_problem(
            calendar,
            start=start,
            duration=appointment_type.duration,
            rules=rules_for(clinic),
            zone=clinic.zone,
            now=now,
            location_id=location.pk if location else None,
            enforce_policy=enforce_policy,
        )
        if problem:
            raise SlotUnavailable(f"{locked} at {start.isoformat()}: {problem}")
        if conversation_id is not None:  # a lapsed hold stays: the waitlist sweep announces it
            slot_holds_give_back(conversation_id=conversation_id, expires_at__gt=now)
        location_id = location.pk if location else _location_at(calendar, start, clinic)
        return SlotHold.objects.create(
            clinic_id=locked.clinic_id,
            practitioner=locked,
            location_id=location_id,
            appointment_type=appointment_type,
            start=start,
            end=start + appointment_type.duration,
            expires_at=now + clinic.policy.hold_duration,
            conversation_id=conversation_id,
        )


def _location_at(calendar: availability.Calendar, start: datetime, clinic: Clinic) -> int:
    local = start.astimezone(clinic.zone)
    for r in calendar.ranges_on(local.date()):
        if r.start <= local.time() < r.end:
            return r.location_id
    raise SlotUnavailable("outside working hours")


@_traced
def slot_release(*, hold: SlotHold, conversation_id: int | None = None) -> None:
    """Give a held slot back, announced as freed after commit. Idempotent: releasing twice,
    or a booked hold, does nothing."""
    slot_holds_give_back(pk=hold.pk)


def slot_hold_purge(*, now: datetime | None = None, keep: timedelta = timedelta(days=1)) -> int:
    """Delete unbooked holds that expired more than `keep` ago; returns how many.

    Idempotent. Expired holds already count as free; this only keeps the table small.
    Booked holds stay: they record which conversation a booking came from.
    """
    cutoff = (now or timezone.now()) - keep
    deleted, _ = SlotHold.objects.filter(appointment__isnull=True, expires_at__lt=cutoff).delete()
    return deleted


# ---- appointments ------------------------------------------------------------------------


@_traced
def appointment_book(
    *,
    hold: SlotHold,
    patient: Patient,
    actor: Actor,
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Turn a hold into a booked appointment.

    Idempotent: booking the same hold again for the same patient returns the same
    appointment. Raises SlotUnavailable when the hold was released or booked for someone
    else or another booking won the race, HoldExpired when the hold lapsed and the slot is
    no longer free, InvalidRequest when the type is not open to new patients and this
    patient is new. The database constraint is the final judge, not the earlier checks.
    """
    with transaction.atomic():
        return _book(
            hold=hold,
            patient=patient,
            actor=actor,
            now=now or timezone.now(),
            conversation_id=conversation_id,
        )


def _book(
    *,
    hold: SlotHold,
    patient: Patient,
    actor: Actor,
    now: datetime,
    conversation_id: int | None,
    rescheduled_from: Appointment | None = None,
) -> Appointment:
    Practitioner.objects.select_for_update().get(pk=hold.practitioner_id)
    current = (
        SlotHold.objects.select_for_update(of=("self",))
        .filter(pk=hold.pk)
        .select_related("appointment_type", "appointment")
        .first()
    )
    if current is None:
        raise SlotUnavailable("the hold was released")
    if current.appointment is not None:
        if current.appointment.patient_id == patient.pk and rescheduled_from is None:
            return current.appointment
        raise SlotUnavailable("the hold was already booked")
    kind = current.appointment_type
    if patient.clinic_id != current.clinic_id:
        raise InvalidRequest("the patient is another clinic's")
    if not kind.new_patients and not _is_returning(patient):
        raise InvalidRequest(f"{kind.code} is for returning patients only")
    if actor.is_bot and rescheduled_from is None:
        _within_upcoming_cap(patient, now=now)
    if not current.is_live(now=now):
        others = SlotHold.objects.filter(
            practitioner_id=current.practitioner_id,
            appointment__isnull=True,
            expires_at__gt=now,
            start__lt=current.end,
            end__gt=current.start,
        ).exclude(pk=current.pk)
        if others.exists():
            raise HoldExpired("the hold expired and someone else holds the slot")
    taken = Appointment.objects.filter(
        practitioner_id=current.practitioner_id,
        status=Appointment.Status.BOOKED,
        start__lt=current.end,
        end__gt=current.start,
    )
    if taken.exists():
        raise SlotUnavailable("the slot was booked meanwhile")
    try:
        with transaction.atomic():
            appointment = Appointment.objects.create(
                clinic_id=current.clinic_id,
                patient=patient,
                practitioner_id=current.practitioner_id,
                location_id=current.location_id,
                appointment_type=kind,
                start=current.start,
                end=current.end,
                source=actor.source,
                created_by=actor.user,
                conversation_id=conversation_id or current.conversation_id,
                rescheduled_from=rescheduled_from,
                created_at=now,
            )
    except IntegrityError as exc:
        # Only the exclusion constraint can fail here: another transaction booked first.
        raise SlotUnavailable("the slot was booked meanwhile") from exc
    current.appointment = appointment
    current.save(update_fields=["appointment"])
    _audit(actor, "appointment_book", appointment)
    return appointment


def _within_upcoming_cap(patient: Patient, *, now: datetime) -> None:
    """Raise UpcomingLimitReached when the patient, or the number they book from (new
    names on one number are new provisional patients), holds the clinic's cap."""
    cap = _clinic().policy.max_upcoming_per_patient
    upcoming = Appointment.objects.filter(status=Appointment.Status.BOOKED, start__gte=now)
    by_patient = Q(patient=patient)
    if patient.phone_e164:
        by_patient |= Q(patient__phone_e164=patient.phone_e164)
    if upcoming.filter(by_patient).count() >= cap:
        raise UpcomingLimitReached(
            f"{cap} upcoming appointments already booked for this patient or number; staff can book more"
        )


def _is_returning(patient: Patient) -> bool:
    return patient.appointments.filter(
        status__in=[Appointment.Status.COMPLETED, Appointment.Status.BOOKED]
    ).exists()


@_traced
def appointment_create(
    *,
    patient: Patient,
    practitioner: Practitioner,
    appointment_type: AppointmentType,
    start: datetime,
    actor: Actor,
    location: Location | None = None,
    enforce_policy: bool = False,
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Book directly, without a prior hold (staff and API): hold and book in one transaction.

    Raises as slot_hold and appointment_book. Not idempotent: a second call for the same
    slot raises SlotUnavailable.
    """
    now = now or timezone.now()
    with transaction.atomic():
        hold = slot_hold(
            practitioner=practitioner,
            start=start,
            appointment_type=appointment_type,
            location=location,
            enforce_policy=enforce_policy,
            now=now,
        )
        return _book(hold=hold, patient=patient, actor=actor, now=now, conversation_id=conversation_id)


def _changeable(appointment: Appointment, *, actor: Actor, now: datetime) -> Appointment:
    locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if locked.status != Appointment.Status.BOOKED:
        raise AppointmentNotChangeable(f"the appointment is {locked.status}")
    clinic = _clinic()
    if actor.is_bot and locked.start - now < clinic.policy.cancellation_notice:
        raise AppointmentNotChangeable(
            f"changes need {clinic.policy.cancellation_notice_hours} h notice; staff can help"
        )
    return locked


@_traced
def appointment_cancel(
    *,
    appointment: Appointment,
    actor: Actor,
    reason: str = "",
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Cancel a booked appointment; its time becomes free at once.

    Idempotent: cancelling a cancelled appointment returns it unchanged. Raises
    AppointmentNotChangeable for completed/no-show appointments, and when the bot asks
    inside the clinic's cancellation notice (staff may always cancel).
    """
    now = now or timezone.now()
    with transaction.atomic():
        current = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if current.status == Appointment.Status.CANCELLED:
            return current
        current = _changeable(current, actor=actor, now=now)
        current.status = Appointment.Status.CANCELLED
        current.cancellation_reason = reason[:300]
        current.cancelled_at = now
        current.save(update_fields=["status", "cancellation_reason", "cancelled_at", "updated_at"])
        _audit(actor, "appointment_cancel", current, reason=reason[:300])
        slot_freed_of(current)
        return current


@_traced
def appointment_restore(
    *,
    appointment: Appointment,
    actor: Actor,
    reason: str = "",
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Undo a cancellation: the appointment is booked again, at the same time, only if the
    slot is still free (no booked appointment and no other live hold overlaps it).

    Raises SlotUnavailable when it is not, AppointmentNotChangeable when the appointment is
    not cancelled (restoring twice is refused, not repeated).
    """
    now = now or timezone.now()
    with transaction.atomic():
        Practitioner.objects.select_for_update().get(pk=appointment.practitioner_id)
        current = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if current.status != Appointment.Status.CANCELLED:
            raise AppointmentNotChangeable(f"the appointment is {current.status}, not cancelled")
        overlapping = dict(
            practitioner_id=current.practitioner_id, start__lt=current.end, end__gt=current.start
        )
        if Appointment.objects.filter(status=Appointment.Status.BOOKED, **overlapping).exists():
            raise SlotUnavailable("the time was booked by someone else meanwhile")
        if SlotHold.objects.filter(appointment__isnull=True, expires_at__gt=now, **overlapping).exists():
            raise SlotUnavailable("someone is holding the time right now")
        current.status = Appointment.Status.BOOKED
        current.cancellation_reason = ""
        current.cancelled_at = None
        try:
            with transaction.atomic():
                current.save(update_fields=["status", "cancellation_reason", "cancelled_at", "updated_at"])
        except IntegrityError as exc:
            raise SlotUnavailable("the time was booked by someone else meanwhile") from exc
        _audit(actor, "appointment_restore", current, reason=reason[:300])
        return current


def appointment_mark(
    *, appointment: Appointment, status: str, actor: Actor, now: datetime | None = None
) -> Appointment:
    """Reception marks a booked appointment completed or no-show, once it has started.

    Raises AppointmentNotChangeable otherwise (not booked, not started, unknown status).
    """
    now = now or timezone.now()
    if status not in (Appointment.Status.COMPLETED, Appointment.Status.NO_SHOW):
        raise AppointmentNotChangeable(f"cannot mark an appointment {status}")
    with transaction.atomic():
        current = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if current.status != Appointment.Status.BOOKED:
            raise AppointmentNotChangeable(f"the appointment is {current.status}")
        if current.start > now:
            raise AppointmentNotChangeable("the appointment has not started yet")
        current.status = status
        current.save(update_fields=["status", "updated_at"])
        _audit(actor, f"appointment_mark_{status}", current)
        return current


@_traced
def appointment_reschedule(
    *,
    appointment: Appointment,
    hold: SlotHold,
    actor: Actor,
    reason: str = "",
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Move an appointment to a held slot: the new one booked and the old one cancelled in
    one transaction, linked by `rescheduled_from`. Either both happen or neither.

    Raises as appointment_cancel and appointment_book. Not idempotent: the old
    appointment is cancelled after the first call, so a second raises
    AppointmentNotChangeable.
    """
    now = now or timezone.now()
    with transaction.atomic():
        old = _changeable(appointment, actor=actor, now=now)
        old.status = Appointment.Status.CANCELLED
        old.cancellation_reason = (reason or "rescheduled")[:300]
        old.cancelled_at = now
        old.save(update_fields=["status", "cancellation_reason", "cancelled_at", "updated_at"])
        new = _book(
            hold=hold,
            patient=old.patient,
            actor=actor,
            now=now,
            conversation_id=conversation_id,
            rescheduled_from=old,
        )
        _audit(actor, "appointment_reschedule", new, rescheduled_from=old.pk)
        slot_freed_of(old)
        return new


def appointment_move(
    *,
    appointment: Appointment,
    start: datetime,
    actor: Actor,
    reason: str = "",
    practitioner: Practitioner | None = None,
    location: Location | None = None,
    conversation_id: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Reschedule straight onto `start` (staff, API, admin): hold the new time and swap in
    one transaction, so either both happen or neither. The same practitioner unless
    another is given. Staff are not bound by the bot's notice and grid policies.

    Raises as slot_hold and appointment_reschedule. Not idempotent.
    """
    with transaction.atomic():
        hold = slot_hold(
            practitioner=practitioner or appointment.practitioner,
            start=start,
            appointment_type=appointment.appointment_type,
            location=location,
            replacing=appointment,
            enforce_policy=actor.is_bot,
            conversation_id=conversation_id,
            now=now,
        )
        return appointment_reschedule(
            appointment=appointment,
            hold=hold,
            actor=actor,
            reason=reason,
            conversation_id=conversation_id,
            now=now,
        )


@_traced
def appointment_list_upcoming(
    *, patient: Patient, conversation_id: int | None = None, now: datetime | None = None
) -> list[Appointment]:
    """The patient's booked appointments that have not started, soonest first. Read-only."""
    return list(
        patient.appointments.filter(status=Appointment.Status.BOOKED, start__gte=now or timezone.now())
        .select_related("practitioner", "location", "appointment_type")
        .order_by("start")
    )


# ---- patients ------------------------------------------------------------------------------


@_traced
def patient_find(
    *, phone: str, date_of_birth: date | None = None, conversation_id: int | None = None
) -> Patient | None:
    """The patient with this phone (any common format; E.164 stored), or None.

    When several patients share the number (a family), `date_of_birth` picks one; without
    it PatientAmbiguous is raised so the bot can ask. Raises InvalidRequest for a string
    that is not a phone number. Read-only.
    """
    candidates = list(Patient.objects.filter(phone_e164=patient_phone_normalize(phone=phone)).order_by("id"))
    if date_of_birth is not None:
        candidates = [p for p in candidates if p.date_of_birth in (date_of_birth, None)]
        exact = [p for p in candidates if p.date_of_birth == date_of_birth]
        candidates = exact or candidates
    if len(candidates) > 1:
        raise PatientAmbiguous("several patients share this phone number")
    return candidates[0] if candidates else None


@_traced
def patient_create_provisional(
    *,
    name: str,
    phone: str,
    date_of_birth: date | None = None,
    language: str = "",
    conversation_id: int | None = None,
) -> Patient:
    """A patient record the bot creates for an unknown number; reception confirms it later.

    Idempotent: the same name, phone and date of birth return the existing record.
    Raises InvalidRequest for a phone that is not a phone number or an empty name.
    """
    name = " ".join(name.split())
    if not name:
        raise InvalidRequest("a patient needs a name")
    e164 = patient_phone_normalize(phone=phone)
    existing = Patient.objects.filter(phone_e164=e164, name__iexact=name, date_of_birth=date_of_birth).first()
    if existing is not None:
        return existing
    return Patient.objects.create(
        name=name, phone_e164=e164, date_of_birth=date_of_birth, language=language, provisional=True
    )


@_traced
def patient_rename_provisional(*, patient: Patient, name: str, conversation_id: int | None = None) -> Patient:
    """The patient corrected the name the bot recorded ("no, the name is wrong, it's ...").

    Only a provisional record changes (reception has not confirmed it yet); a confirmed one
    is returned unchanged. Idempotent. Raises InvalidRequest for an empty name."""
    name = " ".join(name.split())
    if not name:
        raise InvalidRequest("a patient needs a name")
    if patient.provisional and patient.name != name:
        patient.name = name
        patient.save(update_fields=["name"])
    return patient
