"""The metrics page reads on a 1366 px laptop: nothing wider than the window, chart text at
least 12 px on screen, and every bar's tooltip names its series."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from audit.models import TraceEvent
from tests.browser.test_staff_workspace import log_in
from tests.conversations.factories import ConversationFactory
from tests.staff.factories import operations_lead

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
T = TraceEvent.Type
STATES = ["START", "PATIENT_IDENTIFICATION", "PREFERENCES", "AVAILABILITY_SELECTION", "WAITING_CONFIRMATION", "COMPLETE"]  # fmt: skip


@pytest.fixture
def a_busy_week():
    for n in range(12):
        conversation = ConversationFactory()
        TraceEvent.objects.create(conversation=conversation, type=T.INCOMING_MESSAGE)
        # A known patient skips "who is it"; half the sessions stop at the offer.
        for state in [
            s for s in STATES[: 4 if n % 2 else 6] if not (n % 3 == 0 and s == "PATIENT_IDENTIFICATION")
        ]:
            TraceEvent.objects.create(
                conversation=conversation,
                type=T.STATE_TRANSITION,
                booking_session_id=n,
                payload={"to": state, "flow": "book"},
            )
        if n % 2 == 0:
            TraceEvent.objects.create(conversation=conversation, type=T.APPOINTMENT_BOOKED)
        if n % 4 == 1:
            TraceEvent.objects.create(
                conversation=conversation, type=T.ESCALATED_TO_HUMAN, payload={"reason": "clinical_question"}
            )


def test_the_metrics_page_fits_a_laptop_and_its_charts_are_readable(live_server, page: Page, a_busy_week):
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, live_server.url, operations_lead().username)

    page.goto(live_server.url + reverse("staff_metrics"))
    width = page.evaluate("document.documentElement.scrollWidth")
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll("svg.chart")].flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map((t) => parseFloat(t.getAttribute("font-size")) * scale);
        }))"""
    )
    tooltips = page.locator("svg.chart rect title").all_text_contents()
    funnel = page.locator("svg.chart").nth(2).locator("text").all_text_contents()

    assert width <= 1366
    assert smallest >= 12
    assert any(tip.startswith("booked, ") for tip in tooltips)
    assert funnel[0] == "Started a booking" and "PATIENT_IDENTIFICATION" not in " ".join(funnel)
    counts = [int(text.split(" ")[0]) for text in funnel[1::2]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 12
    assert page.get_by_text("Clinical question").is_visible()
