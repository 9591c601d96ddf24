"""The admin changes appointments only through the scheduling services: the change form
shows status, patient, practitioner and start read-only, and its actions (cancel,
reschedule, mark completed or no-show) validate and audit like every other door."""

from datetime import timedelta

import pytest
from django.urls import reverse

from audit.models import StaffAction
from scheduling.models import Appointment
from scheduling.services import Actor, appointment_cancel, appointment_create
from tests.scheduling.factories import PatientFactory
from tests.scheduling.test_api import future
from tests.staff.factories import operations_lead, receptionist

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def reception(client):
    user = receptionist(is_staff=True)
    client.force_login(user)
    return user


def booked(practitioner, patient, hh=9, **kwargs):
    return appointment_create(
        patient=patient,
        practitioner=practitioner,
        start=future(hh, **kwargs),
        appointment_type=practitioner.appointment_types.get(),
        actor=Actor.staff(receptionist()),
    )


def change_url(appointment) -> str:
    return reverse("admin:scheduling_appointment_change", args=[appointment.pk])


def action_url(appointment, action: str) -> str:
    return reverse(f"admin:scheduling_appointment_{action}", args=[appointment.pk])


def test_the_change_form_shows_status_patient_practitioner_and_start_read_only(
    client, reception, practitioner, patient
):
    page = client.get(change_url(booked(practitioner, patient))).content.decode()

    for field in ("status", "patient", "practitioner", "start_0", "cancellation_reason"):
        assert f'name="{field}"' not in page
    assert "João Lima" in page
    assert 'name="_save"' not in page


def test_posting_the_change_form_cannot_book_a_cancelled_appointment_over_another(
    client, reception, practitioner, patient
):
    first = booked(practitioner, patient)
    appointment_cancel(appointment=first, actor=Actor.staff(reception), reason="moved")
    second = booked(practitioner, PatientFactory())

    client.post(change_url(first), {"status": "booked", "patient": second.patient_id})

    first.refresh_from_db()
    assert first.status == Appointment.Status.CANCELLED and first.patient == patient
    assert Appointment.objects.filter(status=Appointment.Status.BOOKED).get() == second


def test_an_appointment_cannot_be_deleted_in_the_admin_even_by_a_superuser(
    client, practitioner, patient, admin_user
):
    appointment = booked(practitioner, patient)
    client.force_login(admin_user)

    client.post(reverse("admin:scheduling_appointment_delete", args=[appointment.pk]), {"post": "yes"})

    assert Appointment.objects.filter(pk=appointment.pk).exists()


def test_cancel_in_the_admin_goes_through_the_service_and_is_audited(
    client, reception, practitioner, patient
):
    appointment = booked(practitioner, patient)

    response = client.post(action_url(appointment, "cancel"), {"reason": "patient phoned"})

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert appointment.cancellation_reason == "patient phoned"
    assert StaffAction.objects.filter(
        action="appointment_cancel", appointment_id=appointment.pk, user=reception
    ).exists()


def test_cancel_in_the_admin_needs_a_reason(client, reception, practitioner, patient):
    appointment = booked(practitioner, patient)

    response = client.post(action_url(appointment, "cancel"), {"reason": " "}, follow=True)

    assert "Give a reason" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_reschedule_in_the_admin_moves_it_in_clinic_time_and_is_audited(
    client, reception, practitioner, patient
):
    appointment = booked(practitioner, patient)
    new_start = future(10, 30)

    response = client.post(
        action_url(appointment, "reschedule"), {"start": new_start.strftime("%Y-%m-%dT%H:%M")}
    )

    assert response.status_code == 302
    moved = Appointment.objects.get(rescheduled_from=appointment)
    assert moved.start == new_start and moved.status == Appointment.Status.BOOKED
    assert response["Location"] == change_url(moved)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert StaffAction.objects.filter(action="appointment_reschedule", appointment_id=moved.pk).exists()


def test_reschedule_onto_a_taken_time_is_explained_and_changes_nothing(
    client, reception, practitioner, patient
):
    appointment = booked(practitioner, patient)
    booked(practitioner, PatientFactory(), hh=11)

    response = client.post(
        action_url(appointment, "reschedule"), {"start": future(11).strftime("%Y-%m-%dT%H:%M")}, follow=True
    )

    assert "already taken" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert not Appointment.objects.filter(rescheduled_from=appointment).exists()


def test_marking_a_started_appointment_completed_in_the_admin_is_audited(
    client, reception, practitioner, patient, time_machine
):
    appointment = booked(practitioner, patient)
    time_machine.move_to(appointment.start + timedelta(minutes=5))
    client.force_login(reception)  # a month later: the earlier session has long expired

    client.post(action_url(appointment, "mark"), {"mark": "completed"})

    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.COMPLETED
    assert StaffAction.objects.filter(
        action="appointment_mark_completed", appointment_id=appointment.pk
    ).exists()


def test_marking_an_appointment_that_has_not_started_is_refused(client, reception, practitioner, patient):
    appointment = booked(practitioner, patient)

    response = client.post(action_url(appointment, "mark"), {"mark": "no_show"}, follow=True)

    assert "has not started" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


@pytest.mark.parametrize("action, data", [("cancel", {"reason": "x"}), ("mark", {"mark": "no_show"})])
def test_a_view_only_role_cannot_use_the_actions(client, practitioner, patient, action, data):
    appointment = booked(practitioner, patient)
    client.force_login(operations_lead(is_staff=True))

    response = client.post(action_url(appointment, action), data)

    assert response.status_code == 403
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
