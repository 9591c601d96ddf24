"""Who may call which endpoint of the staff JSON API: every role against every endpoint."""

from functools import partial

import pytest
from rest_framework.test import APIClient

from scheduling.services import Actor, appointment_create
from tests.scheduling.test_api import future
from tests.staff.factories import UserFactory, content_admin, operations_lead, receptionist

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

CALLERS = {
    "no role": UserFactory,
    "content admin": content_admin,
    "reception": receptionist,
    "operations lead": operations_lead,
}
# Reception and the operations lead use the calendar; the others are refused.
ADMITTED = {"reception", "operations lead"}


def _booked(practitioner, patient):
    return appointment_create(
        patient=patient,
        practitioner=practitioner,
        appointment_type=practitioner.appointment_types.get(),
        start=future(9),
        actor=Actor.staff(UserFactory()),
    )


def _calls(practitioner, patient):
    """(method, path, payload, status when admitted) for every endpoint and method."""
    booked = _booked(practitioner, patient)
    return {
        "GET availability": ("get", "/api/v1/availability/", {"appointment_type": "consult"}, 200),
        "GET appointments": ("get", "/api/v1/appointments/", {"phone": patient.phone_e164}, 200),
        "POST appointments": (
            "post",
            "/api/v1/appointments/",
            {
                "patient_id": patient.pk,
                "practitioner": practitioner.code,
                "appointment_type": "consult",
                "start": future(10).isoformat(),
            },
            201,
        ),
        "POST cancel": ("post", f"/api/v1/appointments/{booked.pk}/cancel/", {"reason": "called"}, 200),
        "POST reschedule": (
            "post",
            f"/api/v1/appointments/{booked.pk}/reschedule/",
            {"start": future(11).isoformat()},
            201,
        ),
    }


ENDPOINTS = ["GET availability", "GET appointments", "POST appointments", "POST cancel", "POST reschedule"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("caller", [*CALLERS, "anonymous"])
def test_only_reception_and_the_operations_lead_may_use_the_calendar_api(
    caller, endpoint, practitioner, patient
):
    method, path, payload, admitted_status = _calls(practitioner, patient)[endpoint]
    client = APIClient()
    if caller != "anonymous":
        client.force_login(CALLERS[caller]())

    send = client.get if method == "get" else partial(client.post, format="json")
    response = send(path, payload)

    if caller in ADMITTED:
        assert response.status_code == admitted_status, response.json()
    elif caller == "anonymous":
        assert response.status_code == 401
    else:
        assert response.status_code == 403
        assert response.json()["error"] == "permission_denied"


@pytest.mark.parametrize("caller", [*CALLERS, "anonymous"])
def test_a_refused_caller_changes_nothing(caller, practitioner, patient):
    booked = _booked(practitioner, patient)
    client = APIClient()
    if caller != "anonymous":
        client.force_login(CALLERS[caller]())

    client.post(f"/api/v1/appointments/{booked.pk}/cancel/", {"reason": "x"}, format="json")

    booked.refresh_from_db()
    expected = "cancelled" if caller in ADMITTED else "booked"
    assert booked.status == expected


@pytest.mark.parametrize(
    "caller, status",
    [
        ("anonymous", 401),
        ("no role", 403),
        ("content admin", 200),
        ("reception", 200),
        ("operations lead", 200),
    ],
)
def test_the_openapi_schema_is_readable_by_any_clinicbot_role(caller, status):
    client = APIClient()
    if caller != "anonymous":
        client.force_login(CALLERS[caller]())

    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == status
    if status == 200:  # the whole API is described, whatever the reader's role may call
        assert "/api/v1/appointments/{id}/reschedule/" in response.json()["paths"]


@pytest.mark.parametrize("caller", ["no role", "content admin"])
def test_a_token_does_not_lift_the_role_check(caller, practitioner):
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=CALLERS[caller]()).key}")

    assert client.get("/api/v1/appointments/").status_code == 403
