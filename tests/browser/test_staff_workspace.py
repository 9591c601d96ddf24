import re

import pytest
from playwright.sync_api import Page, expect

from conversations import escalations
from conversations.escalations import escalation_open
from conversations.models import Conversation, Escalation, OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import PASSWORD, operations_lead, receptionist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "test-results"


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/?next=/staff/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("What needs attention now")


@pytest.fixture
def escalated_chat():
    from django.core.management import call_command

    call_command("load_clinic", "clinic.example.yaml", verbosity=0)
    conversation = ConversationFactory(
        language="pt-BR",
        profile_name="João Lima",
        phone_e164="+5511987654321",
        channel_user_id="5511987654321",
    )
    InboundMessageFactory(conversation=conversation, text="Quero falar com uma pessoa, por favor")
    return escalation_open(conversation=conversation, reason=Escalation.Reason.ASKED_FOR_PERSON)


def test_a_receptionist_claims_replies_and_hands_back(live_server, page: Page, escalated_chat):
    user = receptionist(first_name="Marta")
    log_in(page, live_server.url, user.username)

    page.click("nav >> text=Inbox")
    row = page.locator(f"tr[data-escalation='{escalated_chat.pk}']")
    expect(row).to_contain_text("João Lima")
    expect(row).to_contain_text("Asked for a person")
    page.screenshot(path=f"{SHOTS}/escalations.png", full_page=True)
    row.locator("button.claim").click()

    expect(page).to_have_url(re.compile(rf"/staff/conversations/{escalated_chat.conversation_id}/$"))
    expect(page.locator("#transcript")).to_contain_text("Olá, aqui é Marta")
    page.fill("#reply-text", "Oi João, posso ajudar com o agendamento.")
    page.click("form.reply button[type=submit]")
    expect(page.locator("#transcript")).to_contain_text("posso ajudar com o agendamento")
    page.screenshot(path=f"{SHOTS}/conversation.png", full_page=True)
    assert OutboundMessage.objects.filter(sent_by=user, body__startswith="Oi João").exists()

    appointment = book_for_joao()
    page.reload()
    row = page.locator(f"tr[data-appointment='{appointment.pk}']")
    row.locator("input[name=reason]").fill("Patient called to cancel")
    row.locator("button.cancel-appointment").click()
    expect(row).to_contain_text("Cancelled")
    page.screenshot(path=f"{SHOTS}/conversation-cancelled.png", full_page=True)
    appointment.refresh_from_db()
    assert appointment.status == "cancelled"
    assert appointment.cancellation_reason == "Patient called to cancel"

    page.click("text=Resolve and hand back to the bot")
    expect(page.locator(".facts")).to_contain_text("Bot")
    conversation = Conversation.objects.get(pk=escalated_chat.conversation_id)
    assert conversation.handler == Conversation.Handler.BOT


def book_for_joao():
    from datetime import timedelta

    from django.utils import timezone

    from scheduling import services as calendar
    from scheduling.models import AppointmentType, Patient, Practitioner

    ana = Practitioner.objects.get(code="ana-souza")
    [slot] = calendar.slot_list_available(
        practitioner=ana,
        appointment_type=AppointmentType.objects.get(code="checkup"),
        date_from=(timezone.now() + timedelta(days=3)).date(),
        limit=1,
    )
    return calendar.appointment_create(
        patient=Patient.objects.get(phone_e164="+5511987654321"),
        practitioner=ana,
        appointment_type=AppointmentType.objects.get(code="checkup"),
        start=slot.start,
        actor=calendar.Actor.bot(),
    )


def test_a_second_receptionist_cannot_claim_the_same_chat(live_server, page: Page, escalated_chat):
    first, second = receptionist(), receptionist()
    log_in(page, live_server.url, second.username)
    page.goto(f"{live_server.url}/staff/escalations/")
    claim = page.locator(f"tr[data-escalation='{escalated_chat.pk}'] button.claim")
    expect(claim).to_be_visible()

    escalations.escalation_claim(escalation_id=escalated_chat.pk, user=first)  # a colleague is faster
    claim.click()

    expect(page.locator("#claim-message")).to_contain_text(f"Already claimed by {first.get_full_name()}")
    expect(page.locator(f"tr[data-escalation='{escalated_chat.pk}']")).to_contain_text(
        f"with {first.username}"
    )
    escalated_chat.refresh_from_db()
    assert escalated_chat.claimed_by == first


def test_the_operations_lead_opens_a_replay_and_the_metrics(live_server, page: Page, escalated_chat):
    log_in(page, live_server.url, operations_lead().username)

    page.goto(f"{live_server.url}/staff/conversations/")
    page.click("text=Replay")
    expect(page.locator(".timeline")).to_contain_text("ESCALATED_TO_HUMAN")
    expect(page.locator(".timeline")).to_contain_text("Quero falar com uma pessoa")
    page.screenshot(path=f"{SHOTS}/replay.png", full_page=True)

    page.click("text=Metrics")
    expect(page.locator("h1")).to_have_text("How the bot is doing")
    expect(page.locator("svg.chart").first).to_be_visible()
    page.screenshot(path=f"{SHOTS}/metrics.png", full_page=True)
