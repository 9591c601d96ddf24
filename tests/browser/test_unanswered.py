"""A content admin turns what patients asked into approved content, in a real browser."""

import re

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import Browser, Page, expect

from conversations.models import FaqEntry, UnansweredQuestion
from tests.browser.test_staff_workspace import SHOTS, log_in
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle
from tests.staff.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "¿qué vale la visita?"


@pytest.fixture
def asked() -> UnansweredQuestion:
    from django.core.management import call_command

    call_command("load_clinic", "clinic.example.yaml", verbosity=0)
    [reply] = handle(ConversationFactory(language="es"), QUESTION)
    assert "Consulta particular" not in reply
    return UnansweredQuestion.objects.get()


@pytest.fixture
def carla():
    # Transactional tests flush the roles' admin permissions; the admin needs them.
    user = UserFactory(username="carla", roles=["Content admin"], is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__contains="faq"))
    return user


def csp_violations(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    return errors


def test_a_content_admin_adds_a_question_as_a_variant_and_approves_it(live_server, page: Page, asked, carla):
    violations = csp_violations(page)
    log_in(page, live_server.url, carla.username)
    expect(page.locator(".tiles")).to_contain_text("1 unanswered questions")

    page.click("nav >> text=Unanswered")
    card = page.locator(f"article[data-question='{asked.pk}']")
    expect(card).to_contain_text(QUESTION)
    expect(card.locator("optgroup[label='Closest entries']")).to_contain_text("fees (")
    card.locator("select[name=entry]").select_option(value=str(FaqEntry.objects.get(topic="fees").pk))
    page.screenshot(path=f"{SHOTS}/unanswered.png", full_page=True)
    card.locator("button.add-variant").click()

    expect(card).to_contain_text("Now a question of fees, version 2, a draft")
    page.screenshot(path=f"{SHOTS}/unanswered-handled.png", full_page=True)
    card.locator("text=Preview and approve").click()
    expect(page.locator("#content")).to_contain_text(f"{QUESTION} (new)")
    page.screenshot(path=f"{SHOTS}/unanswered-preview.png", full_page=True)
    page.click("input[value='Approve version 2']")
    expect(page.locator(".messagelist")).to_contain_text("Version 2 of fees is now sent to patients")

    [reply] = handle(ConversationFactory(language="es"), QUESTION)
    assert reply == FaqEntry.objects.get(topic="fees").approved_version.answers["es"]
    page.goto(f"{live_server.url}/staff/unanswered/?status=handled")
    expect(page.locator(f"article[data-question='{asked.pk}']")).to_contain_text(
        "approved and sent to patients"
    )
    page.goto(f"{live_server.url}/staff/unanswered/")
    expect(page.locator(f"article[data-question='{asked.pk}']")).to_have_count(0)
    assert violations == []


def test_without_javascript_a_content_admin_starts_a_draft_entry(live_server, browser: Browser, asked, carla):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, carla.username)
    page.goto(f"{live_server.url}/staff/unanswered/")
    card = page.locator(f"article[data-question='{asked.pk}']")

    card.locator("summary").click()
    card.locator("form.draft input[name=topic]").fill("visit-price")
    card.locator("form.draft textarea[name=answer]").fill("La primera visita cuesta R$ 350.")
    card.locator("button.start-entry").click()

    expect(page).to_have_url(re.compile(rf"/staff/unanswered/\?done={asked.pk}$"))
    expect(page.locator("#done")).to_contain_text("Now a question of visit-price, version 1, a draft")
    expect(page.locator(f"article[data-question='{asked.pk}']")).to_have_count(0)
    entry = FaqEntry.objects.get(topic="visit-price")
    assert entry.status == FaqEntry.Status.DRAFT
    assert entry.versions.get().questions == {"es": [QUESTION]}
    context.close()
