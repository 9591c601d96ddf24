"""The booking conversation's imperative shell: load the session, snapshot the world, run
the pure transition, carry out its effects through the scheduling services, trace it."""

import logging
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from audit.models import TraceEvent
from audit.services import trace_record
from booking import machine
from booking.models import BookingSession
from booking.waitlist import waitlist_join, waitlist_settle_booked
from scheduling.availability import Preference, TimeWindow, slot_cost
from scheduling.availability import Slot as CalendarSlot
from scheduling.directory import directory_get
from scheduling.exceptions import (
    AppointmentNotChangeable,
    PatientAmbiguous,
    SchedulingError,
    SlotUnavailable,
    UpcomingLimitReached,
)
from scheduling.interface import SchedulingService, scheduling_service
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner, SlotHold
from scheduling.services import Actor

logger = logging.getLogger(__name__)
SESSION_TTL = timedelta(hours=24)
# The clinic's cap on upcoming bot bookings, as the machine hears it.
UPCOMING_LIMIT = "upcoming_limit"
MAX_ROUNDS = 12


@dataclass(frozen=True)
class BookingResult:
    replies: tuple[machine.Reply, ...]
    escalation: machine.Escalate | None = None
    session_id: int | None = None
    state: str = ""


def booking_session_active(*, conversation_id: int, now: datetime) -> BookingSession | None:
    """The conversation's live session; one past its expiry is closed (hold released) first."""
    session = BookingSession.objects.filter(conversation_id=conversation_id, state__in=machine.ACTIVE).first()
    if session is not None and session.expires_at <= now:
        _expire(session)
        return None
    return session


def booking_expecting_peek(*, conversation_id: int, now: datetime) -> machine.Expecting | None:
    """What the live session waits for, read without a lock and without writing (an expired
    session counts as none; booking_session_active closes it later, under the lock)."""
    session = BookingSession.objects.filter(
        conversation_id=conversation_id, state__in=machine.ACTIVE, expires_at__gt=now
    ).first()
    return booking_expecting(session)


def booking_expecting(session: BookingSession | None) -> machine.Expecting | None:
    """What the live session is waiting for (a name, a date, a pick, ...), if any."""
    return machine.expecting(_pure(session)) if session else None


# booking_handle's default: look the live session up itself.
LOOK_UP = object()


def booking_handle(
    *,
    conversation_id: int,
    phone: str,
    signal: machine.Signal,
    language: str,
    start_flow: str | None = None,
    availability_first: bool = False,
    target_appointment_id: int | None = None,
    now: datetime | None = None,
    session: BookingSession | None | object = LOOK_UP,
) -> BookingResult | None:
    """Continue the conversation's session with `signal`, or start `start_flow` when none is
    live. Returns None when there is no session and nothing to start. Carries out every
    effect (hold, book, cancel, ...) through the scheduling services, each traced, and
    records every state change as a STATE_TRANSITION trace. Call under the conversation's
    lock. A caller that already looked up the live session passes it as `session`."""
    now = now or timezone.now()
    directory = directory_get()
    if directory is None:
        return None
    clinic = directory.clinic
    record = (
        booking_session_active(conversation_id=conversation_id, now=now) if session is LOOK_UP else session
    )
    if record is not None and start_flow and start_flow != record.flow:
        # The patient switched task ("actually, cancel it instead"): close this one.
        _close(record, reason=f"switched to {start_flow}")
        record = None
    if record is None:
        if start_flow is None:
            return None
        record = BookingSession.objects.create(
            conversation_id=conversation_id,
            flow=start_flow,
            expires_at=now + SESSION_TTL,
            data=machine.Session(
                flow=machine.Flow(start_flow),
                availability_first=availability_first,
                when=machine.When(anytime=True) if availability_first else None,
                preset_target=target_appointment_id,
            ).to_json(),
        )
        _trace_transition(record, "", machine.State.START, "started")
    calendar_service = scheduling_service(now=now)
    world = _world(
        clinic=clinic,
        phone=phone,
        language=language,
        now=now,
        conversation_id=conversation_id,
        service=calendar_service,
    )
    session = _pure(record)
    replies: list[machine.Reply] = []
    escalation = None
    pending: list[machine.Event] = [signal]
    rounds = 0
    while pending and rounds < MAX_ROUNDS:
        rounds += 1
        event = pending.pop(0)
        before = session.state
        step = machine.transition(session, event, world)
        session = step.session
        if session.state != before:
            _trace_transition(record, before, session.state, step.reason)
        replies += step.replies
        for effect in step.effects:
            if isinstance(effect, machine.Escalate):
                escalation = effect
                continue
            result = _carry_out(
                effect,
                session=session,
                world=world,
                conversation_id=conversation_id,
                phone=phone,
                language=language,
                service=calendar_service,
            )
            if result is not None:
                pending.append(result)
            if isinstance(effect, machine.Release):
                session = replace(session, hold_id=None)
    held, before = session.hold_id, session.state
    session, guarded, repeated = machine.repeat_guard(session, tuple(replies))
    replies = list(guarded)
    if repeated is not None:
        escalation = repeated
        if held:
            hold = SlotHold.objects.filter(pk=held).first()
            if hold is not None:
                calendar_service.release(hold=hold, conversation_id=conversation_id)
        _trace_transition(record, before, session.state, repeated.reason)
    _save(record, session, now=now)
    return BookingResult(tuple(replies), escalation, record.pk, session.state)


def _pure(record: BookingSession) -> machine.Session:
    return machine.Session.from_json(
        record.data,
        flow=record.flow,
        state=record.state,
        patient_id=record.patient_id,
        hold_id=record.hold_id,
        appointment_id=record.appointment_id,
    )


def _save(record: BookingSession, session: machine.Session, *, now: datetime) -> None:
    record.state = session.state
    record.data = session.to_json()
    record.patient_id = session.patient_id
    record.hold_id = session.hold_id
    record.appointment_id = session.appointment_id
    record.updated_at = now
    record.expires_at = now + SESSION_TTL
    record.save()


def _expire(record: BookingSession) -> None:
    _close(record, reason="expired", state=BookingSession.State.EXPIRED)


def _close(record: BookingSession, *, reason: str, state: str = BookingSession.State.RESET) -> None:
    if record.hold_id:
        scheduling_service().release(hold=record.hold, conversation_id=record.conversation_id)
    before = record.state
    record.state = state
    record.hold = None
    record.save(update_fields=["state", "hold"])
    _trace_transition(record, before, record.state, reason)


def booking_expire_stale(*, now: datetime | None = None) -> int:
    """Close sessions idle past their expiry and release their holds (the periodic sweep)."""
    now = now or timezone.now()
    stale = list(BookingSession.objects.filter(state__in=machine.ACTIVE, expires_at__lte=now)[:500])
    for record in stale:
        _expire(record)
    return len(stale)


def _trace_transition(record: BookingSession, before: str, after: str, reason: str) -> None:
    trace_record(
        conversation_id=record.conversation_id,
        type=TraceEvent.Type.STATE_TRANSITION,
        booking_session_id=record.pk,
        payload={"from": before, "to": after, "flow": record.flow, "reason": reason},
    )


def _world(
    *,
    clinic,
    phone: str,
    language: str,
    now: datetime,
    conversation_id: int,
    service: SchedulingService | None = None,
) -> machine.World:
    service = service or scheduling_service(now=now)
    zone = ZoneInfo(clinic.time_zone)
    directory = directory_get()
    practitioners = {
        p.id: machine.PractitionerView(p.id, p.name, p.type_codes, p.specialties)
        for p in directory.practitioners
    }
    types = {t.code: t.names for t in directory.types}
    known, upcoming, returning = None, (), False
    if phone:
        try:
            patient = service.find_patient(phone=phone, conversation_id=conversation_id)
        except (PatientAmbiguous, SchedulingError):  # shared or unusual numbers: ask who it is
            patient = None
        if patient is not None:
            known = (patient.pk, patient.name)
            upcoming = tuple(
                machine.AppointmentView(
                    a.pk, a.start.astimezone(zone), a.practitioner_id, a.location_id, a.appointment_type.code
                )
                for a in service.upcoming(patient=patient, conversation_id=conversation_id)
            )
            # The calendar's rule for returning-only types: seen before or already booked
            # (an upcoming appointment settles it without asking).
            returning = (
                bool(upcoming)
                or patient.appointments.filter(
                    status__in=[Appointment.Status.COMPLETED, Appointment.Status.BOOKED]
                ).exists()
            )
    policy = clinic.policy
    return machine.World(
        now=now.astimezone(zone),
        language=language,
        clinic_name=clinic.name,
        practitioners=practitioners,
        types=types,
        locations=directory.locations,
        max_days_ahead=policy.max_days_ahead,
        cancellation_notice_hours=policy.cancellation_notice_hours,
        known_patient=known,
        upcoming=upcoming,
        returning_patient=returning,
        returning_only_types=frozenset(t.code for t in directory.types if not t.new_patients),
    )


def _carry_out(
    effect: machine.Effect,
    *,
    session: machine.Session,
    world: machine.World,
    conversation_id: int,
    phone: str,
    language: str,
    service: SchedulingService,
) -> machine.Event | None:
    actor = Actor.bot()
    match effect:
        case machine.FindSlots():
            return _find(effect, world=world, conversation_id=conversation_id, service=service)
        case machine.Hold():
            try:
                hold = service.hold(
                    slot=CalendarSlot(
                        effect.slot.start,
                        effect.slot.end,
                        effect.slot.practitioner_id,
                        effect.slot.location_id,
                    ),
                    appointment_type=_type(effect.type_code),
                    replacing=Appointment.objects.filter(pk=effect.replacing_id).first(),
                    conversation_id=conversation_id,
                )
            except SchedulingError:
                return machine.HoldFailed()
            slot = machine.Slot(
                hold.start.astimezone(world.now.tzinfo),
                hold.end.astimezone(world.now.tzinfo),
                hold.practitioner_id,
                hold.location_id,
            )
            return machine.HoldPlaced(hold.pk, slot)
        case machine.Release():
            hold = SlotHold.objects.filter(pk=effect.hold_id).first()
            if hold is not None:
                service.release(hold=hold, conversation_id=conversation_id)
            return None
        case machine.CreatePatient():
            try:
                patient = service.create_provisional_patient(
                    name=effect.name,
                    phone=phone,
                    date_of_birth=effect.date_of_birth,
                    language=language,
                    conversation_id=conversation_id,
                )
            except SchedulingError:
                return machine.ChangeFailed("invalid")
            return machine.PatientCreated(patient.pk, patient.name)
        case machine.RenamePatient():
            patient = Patient.objects.filter(pk=effect.patient_id).first()
            if patient is not None:
                service.rename_provisional_patient(
                    patient=patient, name=effect.name, conversation_id=conversation_id
                )
            return None
        case machine.Book():
            hold = SlotHold.objects.filter(pk=effect.hold_id).first()
            if hold is None:
                return machine.ChangeFailed("taken")
            try:
                appointment = service.book(
                    hold=hold,
                    patient=Patient.objects.get(pk=effect.patient_id),
                    actor=actor,
                    conversation_id=conversation_id,
                )
            except SlotUnavailable:
                return machine.ChangeFailed("taken")
            except UpcomingLimitReached:
                return machine.ChangeFailed(UPCOMING_LIMIT)
            except SchedulingError:
                return machine.ChangeFailed("invalid")
            _trace_outcome(TraceEvent.Type.APPOINTMENT_BOOKED, appointment, conversation_id)
            # A waiting patient who books directly leaves the waitlist for that kind of visit.
            waitlist_settle_booked(patient=appointment.patient, appointment=appointment)
            return machine.Done(appointment.pk)
        case machine.JoinWaitlist():
            return _join_waitlist(effect, language=language, conversation_id=conversation_id)
        case machine.Cancel():
            try:
                appointment = service.cancel(
                    appointment=Appointment.objects.get(pk=effect.appointment_id),
                    actor=actor,
                    reason="cancelled by the patient on WhatsApp",
                    conversation_id=conversation_id,
                )
            except AppointmentNotChangeable:
                return machine.ChangeFailed("late")
            _trace_outcome(TraceEvent.Type.APPOINTMENT_CANCELLED, appointment, conversation_id)
            return machine.Done(appointment.pk)
        case machine.Reschedule():
            hold = SlotHold.objects.filter(pk=effect.hold_id).first()
            try:
                if hold is None:
                    raise SlotUnavailable("the hold is gone")
                appointment = service.reschedule(
                    appointment=Appointment.objects.get(pk=effect.appointment_id),
                    hold=hold,
                    actor=actor,
                    conversation_id=conversation_id,
                )
            except AppointmentNotChangeable:
                return machine.ChangeFailed("late")
            except SlotUnavailable:
                return machine.ChangeFailed("taken")
            _trace_outcome(TraceEvent.Type.APPOINTMENT_RESCHEDULED, appointment, conversation_id)
            return machine.Done(appointment.pk)
    raise TypeError(f"unknown effect {effect!r}")


def _join_waitlist(effect: machine.JoinWaitlist, *, language: str, conversation_id: int) -> machine.Event:
    practitioners = list(Practitioner.objects.filter(pk__in=effect.practitioner_ids))
    practitioner = practitioners[0] if len(practitioners) == 1 else None
    specialty = effect.specialty or ""
    if not practitioner and not specialty and practitioners and practitioners[0].specialties:
        specialty = practitioners[0].specialties[0]  # "the other doctor": any of the specialty
    try:
        entry = waitlist_join(
            clinic=directory_get().clinic,
            patient=Patient.objects.get(pk=effect.patient_id),
            appointment_type=_type(effect.type_code),
            practitioner=practitioner,
            specialty=specialty,
            day_from=effect.day_from,
            day_to=effect.day_to,
            time_from=effect.window[0] if effect.window else None,
            time_to=effect.window[1] if effect.window else None,
            language=language,
            conversation_id=conversation_id,
        )
    except ValueError:
        return machine.ChangeFailed("invalid")
    trace_record(
        conversation_id=conversation_id,
        type=TraceEvent.Type.WAITLIST_JOINED,
        payload={
            "entry_id": entry.pk,
            "practitioner_id": entry.practitioner_id,
            "specialty": entry.specialty,
            "appointment_type": entry.appointment_type.code,
            "days": [entry.day_from.isoformat(), entry.day_to.isoformat()],
        },
    )
    return machine.WaitlistJoined(entry.pk, entry.day_from, entry.day_to)


def _type(code: str | None) -> AppointmentType:
    types = AppointmentType.objects.filter(active=True)
    return types.filter(code=code).first() or types.order_by("id").first()


def _find(
    effect: machine.FindSlots, *, world: machine.World, conversation_id: int, service: SchedulingService
) -> machine.SlotsFound:
    """The wish first; when nothing matches, widen: hours wished on any day ("after 6pm, I
    work late" is a bound, the day a hope; an hour said alone, "at 10", keeps its day
    instead), then any day and time, then colleagues of the same specialty, then anyone
    offering the type."""
    appointment_type = _type(effect.type_code)
    replacing = Appointment.objects.filter(pk=effect.replacing_id).first() if effect.replacing_id else None
    practitioners = list(Practitioner.objects.filter(pk__in=effect.practitioner_ids)) or [None]
    window = TimeWindow(*effect.window) if effect.window else None
    prefer_day = effect.prefer.date() if effect.prefer else effect.day_from or world.now.date()
    preference = Preference(day=prefer_day, window=window)
    wished = effect.prefer or datetime.combine(
        prefer_day, window.start if window else time(9), tzinfo=world.now.tzinfo
    )
    specialty = effect.specialty
    if not specialty and practitioners[0] is not None and practitioners[0].specialties:
        specialty = practitioners[0].specialties[0]

    def search(practitioner, *, day_from, day_to, window, specialty) -> list:
        return service.find_slots(
            appointment_type=appointment_type,
            practitioner=practitioner,
            specialty=specialty,
            date_from=day_from,
            date_to=day_to,
            window=window,
            preference=preference,
            limit=effect.offset + effect.count,
            spacing=timedelta(minutes=30),
            replacing=replacing,
            conversation_id=conversation_id,
        )

    wish = [
        (p, effect.day_from, effect.day_to, window, effect.specialty if p is None else None)
        for p in practitioners
    ]
    attempts = [
        wish,
        # "Thursday", said on a Thursday with nothing left today, is next Thursday.
        [(p, effect.week_on, effect.week_on, w, sp) for p, _, _, w, sp in wish] if effect.week_on else [],
        [(p, None, None, w, sp) for p, _, _, w, sp in wish] if hours_bound(effect) else [],
        [(p, None, None, None, effect.specialty if p is None else None) for p in practitioners],
        [(None, None, None, None, specialty)] if specialty else [],
        [(None, None, None, None, None)] if effect.practitioner_ids or effect.specialty else [],
    ]
    # "More options" pages through the wish, then on through the wider searches: the times
    # already paged past are skipped, so a wish that runs out leads on to its alternatives.
    offset, seen, zone = effect.offset, set(), world.now.tzinfo
    for number, attempt in enumerate(attempts):
        if not attempt:
            continue
        slots = sorted(
            (
                s
                for args in attempt
                for s in search(args[0], day_from=args[1], day_to=args[2], window=args[3], specialty=args[4])
                if (s.start, s.practitioner_id) not in seen
            ),
            # The calendar's own measure of nearness, so that each search's best few are the
            # head of this order and "more options" pages never shift or repeat.
            key=lambda s: (slot_cost(s, preference=preference, zone=zone), s.practitioner_id, s.start),
        )
        page = slots_page(slots, effect=effect, wished=wished, alternatives=number > 1, offset=offset)
        if not page:
            offset = max(offset - len(slots), 0)
            seen |= {(s.start, s.practitioner_id) for s in slots}
        else:
            return machine.SlotsFound(
                tuple(
                    machine.Slot(
                        s.start.astimezone(zone), s.end.astimezone(zone), s.practitioner_id, s.location_id
                    )
                    for s in page
                ),
                alternatives=number > 1,
            )
    return machine.SlotsFound(())


def hours_bound(effect: machine.FindSlots) -> bool:
    """The wish bounds the hours on a given day ("Thursday after 6pm", "this week in the
    afternoon", "early, until 9"): those hours are kept when the days widen. An hour said
    alone ("Monday at 10") is a time on that day, not a bound. Pure."""
    return bool(effect.window and effect.day_from) and not effect.window_around


def slots_page(
    slots: list, *, effect: machine.FindSlots, wished: datetime, alternatives: bool, offset: int | None = None
) -> list:
    """The page offered from `slots` (nearest to the wish first) from `offset` (the effect's
    by default): in time order; alternatives keep the wished day first, so after a race took
    the wished time the rest of that day leads, not an earlier day nobody asked for. Pure."""
    start = effect.offset if offset is None else offset
    page = slots[start : start + effect.count]

    def order(slot) -> tuple[bool, datetime]:
        other_day = alternatives and slot.start.astimezone(wished.tzinfo).date() != wished.date()
        return other_day, slot.start

    return sorted(page, key=order)


def _trace_outcome(kind: TraceEvent.Type, appointment: Appointment, conversation_id: int) -> None:
    trace_record(
        conversation_id=conversation_id,
        type=kind,
        payload={
            "appointment_id": appointment.pk,
            "practitioner_id": appointment.practitioner_id,
            "appointment_type": appointment.appointment_type.code,
            "start": appointment.start.isoformat(),
            "rescheduled_from": appointment.rescheduled_from_id,
        },
    )
