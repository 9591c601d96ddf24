import pytest
import time_machine
from django.urls import reverse

from scheduling.models import Appointment
from scheduling.services import Actor, appointment_create
from tests.scheduling.conftest import local
from tests.staff.factories import content_admin, receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def booked(practitioner, consult, patient):
    """João at 09:00 on Monday 23 November (São Paulo), booked by the bot."""
    with time_machine.travel(local(20, 8), tick=False):
        return appointment_create(
            patient=patient,
            practitioner=practitioner,
            appointment_type=consult,
            start=local(23, 9),
            actor=Actor.bot(),
        )


@pytest.fixture
def reception(client):
    client.force_login(receptionist())
    return client


def test_the_day_view_lists_each_practitioners_appointments_in_clinic_time(reception, booked):
    with time_machine.travel(local(23, 10), tick=False):
        html = reception.get(reverse("staff_day"), {"date": "2026-11-23"}).content.decode()

    assert "Dra. Ana Souza" in html and "João Lima" in html
    assert "09:00–09:30" in html
    assert f'href="{reverse("staff_day")}?date=2026-11-24"' in html


def test_without_a_date_the_day_view_shows_the_clinics_today(reception, booked):
    # 01:00 UTC on the 24th is still the 23rd in São Paulo.
    with time_machine.travel(local(23, 22), tick=False):
        html = reception.get(reverse("staff_day")).content.decode()

    assert "Monday 23 November 2026" in html and "João Lima" in html


def test_marking_a_no_show_returns_to_that_day(reception, booked):
    with time_machine.travel(local(23, 10), tick=False):
        response = reception.post(reverse("staff_appointment_mark", args=[booked.pk]), {"status": "no_show"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('staff_day')}?date=2026-11-23"
    booked.refresh_from_db()
    assert booked.status == Appointment.Status.NO_SHOW


def test_an_appointment_cannot_be_marked_before_it_starts(reception, booked):
    with time_machine.travel(local(23, 8), tick=False):
        response = reception.post(
            reverse("staff_appointment_mark", args=[booked.pk]), {"status": "completed"}, follow=True
        )

    assert "has not started yet" in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == Appointment.Status.BOOKED


def test_a_content_admin_cannot_open_the_day_view(client, clinic):
    client.force_login(content_admin())

    assert client.get(reverse("staff_day")).status_code == 403
