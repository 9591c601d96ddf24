"""The waitlist for freed slots: who waits for what, which freed slot is offered to whom,
and what a yes, a no or silence does.

A patient joins with a wish (a practitioner or any of a specialty, a kind of visit, a range
of days, optionally hours); the entry expires at the end of its range. When time frees
(scheduling.freed), `waitlist_offer_freed` walks the waiting entries for that practitioner
and day in order of joining and holds, for the first whose wish a free slot meets, that
slot for the clinic's `waitlist_hold_minutes`, as a WaitlistOffer. A decline or a lapsed
hold gives the slot back, which frees it again, and the next entry is offered. Exactly one
booking wins: offers are taken under row locks (SKIP LOCKED where two workers could meet),
one open offer per entry and per slot is a unique constraint, and the appointment itself
is written by scheduling's appointment_book, whose no-overlap constraint is the last judge.

Sending the offer and reading the answer belong to conversations (conversations/waitlist.py).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from audit.services import staff_action_record
from booking.models import WaitlistEntry, WaitlistOffer
from scheduling.availability import Slot, TimeWindow
from scheduling.exceptions import SchedulingError
from scheduling.freed import slot_freed_of
from scheduling.models import Appointment, AppointmentType, Clinic, Patient, Practitioner, SlotHold
from scheduling.services import Actor, appointment_book, slot_hold, slot_list_available, slot_release

# A wish with no day range waits this long.
DEFAULT_DAYS = 14


@dataclass(frozen=True)
class Wish:
    """What an entry waits for, as plain data (local days and hours of the clinic)."""

    practitioner_id: int | None
    specialty: str
    day_from: date
    day_to: date
    time_from: time | None = None
    time_to: time | None = None

    @classmethod
    def of(cls, entry: WaitlistEntry) -> "Wish":
        return cls(
            entry.practitioner_id,
            entry.specialty,
            entry.day_from,
            entry.day_to,
            entry.time_from,
            entry.time_to,
        )


def wish_accepts(
    wish: Wish, *, slot: Slot, specialties: frozenset[str] | tuple[str, ...], zone: ZoneInfo
) -> bool:
    """Whether `slot` (of a practitioner with `specialties`) meets the wish: the practitioner
    named (or one of the specialty, or anyone when neither is said), a day in the range, and
    the whole slot inside the hours when hours are given. Pure."""
    if wish.practitioner_id is not None and slot.practitioner_id != wish.practitioner_id:
        return False
    if wish.practitioner_id is None and wish.specialty and wish.specialty not in specialties:
        return False
    start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
    if not wish.day_from <= start.date() <= wish.day_to:
        return False
    if wish.time_from is not None and start.time() < wish.time_from:
        return False
    return wish.time_to is None or (end.date() == start.date() and end.time() <= wish.time_to)


def waitlist_pick(
    wish: Wish,
    *,
    slots: list[Slot],
    specialties: dict[int, tuple[str, ...]],
    zone: ZoneInfo,
    offered_before: set[tuple[int, datetime]],
) -> Slot | None:
    """The earliest of `slots` the wish accepts and this entry was not offered before (a slot
    declined or let lapse is not offered to the same patient again). Pure."""
    for slot in sorted(slots, key=lambda s: (s.start, s.practitioner_id)):
        if (slot.practitioner_id, slot.start) in offered_before:
            continue
        if wish_accepts(wish, slot=slot, specialties=specialties.get(slot.practitioner_id, ()), zone=zone):
            return slot
    return None


def waitlist_range_end(*, day_to: date, zone: ZoneInfo) -> datetime:
    """The instant an entry for days up to `day_to` expires: the end of that local day."""
    return datetime.combine(day_to + timedelta(days=1), time(0), tzinfo=zone)


# ---- joining and leaving -------------------------------------------------------------------


def waitlist_join(
    *,
    clinic: Clinic,
    patient: Patient,
    appointment_type: AppointmentType,
    practitioner: Practitioner | None = None,
    specialty: str = "",
    day_from: date | None = None,
    day_to: date | None = None,
    time_from: time | None = None,
    time_to: time | None = None,
    language: str = "",
    conversation_id: int | None = None,
    actor: Actor | None = None,
    now: datetime | None = None,
) -> WaitlistEntry:
    """Put the patient on the waitlist for the wish; the entry expires at the end of the
    range. Without days: from today for DEFAULT_DAYS, never past the clinic's booking
    horizon. Idempotent: the same patient waiting for the same wish gets the same entry.
    Staff actors are audited. Raises ValueError for a range that is already over."""
    now = now or timezone.now()
    zone = clinic.zone
    today = now.astimezone(zone).date()
    horizon = today + timedelta(days=clinic.policy.max_days_ahead)
    day_from = max(day_from or today, today)
    day_to = min(day_to or day_from + timedelta(days=DEFAULT_DAYS - 1), horizon)
    if day_to < day_from:
        raise ValueError("the days wished for are over")
    if (time_from is None) != (time_to is None) or (time_from and time_to and time_to <= time_from):
        time_from = time_to = None
    wish = dict(
        patient=patient,
        appointment_type=appointment_type,
        practitioner=practitioner,
        specialty="" if practitioner else specialty,
        day_from=day_from,
        day_to=day_to,
        time_from=time_from,
        time_to=time_to,
    )
    with transaction.atomic():
        Patient.objects.select_for_update().get(pk=patient.pk)
        existing = WaitlistEntry.objects.filter(state=WaitlistEntry.State.WAITING, **wish).first()
        if existing is not None:
            return existing
        entry = WaitlistEntry.objects.create(
            clinic_id=patient.clinic_id,
            language=language or patient.language,
            conversation_id=conversation_id,
            source=WaitlistEntry.Source.STAFF if actor and actor.user else WaitlistEntry.Source.WHATSAPP,
            joined_at=now,
            expires_at=waitlist_range_end(day_to=day_to, zone=zone),
            **wish,
        )
        if actor is not None and actor.user is not None:
            staff_action_record(
                user_id=actor.user.pk,
                action="waitlist_add",
                detail={"entry_id": entry.pk, **_wish_detail(entry)},
            )
        return entry


def _wish_detail(entry: WaitlistEntry) -> dict:
    return {
        "patient_id": entry.patient_id,
        "practitioner_id": entry.practitioner_id,
        "specialty": entry.specialty,
        "appointment_type": entry.appointment_type.code,
        "days": [entry.day_from.isoformat(), entry.day_to.isoformat()],
        "hours": [entry.time_from.isoformat(), entry.time_to.isoformat()] if entry.time_from else None,
    }


def waitlist_leave(*, entry: WaitlistEntry, reason: str, actor: Actor | None = None) -> WaitlistEntry:
    """Take the entry off the waitlist (state REMOVED); its open offer lapses and gives the
    slot back. Idempotent: an entry no longer waiting is returned unchanged. Staff actors
    are audited."""
    with transaction.atomic():
        current = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
        if current.state != WaitlistEntry.State.WAITING:
            return current
        _close_entry(current, WaitlistEntry.State.REMOVED, reason)
        if actor is not None and actor.user is not None:
            staff_action_record(
                user_id=actor.user.pk,
                action="waitlist_remove",
                detail={"entry_id": current.pk, "reason": reason},
            )
        return current


def _close_entry(entry: WaitlistEntry, state: str, reason: str) -> None:
    entry.state = state
    entry.state_reason = reason[:200]
    entry.save(update_fields=["state", "state_reason"])
    for offer in WaitlistOffer.objects.select_for_update().filter(
        entry=entry, state=WaitlistOffer.State.OFFERED
    ):
        _end_offer(offer, WaitlistOffer.State.LOST)


def waitlist_settle_booked(*, patient: Patient, appointment: Appointment) -> int:
    """The patient booked directly: their waiting entries for that kind of visit are done
    (state BOOKED) and any open offer gives its slot back. Returns how many. Idempotent."""
    waiting = WaitlistEntry.objects.filter(
        patient=patient,
        appointment_type_id=appointment.appointment_type_id,
        state=WaitlistEntry.State.WAITING,
    )
    if not waiting.exists():  # the common case, one statement
        return 0
    with transaction.atomic():
        entries = WaitlistEntry.objects.select_for_update().filter(
            patient=patient,
            appointment_type_id=appointment.appointment_type_id,
            state=WaitlistEntry.State.WAITING,
        )
        count = 0
        for entry in entries:
            _close_entry(entry, WaitlistEntry.State.BOOKED, f"booked appointment {appointment.pk}")
            count += 1
        return count


# ---- offering freed slots --------------------------------------------------------------------


def waitlist_offer_freed(
    *, clinic: Clinic, practitioner_id: int, day: date, now: datetime | None = None
) -> list[WaitlistOffer]:
    """Offer the free slots of the practitioner's local `day` to the entries waiting for
    them, first joined first (those offered nothing yet before those offered before): each entry one slot (the earliest its wish accepts and it was
    not offered before), each slot one entry, held for the clinic's waitlist_hold_minutes.
    Returns the new offers (the caller sends them). Idempotent: entries with an open offer
    are skipped, and entries another worker is offering are skipped (SKIP LOCKED). Entries
    past their range expire; a patient who booked that kind of visit meanwhile leaves."""
    now = now or timezone.now()
    zone = clinic.zone
    practitioner = Practitioner.objects.filter(pk=practitioner_id, active=True).first()
    if practitioner is None:
        return []
    _expire_lapsed_offers_and_entries(now=now)
    offers: list[WaitlistOffer] = []
    with transaction.atomic():
        candidates = list(
            WaitlistEntry.objects.select_for_update(skip_locked=True)
            .filter(state=WaitlistEntry.State.WAITING, day_from__lte=day, day_to__gte=day, expires_at__gt=now)
            .filter(
                Q(practitioner_id=practitioner_id)
                | Q(practitioner__isnull=True, specialty__in=[*practitioner.specialties, ""])
            )
            .exclude(offers__state=WaitlistOffer.State.OFFERED)
            .select_related("appointment_type", "patient")
            .order_by("joined_at", "id")
        )
        # Whoever has not been offered anything yet comes first: a slot declined or let lapse
        # goes to the next in line, not back to the one who let it go with another time.
        offered = dict(
            WaitlistOffer.objects.filter(entry__in=candidates)
            .values("entry")
            .annotate(n=Count("id"))
            .values_list("entry", "n")
        )
        candidates.sort(key=lambda entry: offered.get(entry.pk, 0))
        for entry in candidates:
            if _booked_meanwhile(entry, now=now):
                _close_entry(entry, WaitlistEntry.State.BOOKED, "booked directly")
                continue
            offer = _offer_one(entry, practitioner=practitioner, day=day, zone=zone, now=now)
            if offer is not None:
                offers.append(offer)
    return offers


def _booked_meanwhile(entry: WaitlistEntry, *, now: datetime) -> bool:
    return Appointment.objects.filter(
        patient_id=entry.patient_id,
        appointment_type_id=entry.appointment_type_id,
        status=Appointment.Status.BOOKED,
        start__gte=max(now, entry.joined_at),
    ).exists()


def _offer_one(
    entry: WaitlistEntry, *, practitioner: Practitioner, day: date, zone: ZoneInfo, now: datetime
) -> WaitlistOffer | None:
    window = TimeWindow(entry.time_from, entry.time_to) if entry.time_from and entry.time_to else None
    slots = slot_list_available(
        appointment_type=entry.appointment_type,
        practitioner=practitioner,
        date_from=day,
        date_to=day,
        window=window,
        limit=None,
        now=now,
    )
    offered_before = set(entry.offers.values_list("practitioner_id", "start"))
    slot = waitlist_pick(
        Wish.of(entry),
        slots=slots,
        specialties={practitioner.pk: tuple(practitioner.specialties)},
        zone=zone,
        offered_before=offered_before,
    )
    if slot is None:
        return None
    try:
        with transaction.atomic():
            hold = slot_hold(
                practitioner=practitioner,
                start=slot.start,
                appointment_type=entry.appointment_type,
                now=now,
            )
            hold.expires_at = now + Clinic.objects.get(pk=entry.clinic_id).policy.waitlist_hold
            hold.save(update_fields=["expires_at"])
            return WaitlistOffer.objects.create(
                clinic_id=entry.clinic_id,
                entry=entry,
                practitioner=practitioner,
                start=hold.start,
                end=hold.end,
                hold=hold,
                sent_at=now,
                expires_at=hold.expires_at,
            )
    except (SchedulingError, IntegrityError):
        return None  # taken meanwhile, or offered by another worker first


# ---- answers and lapses ------------------------------------------------------------------------


class Outcome(StrEnum):
    BOOKED = "booked"
    DECLINED = "declined"
    EXPIRED = "expired"  # the hold lapsed before the answer
    LOST = "lost"  # the slot was taken meanwhile
    GONE = "gone"  # answered already, or no such offer


@dataclass(frozen=True)
class Answered:
    outcome: Outcome
    offer: WaitlistOffer | None = None
    appointment: Appointment | None = None


# A yes to an offer no longer open says what became of it.
_ANSWERED_ALREADY = {WaitlistOffer.State.EXPIRED: Outcome.EXPIRED, WaitlistOffer.State.LOST: Outcome.LOST}


def waitlist_offer_accept(
    *, offer_id: int, conversation_id: int | None = None, now: datetime | None = None
) -> Answered:
    """The patient said yes: book the held slot for the entry's patient. Exactly one
    booking wins: the offer is locked, only an open offer whose hold is still live books,
    and appointment_book (row locks and the no-overlap constraint) judges the race with any
    other booking. Idempotent: a second yes finds the offer answered (GONE), or says it
    lapsed (EXPIRED) or was taken (LOST)."""
    now = now or timezone.now()
    with transaction.atomic():
        offer = (
            WaitlistOffer.objects.select_for_update(of=("self",))
            .filter(pk=offer_id)
            .select_related("entry", "entry__patient", "hold")
            .first()
        )
        if offer is None or offer.state != WaitlistOffer.State.OFFERED:
            return Answered(_ANSWERED_ALREADY.get(offer.state if offer else "", Outcome.GONE), offer)
        if offer.expires_at <= now or offer.hold is None:
            _end_offer(offer, WaitlistOffer.State.EXPIRED, now=now)
            return Answered(Outcome.EXPIRED, offer)
        try:
            with transaction.atomic():
                appointment = appointment_book(
                    hold=offer.hold,
                    patient=offer.entry.patient,
                    actor=Actor.bot(),
                    conversation_id=conversation_id,
                    now=now,
                )
        except SchedulingError:
            _end_offer(offer, WaitlistOffer.State.LOST, now=now)
            return Answered(Outcome.LOST, offer)
        offer.state = WaitlistOffer.State.ACCEPTED
        offer.appointment = appointment
        offer.answered_at = now
        offer.save(update_fields=["state", "appointment", "answered_at"])
        waitlist_settle_booked(patient=offer.entry.patient, appointment=appointment)
        return Answered(Outcome.BOOKED, offer, appointment)


def waitlist_offer_decline(*, offer_id: int, now: datetime | None = None) -> Answered:
    """The patient said no: the slot goes back (and so, after commit, to the next waiting
    entry); the entry keeps waiting for other slots. Idempotent (GONE the second time)."""
    with transaction.atomic():
        offer = WaitlistOffer.objects.select_for_update().filter(pk=offer_id).first()
        if offer is None or offer.state != WaitlistOffer.State.OFFERED:
            return Answered(Outcome.GONE, offer)
        _end_offer(offer, WaitlistOffer.State.DECLINED, now=now or timezone.now())
        return Answered(Outcome.DECLINED, offer)


def _end_offer(offer: WaitlistOffer, state: str, *, now: datetime | None = None) -> None:
    offer.state = state
    offer.answered_at = offer.answered_at or (now or timezone.now())
    offer.save(update_fields=["state", "answered_at"])
    hold = SlotHold.objects.filter(pk=offer.hold_id).first() if offer.hold_id else None
    if hold is not None and hold.appointment_id is None:
        slot_release(hold=hold)  # announces the slot freed: the next entry is offered after commit


# The sweep runs every minute; a hold that lapsed within this much is announced (again).
LAPSE_WINDOW = timedelta(minutes=2)


def waitlist_expire(*, now: datetime | None = None) -> dict[str, int]:
    """The sweep: open offers whose hold lapsed expire (their slot goes to the next entry),
    entries past their range expire, and the slots of other holds that lapsed since the last
    sweep (a patient who never confirmed) are announced as freed. Idempotent (offering is);
    returns counts."""
    now = now or timezone.now()
    counts = {"holds": 0}
    lapsed = (
        SlotHold.objects.filter(
            appointment__isnull=True, expires_at__gt=now - LAPSE_WINDOW, expires_at__lte=now
        )
        .exclude(pk__in=WaitlistOffer.objects.filter(hold__isnull=False).values("hold"))
        .order_by("practitioner_id", "start")
    )
    announced = set()
    for hold in lapsed:
        key = (hold.practitioner_id, hold.start)
        if key not in announced:
            announced.add(key)
            slot_freed_of(hold)
            counts["holds"] += 1
    counts.update(_expire_lapsed_offers_and_entries(now=now))
    return counts


def _expire_lapsed_offers_and_entries(*, now: datetime) -> dict[str, int]:
    """Open offers whose hold lapsed expire (their slot is announced and goes to the next
    entry) and entries past their range expire. Unlike the sweep, this never announces
    other lapsed holds: offering runs it first, and an announcement offers again."""
    counts = {"offers": 0, "entries": 0}
    with transaction.atomic():
        for offer in WaitlistOffer.objects.select_for_update(skip_locked=True).filter(
            state=WaitlistOffer.State.OFFERED, expires_at__lte=now
        ):
            _end_offer(offer, WaitlistOffer.State.EXPIRED, now=now)
            counts["offers"] += 1
        for entry in WaitlistEntry.objects.select_for_update(skip_locked=True).filter(
            state=WaitlistEntry.State.WAITING, expires_at__lte=now
        ):
            _close_entry(entry, WaitlistEntry.State.EXPIRED, "the days wished for are over")
            counts["entries"] += 1
    return counts
