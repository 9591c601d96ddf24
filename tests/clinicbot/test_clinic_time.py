"""Pages people read show the clinic's wall clock on every request, and nothing leaks."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from scheduling.models import TimeOff
from tests.scheduling.factories import ClinicFactory
from tests.staff.factories import receptionist

pytestmark = pytest.mark.django_db


@pytest.fixture
def sao_paulo_time_off():
    ClinicFactory(time_zone="America/Sao_Paulo")
    # 13:00 UTC is 10:00 on the clinic's wall.
    return TimeOff.objects.create(
        start=datetime(2026, 12, 9, 13, 0, tzinfo=UTC), end=datetime(2026, 12, 9, 14, 0, tzinfo=UTC)
    )


def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-123456")


def test_the_admin_shows_clinic_time_on_the_first_request_and_says_so(client, sao_paulo_time_off):
    client.force_login(superuser())

    page = client.get(reverse("admin:scheduling_timeoff_changelist")).content.decode()

    assert "Dec. 9, 2026, 10 a.m." in page and "1 p.m." not in page
    assert "Times are clinic time (America/Sao_Paulo)." in page


def test_a_staff_page_leaves_the_thread_on_utc(client, sao_paulo_time_off):
    client.force_login(receptionist())

    page = client.get(reverse("staff_home")).content.decode()

    assert "Clinic time: America/Sao_Paulo" in page
    assert timezone.get_current_timezone_name() == "UTC"


def test_webhooks_keep_utc(rf, sao_paulo_time_off):
    from clinicbot.middleware import ClinicMiddleware

    seen = []
    middleware = ClinicMiddleware(lambda request: seen.append(timezone.get_current_timezone_name()))

    middleware(rf.post("/webhooks/twilio/whatsapp/"))
    middleware(rf.get("/simulator/"))

    assert seen == ["UTC", "America/Sao_Paulo"]


def test_an_appointment_names_its_time_in_the_active_zone():
    from scheduling.models import Appointment
    from tests.scheduling.factories import PractitionerFactory

    appointment = Appointment(
        practitioner=PractitionerFactory.build(display_name="Dr. Ana"),
        start=datetime(2026, 12, 9, 13, 0, tzinfo=UTC),
        status="BOOKED",
    )

    assert str(appointment) == "Dr. Ana 2026-12-09 13:00 UTC (BOOKED)"
    with timezone.override("America/Sao_Paulo"):
        assert str(appointment) == "Dr. Ana 2026-12-09 10:00 -03 (BOOKED)"
