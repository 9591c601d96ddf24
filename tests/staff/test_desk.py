"""Reception's desk on the calendar: booking a free slot for a patient who phones in, moving
and cancelling with the notice policy, and telling the patient on WhatsApp."""

import pytest
import time_machine
from django.urls import reverse

from audit.models import StaffAction
from conversations.models import Conversation, OutboundMessage
from scheduling.models import Appointment, AppointmentType, Patient
from scheduling.services import Actor, appointment_create
from tests.scheduling.conftest import local
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
NOW = local(20, 10)  # Friday 20 November 2026, 10:00 in São Paulo


@pytest.fixture
def desk(client):
    user = receptionist()
    client.force_login(user)
    client.user = user
    return client


def _book(desk, practitioner, start, **fields):
    data = {"practitioner": practitioner.pk, "start": start.isoformat()} | fields
    with time_machine.travel(NOW, tick=False):
        return desk.post(reverse("staff_desk_book"), data, follow=True)


def test_reception_books_an_existing_patient_from_a_free_slot(desk, practitioner, consult, patient):
    response = _book(desk, practitioner, local(23, 9), patient=patient.pk, type=consult.code)

    appointment = Appointment.objects.get(patient=patient)
    assert appointment.start == local(23, 9) and appointment.source == Appointment.Source.STAFF
    assert appointment.created_by == desk.user
    assert StaffAction.objects.filter(
        action="staff_book", appointment_id=appointment.pk, user=desk.user
    ).exists()
    html = response.content.decode()
    assert "Booked: João Lima, Consultation with Dra. Ana Souza on Monday 23 November at 09:00" in html
    assert "(America/Sao_Paulo time)" in html


def test_a_patient_who_phones_in_is_entered_and_booked(desk, practitioner, consult):
    _book(
        desk,
        practitioner,
        local(23, 14),
        name="  Maria   Clara Souza ",
        phone="(11) 91234-5678",
        date_of_birth="1990-04-02",
        type=consult.code,
    )

    patient = Patient.objects.get(name="Maria Clara Souza")
    assert patient.phone_e164 == "+5511912345678" and not patient.provisional
    assert str(patient.date_of_birth) == "1990-04-02"
    assert Appointment.objects.filter(patient=patient, start=local(23, 14)).exists()


def test_without_a_patient_nothing_is_booked_and_the_form_says_why(desk, practitioner, consult):
    response = _book(desk, practitioner, local(23, 9), type=consult.code)

    assert response.redirect_chain[-1][0].startswith(reverse("staff_calendar_book"))
    assert "give the new patient&#x27;s name and phone" in response.content.decode()
    assert not Appointment.objects.exists()


def test_a_type_too_long_for_the_gap_is_offered_disabled_with_the_reason(
    desk, practitioner, consult, location
):
    long_one = AppointmentType.objects.create(code="long", names={"en": "Long visit"}, duration_minutes=90)
    long_one.practitioners.add(practitioner, through_defaults={"clinic_id": practitioner.clinic_id})
    with time_machine.travel(NOW, tick=False):
        html = desk.get(
            reverse("staff_calendar_book"),
            {"practitioner": practitioner.pk, "start": local(23, 11).isoformat()},
        ).content.decode()

    assert "Long visit" in html and "does not fit here: outside working hours" in html
    assert 'value="long" required disabled' in html


def test_a_returning_patients_type_is_refused_for_a_new_patient_by_its_name(
    desk, practitioner, consult, patient
):
    follow_up = AppointmentType.objects.create(
        code="follow_up", names={"en": "Follow-up visit"}, duration_minutes=20, new_patients=False
    )
    follow_up.practitioners.add(practitioner, through_defaults={"clinic_id": practitioner.clinic_id})

    response = _book(desk, practitioner, local(23, 9), patient=patient.pk, type="follow_up")

    assert "Follow-up visit is for returning patients only" in response.content.decode()
    assert not Appointment.objects.exists()


def test_booking_a_taken_slot_is_refused(desk, practitioner, consult, patient):
    with time_machine.travel(NOW, tick=False):
        appointment_create(
            patient=patient,
            practitioner=practitioner,
            appointment_type=consult,
            start=local(23, 9),
            actor=Actor.bot(),
        )

    response = _book(desk, practitioner, local(23, 9, 15), patient=patient.pk, type=consult.code)

    assert "already taken" in response.content.decode()
    assert Appointment.objects.count() == 1


def test_the_patient_is_confirmed_in_their_language_inside_the_window(desk, practitioner, consult, patient):
    patient.language = "pt-BR"
    patient.save()
    Conversation.objects.create(
        channel_user_id="5511987654321", phone_e164=patient.phone_e164, last_inbound_at=local(20, 9)
    )

    response = _book(desk, practitioner, local(23, 9), patient=patient.pk, type=consult.code, notify="yes")

    message = OutboundMessage.objects.get()
    assert message.sent_by == desk.user
    assert message.body.startswith(
        "Olá João, sua consulta está marcada: Consulta com Dra. Ana Souza em segunda-feira, 23 de novembro, às 09:00"
    )
    assert "The patient was told: sent on WhatsApp." in response.content.decode()
    assert StaffAction.objects.filter(action="patient_notified", detail__outbound_id=message.pk).exists()


def test_outside_the_window_the_approved_template_goes(desk, practitioner, consult, patient, settings):
    settings.TWILIO_APPOINTMENT_CONTENT_SIDS = {"pt-BR": "HXappointment"}
    patient.language = "pt-BR"
    patient.save()

    _book(desk, practitioner, local(23, 9), patient=patient.pk, type=consult.code, notify="yes")

    message = OutboundMessage.objects.get()
    assert message.template == "appointment:pt-BR"  # Twilio's adapter sends it as HXappointment
    assert message.content_variables == {
        "1": "João",
        "2": "segunda-feira, 23 de novembro, às 09:00",
        "3": "Dra. Ana Souza",
    }


def test_outside_the_window_without_a_template_nothing_goes_and_reception_is_told(
    desk, practitioner, consult, patient
):
    response = _book(desk, practitioner, local(23, 9), patient=patient.pk, type=consult.code, notify="yes")

    assert not OutboundMessage.objects.exists()
    assert (
        "The patient was not told: not sent: the patient has not written in 24 hours"
        in response.content.decode()
    )
    assert Appointment.objects.filter(patient=patient).exists()


def test_without_the_box_ticked_the_patient_is_not_messaged(desk, practitioner, consult, patient):
    Conversation.objects.create(
        channel_user_id="5511987654321", phone_e164=patient.phone_e164, last_inbound_at=local(20, 9)
    )

    _book(desk, practitioner, local(23, 9), patient=patient.pk, type=consult.code)

    assert not OutboundMessage.objects.exists()


@pytest.fixture
def tomorrow(practitioner, consult, patient):
    """João on Monday at 09:00, booked on Sunday: inside the 24 h notice from Sunday 10:00."""
    with time_machine.travel(local(20, 8), tick=False):
        return appointment_create(
            patient=patient,
            practitioner=practitioner,
            appointment_type=consult,
            start=local(23, 9),
            actor=Actor.bot(),
        )


def test_inside_the_notice_a_move_needs_a_reason(desk, tomorrow):
    with time_machine.travel(local(22, 10), tick=False):
        page = desk.get(reverse("staff_calendar_appointment", args=[tomorrow.pk])).content.decode()
        response = desk.post(
            reverse("staff_desk_move", args=[tomorrow.pk]), {"start": local(23, 10).isoformat()}, follow=True
        )

    assert "The clinic asks 24 hours' notice" in page and "the bot refuses inside it" in page
    assert response.redirect_chain == [(reverse("staff_calendar_appointment", args=[tomorrow.pk]), 302)]
    assert "inside the clinic&#x27;s notice: give a reason" in response.content.decode()
    tomorrow.refresh_from_db()
    assert tomorrow.status == Appointment.Status.BOOKED


def test_inside_the_notice_reception_moves_with_a_reason_that_is_recorded(desk, tomorrow):
    with time_machine.travel(local(22, 10), tick=False):
        response = desk.post(
            reverse("staff_desk_move", args=[tomorrow.pk]),
            {"start": local(23, 10).isoformat(), "reason": "Patient's bus strike"},
            follow=True,
        )

    moved = Appointment.objects.get(rescheduled_from=tomorrow)
    assert moved.start == local(23, 10)
    action = StaffAction.objects.get(action="staff_reschedule", appointment_id=moved.pk)
    assert action.detail["reason"] == "Patient's bus strike"
    assert (
        "Moved: João Lima, Consultation with Dra. Ana Souza on Monday 23 November at 10:00"
        in response.content.decode()
    )


def test_the_move_page_offers_the_free_times_the_bot_would(desk, tomorrow):
    with time_machine.travel(local(20, 10), tick=False):
        html = desk.get(
            reverse("staff_calendar_appointment", args=[tomorrow.pk]), {"date": "2026-11-23"}
        ).content.decode()

    assert 'value="2026-11-23T09:30:00-03:00"' in html
    assert "outside it" in html


def test_cancelling_needs_a_reason_and_tells_the_patient(desk, tomorrow, patient):
    patient.language = "en"
    patient.save()
    Conversation.objects.create(
        channel_user_id="5511987654321", phone_e164=patient.phone_e164, last_inbound_at=local(22, 9)
    )
    with time_machine.travel(local(22, 10), tick=False):
        refused = desk.post(reverse("staff_desk_cancel", args=[tomorrow.pk]), {"reason": " "}, follow=True)
        desk.post(
            reverse("staff_desk_cancel", args=[tomorrow.pk]), {"reason": "Feeling better", "notify": "yes"}
        )

    assert "Give a reason for the cancellation" in refused.content.decode()
    tomorrow.refresh_from_db()
    assert (
        tomorrow.status == Appointment.Status.CANCELLED and tomorrow.cancellation_reason == "Feeling better"
    )
    assert OutboundMessage.objects.get().body.startswith(
        "Hello João, your appointment with Dra. Ana Souza on Monday 23 November at 09:00 is cancelled."
    )


def test_patient_search_finds_by_name_and_by_phone_digits(desk, patient, clinic):
    by_name = desk.get(reverse("staff_calendar_patients"), {"q": "joão"}).content.decode()
    by_phone = desk.get(reverse("staff_calendar_patients"), {"q": "98765"}).content.decode()
    nobody = desk.get(reverse("staff_calendar_patients"), {"q": "Zé"}).content.decode()

    assert "João Lima" in by_name and "João Lima" in by_phone
    assert f'value="{patient.pk}" form="book-form"' in by_name
    assert "No patient matches" in nobody


def test_a_calendar_cell_leads_to_the_patients_conversation(desk, patient, clinic):
    conversation = Conversation.objects.create(channel_user_id="5511987654321", phone_e164=patient.phone_e164)

    response = desk.get(reverse("staff_patient_conversation", args=[patient.pk]))

    assert response["Location"] == reverse("staff_conversation", args=[conversation.pk])
