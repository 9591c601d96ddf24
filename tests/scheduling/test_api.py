from datetime import timedelta

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scheduling.models import Appointment
from scheduling.services import Actor, appointment_create
from tests.scheduling.conftest import local
from tests.scheduling.factories import PatientFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
# The API runs on the real clock: book a week or more ahead, at 09:00 São Paulo time.
FAR = 30


def future(hh: int, mm: int = 0, days: int = FAR):
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/Sao_Paulo")
    day = datetime.now(UTC).astimezone(zone).date() + timedelta(days=days)
    day += timedelta(days=(7 - day.weekday()) % 7)  # the next Monday
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=zone)


@pytest.fixture
def user(db):
    return receptionist(username="reception")


@pytest.fixture
def api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_the_api_refuses_anonymous_callers(practitioner):
    response = APIClient().get("/api/v1/availability/")
    assert response.status_code in (401, 403)
    assert "message" in response.json()


def test_session_login_works_too(practitioner, user):
    client = APIClient()
    client.force_login(user)
    assert client.get("/api/v1/availability/?appointment_type=consult").status_code == 200


def test_availability_lists_free_slots_with_local_times(api, practitioner):
    day = future(9).date()
    response = api.get(
        "/api/v1/availability/",
        {
            "appointment_type": "consult",
            "practitioner": practitioner.code,
            "date_from": day,
            "date_to": day,
            "time_from": "14:00",
            "time_to": "15:00",
            "limit": 10,
        },
    )
    assert response.status_code == 200, response.json()
    slots = response.json()["slots"]
    assert [s["start_local"][11:16] for s in slots] == ["14:00", "14:15", "14:30"]
    assert slots[0]["practitioner"]["display_name"] == "Dra. Ana Souza"


def test_availability_ranks_by_a_preferred_day(api, practitioner):
    wish = future(9).date() + timedelta(days=2)
    response = api.get(
        "/api/v1/availability/",
        {
            "appointment_type": "consult",
            "preferred_date": wish,
            "preferred_time_from": "14:00",
            "preferred_time_to": "18:00",
            "limit": 1,
        },
    )
    assert response.json()["slots"][0]["start_local"].startswith(f"{wish}T14:00")


def test_availability_explains_a_bad_filter(api, practitioner):
    response = api.get("/api/v1/availability/", {"appointment_type": "x-ray"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid" and body["message"].startswith("appointment_type:")


def test_staff_book_through_the_api_and_a_second_booking_of_the_slot_gets_409(
    api, practitioner, patient, user
):
    payload = {
        "patient_id": patient.pk,
        "practitioner": practitioner.code,
        "appointment_type": "consult",
        "start": future(9).isoformat(),
    }
    first = api.post("/api/v1/appointments/", payload, format="json")
    assert first.status_code == 201, first.json()
    assert first.json()["source"] == "api" and first.json()["created_by"] == user.pk
    second = api.post("/api/v1/appointments/", {**payload, "patient_id": PatientFactory().pk}, format="json")
    assert second.status_code == 409
    assert second.json()["error"] == "slot_unavailable" and "already taken" in second.json()["message"]


def test_booking_a_new_patient_creates_a_provisional_record(api, practitioner):
    payload = {
        "patient": {"name": "Maria Silva", "phone": "+55 11 91111-2222"},
        "practitioner": practitioner.pk,
        "appointment_type": "consult",
        "start": future(10).isoformat(),
    }
    response = api.post("/api/v1/appointments/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["patient"]["phone"] == "+5511911112222"


def test_appointments_filter_by_phone_practitioner_dates_and_status(api, practitioner, patient, user):
    booked = appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=practitioner.appointment_types.get(),
        start=future(9),
        actor=Actor.staff(user),
    )
    appointment_create(
        patient=PatientFactory(),
        practitioner=practitioner,
        appointment_type=booked.appointment_type,
        start=future(10),
        actor=Actor.staff(user),
    )
    day = future(9).date()
    response = api.get(
        "/api/v1/appointments/",
        {
            "phone": "+55 11 98765-4321",
            "practitioner": practitioner.code,
            "date_from": day,
            "date_to": day,
            "status": "booked",
        },
    )
    assert [a["id"] for a in response.json()["appointments"]] == [booked.pk]
    assert api.get("/api/v1/appointments/", {"status": "cancelled"}).json()["appointments"] == []


def test_cancel_and_reschedule_through_the_api(api, practitioner, patient, user):
    booked = appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=practitioner.appointment_types.get(),
        start=future(9),
        actor=Actor.staff(user),
    )
    moved = api.post(
        f"/api/v1/appointments/{booked.pk}/reschedule/",
        {"start": future(9, 15).isoformat()},
        format="json",
    )
    assert moved.status_code == 201, moved.json()
    assert moved.json()["rescheduled_from"] == booked.pk
    cancelled = api.post(
        f"/api/v1/appointments/{moved.json()['id']}/cancel/",
        {"reason": "patient called"},
        format="json",
    )
    assert cancelled.json()["status"] == "cancelled"
    booked.refresh_from_db()
    assert booked.status == Appointment.Status.CANCELLED


def test_rescheduling_onto_a_taken_slot_is_a_409_and_keeps_the_old_appointment(
    api, practitioner, patient, user
):
    kind = practitioner.appointment_types.get()
    mine = appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=kind,
        start=future(9),
        actor=Actor.staff(user),
    )
    appointment_create(
        patient=PatientFactory(),
        practitioner=practitioner,
        appointment_type=kind,
        start=future(10),
        actor=Actor.staff(user),
    )
    response = api.post(
        f"/api/v1/appointments/{mine.pk}/reschedule/",
        {"start": future(10).isoformat()},
        format="json",
    )
    assert response.status_code == 409
    mine.refresh_from_db()
    assert mine.status == Appointment.Status.BOOKED


def test_unknown_appointment_is_a_json_404(api, practitioner):
    response = api.post("/api/v1/appointments/999999/cancel/", {}, format="json")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_the_openapi_schema_describes_the_endpoints(api):
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/availability/",
        "/api/v1/appointments/",
        "/api/v1/appointments/{id}/cancel/",
    } <= set(paths)
    parameters = {p["name"] for p in paths["/api/v1/availability/"]["get"]["parameters"]}
    assert {"specialty", "date_from", "time_from", "preferred_date"} <= parameters


def test_local_helper_matches_the_clinic_zone():
    assert local(23, 9).hour == 12


def test_availability_can_space_the_offered_times(api, practitioner):
    day = future(9).date()
    response = api.get(
        "/api/v1/availability/",
        {
            "appointment_type": "consult",
            "date_from": day,
            "date_to": day,
            "spacing_minutes": 60,
            "limit": 3,
        },
    )
    assert [s["start_local"][11:16] for s in response.json()["slots"]] == [
        "09:00",
        "10:00",
        "11:00",
    ]


@pytest.mark.parametrize("path", ["/api/v1/appointments/", "/api/v1/appointments/{id}/reschedule/"])
def test_a_start_without_a_utc_offset_is_refused_naming_the_field(api, practitioner, patient, user, path):
    booked = appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=practitioner.appointment_types.get(),
        start=future(9),
        actor=Actor.staff(user),
    )
    naive = future(10).replace(tzinfo=None).isoformat()
    payload = {
        "patient_id": patient.pk,
        "practitioner": practitioner.code,
        "appointment_type": "consult",
        "start": naive,
    }

    response = api.post(path.format(id=booked.pk), payload, format="json")

    assert response.status_code == 400
    assert response.json()["message"].startswith("start:")
    assert "offset" in response.json()["message"]
    assert Appointment.objects.filter(status=Appointment.Status.BOOKED).get() == booked
