"""Each role in a real browser: the menu holds only its pages, and a page outside its work
answers with the styled 403 (menu, sentence, the way back), not a bare "403 Forbidden"."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_staff_workspace import SHOTS, log_in
from tests.browser.test_unanswered import csp_violations
from tests.staff.factories import content_admin, operations_lead, receptionist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = {
    "reception": (receptionist, ["Inbox", "Conversations", "Calendar"], "/staff/metrics/", "Reception"),
    "operations-lead": (
        operations_lead,
        ["Inbox", "Conversations", "Calendar", "Metrics"],
        "/staff/unanswered/",
        "Operations lead",
    ),
    "content-admin": (content_admin, ["Unanswered"], "/staff/calendar/", "Content admin"),
}
EVERY_LINK = ["Inbox", "Conversations", "Calendar", "Metrics", "Unanswered"]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_menu_and_a_styled_403_elsewhere(live_server, page: Page, role):
    make, links, forbidden, role_name = ROLES[role]
    violations = csp_violations(page)
    log_in(page, live_server.url, make().username)
    menu = page.locator("header nav")
    for label in EVERY_LINK:
        expect(menu.get_by_role("link", name=label, exact=True)).to_have_count(1 if label in links else 0)

    response = page.goto(f"{live_server.url}{forbidden}")

    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_have_text("This page is not part of your work here")
    expect(page.locator(".forbidden")).to_contain_text(f"Your role ({role_name}) does not open this page.")
    expect(menu.get_by_role("link", name="Home", exact=True)).to_be_visible()
    assert (
        page.locator(".topbar").evaluate("e => getComputedStyle(e).display") == "flex"
    )  # the stylesheet applies
    page.screenshot(path=f"{SHOTS}/403-{role}.png", full_page=True)
    page.click("text=Back to what needs attention now")
    expect(page.locator("h1")).to_have_text("What needs attention now")
    assert violations == []
