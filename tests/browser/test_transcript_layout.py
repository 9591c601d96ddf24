"""Hostile text keeps the staff transcripts readable: a 4,000-character word wraps inside
its bubble, and bidi override characters stay inside the message or name that holds them."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.test_staff_workspace import log_in
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import operations_lead

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed
LONG_WORD = "A" * 4000


@pytest.fixture
def hostile_chat():
    conversation = ConversationFactory(profile_name=f"{RLO}Priya", phone_e164="+447700900123")
    InboundMessageFactory(conversation=conversation, text=LONG_WORD)
    InboundMessageFactory(conversation=conversation, text=f"{RLO}cancel my appointment")
    return conversation


def overflowing(page: Page, selector: str) -> list[str]:
    """The elements matching `selector` wider than their box, or the page wider than the window."""
    return page.evaluate(
        """(selector) => {
            const wide = [...document.querySelectorAll(selector)]
                .filter((el) => el.scrollWidth > el.clientWidth + 1)
                .map((el) => el.className);
            if (document.documentElement.scrollWidth > window.innerWidth + 1) wide.push("page");
            return wide;
        }""",
        selector,
    )


def isolation(page: Page, selector: str) -> list[tuple[str, str]]:
    """(dir attribute, computed unicode-bidi) of every element holding patient text."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].map(
            (el) => [el.getAttribute("dir"), getComputedStyle(el).unicodeBidi])""",
        selector,
    )


ISOLATED = {"isolate", "plaintext", "isolate-override"}


@pytest.mark.parametrize("page_name", ["staff_conversation", "staff_replay"])
def test_a_four_thousand_character_word_wraps_inside_the_transcript(
    live_server, page: Page, hostile_chat, page_name
):
    log_in(page, live_server.url, operations_lead().username)

    page.goto(live_server.url + reverse(page_name, args=[hostile_chat.pk]))

    assert overflowing(page, ".bubble, .bubble .text, .timeline .item, .timeline .item strong") == []


@pytest.mark.parametrize(
    "page_name, selector",
    [
        ("staff_conversation", ".bubble .text"),
        ("staff_conversation", "h1 .patient-name"),
        ("staff_replay", ".timeline .item .message"),
        ("staff_replay", "h1 .patient-name"),
        ("staff_conversations", "td .patient-name"),
    ],
)
def test_bidi_overrides_stay_inside_their_message_or_name(
    live_server, page: Page, hostile_chat, page_name, selector
):
    log_in(page, live_server.url, operations_lead().username)
    args = [] if page_name == "staff_conversations" else [hostile_chat.pk]

    page.goto(live_server.url + reverse(page_name, args=args))

    found = isolation(page, selector)
    assert found, f"no {selector} on {page_name}"
    assert all(direction == "auto" and bidi in ISOLATED for direction, bidi in found), found
