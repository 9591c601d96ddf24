import pytest
from django.urls import reverse

from scheduling.models import Appointment, PractitionerLocation
from scheduling.services import Actor, appointment_create
from tests.scheduling.factories import PatientFactory
from tests.scheduling.test_api import future

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def reception(client, django_user_model):
    user = django_user_model.objects.create_superuser("reception", "r@example.com", "pw")
    client.force_login(user)
    return user


def booked(practitioner, patient, user, hh=9):
    return appointment_create(
        patient=patient,
        practitioner=practitioner,
        start=future(hh),
        appointment_type=practitioner.appointment_types.get(),
        actor=Actor.staff(user),
    )


def test_the_day_view_lists_each_practitioners_appointments_in_clinic_time(
    client, reception, practitioner, patient
):
    booked(practitioner, patient, reception)
    url = reverse("admin:scheduling_appointment_day") + f"?date={future(9).date()}"
    page = client.get(url).content.decode()
    assert "Dra. Ana Souza" in page and "João Lima" in page and "09:00–09:30" in page


def test_the_day_view_of_an_empty_day_says_so(client, reception, practitioner):
    page = client.get(reverse("admin:scheduling_appointment_day") + "?date=2026-01-01").content.decode()
    assert "No appointments." in page


def test_patients_are_found_by_name_or_by_phone_as_typed(client, reception, patient):
    PatientFactory(name="Someone Else", phone_e164="+5511900001111")
    url = reverse("admin:scheduling_patient_changelist")
    assert "João Lima" in client.get(url, {"q": "lima"}).content.decode()
    by_phone = client.get(url, {"q": "(11) 98765-4321"}).content.decode()
    assert "João Lima" in by_phone and "Someone Else" not in by_phone


def test_reception_books_through_the_admin_and_sees_why_a_slot_is_refused(
    client, reception, practitioner, patient, consult
):
    url = reverse("admin:scheduling_appointment_add")
    form = {
        "patient": patient.pk,
        "practitioner": practitioner.pk,
        "appointment_type": consult.pk,
        "location": "",
        "start_0": future(9).strftime("%Y-%m-%d"),
        "start_1": "09:00:00",
    }
    # Reception types the clinic's local time.
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Appointment.objects.get().created_by == reception
    assert Appointment.objects.get().start == future(9)
    again = client.post(url, {**form, "patient": PatientFactory().pk})
    assert again.status_code == 200 and "already taken" in again.content.decode()


def test_the_cancel_action_cancels_through_the_service(client, reception, practitioner, patient):
    appointment = booked(practitioner, patient, reception)
    client.post(
        reverse("admin:scheduling_appointment_changelist"),
        {"action": "cancel_selected", "_selected_action": [appointment.pk]},
    )
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED


def _no_rows(prefix: str) -> dict:
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}


def test_a_practitioner_added_in_the_admin_works_at_the_chosen_location_in_its_clinic(
    client, reception, clinic, location
):
    response = client.post(
        reverse("admin:scheduling_practitioner_add"),
        {
            "code": "bia",
            "display_name": "Dra. Bia Lima",
            "aliases": "[]",
            "specialties": '["dermatology"]',
            "active": "on",
            "practitionerlocation_set-TOTAL_FORMS": "1",
            "practitionerlocation_set-INITIAL_FORMS": "0",
            "practitionerlocation_set-0-location": location.pk,
            **_no_rows("working_hours"),
            **_no_rows("time_off"),
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    link = PractitionerLocation.objects.get(practitioner__code="bia")
    assert (link.location, link.clinic_id, link.practitioner.clinic_id) == (location, clinic.pk, clinic.pk)


def test_the_admin_shows_a_practitioners_locations_and_a_types_practitioners(
    client, reception, practitioner, consult
):
    doctor = client.get(reverse("admin:scheduling_practitioner_change", args=[practitioner.pk]))
    kind = client.get(reverse("admin:scheduling_appointmenttype_change", args=[consult.pk]))

    assert doctor.status_code == kind.status_code == 200
    assert (
        f'<option value="{practitioner.locations.get().pk}" selected>Centro</option>'
        in doctor.content.decode()
    )
    assert f'<option value="{practitioner.pk}" selected>Dra. Ana Souza</option>' in kind.content.decode()
