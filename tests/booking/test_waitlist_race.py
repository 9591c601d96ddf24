"""Exactly one booking wins on the waitlist, under real concurrency on PostgreSQL: two freed
slots, five waiting patients answering at once in threads (each its own connection)."""

import threading
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections

from booking.models import WaitlistEntry, WaitlistOffer
from booking.waitlist import waitlist_expire, waitlist_join, waitlist_offer_accept
from scheduling import services as calendar
from scheduling.exceptions import SchedulingError
from scheduling.models import Appointment, AppointmentType, Clinic, Patient, Practitioner
from tests.conversations.factories import ConversationFactory

ZONE = ZoneInfo("America/Sao_Paulo")
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=ZONE)
MONDAY = date(2026, 11, 23)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(MONDAY, time(hour, minute), tzinfo=ZONE)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and SKIP LOCKED are PostgreSQL's")


def everyone_at_once(work: list) -> list:
    """Run each callable in its own thread and connection, released together."""
    gate = threading.Barrier(len(work))
    results: list = [None] * len(work)

    def run(index: int, job) -> None:
        try:
            gate.wait(timeout=30)
            results[index] = job()
        except Exception as exc:  # the outcome under test, reported per contender
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(work)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_freed_slots_and_five_waiting_patients_answering_at_once_book_each_slot_once():
    call_command("load_clinic", str(CLINIC), verbosity=0)
    with time_machine.travel(NOW, tick=False):
        clinic = Clinic.objects.get()
        ana = Practitioner.objects.get(code="ana-souza")
        checkup = AppointmentType.objects.get(code="checkup")
        others = [
            calendar.appointment_create(
                patient=Patient.objects.create(name=f"Other {n}", phone_e164=f"+551190000{n:04d}"),
                practitioner=ana,
                appointment_type=checkup,
                start=start,
                actor=calendar.Actor.bot(),
            )
            for n, start in enumerate((at(14), at(14, 30), at(15), at(15, 30)))
        ]
        # Each waiting patient wrote today, so an offer goes as text with Yes / No buttons.
        phones = [f"+551198888{n:04d}" for n in range(5)]
        for phone in phones:
            ConversationFactory(channel_user_id=phone.lstrip("+"), phone_e164=phone)
        waiting = [
            waitlist_join(
                clinic=clinic,
                patient=Patient.objects.create(name=f"Waiting {n}", phone_e164=phones[n]),
                appointment_type=checkup,
                practitioner=ana,
                day_from=MONDAY,
                day_to=MONDAY,
                time_from=time(14),
                time_to=time(16),
                now=NOW - timedelta(hours=5 - n),
            )
            for n in range(5)
        ]
        # Two slots free at once: each commit offers its slot to the first entry without one.
        calendar.appointment_cancel(appointment=others[0], actor=calendar.Actor(source="api"))
        calendar.appointment_cancel(appointment=others[2], actor=calendar.Actor(source="api"))
        first_offers = {o.entry_id: o.pk for o in WaitlistOffer.objects.all()}
        assert set(first_offers) == {waiting[0].pk, waiting[1].pk}

    # The first two let their holds lapse: the slots pass to the third and the fourth.
    later = NOW + timedelta(minutes=31)
    with time_machine.travel(later, tick=False):
        waitlist_expire()
    live = {o.entry_id: o.pk for o in WaitlistOffer.objects.filter(state=WaitlistOffer.State.OFFERED)}
    assert set(live) == {waiting[2].pk, waiting[3].pk}

    def answer(offer_id: int):
        return lambda: waitlist_offer_accept(offer_id=offer_id, now=later).outcome

    def book_directly(patient: Patient, start: datetime):
        def job():
            try:
                calendar.appointment_create(
                    patient=patient,
                    practitioner=ana,
                    appointment_type=checkup,
                    start=start,
                    actor=calendar.Actor.bot(),
                    now=later,
                )
                return "booked"
            except SchedulingError as exc:
                return type(exc).__name__

        return job

    results = everyone_at_once(
        [
            answer(first_offers[waiting[0].pk]),  # a late yes to a lapsed offer
            answer(first_offers[waiting[1].pk]),
            answer(live[waiting[2].pk]),
            answer(live[waiting[2].pk]),  # the same patient tapping Yes twice
            answer(live[waiting[3].pk]),
            book_directly(waiting[4].patient, at(14)),  # the fifth tries the freed time herself
            book_directly(waiting[4].patient, at(15)),
        ]
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    booked = Appointment.objects.filter(status=Appointment.Status.BOOKED, start__in=[at(14), at(15)])
    by_slot = {start: [a.patient_id for a in booked if a.start == start] for start in (at(14), at(15))}
    assert all(len(patients) == 1 for patients in by_slot.values()), by_slot
    per_patient = [a.patient_id for a in booked]
    assert len(per_patient) == len(set(per_patient)), "a patient was booked twice"
    # The held slots went to the patients they were held for; the late yeses and the direct
    # attempts on held time booked nothing.
    assert sorted(per_patient) == sorted([waiting[2].patient_id, waiting[3].patient_id])
    assert results[0] == results[1] == "expired"
    assert sorted(results[2:4]) == ["booked", "gone"]
    assert results[4] == "booked"
    assert results[5:] == ["SlotUnavailable", "SlotUnavailable"]
    assert set(WaitlistEntry.objects.filter(state="booked").values_list("pk", flat=True)) == {
        waiting[2].pk,
        waiting[3].pk,
    }
