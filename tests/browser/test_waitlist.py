"""Reception works the waitlist from the calendar in a real browser: who waits for a
practitioner on a day, what a freed slot was offered to whom and when, adding a patient
who phoned and removing one (both audited)."""

import re
from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from audit.models import StaffAction
from booking.models import WaitlistEntry, WaitlistOffer
from booking.waitlist import waitlist_join
from conversations.models import Conversation
from scheduling import services as calendar
from scheduling.models import AppointmentType, Clinic, Patient, Practitioner
from tests.browser.test_calendar_support import clinic_local, free_slot
from tests.browser.test_staff_workspace import SHOTS, log_in
from tests.browser.test_unanswered import csp_violations
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def freed_slot_offered():
    """João waits for Dra. Ana on a day; an appointment that day is cancelled, so he is
    offered its slot (the real after-commit path)."""
    from django.core.management import call_command

    call_command("load_clinic", "clinic.example.yaml", verbosity=0)
    ana = Practitioner.objects.get(code="ana-souza")
    checkup = AppointmentType.objects.get(code="checkup")
    slot = free_slot(ana, "checkup")
    joao = Patient.objects.get(phone_e164="+5511987654321")
    Conversation.objects.create(
        channel_user_id="5511987654321",
        phone_e164=joao.phone_e164,
        last_inbound_at=timezone.now(),
        language="pt-BR",
    )
    other = Patient.objects.create(name="Paula Reis", phone_e164="+5511966660000")
    taken = calendar.appointment_create(
        patient=other,
        practitioner=ana,
        appointment_type=checkup,
        start=slot.start,
        actor=calendar.Actor.bot(),
    )
    day = clinic_local(slot.start).date()
    entry = waitlist_join(
        clinic=Clinic.objects.get(),
        patient=joao,
        appointment_type=checkup,
        practitioner=ana,
        day_from=day,
        day_to=day,
    )
    calendar.appointment_cancel(appointment=taken, actor=calendar.Actor(source="api"))
    return ana, slot, entry


def test_reception_sees_the_waitlist_and_its_offers_then_adds_and_removes_a_patient(
    live_server, page: Page, freed_slot_offered
):
    ana, slot, joao_waiting = freed_slot_offered
    offer = WaitlistOffer.objects.get(entry=joao_waiting)
    local = clinic_local(slot.start)
    violations = csp_violations(page)
    user = receptionist()
    log_in(page, live_server.url, user.username)

    page.click("nav >> text=Calendar")
    page.fill("input[name=date]", local.date().isoformat())
    page.click("form.filters button[type=submit]")
    # The day swaps in by htmx: follow the day's own link, not the one it replaces.
    waitlist_link = page.locator(".day-nav >> text=Waitlist")
    expect(waitlist_link).to_have_attribute("href", re.compile(f"date={local.date().isoformat()}"))
    waitlist_link.click()

    expect(page.locator("h1")).to_contain_text(f"Waitlist · {local:%A %d %B %Y}")
    group = page.locator("section.waitlist-group", has_text=ana.display_name)
    row = group.locator(f"tr[data-entry='{joao_waiting.pk}']")
    expect(row).to_contain_text("João Lima")
    expect(row).to_contain_text("Waiting")
    expect(row.locator(".offer")).to_contain_text(f"{local:%a %d/%m %H:%M} with Dra. Ana Souza: offered")
    expect(row.locator(".offer")).to_contain_text(f"held until {clinic_local(offer.expires_at):%H:%M}")

    page.select_option("select[name=patient]", label="Emily Carter · +14155550123")
    page.select_option("form[action$='/add/'] select[name=practitioner]", label=ana.display_name)
    page.select_option("select[name=appointment_type]", label="Annual check-up")
    page.fill("input[name=time_from]", "14:00")
    page.fill("input[name=time_to]", "18:00")
    page.click("form[action$='/add/'] button[type=submit]")

    expect(page.locator(".message")).to_contain_text("Added to the waitlist.")
    emily = WaitlistEntry.objects.get(patient__name="Emily Carter")
    assert (emily.day_from, emily.time_from, emily.source) == (local.date(), time(14), "staff")
    emily_row = page.locator(f"tr[data-entry='{emily.pk}']")
    expect(emily_row).to_contain_text("14:00–18:00")
    page.screenshot(path=f"{SHOTS}/waitlist.png", full_page=True)

    emily_row.locator("button", has_text="Remove").click()

    expect(page.locator(".message")).to_contain_text("Emily Carter is off the waitlist.")
    expect(page.locator(f"tr[data-entry='{emily.pk}']")).to_have_count(0)
    emily.refresh_from_db()
    assert emily.state == WaitlistEntry.State.REMOVED
    assert list(
        StaffAction.objects.filter(user_id=user.pk, action__startswith="waitlist_")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["waitlist_add", "waitlist_remove"]
    assert violations == []
