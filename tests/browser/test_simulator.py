import pytest
from playwright.sync_api import Page, expect

from conversations.models import InboundMessage
from tests.browser.test_staff_workspace import log_in
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_chats_as_a_patient_through_the_signed_webhook(live_server, page: Page, settings):
    settings.SIMULATOR_ENABLED = True
    log_in(page, live_server.url, receptionist().username)
    page.goto(f"{live_server.url}/simulator/")
    page.fill("#sim-phone", "+5511987654321")

    page.fill("#sim-body", "Olá, estou com dor no peito")
    page.press("#sim-body", "Enter")

    expect(page.locator(".bubble.out").first).to_contain_text("emergência", timeout=10_000)
    expect(page.locator(".bubble.in").first).to_contain_text("dor no peito")
    inbound = InboundMessage.objects.get()
    assert inbound.conversation.channel_user_id == "5511987654321"
    assert inbound.raw_payload["From"] == "whatsapp:+5511987654321"


def test_a_bad_phone_number_is_explained(live_server, page: Page, settings):
    settings.SIMULATOR_ENABLED = True
    log_in(page, live_server.url, receptionist().username)
    page.goto(f"{live_server.url}/simulator/")
    page.fill("#sim-phone", "12345")

    page.fill("#sim-body", "hello")
    page.press("#sim-body", "Enter")

    expect(page.locator("#sim-error")).to_contain_text("E.164")
    assert not InboundMessage.objects.exists()


def test_a_person_chats_as_a_patient_through_the_meta_door(live_server, page: Page, settings):
    settings.SIMULATOR_ENABLED = True
    log_in(page, live_server.url, receptionist().username)
    page.goto(f"{live_server.url}/simulator/")
    page.fill("#sim-phone", "+5511987654321")
    page.select_option("#sim-door", "meta")

    page.fill("#sim-body", "Olá, estou com dor no peito")
    page.press("#sim-body", "Enter")

    expect(page.locator(".bubble.out").first).to_contain_text("emergência", timeout=10_000)
    inbound = InboundMessage.objects.get()
    assert inbound.conversation.channel == "meta"
    assert inbound.provider_message_id.startswith("wamid.SIM")
