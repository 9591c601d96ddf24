"""The waitlist: matching a freed slot to the wishes waiting for it, and what a yes, a no and
silence do. Freed time reaches the waitlist after commit, through a task, as in production."""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from booking.models import WaitlistEntry, WaitlistOffer
from booking.waitlist import (
    Outcome,
    Wish,
    waitlist_expire,
    waitlist_join,
    waitlist_leave,
    waitlist_offer_accept,
    waitlist_offer_decline,
    waitlist_pick,
    wish_accepts,
)
from conversations.models import OutboundMessage
from scheduling import services as calendar
from scheduling.availability import Slot
from scheduling.models import Appointment, AppointmentType, Clinic, Patient, Practitioner, SlotHold
from tests.conversations.factories import ConversationFactory

ZONE = ZoneInfo("America/Sao_Paulo")
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
# A Sunday morning; Dra. Ana works Monday 09-12 and 14-18.
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=ZONE)
MONDAY = date(2026, 11, 23)


def at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


# ---- matching, pure -------------------------------------------------------------------------


def slot(practitioner_id: int, hour: int, minute: int = 0, minutes: int = 30, day: date = MONDAY) -> Slot:
    return Slot(at(hour, minute, day), at(hour, minute, day) + timedelta(minutes=minutes), practitioner_id, 1)


ANA_ON_MONDAY_AFTERNOON = Wish(7, "", MONDAY, MONDAY, time(14), time(16))


def test_a_slot_inside_the_wished_hours_meets_the_wish():
    assert wish_accepts(ANA_ON_MONDAY_AFTERNOON, slot=slot(7, 15), specialties=(), zone=ZONE)


def test_a_slot_ending_past_the_wished_hours_does_not():
    assert not wish_accepts(ANA_ON_MONDAY_AFTERNOON, slot=slot(7, 15, 45), specialties=(), zone=ZONE)


def test_a_slot_before_the_wished_hours_or_on_another_day_does_not():
    assert not wish_accepts(ANA_ON_MONDAY_AFTERNOON, slot=slot(7, 11), specialties=(), zone=ZONE)
    tuesday = MONDAY + timedelta(days=1)
    assert not wish_accepts(ANA_ON_MONDAY_AFTERNOON, slot=slot(7, 15, day=tuesday), specialties=(), zone=ZONE)


def test_another_practitioner_does_not_meet_a_wish_for_one():
    assert not wish_accepts(ANA_ON_MONDAY_AFTERNOON, slot=slot(8, 15), specialties=(), zone=ZONE)


def test_a_wish_for_a_specialty_takes_any_practitioner_of_it():
    wish = Wish(None, "cardiology", MONDAY, MONDAY + timedelta(days=4))
    assert wish_accepts(wish, slot=slot(8, 10), specialties=("cardiology",), zone=ZONE)
    assert not wish_accepts(wish, slot=slot(9, 10), specialties=("pediatrics",), zone=ZONE)


def test_the_earliest_acceptable_slot_not_offered_before_is_picked():
    slots = [slot(7, 15, 30), slot(7, 14), slot(7, 14, 30), slot(7, 11)]
    picked = waitlist_pick(
        ANA_ON_MONDAY_AFTERNOON,
        slots=slots,
        specialties={},
        zone=ZONE,
        offered_before={(7, at(14))},
    )
    assert picked == slot(7, 14, 30)


def test_nothing_is_picked_when_no_slot_meets_the_wish():
    assert (
        waitlist_pick(
            ANA_ON_MONDAY_AFTERNOON, slots=[slot(7, 9)], specialties={}, zone=ZONE, offered_before=set()
        )
        is None
    )


# ---- the whole loop, on the demo clinic ------------------------------------------------------


@pytest.fixture
def clinic(db, django_capture_on_commit_callbacks):
    call_command("load_clinic", str(CLINIC), verbosity=0)
    with time_machine.travel(NOW, tick=False):
        yield Clinic.objects.get()


@pytest.fixture
def ana(clinic):
    return Practitioner.objects.get(code="ana-souza")


@pytest.fixture
def checkup(clinic):
    return AppointmentType.objects.get(code="checkup")


def book_the_afternoon(ana, checkup) -> list[Appointment]:
    """Monday 14:00-16:00 with Dra. Ana, fully booked by other patients."""
    booked = []
    for n, start in enumerate((at(14), at(14, 30), at(15), at(15, 30))):
        other = Patient.objects.create(name=f"Other {n}", phone_e164=f"+55119000000{n:02d}")
        booked.append(
            calendar.appointment_create(
                patient=other,
                practitioner=ana,
                appointment_type=checkup,
                start=start,
                actor=calendar.Actor.bot(),
            )
        )
    return booked


def waiting_patient(clinic, ana, checkup, name: str, phone: str, joined: datetime) -> WaitlistEntry:
    patient = Patient.objects.create(name=name, phone_e164=phone, language="en")
    conversation = ConversationFactory(channel_user_id=phone.lstrip("+"), phone_e164=phone)
    return waitlist_join(
        clinic=clinic,
        patient=patient,
        appointment_type=checkup,
        practitioner=ana,
        day_from=MONDAY,
        day_to=MONDAY,
        time_from=time(14),
        time_to=time(16),
        language="en",
        conversation_id=conversation.pk,
        now=joined,
    )


def cancel(appointment, capture):
    with capture(execute=True):
        calendar.appointment_cancel(appointment=appointment, actor=calendar.Actor(source="api"), reason="api")


def offer_of(entry) -> WaitlistOffer | None:
    return WaitlistOffer.objects.filter(entry=entry, state=WaitlistOffer.State.OFFERED).first()


def test_an_entry_expires_at_the_end_of_its_last_day(clinic, ana, checkup):
    entry = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW)

    assert entry.expires_at == datetime(2026, 11, 24, 0, 0, tzinfo=ZONE)
    assert entry.state == WaitlistEntry.State.WAITING


def test_joining_twice_with_the_same_wish_is_one_entry(clinic, ana, checkup):
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW)
    again = waitlist_join(
        clinic=clinic,
        patient=first.patient,
        appointment_type=checkup,
        practitioner=ana,
        day_from=MONDAY,
        day_to=MONDAY,
        time_from=time(14),
        time_to=time(16),
    )
    assert again.pk == first.pk
    assert WaitlistEntry.objects.count() == 1


def test_a_cancelled_slot_is_offered_to_the_first_waiting_patient_with_yes_no(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    second = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=1))

    cancel(booked[1], django_capture_on_commit_callbacks)

    offer = offer_of(first)
    assert offer is not None and offer.start == at(14, 30)
    assert offer.expires_at == NOW + timedelta(minutes=30)  # the clinic's default hold
    assert offer_of(second) is None
    message = OutboundMessage.objects.get(pk=offer.outbound_id)
    assert "A slot freed up: Monday 23 November at 14:30 with Dra. Ana Souza" in message.body
    assert [o["id"] for o in message.options] == [f"waitlist:yes:{offer.pk}", f"waitlist:no:{offer.pk}"]
    assert message.conversation.phone_e164 == "+14155550999"


def test_the_held_slot_is_not_free_for_anyone_else_meanwhile(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))

    cancel(booked[0], django_capture_on_commit_callbacks)

    free = calendar.slot_list_available(
        appointment_type=checkup, practitioner=ana, date_from=MONDAY, date_to=MONDAY, limit=None
    )
    assert at(14) not in {s.start for s in free}
    assert at(11, 30) in {s.start for s in free}


def test_a_cancellation_rolled_back_offers_nothing(clinic, ana, checkup, django_capture_on_commit_callbacks):
    from django.db import transaction

    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        calendar.appointment_cancel(appointment=booked[0], actor=calendar.Actor(source="api"))
        raise RuntimeError("the request failed after the cancel")

    assert offer_of(first) is None


def test_yes_books_the_slot_for_the_waiting_patient_and_ends_the_entry(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    cancel(booked[2], django_capture_on_commit_callbacks)

    answered = waitlist_offer_accept(offer_id=offer_of(first).pk)

    assert answered.outcome == Outcome.BOOKED
    appointment = answered.appointment
    assert (appointment.patient, appointment.start, appointment.status) == (first.patient, at(15), "booked")
    first.refresh_from_db()
    assert first.state == WaitlistEntry.State.BOOKED
    assert waitlist_offer_accept(offer_id=answered.offer.pk).outcome == Outcome.GONE


def test_no_passes_the_slot_to_the_next_waiting_patient(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    second = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=1))
    cancel(booked[0], django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        assert waitlist_offer_decline(offer_id=offer_of(first).pk).outcome == Outcome.DECLINED

    assert offer_of(first) is None
    assert offer_of(second).start == at(14)
    first.refresh_from_db()
    assert first.state == WaitlistEntry.State.WAITING  # still waiting, for other slots


def test_a_lapsed_hold_passes_the_slot_to_the_next_waiting_patient(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    second = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=1))
    cancel(booked[3], django_capture_on_commit_callbacks)
    late = offer_of(first)

    with time_machine.travel(NOW + timedelta(minutes=31), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert waitlist_expire() == {"offers": 1, "entries": 0, "holds": 0}
        assert waitlist_offer_accept(offer_id=late.pk).outcome == Outcome.EXPIRED

    late.refresh_from_db()
    assert late.state == WaitlistOffer.State.EXPIRED
    assert offer_of(second).start == at(15, 30)


def test_yes_after_the_hold_lapsed_but_before_the_sweep_books_nothing(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    cancel(booked[3], django_capture_on_commit_callbacks)

    answered = waitlist_offer_accept(offer_id=offer_of(first).pk, now=NOW + timedelta(minutes=31))

    assert answered.outcome == Outcome.EXPIRED
    assert not Appointment.objects.filter(patient=first.patient).exists()


def test_a_slot_staff_book_while_the_offer_is_out_is_lost_to_the_offer(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    cancel(booked[0], django_capture_on_commit_callbacks)
    offer = offer_of(first)
    # Reception books the time straight into the calendar, over the offer's hold.
    SlotHold.objects.filter(pk=offer.hold_id).update(expires_at=NOW - timedelta(seconds=1))
    walk_in = Patient.objects.create(name="Walk In", phone_e164="+5511977770000")
    calendar.appointment_create(
        patient=walk_in,
        practitioner=ana,
        appointment_type=checkup,
        start=at(14),
        actor=calendar.Actor(source="staff"),
    )
    WaitlistOffer.objects.filter(pk=offer.pk).update(expires_at=NOW + timedelta(minutes=10))
    SlotHold.objects.filter(pk=offer.hold_id).update(expires_at=NOW + timedelta(minutes=10))

    answered = waitlist_offer_accept(offer_id=offer.pk)

    assert answered.outcome == Outcome.LOST
    assert Appointment.objects.filter(start=at(14), status="booked").get().patient == walk_in


def test_a_waiting_patient_who_booked_directly_is_not_offered_and_leaves(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    second = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=1))
    calendar.appointment_create(
        patient=first.patient,
        practitioner=ana,
        appointment_type=checkup,
        start=at(9),
        actor=calendar.Actor(source="staff"),
    )

    cancel(booked[0], django_capture_on_commit_callbacks)

    first.refresh_from_db()
    assert first.state == WaitlistEntry.State.BOOKED
    assert offer_of(second).start == at(14)


def test_a_removed_entry_gives_its_held_slot_to_the_next(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    second = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=1))
    cancel(booked[0], django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        waitlist_leave(entry=first, reason="the patient asked")

    assert offer_of(second).start == at(14)


def test_entries_past_their_days_expire(clinic, ana, checkup):
    entry = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW)

    with time_machine.travel(datetime(2026, 11, 24, 3, 1, tzinfo=UTC), tick=False):
        assert waitlist_expire() == {"offers": 0, "entries": 1, "holds": 0}

    entry.refresh_from_db()
    assert entry.state == WaitlistEntry.State.EXPIRED


def test_the_hold_lasts_the_clinics_waitlist_hold_minutes(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    clinic.policies = {**clinic.policies, "waitlist_hold_minutes": 45}
    clinic.save()
    from scheduling.directory import directory_invalidate

    directory_invalidate()
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))

    cancel(booked[0], django_capture_on_commit_callbacks)

    assert offer_of(first).expires_at == NOW + timedelta(minutes=45)


def test_slots_let_lapse_go_first_to_those_never_offered(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=3))
    second = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=2))
    third = waiting_patient(clinic, ana, checkup, "Ada Lovelace", "+14155550777", NOW - timedelta(hours=1))
    cancel(booked[0], django_capture_on_commit_callbacks)
    cancel(booked[1], django_capture_on_commit_callbacks)
    assert (offer_of(first).start, offer_of(second).start) == (at(14), at(14, 30))

    with (
        time_machine.travel(NOW + timedelta(minutes=31), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        waitlist_expire()

    assert offer_of(third).start == at(14)
    # The first in line is offered the time the second let go, never their own again.
    assert offer_of(first).start == at(14, 30)
    assert offer_of(second) is None


def test_a_hold_a_patient_never_confirmed_frees_its_slot_for_the_waitlist_when_it_lapses(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    chat = ConversationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        # Reception frees 14:30 and a chat holds it at once: the waiting patient cannot have it yet.
        calendar.appointment_cancel(appointment=booked[1], actor=calendar.Actor(source="staff"))
        hold = calendar.slot_hold(
            practitioner=ana, start=at(14, 30), appointment_type=checkup, conversation_id=chat.pk
        )
    assert offer_of(first) is None

    lapsed = hold.expires_at + timedelta(seconds=30)
    with time_machine.travel(lapsed, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert waitlist_expire()["holds"] == 1

    assert offer_of(first).start == at(14, 30)


# ---- a chat that swaps its hold ---------------------------------------------------------------


@pytest.fixture
def announced(monkeypatch):
    """Every announcement of freed time, as (practitioner id, start), after commit."""
    from scheduling import freed

    heard = []
    monkeypatch.setitem(
        freed._listeners, "test_recorder", lambda _c, who, start, _e: heard.append((who, start))
    )
    return heard


def a_chat_holds_the_freed_slot(ana, checkup, booked, capture):
    """Reception frees 14:30 and a chat holds it at once, before the waitlist hears."""
    chat = ConversationFactory()
    with capture(execute=True):
        calendar.appointment_cancel(appointment=booked[1], actor=calendar.Actor(source="staff"))
        hold = calendar.slot_hold(
            practitioner=ana, start=at(14, 30), appointment_type=checkup, conversation_id=chat.pk
        )
    return chat, hold


def test_a_chat_swapping_its_held_slot_for_another_frees_it_for_the_waiting_patient(
    clinic, ana, checkup, django_capture_on_commit_callbacks
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    chat, _ = a_chat_holds_the_freed_slot(ana, checkup, booked, django_capture_on_commit_callbacks)
    assert offer_of(first) is None

    with django_capture_on_commit_callbacks(execute=True):
        calendar.slot_hold(practitioner=ana, start=at(10), appointment_type=checkup, conversation_id=chat.pk)

    assert offer_of(first).start == at(14, 30)


def test_swapping_from_a_hold_the_sweep_already_announced_does_not_announce_it_again(
    clinic, ana, checkup, django_capture_on_commit_callbacks, announced
):
    booked = book_the_afternoon(ana, checkup)
    chat, hold = a_chat_holds_the_freed_slot(ana, checkup, booked, django_capture_on_commit_callbacks)
    lapsed = hold.expires_at + timedelta(seconds=30)

    with time_machine.travel(lapsed, tick=False), django_capture_on_commit_callbacks(execute=True):
        waitlist_expire()
        calendar.slot_hold(practitioner=ana, start=at(10), appointment_type=checkup, conversation_id=chat.pk)

    assert announced.count((ana.pk, at(14, 30))) == 2  # the cancellation, then the sweep


def test_a_lapsed_hold_swapped_before_the_sweep_ran_is_still_announced_by_the_sweep(
    clinic, ana, checkup, django_capture_on_commit_callbacks, announced
):
    booked = book_the_afternoon(ana, checkup)
    first = waiting_patient(clinic, ana, checkup, "Emily Stone", "+14155550999", NOW - timedelta(hours=2))
    chat, hold = a_chat_holds_the_freed_slot(ana, checkup, booked, django_capture_on_commit_callbacks)
    lapsed = hold.expires_at + timedelta(seconds=30)

    with time_machine.travel(lapsed, tick=False), django_capture_on_commit_callbacks(execute=True):
        calendar.slot_hold(practitioner=ana, start=at(10), appointment_type=checkup, conversation_id=chat.pk)
        waitlist_expire()

    assert announced.count((ana.pk, at(14, 30))) == 2  # the cancellation, then the sweep, once
    assert offer_of(first).start == at(14, 30)
