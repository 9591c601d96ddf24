"""The inbox in a real browser: the refresh keeps keyboard focus, a new emergency raises the
title badge and the sound, and on the conversation page Ctrl+Enter sends with the newest
message in view."""

import pytest
from playwright.sync_api import Page, expect

from conversations.escalations import escalation_claim, escalation_open
from conversations.models import Escalation, OutboundMessage
from tests.browser.test_staff_workspace import SHOTS, log_in
from tests.browser.test_unanswered import csp_violations
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def waiting(name: str, *, reason=Escalation.Reason.ASKED_FOR_PERSON, detail="", said="hello") -> Escalation:
    conversation = ConversationFactory(profile_name=name, language="pt-BR")
    InboundMessageFactory(conversation=conversation, text=said)
    return escalation_open(conversation=conversation, reason=reason, detail=detail)


def test_the_refresh_keeps_focus_and_a_new_emergency_raises_the_badge_and_sound(live_server, page: Page):
    violations = csp_violations(page)
    first = waiting("João Lima", said="Quero falar com alguém")
    log_in(page, live_server.url, receptionist().username)
    page.click("nav >> text=Inbox")
    expect(page).to_have_title("Inbox · ClinicBot")
    page.focus(f"#claim-{first.pk}")

    emergency = waiting(
        "Ana Paula", reason=Escalation.Reason.EMERGENCY, detail="chest_pain", said="dor no peito"
    )
    row = page.locator(f"tr[data-escalation='{emergency.pk}']")
    expect(row).to_contain_text("Emergency: chest pain", timeout=12_000)

    assert page.evaluate("document.activeElement.id") == f"claim-{first.pk}"
    expect(page).to_have_title("(1 emergency) Inbox · ClinicBot")
    expect(page.locator("body")).to_have_attribute("data-emergency-alerts", "1")
    page.screenshot(path=f"{SHOTS}/inbox.png", full_page=True)
    page.keyboard.press("Enter")  # the kept focus still works the button
    expect(page).to_have_url(f"{live_server.url}/staff/conversations/{first.conversation_id}/")
    assert violations == []


def test_ctrl_enter_sends_the_reply_and_the_newest_message_is_in_view(live_server, page: Page):
    user = receptionist(first_name="Marta")
    escalation = waiting("João Lima")
    for n in range(40):
        InboundMessageFactory(conversation=escalation.conversation, text=f"mensagem {n}")
    escalation_claim(escalation_id=escalation.pk, user=user)
    log_in(page, live_server.url, user.username)

    page.goto(f"{live_server.url}/staff/conversations/{escalation.conversation_id}/")
    chat = page.locator("#transcript")
    expect(chat).to_contain_text("mensagem 39")
    assert (
        page.evaluate(
            "(() => { const c = document.getElementById('transcript'); return c.scrollHeight - c.scrollTop - c.clientHeight; })()"
        )
        < 5
    )
    page.fill("#reply-text", "Oi João, já vejo um horário para você.")
    page.press("#reply-text", "Control+Enter")

    expect(chat).to_contain_text("já vejo um horário para você")
    assert OutboundMessage.objects.filter(sent_by=user, body__startswith="Oi João, já vejo").exists()
    page.screenshot(path=f"{SHOTS}/inbox-conversation.png", full_page=True)
