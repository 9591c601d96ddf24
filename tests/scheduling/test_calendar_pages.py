from datetime import time

import pytest
import time_machine
from django.urls import reverse

from scheduling.models import Appointment, SlotHold, TimeOff
from scheduling.services import Actor, appointment_create
from tests.scheduling.conftest import local
from tests.scheduling.factories import LocationFactory, practitioner_with_week
from tests.staff.factories import content_admin, operations_lead, receptionist

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


def _cell(html: str, practitioner, at: str) -> str:
    """The <td> of one practitioner at one local time, as rendered."""
    marker = f'data-practitioner="{practitioner.pk}" data-start="{at}"'
    start = html.index(marker)
    return html[html.rindex("<td", 0, start) : html.index("</td>", start)]


def test_the_grid_shows_a_booking_by_patient_and_type_name_in_clinic_time(reception, booked, practitioner):
    with time_machine.travel(local(22, 10), tick=False):
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    cell = _cell(html, practitioner, "2026-11-23T09:00")
    assert "cell-booked" in cell and 'rowspan="2"' in cell
    assert "João Lima" in cell and "Consultation · 09:00–09:30" in cell
    assert reverse("staff_patient_conversation", args=[booked.patient_id]) in cell
    assert "America/Sao_Paulo" in html


def test_free_closed_and_lunch_cells_differ_and_a_free_one_links_to_booking(reception, booked, practitioner):
    with time_machine.travel(local(22, 10), tick=False):
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    free = _cell(html, practitioner, "2026-11-23T09:30")
    assert "cell-free" in free and reverse("staff_calendar_book") in free
    assert "start=2026-11-23T09%3A30%3A00-03%3A00" in free
    assert "cell-closed" in _cell(html, practitioner, "2026-11-23T12:00")


def test_a_live_hold_and_time_off_show_as_such(reception, practitioner, consult, location):
    with time_machine.travel(local(22, 10), tick=False):
        SlotHold.objects.create(
            practitioner=practitioner,
            location=location,
            appointment_type=consult,
            start=local(23, 10),
            end=local(23, 10, 30),
            expires_at=local(22, 10, 10),
        )
        TimeOff.objects.create(
            practitioner=practitioner, start=local(23, 15), end=local(23, 16), reason="Congress"
        )
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    assert "cell-held" in _cell(html, practitioner, "2026-11-23T10:00")
    off = _cell(html, practitioner, "2026-11-23T15:00")
    assert "cell-time_off" in off and "Congress" in off and 'rowspan="4"' in off


def test_an_expired_hold_is_free_again(reception, practitioner, consult, location):
    SlotHold.objects.create(
        practitioner=practitioner,
        location=location,
        appointment_type=consult,
        start=local(23, 10),
        end=local(23, 10, 30),
        expires_at=local(22, 9),
    )
    with time_machine.travel(local(22, 10), tick=False):
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    assert "cell-free" in _cell(html, practitioner, "2026-11-23T10:00")


def test_the_location_and_specialty_filters_keep_only_matching_practitioners(
    reception, practitioner, consult
):
    paulista = LocationFactory(code="paulista", name="Paulista")
    cardio = practitioner_with_week(
        location=paulista,
        appointment_types=[consult],
        display_name="Dr. Carlos Mendes",
        specialties=["cardiology"],
    )
    with time_machine.travel(local(22, 10), tick=False):
        everyone = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()
        there = reception.get(
            reverse("staff_calendar"), {"date": "2026-11-23", "location": paulista.pk}
        ).content.decode()
        heart = reception.get(
            reverse("staff_calendar"), {"date": "2026-11-23", "specialty": "cardiology"}
        ).content.decode()

    assert "Dra. Ana Souza" in everyone and "Dr. Carlos Mendes" in everyone
    assert (
        f'data-practitioner="{cardio.pk}"' in there and f'data-practitioner="{practitioner.pk}"' not in there
    )
    assert (
        f'data-practitioner="{cardio.pk}"' in heart and f'data-practitioner="{practitioner.pk}"' not in heart
    )


def test_the_day_navigation_links_the_neighbouring_days(reception, practitioner):
    with time_machine.travel(local(22, 10), tick=False):
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    assert f'href="{reverse("staff_calendar")}?date=2026-11-24"' in html
    assert f'href="{reverse("staff_calendar")}?date=2026-11-22"' in html
    assert 'type="date" name="date" value="2026-11-23"' in html


def test_without_a_date_the_calendar_shows_the_clinics_today(reception, booked):
    # 01:00 UTC on the 24th is still the 23rd in São Paulo.
    with time_machine.travel(local(23, 22), tick=False):
        html = reception.get(reverse("staff_calendar")).content.decode()

    assert "Monday 23 November 2026" in html and "João Lima" in html


def test_a_week_view_has_a_column_per_working_day_of_one_practitioner(reception, booked, practitioner):
    with time_machine.travel(local(22, 10), tick=False):
        html = reception.get(
            reverse("staff_calendar_week", args=[practitioner.pk]), {"date": "2026-11-25"}
        ).content.decode()

    for day in ("Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov", "Thu 26 Nov", "Fri 27 Nov"):
        assert day in html
    assert "Sat 28 Nov" not in html
    assert "João Lima" in html
    assert f'href="{reverse("staff_calendar_week", args=[practitioner.pk])}?date=2026-12-02"' in html


def test_past_cells_are_not_offered_for_booking(reception, practitioner):
    with time_machine.travel(local(23, 10, 40), tick=False):
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    assert "cell-past" in _cell(html, practitioner, "2026-11-23T10:15")
    assert "cell-free" in _cell(html, practitioner, "2026-11-23T10:45")


def test_the_old_day_view_address_leads_to_the_calendar(reception, clinic):
    response = reception.get(reverse("staff_day"), {"date": "2026-11-23"})

    assert response.status_code == 301
    assert response["Location"] == f"{reverse('staff_calendar')}?date=2026-11-23"


def test_marking_a_no_show_returns_to_that_day(reception, booked):
    with time_machine.travel(local(23, 10), tick=False):
        response = reception.post(reverse("staff_appointment_mark", args=[booked.pk]), {"status": "no_show"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('staff_calendar')}?date=2026-11-23"
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


def test_the_operations_lead_opens_the_calendar(client, practitioner):
    client.force_login(operations_lead())

    assert client.get(reverse("staff_calendar")).status_code == 200


def test_a_content_admin_cannot_open_the_calendar(client, clinic):
    client.force_login(content_admin())

    assert client.get(reverse("staff_calendar")).status_code == 403


def test_the_grid_rows_run_from_the_first_opening_to_the_last_closing(reception, practitioner, location):
    practitioner_with_week(location=location, display_name="Dr. Early", ranges=((time(7, 30), time(9)),))
    with time_machine.travel(local(22, 10), tick=False):
        html = reception.get(reverse("staff_calendar"), {"date": "2026-11-23"}).content.decode()

    assert '<th scope="row" class="time">07:30</th>' in html
    assert '<th scope="row" class="time">17:45</th>' in html
    assert '<th scope="row" class="time">18:00</th>' not in html


def test_before_a_clinic_is_loaded_the_calendar_says_nobody_works(reception, db):
    html = reception.get(reverse("staff_calendar")).content.decode()

    assert "Nobody works on this day" in html
