# ruff: noqa: F401, F811  (pytest fixtures imported from the waitlist and campaign tests)
"""Waitlist offers and recall-campaign invitations through the Meta door: inside the 24-hour
window as reply buttons carrying our payloads, outside it as the approved template whose
quick replies carry them; each tap, posted to the real webhook and signed, answers."""

from datetime import time, timedelta

import pytest

from conversations.models import CampaignOptOut, CampaignSend, Conversation
from scheduling.models import Appointment, Patient
from tests.booking.test_waitlist import (
    NOW,
    ana,
    at,
    book_the_afternoon,
    cancel,
    checkup,
    clinic,
    offer_of,
)
from tests.campaigns.conftest import PHONES, make_campaign, monday, recall_world
from tests.conftest import meta_fixture
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
EMILY = "14155550999"
_wamid = iter(range(1, 10**6))


def meta_conversation(digits: str, *, last_inbound_at, language: str = "en") -> Conversation:
    return ConversationFactory(
        channel=Conversation.Channel.META,
        channel_user_id=digits,
        phone_e164="+" + digits,
        language=language,
        last_inbound_at=last_inbound_at,
    )


def tap(post_meta, digits: str, *, fixture: str, payload: str, title: str, context: str) -> None:
    body = meta_fixture(
        fixture,
        id=f"wamid.TAP{next(_wamid)}",
        payload=payload,
        title=title,
        context=context,
        **{"from": digits},
    )
    assert post_meta(body).status_code == 200


def buttons(request) -> list[dict]:
    assert request.body["type"] == "interactive" and request.body["interactive"]["type"] == "button"
    return [b["reply"] for b in request.body["interactive"]["action"]["buttons"]]


def quick_replies(request) -> list[str]:
    """The payloads the template's quick-reply buttons carry, in the buttons' order."""
    components = request.body["template"].get("components", [])
    replies = sorted(
        (c for c in components if c["type"] == "button" and c["sub_type"] == "quick_reply"),
        key=lambda c: int(c["index"]),
    )
    return [c["parameters"][0]["payload"] for c in replies]


def text_of(request) -> str:
    body = request.body
    return body["text"]["body"] if body["type"] == "text" else body["interactive"]["body"]["text"]


# ---- waitlist offers ------------------------------------------------------------------------


def emily_waits(clinic, ana, checkup, *, last_inbound_at):
    from booking.waitlist import waitlist_join

    conversation = meta_conversation(EMILY, last_inbound_at=last_inbound_at)
    patient = Patient.objects.create(name="Emily Stone", phone_e164="+" + EMILY, language="en")
    return waitlist_join(
        clinic=clinic,
        patient=patient,
        appointment_type=checkup,
        practitioner=ana,
        day_from=at(14).date(),
        day_to=at(14).date(),
        time_from=time(14),
        time_to=time(16),
        language="en",
        conversation_id=conversation.pk,
        now=NOW - timedelta(hours=2),
    )


def test_inside_the_window_the_offer_is_reply_buttons_and_the_tapped_yes_books(
    clinic,
    ana,
    checkup,
    meta_settings,
    fake_graph,
    post_meta,
    django_capture_on_commit_callbacks,
):
    booked = book_the_afternoon(ana, checkup)
    entry = emily_waits(clinic, ana, checkup, last_inbound_at=NOW - timedelta(hours=1))
    cancel(booked[0], django_capture_on_commit_callbacks)
    offer = offer_of(entry)

    [sent] = fake_graph.messages()
    assert sent.body["to"] == EMILY
    yes, no = buttons(sent)
    assert (yes["id"], no["id"]) == (f"waitlist:yes:{offer.pk}", f"waitlist:no:{offer.pk}")

    tap(post_meta, EMILY, fixture="button_reply", payload=yes["id"], title=yes["title"], context=sent.wamid)

    assert Appointment.objects.get(patient=entry.patient, status="booked").start == at(14)
    assert text_of(fake_graph.messages()[-1]).startswith("Booked! Monday 23 November at 14:00")


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_outside_the_window_the_offer_is_the_template_and_its_quick_reply_answers(
    clinic,
    ana,
    checkup,
    meta_settings,
    fake_graph,
    post_meta,
    django_capture_on_commit_callbacks,
    answer,
):
    meta_settings.META_TEMPLATES = {"waitlist_offer": {"en": "waitlist_offer/en_US"}}
    booked = book_the_afternoon(ana, checkup)
    entry = emily_waits(clinic, ana, checkup, last_inbound_at=NOW - timedelta(days=2))
    cancel(booked[0], django_capture_on_commit_callbacks)
    offer = offer_of(entry)

    [sent] = fake_graph.messages()
    template = sent.body["template"]
    assert (sent.body["type"], template["name"], template["language"]) == (
        "template",
        "waitlist_offer",
        {"code": "en_US"},
    )
    assert [p["text"] for p in template["components"][0]["parameters"]] == [
        "Emily",
        "Monday 23 November at 14:00",
        "Dra. Ana Souza",
    ]
    payloads = quick_replies(sent)
    assert payloads == [f"waitlist:yes:{offer.pk}", f"waitlist:no:{offer.pk}"]

    chosen = payloads[0] if answer == "yes" else payloads[1]
    tap(post_meta, EMILY, fixture="template_button", payload=chosen, title="Yes", context=sent.wamid)

    offer.refresh_from_db()
    assert offer.state == ("accepted" if answer == "yes" else "declined")
    assert Appointment.objects.filter(patient=entry.patient, status="booked").exists() is (answer == "yes")


# ---- recall campaigns -------------------------------------------------------------------------


@pytest.fixture
def invited_on_meta(recall_world, meta_settings, fake_graph, django_capture_on_commit_callbacks, monday):
    """Emily, who wrote on the Meta number long ago, gets the campaign's Meta template."""
    from conversations.campaigns.services import campaign_send_batch

    digits = PHONES["en"].lstrip("+")
    meta_conversation(digits, last_inbound_at=monday - timedelta(days=3))
    campaign = make_campaign(templates={"en": "checkup_recall/en_US"})
    with django_capture_on_commit_callbacks(execute=True):
        campaign_send_batch(campaign_id=campaign.pk, now=monday)
    [sent] = [r for r in fake_graph.messages() if r.body["to"] == digits]
    return digits, sent, CampaignSend.objects.get(patient__phone_e164=PHONES["en"])


def test_outside_the_window_the_invitation_is_the_campaigns_meta_template_with_its_quick_replies(
    invited_on_meta,
):
    _, sent, send = invited_on_meta

    template = sent.body["template"]
    assert (template["name"], template["language"]) == ("checkup_recall", {"code": "en_US"})
    assert [p["text"] for p in template["components"][0]["parameters"]] == [
        "Emily",
        "annual check-up with Dra. Ana Souza",
    ]
    assert quick_replies(sent) == [f"campaign:{a}:{send.pk}" for a in ("book", "later", "stop")]


def test_the_templates_book_starts_the_booking_through_meta(invited_on_meta, fake_graph, post_meta):
    digits, sent, send = invited_on_meta

    tap(
        post_meta,
        digits,
        fixture="template_button",
        payload=quick_replies(sent)[0],
        title="Book",
        context=sent.wamid,
    )

    send.refresh_from_db()
    assert send.answer == "book"
    assert "When would suit" in text_of(fake_graph.messages()[-1])


def test_the_templates_later_asks_when_with_buttons_and_a_tapped_choice_is_noted(
    invited_on_meta, fake_graph, post_meta, monday
):
    digits, sent, send = invited_on_meta

    tap(
        post_meta,
        digits,
        fixture="template_button",
        payload=quick_replies(sent)[1],
        title="Later",
        context=sent.wamid,
    )
    ask = fake_graph.messages()[-1]
    assert text_of(ask) == "Of course. When should we ask you again?"
    _, three, _ = buttons(ask)
    tap(
        post_meta,
        digits,
        fixture="button_reply",
        payload=three["id"],
        title=three["title"],
        context=ask.wamid,
    )

    send.refresh_from_db()
    assert send.answer == "later"
    assert 28 * 3 <= (send.ask_again_on - monday.date()).days <= 31 * 3
    assert "we'll ask you again in 3 months" in text_of(fake_graph.messages()[-1])


def test_the_templates_stop_leaves_campaigns_through_meta(invited_on_meta, fake_graph, post_meta):
    digits, sent, send = invited_on_meta

    tap(
        post_meta,
        digits,
        fixture="template_button",
        payload=quick_replies(sent)[2],
        title="Stop",
        context=sent.wamid,
    )

    send.refresh_from_db()
    assert send.answer == "stop"
    assert CampaignOptOut.objects.filter(patient__phone_e164=PHONES["en"]).exists()
    assert not Conversation.objects.get(channel_user_id=digits).opted_out


def test_inside_the_window_the_invitation_is_reply_buttons_whose_taps_answer(
    recall_world, meta_settings, fake_graph, post_meta, django_capture_on_commit_callbacks, monday
):
    from conversations.campaigns.services import campaign_send_batch

    digits = PHONES["en"].lstrip("+")
    meta_conversation(digits, last_inbound_at=monday - timedelta(hours=2))
    campaign = make_campaign(templates={})
    with django_capture_on_commit_callbacks(execute=True):
        campaign_send_batch(campaign_id=campaign.pk, now=monday)
    [sent] = [r for r in fake_graph.messages() if r.body["to"] == digits]
    send = CampaignSend.objects.get(patient__phone_e164=PHONES["en"], status="sent")

    book, later, stop = buttons(sent)
    assert [b["id"] for b in (book, later, stop)] == [
        f"campaign:{a}:{send.pk}" for a in ("book", "later", "stop")
    ]
    assert [b["title"] for b in (book, later, stop)] == ["Book", "Later", "Stop"]
    tap(
        post_meta, digits, fixture="button_reply", payload=stop["id"], title=stop["title"], context=sent.wamid
    )

    send.refresh_from_db()
    assert send.answer == "stop"
    assert "won't send you these invitations again" in text_of(fake_graph.messages()[-1])
