from datetime import date, time, timedelta

import pytest

from audit.models import StaffAction, TraceEvent
from scheduling.availability import Preference, TimeWindow
from scheduling.exceptions import (
    AppointmentNotChangeable,
    HoldExpired,
    InvalidRequest,
    PatientAmbiguous,
    SlotUnavailable,
)
from scheduling.models import Appointment, SlotHold, TimeOff
from scheduling.services import (
    Actor,
    appointment_book,
    appointment_cancel,
    appointment_create,
    appointment_list_upcoming,
    appointment_reschedule,
    patient_create_provisional,
    patient_find,
    slot_hold,
    slot_list_available,
    slot_release,
)
from tests.scheduling.conftest import NOW, local
from tests.scheduling.factories import AppointmentTypeFactory, PatientFactory, conversation_id

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
BOT = Actor.bot()


@pytest.fixture
def conv(db):
    """Conversation ids by nickname: conv[1], conv[2]..."""

    class Ids(dict):
        def __missing__(self, key):
            self[key] = conversation_id()
            return self[key]

    return Ids()


def hold_for(practitioner, consult, start, conversation_id=None, now=NOW):
    return slot_hold(
        practitioner=practitioner,
        start=start,
        appointment_type=consult,
        conversation_id=conversation_id,
        now=now,
    )


def test_the_first_free_slots_come_in_time_order(practitioner, consult):
    slots = slot_list_available(appointment_type=consult, limit=3, now=NOW)
    assert [s.start for s in slots] == [local(23, 9), local(23, 9, 15), local(23, 9, 30)]


def test_a_held_slot_is_hidden_from_other_conversations_but_not_from_its_own(
    practitioner, consult, conversation
):
    hold_for(practitioner, consult, local(23, 9), conversation_id=conversation.pk)
    others = slot_list_available(appointment_type=consult, limit=1, now=NOW)
    mine = slot_list_available(appointment_type=consult, limit=1, now=NOW, conversation_id=conversation.pk)
    assert others[0].start == local(23, 9, 30)
    assert mine[0].start == local(23, 9)


def test_slots_can_be_searched_by_specialty_and_ranked_by_preference(practitioner, consult):
    wish = Preference(day=date(2026, 11, 24), window=TimeWindow(time(14), time(18)))
    slots = slot_list_available(specialty="General Practice", preference=wish, limit=2, now=NOW)
    assert [s.start for s in slots] == [local(24, 14), local(24, 14, 15)]
    assert slot_list_available(specialty="cardiology", now=NOW) == []


def test_clinic_time_off_removes_the_day(practitioner, consult):
    TimeOff.objects.create(start=local(23, 0), end=local(24, 0), reason="Holiday")
    slots = slot_list_available(appointment_type=consult, limit=1, now=NOW)
    assert slots[0].start == local(24, 9)


def test_holding_a_slot_someone_else_holds_raises_slot_unavailable(conv, practitioner, consult):
    hold_for(practitioner, consult, local(23, 9), conversation_id=conv[1])
    with pytest.raises(SlotUnavailable):
        hold_for(practitioner, consult, local(23, 9, 15), conversation_id=conv[2])


def test_an_expired_hold_no_longer_blocks_others(conv, practitioner, consult):
    hold_for(practitioner, consult, local(23, 9), conversation_id=conv[1])
    later = NOW + timedelta(minutes=11)
    assert hold_for(practitioner, consult, local(23, 9), conversation_id=conv[2], now=later)


def test_a_new_hold_releases_the_conversations_previous_hold(conv, practitioner, consult):
    first = hold_for(practitioner, consult, local(23, 9), conversation_id=conv[1])
    hold_for(practitioner, consult, local(23, 10), conversation_id=conv[1])
    assert not SlotHold.objects.filter(pk=first.pk).exists()


def test_holding_outside_working_hours_says_so(practitioner, consult):
    with pytest.raises(SlotUnavailable, match="outside working hours"):
        hold_for(practitioner, consult, local(23, 12))


def test_holding_a_type_the_practitioner_does_not_offer_is_invalid(practitioner):
    other = AppointmentTypeFactory(code="surgery")
    with pytest.raises(InvalidRequest):
        hold_for(practitioner, other, local(23, 9))


def test_releasing_a_hold_twice_is_harmless(practitioner, consult):
    hold = hold_for(practitioner, consult, local(23, 9))
    slot_release(hold=hold)
    slot_release(hold=hold)
    assert not SlotHold.objects.exists()


def test_booking_a_hold_creates_a_booked_appointment_in_utc(practitioner, consult, patient):
    hold = hold_for(practitioner, consult, local(23, 9))
    appointment = appointment_book(hold=hold, patient=patient, actor=BOT, now=NOW)
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.start == local(23, 9) and appointment.end == local(23, 9, 30)
    assert appointment.source == Appointment.Source.WHATSAPP and appointment.created_by is None


def test_booking_the_same_hold_twice_returns_the_same_appointment(practitioner, consult, patient):
    hold = hold_for(practitioner, consult, local(23, 9))
    first = appointment_book(hold=hold, patient=patient, actor=BOT, now=NOW)
    again = appointment_book(hold=hold, patient=patient, actor=BOT, now=NOW)
    assert first.pk == again.pk and Appointment.objects.count() == 1


def test_a_booked_slot_is_no_longer_offered(practitioner, consult, patient):
    appointment_book(hold=hold_for(practitioner, consult, local(23, 9)), patient=patient, actor=BOT, now=NOW)
    assert slot_list_available(appointment_type=consult, limit=1, now=NOW)[0].start == local(23, 9, 30)


def test_booking_a_released_hold_raises_slot_unavailable(practitioner, consult, patient):
    hold = hold_for(practitioner, consult, local(23, 9))
    slot_release(hold=hold)
    with pytest.raises(SlotUnavailable):
        appointment_book(hold=hold, patient=patient, actor=BOT, now=NOW)


def test_an_expired_hold_still_books_when_nobody_took_the_slot(practitioner, consult, patient):
    hold = hold_for(practitioner, consult, local(23, 9))
    later = NOW + timedelta(minutes=30)
    assert appointment_book(hold=hold, patient=patient, actor=BOT, now=later).pk


def test_an_expired_hold_fails_when_someone_else_holds_the_slot(conv, practitioner, consult, patient):
    hold = hold_for(practitioner, consult, local(23, 9), conversation_id=conv[1])
    later = NOW + timedelta(minutes=30)
    hold_for(practitioner, consult, local(23, 9), conversation_id=conv[2], now=later)
    with pytest.raises(HoldExpired):
        appointment_book(hold=hold, patient=patient, actor=BOT, now=later)


def test_a_type_closed_to_new_patients_refuses_a_first_timer(practitioner, patient):
    follow_up = AppointmentTypeFactory(code="follow-up", new_patients=False)
    follow_up.practitioners.add(practitioner, through_defaults={"clinic_id": practitioner.clinic_id})
    hold = hold_for(practitioner, follow_up, local(23, 9))
    with pytest.raises(InvalidRequest):
        appointment_book(hold=hold, patient=patient, actor=BOT, now=NOW)


def test_staff_booking_ignores_notice_but_not_busy_time(practitioner, consult, patient, django_user_model):
    user = django_user_model.objects.create_user("reception")
    staff = Actor.staff(user)
    soon = local(23, 9, 5)
    appointment = appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=consult,
        start=soon,
        actor=staff,
        now=local(23, 9),
    )
    assert appointment.created_by == user and appointment.source == Appointment.Source.STAFF
    assert StaffAction.objects.filter(action="appointment_book", appointment_id=appointment.pk).exists()
    with pytest.raises(SlotUnavailable):
        appointment_create(
            patient=PatientFactory(),
            practitioner=practitioner,
            appointment_type=consult,
            start=soon + timedelta(minutes=10),
            actor=staff,
            now=local(23, 9),
        )


def test_cancelling_frees_the_slot_and_is_idempotent(conv, practitioner, consult, patient):
    appointment = appointment_book(
        hold=hold_for(practitioner, consult, local(24, 9)), patient=patient, actor=BOT, now=NOW
    )
    cancelled = appointment_cancel(appointment=appointment, actor=BOT, reason="travel", now=NOW)
    again = appointment_cancel(appointment=appointment, actor=BOT, now=NOW)
    assert cancelled.status == again.status == Appointment.Status.CANCELLED
    assert again.cancellation_reason == "travel"
    assert hold_for(practitioner, consult, local(24, 9), conversation_id=conv[5])


def test_the_bot_cannot_cancel_inside_the_notice_period_but_staff_can(
    practitioner, consult, patient, django_user_model
):
    appointment = appointment_book(
        hold=hold_for(practitioner, consult, local(23, 9)), patient=patient, actor=BOT, now=NOW
    )
    late = local(23, 8)
    with pytest.raises(AppointmentNotChangeable):
        appointment_cancel(appointment=appointment, actor=BOT, now=late)
    staff = Actor.staff(django_user_model.objects.create_user("reception"))
    assert appointment_cancel(appointment=appointment, actor=staff, now=late).status == "cancelled"


def test_rescheduling_books_the_new_slot_and_cancels_the_old_one_together(practitioner, consult, patient):
    old = appointment_book(
        hold=hold_for(practitioner, consult, local(24, 9)), patient=patient, actor=BOT, now=NOW
    )
    # The new time overlaps the old one: only possible because the old one is being replaced.
    hold = slot_hold(
        practitioner=practitioner,
        start=local(24, 9, 15),
        appointment_type=consult,
        replacing=old,
        now=NOW,
    )
    new = appointment_reschedule(appointment=old, hold=hold, actor=BOT, now=NOW)
    old.refresh_from_db()
    assert old.status == Appointment.Status.CANCELLED and new.status == Appointment.Status.BOOKED
    assert new.rescheduled_from == old and new.start == local(24, 9, 15)


def test_a_failed_reschedule_leaves_the_old_appointment_booked(practitioner, consult, patient):
    old = appointment_book(
        hold=hold_for(practitioner, consult, local(24, 9)), patient=patient, actor=BOT, now=NOW
    )
    hold = hold_for(practitioner, consult, local(24, 10))
    slot_release(hold=hold)
    with pytest.raises(SlotUnavailable):
        appointment_reschedule(appointment=old, hold=hold, actor=BOT, now=NOW)
    old.refresh_from_db()
    assert old.status == Appointment.Status.BOOKED


def test_upcoming_appointments_exclude_past_and_cancelled_ones(practitioner, consult, patient):
    first = appointment_book(
        hold=hold_for(practitioner, consult, local(24, 9)), patient=patient, actor=BOT, now=NOW
    )
    second = appointment_book(
        hold=hold_for(practitioner, consult, local(25, 9)), patient=patient, actor=BOT, now=NOW
    )
    appointment_cancel(appointment=second, actor=BOT, now=NOW)
    assert appointment_list_upcoming(patient=patient, now=NOW) == [first]
    assert appointment_list_upcoming(patient=patient, now=local(24, 10)) == []


def test_patients_are_found_by_phone_in_any_common_format(clinic, patient):
    assert patient_find(phone="+55 (11) 98765-4321") == patient
    assert patient_find(phone="11 98765-4321") == patient  # local, read against the clinic's country
    assert patient_find(phone="+5511900000000") is None


def test_a_shared_phone_needs_the_date_of_birth(clinic, patient):
    patient.date_of_birth = date(1980, 5, 17)
    patient.save()
    child = PatientFactory(name="Ana Lima", phone_e164=patient.phone_e164, date_of_birth=date(2015, 1, 2))
    with pytest.raises(PatientAmbiguous):
        patient_find(phone=patient.phone_e164)
    assert patient_find(phone=patient.phone_e164, date_of_birth=date(2015, 1, 2)) == child


def test_provisional_patients_are_created_once(clinic):
    first = patient_create_provisional(name="  Maria  Silva ", phone="+5511911112222", language="pt-BR")
    again = patient_create_provisional(name="maria silva", phone="+55 11 91111-2222", language="pt-BR")
    assert first.pk == again.pk and first.provisional and first.name == "Maria Silva"


def test_a_call_for_a_conversation_is_traced_without_personal_data(clinic, conversation, patient):
    patient_find(phone="+5511987654321", conversation_id=conversation.pk)
    event = TraceEvent.objects.get(conversation=conversation, type=TraceEvent.Type.SCHEDULING_CALL)
    assert event.payload["call"] == "patient_find" and event.payload["outcome"] == "ok"
    assert event.payload["result"] == patient.pk
    assert "987654321" not in str(event.payload)
    assert event.payload["duration_ms"] >= 0


def test_a_refused_call_is_traced_with_its_outcome(practitioner, consult, conversation):
    with pytest.raises(SlotUnavailable):
        hold_for(practitioner, consult, local(23, 12), conversation_id=conversation.pk)
    event = TraceEvent.objects.get(conversation=conversation)
    assert event.payload["outcome"] == "SlotUnavailable"
    assert event.payload["arguments"]["start"] == local(23, 12).isoformat()


def test_calls_without_a_conversation_are_not_traced(practitioner, consult):
    slot_list_available(appointment_type=consult, now=NOW)
    assert not TraceEvent.objects.exists()


def test_the_search_widens_past_fully_booked_days_around_the_wish(practitioner, consult):
    TimeOff.objects.create(practitioner=practitioner, start=local(24, 0), end=local(27, 0))
    wish = Preference(day=date(2026, 11, 25), window=TimeWindow(time(9), time(12)))
    slots = slot_list_available(appointment_type=consult, preference=wish, limit=2, now=NOW)
    assert {s.start for s in slots} == {local(23, 11, 30), local(27, 9)}


def test_the_first_free_slot_may_lie_weeks_ahead(practitioner, consult):
    TimeOff.objects.create(
        practitioner=practitioner, start=local(23, 0), end=local(23, 0) + timedelta(days=20)
    )
    [first] = slot_list_available(appointment_type=consult, limit=1, now=NOW)
    assert first.start == local(23, 9) + timedelta(days=21)


def test_searches_filter_by_location_and_practitioner(practitioner, consult, location):
    from tests.scheduling.factories import LocationFactory, practitioner_with_week

    elsewhere = LocationFactory(code="sul")
    other = practitioner_with_week(
        location=elsewhere, appointment_types=[consult], ranges=((time(7), time(8)),)
    )
    at_sul = slot_list_available(appointment_type=consult, location=elsewhere, limit=None, now=NOW)
    assert at_sul and {(s.practitioner_id, s.location_id) for s in at_sul} == {(other.pk, elsewhere.pk)}
    mine = slot_list_available(appointment_type=consult, practitioner=practitioner, limit=1, now=NOW)
    assert mine[0].practitioner_id == practitioner.pk and mine[0].location_id == location.pk


def test_the_clinics_buffer_keeps_time_around_appointments(clinic, practitioner, consult, patient):
    clinic.policies = {**clinic.policies, "buffer_minutes": 15}
    clinic.save()
    appointment_book(
        hold=hold_for(practitioner, consult, local(23, 9, 30)), patient=patient, actor=BOT, now=NOW
    )
    starts = [
        s.start
        for s in slot_list_available(appointment_type=consult, date_to=date(2026, 11, 23), limit=3, now=NOW)
    ]
    assert starts == [local(23, 10, 15), local(23, 10, 30), local(23, 10, 45)]


def test_purging_removes_only_long_expired_unbooked_holds(practitioner, consult, patient):
    old = hold_for(practitioner, consult, local(23, 9))
    booked = hold_for(practitioner, consult, local(23, 10))
    appointment_book(hold=booked, patient=patient, actor=BOT, now=NOW)
    fresh = hold_for(practitioner, consult, local(25, 11), now=NOW + timedelta(days=2))
    from scheduling.services import slot_hold_purge

    assert slot_hold_purge(now=NOW + timedelta(days=2)) == 1
    assert set(SlotHold.objects.values_list("pk", flat=True)) == {booked.pk, fresh.pk}
    assert not SlotHold.objects.filter(pk=old.pk).exists()


def test_searches_skip_inactive_practitioners_and_those_not_offering_the_type(
    practitioner, consult, location
):
    from tests.scheduling.factories import practitioner_with_week

    other_type = AppointmentTypeFactory(code="exam")
    offers_exam = practitioner_with_week(location=location, appointment_types=[other_type])
    retired = practitioner_with_week(location=location, appointment_types=[consult], active=False)
    found = {
        s.practitioner_id
        for s in slot_list_available(
            appointment_type=consult, limit=None, now=NOW, date_to=date(2026, 11, 23)
        )
    }
    assert found == {practitioner.pk}
    assert retired.pk not in found and offers_exam.pk not in found
    exam = {s.practitioner_id for s in slot_list_available(appointment_type=other_type, limit=3, now=NOW)}
    assert exam == {offers_exam.pk}
