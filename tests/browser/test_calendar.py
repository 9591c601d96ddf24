"""Reception works the calendar in a real browser: a patient phones in and is booked from a
free slot and told on WhatsApp; an appointment is moved and another cancelled from the grid."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conversations.models import Conversation, OutboundMessage
from scheduling import services as calendar
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from tests.browser.test_calendar_support import cell, clinic_local, free_slot
from tests.browser.test_staff_workspace import SHOTS, log_in
from tests.browser.test_unanswered import csp_violations
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    from django.core.management import call_command

    call_command("load_clinic", "clinic.example.yaml", verbosity=0)


def test_a_patient_who_phones_in_is_booked_from_a_free_slot_and_told_on_whatsapp(
    live_server, page: Page, demo, settings
):
    settings.TWILIO_APPOINTMENT_CONTENT_SIDS = {"pt-BR": "HXappointment"}
    violations = csp_violations(page)
    ana = Practitioner.objects.get(code="ana-souza")
    slot = free_slot(ana, "checkup")
    log_in(page, live_server.url, receptionist().username)

    page.click("nav >> text=Calendar")
    page.fill("input[name=date]", clinic_local(slot.start).date().isoformat())
    page.click("form.filters button[type=submit]")
    free = cell(page, ana, slot.start)
    expect(free).to_have_class("cell cell-free")
    page.screenshot(path=f"{SHOTS}/calendar.png", full_page=True)
    free.locator("a.book").click()

    expect(page.locator("h1")).to_contain_text(f"Book {ana.display_name}")
    page.fill("input[name=name]", "Marina Albuquerque")
    page.fill("input[name=phone]", "(11) 97777-1234")
    page.fill("input[name=date_of_birth]", "1988-03-14")
    page.check("input[name=type][value=checkup]")
    page.screenshot(path=f"{SHOTS}/calendar-book.png", full_page=True)
    page.click("button.book-submit")

    local = clinic_local(slot.start)
    message = page.locator(".message").first
    expect(message).to_contain_text(
        f"Booked: Marina Albuquerque, Annual check-up with Dra. Ana Souza on {local:%A %d %B} at {local:%H:%M}"
    )
    expect(message).to_contain_text("The patient was told: sent on WhatsApp with the approved template")
    expect(cell(page, ana, slot.start)).to_contain_text("Marina Albuquerque")
    expect(cell(page, ana, slot.start)).to_contain_text("Annual check-up")
    patient = Patient.objects.get(name="Marina Albuquerque")
    appointment = Appointment.objects.get(patient=patient)
    assert appointment.source == Appointment.Source.STAFF and appointment.start == slot.start
    sent = OutboundMessage.objects.get(conversation__phone_e164="+5511977771234")
    assert sent.template == "appointment:pt-BR" and sent.content_variables["1"] == "Marina"
    assert violations == []


def test_an_existing_patient_found_by_phone_is_booked_and_confirmed_in_the_chat(
    live_server, page: Page, demo
):
    joao = Patient.objects.get(phone_e164="+5511987654321")
    Conversation.objects.create(
        channel_user_id="5511987654321",
        phone_e164=joao.phone_e164,
        last_inbound_at=timezone.now(),
        language="pt-BR",
    )
    carlos = Practitioner.objects.get(code="carlos-mendes")
    slot = free_slot(carlos, "new")
    log_in(page, live_server.url, receptionist().username)
    page.goto(f"{live_server.url}/staff/calendar/?date={clinic_local(slot.start).date().isoformat()}")

    cell(page, carlos, slot.start).locator("a.book").click()
    page.fill("#patient-search", "98765")
    page.check(f"input[name=patient][value='{joao.pk}']")
    page.check("input[name=type][value=new]")
    page.click("button.book-submit")

    expect(page.locator(".message").first).to_contain_text("The patient was told: sent on WhatsApp.")
    sent = OutboundMessage.objects.get(conversation__phone_e164=joao.phone_e164)
    assert sent.body.startswith(
        "Olá João, sua consulta está marcada: Primeira consulta com Dr. Carlos Mendes"
    )


def test_reception_moves_one_appointment_and_cancels_another_from_the_grid(live_server, page: Page, demo):
    ana = Practitioner.objects.get(code="ana-souza")
    checkup = AppointmentType.objects.get(code="checkup")
    joao = Patient.objects.get(phone_e164="+5511987654321")
    emily = Patient.objects.get(phone_e164="+14155550123")
    first = free_slot(ana, "checkup")
    moving = calendar.appointment_create(
        patient=joao,
        practitioner=ana,
        appointment_type=checkup,
        start=first.start,
        actor=calendar.Actor.bot(),
    )
    cancelling = calendar.appointment_create(
        patient=emily,
        practitioner=ana,
        appointment_type=checkup,
        start=first.start + timedelta(hours=1),
        actor=calendar.Actor.bot(),
    )
    log_in(page, live_server.url, receptionist().username)
    page.goto(f"{live_server.url}/staff/calendar/?date={clinic_local(first.start).date().isoformat()}")

    cell(page, ana, moving.start).locator("a.who").click()
    expect(page.locator("#notice-policy")).to_contain_text("The clinic asks 24 hours' notice")
    options = page.locator(".move-form input[name=start]")
    target = options.nth(1).get_attribute("value")
    options.nth(1).check()
    page.fill(".move-form input[name=reason]", "Patient asked on the phone")
    page.screenshot(path=f"{SHOTS}/calendar-move.png", full_page=True)
    page.click("button.move-submit")

    expect(page.locator(".message").first).to_contain_text(
        "Moved: João Lima, Annual check-up with Dra. Ana Souza"
    )
    moved = Appointment.objects.get(rescheduled_from=moving)
    assert moved.start == datetime.fromisoformat(target)

    cell(page, ana, cancelling.start).locator("a.who").click()
    page.fill(".cancel-form input[name=reason]", "Travelling that week")
    page.uncheck(".cancel-form input[name=notify]")
    page.click("button.cancel-submit")

    expect(page.locator(".message").first).to_contain_text("Cancelled: Emily Carter")
    expect(cell(page, ana, cancelling.start)).to_have_class("cell cell-free")
    cancelling.refresh_from_db()
    assert (
        cancelling.status == Appointment.Status.CANCELLED
        and cancelling.cancellation_reason == "Travelling that week"
    )
