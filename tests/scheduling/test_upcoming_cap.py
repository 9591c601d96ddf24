"""The clinic's cap on upcoming appointments the bot may book, per patient and per number."""

from datetime import timedelta

import pytest

from scheduling.exceptions import UpcomingLimitReached
from scheduling.models import Appointment, Clinic, Policies
from scheduling.services import (
    Actor,
    appointment_book,
    appointment_cancel,
    appointment_create,
    appointment_reschedule,
    slot_hold,
)
from tests.scheduling.conftest import NOW, local
from tests.scheduling.factories import PatientFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
BOT = Actor.bot()


def bot_books(practitioner, consult, patient, start):
    hold = slot_hold(practitioner=practitioner, start=start, appointment_type=consult, now=NOW)
    return appointment_book(hold=hold, patient=patient, actor=BOT, now=NOW)


def three_booked(practitioner, consult, patient):
    return [bot_books(practitioner, consult, patient, local(24, hh)) for hh in (9, 10, 11)]


def test_the_default_cap_is_three():
    assert Policies().max_upcoming_per_patient == 3


def test_the_bot_cannot_book_a_fourth_upcoming_appointment(practitioner, consult, patient):
    three_booked(practitioner, consult, patient)

    with pytest.raises(UpcomingLimitReached, match="3 upcoming"):
        bot_books(practitioner, consult, patient, local(25, 9))

    assert Appointment.objects.filter(patient=patient).count() == 3


def test_the_cap_counts_every_patient_on_one_number(practitioner, consult, patient):
    three_booked(practitioner, consult, patient)
    another_name = PatientFactory(name="Maria Lima", phone_e164=patient.phone_e164, provisional=True)

    with pytest.raises(UpcomingLimitReached):
        bot_books(practitioner, consult, another_name, local(25, 9))


def test_the_cap_follows_the_clinic_policy(clinic, practitioner, consult, patient):
    Clinic.objects.filter(pk=clinic.pk).update(policies={**clinic.policies, "max_upcoming_per_patient": 1})
    from scheduling.directory import directory_invalidate

    directory_invalidate()
    bot_books(practitioner, consult, patient, local(24, 9))

    with pytest.raises(UpcomingLimitReached, match="1 upcoming"):
        bot_books(practitioner, consult, patient, local(24, 10))


def test_cancelled_and_past_appointments_do_not_count(practitioner, consult, patient):
    first, *_ = three_booked(practitioner, consult, patient)
    appointment_cancel(appointment=first, actor=BOT, reason="", now=NOW)

    assert bot_books(practitioner, consult, patient, local(25, 9)).status == Appointment.Status.BOOKED


def test_staff_may_book_beyond_the_cap(practitioner, consult, patient):
    three_booked(practitioner, consult, patient)

    appointment = appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=consult,
        start=local(25, 9),
        actor=Actor.staff(receptionist()),
        now=NOW,
    )

    assert appointment.status == Appointment.Status.BOOKED


def test_rescheduling_at_the_cap_is_not_refused(practitioner, consult, patient):
    first, *_ = three_booked(practitioner, consult, patient)
    hold = slot_hold(
        practitioner=practitioner, start=local(26, 9), appointment_type=consult, replacing=first, now=NOW
    )

    moved = appointment_reschedule(appointment=first, hold=hold, actor=BOT, now=NOW + timedelta(minutes=1))

    assert moved.rescheduled_from == first
