from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from audit.models import StaffAction, TraceEvent
from booking.machine import Signal
from booking.services import booking_handle
from conversations.staff import services
from scheduling import services as calendar
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from tests.conversations.factories import ConversationFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
ZONE = ZoneInfo("America/Sao_Paulo")
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


@pytest.fixture(autouse=True)
def demo_clinic():
    call_command("load_clinic", str(CLINIC), verbosity=0)


@pytest.fixture
def clock():
    with time_machine.travel(at("2026-11-23 08:00"), tick=False) as traveller:
        yield traveller


@pytest.fixture
def joao():
    return Patient.objects.get(phone_e164="+5511987654321")


def book(patient, start: str, code="ana-souza", kind="checkup") -> Appointment:
    return calendar.appointment_create(
        patient=patient,
        practitioner=Practitioner.objects.get(code=code),
        appointment_type=AppointmentType.objects.get(code=kind),
        start=at(start),
        actor=calendar.Actor.bot(),
    )


def test_reception_cancels_for_the_patient_with_a_reason_even_inside_the_notice(client, clock, joao):
    appointment = book(joao, "2026-11-23 14:00")
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    client.force_login(receptionist())

    client.post(
        reverse("staff_appointment_cancel", args=[conversation.pk, appointment.pk]),
        {"reason": "called the clinic"},
    )

    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert appointment.cancellation_reason == "called the clinic"
    assert StaffAction.objects.filter(action="staff_cancel", conversation_id=conversation.pk).exists()


def test_a_cancellation_without_a_reason_is_refused(client, clock, joao):
    appointment = book(joao, "2026-11-27 09:00")
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    client.force_login(receptionist())

    response = client.post(
        reverse("staff_appointment_cancel", args=[conversation.pk, appointment.pk]),
        {"reason": " "},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 400
    assert "reason" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_reception_moves_an_appointment_atomically(client, clock, joao):
    appointment = book(joao, "2026-11-27 09:00")
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    client.force_login(receptionist())

    client.post(
        reverse("staff_appointment_reschedule", args=[conversation.pk, appointment.pk]),
        {"start": "2026-11-30T15:00"},
    )

    appointment.refresh_from_db()
    moved = Appointment.objects.get(rescheduled_from=appointment)
    assert appointment.status == Appointment.Status.CANCELLED
    assert moved.start == at("2026-11-30 15:00")
    assert moved.status == Appointment.Status.BOOKED


def test_reception_books_for_the_patient_and_a_taken_time_is_explained(client, clock, joao):
    other = Patient.objects.get(phone_e164="+14155550123")
    book(other, "2026-11-27 10:00")
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    client.force_login(receptionist())
    ana = Practitioner.objects.get(code="ana-souza")

    ok = client.post(
        reverse("staff_appointment_book", args=[conversation.pk]),
        {"practitioner": ana.pk, "type": "checkup", "start": "2026-11-27T09:00"},
        HTTP_HX_REQUEST="true",
    )
    taken = client.post(
        reverse("staff_appointment_book", args=[conversation.pk]),
        {"practitioner": ana.pk, "type": "checkup", "start": "2026-11-27T10:00"},
        HTTP_HX_REQUEST="true",
    )

    assert ok.status_code == 200
    assert Appointment.objects.filter(patient=joao, start=at("2026-11-27 09:00"), source="staff").exists()
    assert taken.status_code == 400
    assert not Appointment.objects.filter(patient=joao, start=at("2026-11-27 10:00")).exists()


def bot_books(conversation, patient, start: str) -> TraceEvent:
    appointment = book(patient, start)
    return TraceEvent.objects.create(
        conversation=conversation,
        type=TraceEvent.Type.APPOINTMENT_BOOKED,
        payload={"appointment_id": appointment.pk, "rescheduled_from": None},
    )


def test_undoing_a_bot_booking_cancels_it_once_and_is_audited(clock, joao):
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    event = bot_books(conversation, joao, "2026-11-27 09:00")
    user = receptionist()

    services.bot_action_undo(trace_event_id=event.pk, user=user, reason="patient booked by mistake")

    assert Appointment.objects.get(pk=event.payload["appointment_id"]).status == Appointment.Status.CANCELLED
    assert StaffAction.objects.get(action="undo").detail["trace_event_id"] == event.pk
    with pytest.raises(services.ActionRefused, match="already undone"):
        services.bot_action_undo(trace_event_id=event.pk, user=user, reason="again")


def test_undoing_a_bot_cancellation_restores_the_slot_only_if_it_is_still_free(clock, joao):
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    free = book(joao, "2026-11-27 09:00")
    gone = book(joao, "2026-11-27 10:00")
    events = []
    for appointment in (free, gone):
        calendar.appointment_cancel(appointment=appointment, actor=calendar.Actor.bot())
        events.append(
            TraceEvent.objects.create(
                conversation=conversation,
                type=TraceEvent.Type.APPOINTMENT_CANCELLED,
                payload={"appointment_id": appointment.pk},
            )
        )
    book(Patient.objects.get(phone_e164="+14155550123"), "2026-11-27 10:00")  # someone took 10:00
    user = receptionist()

    services.bot_action_undo(trace_event_id=events[0].pk, user=user, reason="cancelled by mistake")
    with pytest.raises(services.ActionRefused, match="booked by someone else"):
        services.bot_action_undo(trace_event_id=events[1].pk, user=user, reason="cancelled by mistake")

    free.refresh_from_db()
    gone.refresh_from_db()
    assert free.status == Appointment.Status.BOOKED
    assert gone.status == Appointment.Status.CANCELLED


def test_undoing_a_bot_reschedule_puts_the_old_time_back(clock, joao):
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    original = book(joao, "2026-11-27 09:00")
    result = booking_handle(
        conversation_id=conversation.pk,
        phone=joao.phone_e164,
        signal=Signal(intent="reschedule"),
        language="pt-BR",
        start_flow="reschedule",
    )
    assert result.replies[-1].text.key == "ask_when"
    hold = calendar.slot_hold(
        practitioner=original.practitioner,
        start=at("2026-11-30 14:00"),
        appointment_type=original.appointment_type,
        replacing=original,
    )
    moved = calendar.appointment_reschedule(appointment=original, hold=hold, actor=calendar.Actor.bot())
    event = TraceEvent.objects.create(
        conversation=conversation,
        type=TraceEvent.Type.APPOINTMENT_RESCHEDULED,
        payload={"appointment_id": moved.pk, "rescheduled_from": original.pk},
    )

    services.bot_action_undo(trace_event_id=event.pk, user=receptionist(), reason="wrong day")

    original.refresh_from_db()
    moved.refresh_from_db()
    assert original.status == Appointment.Status.BOOKED
    assert moved.status == Appointment.Status.CANCELLED


def test_only_bot_actions_can_be_undone(clock, joao):
    conversation = ConversationFactory()
    event = TraceEvent.objects.create(conversation=conversation, type=TraceEvent.Type.INCOMING_MESSAGE)

    with pytest.raises(services.ActionRefused):
        services.bot_action_undo(trace_event_id=event.pk, user=receptionist(), reason="x")
