"""A campaign's page in a real browser: the operations lead reads its figures (sent,
delivered, read, replied, booked, opted out) in the table and the funnel, runs the dry run
without leaving the page, and stops the campaign."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from conversations.models import Campaign, CampaignSend, Conversation, OutboundMessage
from scheduling.models import Appointment, Patient
from tests.browser.test_staff_workspace import log_in
from tests.campaigns.conftest import make_campaign
from tests.staff.factories import operations_lead

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _appointment(patient: Patient, start, status: str) -> Appointment:
    from scheduling.models import AppointmentType, Location, Practitioner

    return Appointment.objects.create(
        patient=patient,
        practitioner=Practitioner.objects.get(code="ana-souza"),
        location=Location.objects.get(code="centro"),
        appointment_type=AppointmentType.objects.get(code="checkup"),
        start=start,
        end=start + timedelta(minutes=30),
        status=status,
        source=Appointment.Source.STAFF,
    )


@pytest.fixture
def half_run_campaign():
    """Four patients asked (one delivered, two read, one only sent; one replied Book and
    booked, one Stop); two more are due and not asked yet."""
    call_command("load_clinic", "clinic.example.yaml", verbosity=0)
    now = timezone.now().replace(hour=15, minute=0)
    campaign = make_campaign(name="Check-ups")
    statuses = ["delivered", "read", "read", "sent"]
    answers = ["", "book", "stop", ""]
    for n in range(6):
        patient = Patient.objects.create(name=f"Paciente {n}", phone_e164=f"+551190000{n:04d}", language="pt")
        _appointment(patient, now - timedelta(days=400 + n), "completed")
        if n >= 4:
            continue
        conversation = Conversation.objects.create(
            channel_user_id=patient.phone_e164[1:], phone_e164=patient.phone_e164
        )
        outbound = OutboundMessage.objects.create(
            conversation=conversation, template="HX1:pt-BR", status=statuses[n]
        )
        CampaignSend.objects.create(
            campaign=campaign,
            patient=patient,
            conversation=conversation,
            outbound=outbound,
            status="sent",
            answer=answers[n],
            answered_at=now if answers[n] else None,
            booked_appointment=_appointment(patient, now + timedelta(days=9), "booked")
            if answers[n] == "book"
            else None,
        )
    return campaign


def test_the_campaign_page_shows_its_figures_runs_the_dry_run_and_stops(
    live_server, page: Page, half_run_campaign
):
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, live_server.url, operations_lead().username)

    page.goto(live_server.url + reverse("staff_campaigns"))
    page.get_by_role("link", name="Check-ups").click()
    # The click navigates; read the figures once the campaign's page is there.
    expect(page.locator("table.campaign-metrics td")).to_have_count(7)

    figures = dict(
        zip(
            page.locator("table.campaign-metrics th").all_text_contents(),
            page.locator("table.campaign-metrics td").all_text_contents(),
            strict=True,
        )
    )
    assert figures == {
        "Sent": "4", "Delivered": "3", "Read": "2", "Replied": "2", "Booked": "1", "Opted out": "1", "Skipped": "0",
    }  # fmt: skip
    funnel = page.locator("svg.chart text").all_text_contents()
    assert funnel[:2] == ["Sent", "4 (100%)"] and "Booked" in funnel and "1 (25%)" in funnel
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366

    page.locator("a.dry-run").click()
    expect(page.locator(".dry-run-count")).to_have_text("2 patients would be asked:")
    assert page.url.endswith(reverse("staff_campaign", args=[half_run_campaign.pk]))  # htmx: the same page

    page.locator("button.stop").click()
    expect(page.locator(".campaign-state strong")).to_have_text("Stopped")
    half_run_campaign.refresh_from_db()
    assert half_run_campaign.state == Campaign.State.STOPPED
