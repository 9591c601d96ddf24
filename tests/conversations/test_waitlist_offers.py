"""Waitlist offers reach the patient (text with buttons in the window, the approved template
outside it, nothing without one) and their answers are read without a model."""

from datetime import timedelta

import pytest

from audit.models import TraceEvent
from booking.models import WaitlistEntry, WaitlistOffer
from conversations.inbox import conversation_process
from conversations.models import Conversation, InboundMessage, OutboundMessage
from conversations.waitlist import waitlist_answer
from scheduling.models import Appointment
from tests.booking.test_waitlist import (  # noqa: F401  (fixtures)
    NOW,
    ana,
    at,
    book_the_afternoon,
    cancel,
    checkup,
    clinic,
    offer_of,
    waiting_patient,
)
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
EMILY = "+14155550999"


def says(conversation, text: str = "", **fields) -> None:
    InboundMessageFactory(conversation=conversation, text=text, **fields)
    conversation_process(conversation_id=conversation.pk)


def last_reply(conversation) -> str:
    return conversation.outbound_messages.order_by("-id").first().body


@pytest.fixture
def offered(clinic, ana, checkup, django_capture_on_commit_callbacks):  # noqa: F811
    booked = book_the_afternoon(ana, checkup)
    entry = waiting_patient(clinic, ana, checkup, "Emily Stone", EMILY, NOW - timedelta(hours=2))
    cancel(booked[0], django_capture_on_commit_callbacks)
    return entry, offer_of(entry)


def test_a_tapped_yes_books_the_offer(offered):
    entry, offer = offered
    conversation = OutboundMessage.objects.get(pk=offer.outbound_id).conversation

    says(
        conversation,
        "Yes, book it",
        kind=InboundMessage.Kind.BUTTON,
        button_payload=f"waitlist:yes:{offer.pk}",
    )

    assert Appointment.objects.get(patient=entry.patient, status="booked").start == at(14)
    assert "Booked! Monday 23 November at 14:00 with Dra. Ana Souza, at Centro." in last_reply(conversation)


def test_the_number_of_no_declines_and_keeps_the_patient_waiting(offered):
    entry, offer = offered
    conversation = OutboundMessage.objects.get(pk=offer.outbound_id).conversation

    says(conversation, "2")

    offer.refresh_from_db()
    entry.refresh_from_db()
    assert (offer.state, entry.state) == (WaitlistOffer.State.DECLINED, WaitlistEntry.State.WAITING)
    assert "You stay on the waitlist" in last_reply(conversation)


def test_a_forged_offer_button_from_another_number_is_no_answer(offered):
    _, offer = offered
    stranger = ConversationFactory(phone_e164="+447700900123", channel_user_id="447700900123")
    tap = InboundMessageFactory(
        conversation=stranger, kind=InboundMessage.Kind.BUTTON, button_payload=f"waitlist:yes:{offer.pk}"
    )

    assert waitlist_answer(conversation=stranger, inbound=tap) is None


def test_asking_to_leave_the_waitlist_takes_the_patient_off_and_frees_the_held_slot(
    offered, django_capture_on_commit_callbacks
):
    entry, offer = offered
    conversation = OutboundMessage.objects.get(pk=offer.outbound_id).conversation

    with django_capture_on_commit_callbacks(execute=True):
        says(conversation, "please take me off the waitlist")

    entry.refresh_from_db()
    offer.refresh_from_db()
    assert (entry.state, offer.state) == (WaitlistEntry.State.REMOVED, WaitlistOffer.State.LOST)
    assert "you're off the waitlist" in last_reply(conversation)


def waiting_since_the_day_before_yesterday(clinic, ana, checkup, name, phone, joined):  # noqa: F811
    entry = waiting_patient(clinic, ana, checkup, name, phone, joined)
    Conversation.objects.filter(pk=entry.conversation_id).update(last_inbound_at=NOW - timedelta(days=2))
    return entry


def test_outside_the_window_the_offer_goes_as_the_approved_template(
    clinic,  # noqa: F811
    ana,  # noqa: F811
    checkup,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TWILIO_WAITLIST_CONTENT_SIDS = {"en": "HX" + "e" * 32}
    booked = book_the_afternoon(ana, checkup)
    entry = waiting_since_the_day_before_yesterday(clinic, ana, checkup, "Emily Stone", EMILY, NOW)

    cancel(booked[0], django_capture_on_commit_callbacks)

    message = OutboundMessage.objects.get(pk=offer_of(entry).outbound_id)
    assert message.template == "waitlist_offer:en"
    assert message.content_variables == {
        "1": "Emily",
        "2": "Monday 23 November at 14:00",
        "3": "Dra. Ana Souza",
    }


def test_the_templates_quick_reply_answers_the_offer_it_replies_to(
    clinic,  # noqa: F811
    ana,  # noqa: F811
    checkup,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TWILIO_WAITLIST_CONTENT_SIDS = {"en": "HX" + "e" * 32}
    booked = book_the_afternoon(ana, checkup)
    entry = waiting_since_the_day_before_yesterday(clinic, ana, checkup, "Emily Stone", EMILY, NOW)
    cancel(booked[0], django_capture_on_commit_callbacks)
    message = OutboundMessage.objects.get(pk=offer_of(entry).outbound_id)
    OutboundMessage.objects.filter(pk=message.pk).update(provider_message_id="MM" + "5" * 32)

    says(
        message.conversation,
        "Yes",
        kind=InboundMessage.Kind.BUTTON,
        button_payload="waitlist:yes",
        reply_to_provider_id="MM" + "5" * 32,
    )

    assert Appointment.objects.get(patient=entry.patient, status="booked").start == at(14)


def test_outside_the_window_without_a_template_the_slot_passes_to_the_next(
    clinic,  # noqa: F811
    ana,  # noqa: F811
    checkup,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    booked = book_the_afternoon(ana, checkup)
    unreachable = waiting_since_the_day_before_yesterday(
        clinic, ana, checkup, "Emily Stone", EMILY, NOW - timedelta(hours=2)
    )
    reachable = waiting_patient(clinic, ana, checkup, "Mark Twain", "+14155550888", NOW - timedelta(hours=1))

    cancel(booked[0], django_capture_on_commit_callbacks)

    [passed] = WaitlistOffer.objects.filter(entry=unreachable)
    assert (passed.state, passed.outbound_id) == (WaitlistOffer.State.DECLINED, None)
    assert offer_of(reachable).start == at(14)
    trace = TraceEvent.objects.get(conversation_id=unreachable.conversation_id, type="WAITLIST_OFFERED")
    assert trace.payload["sent"] is False and "no waitlist_offer template for en" in trace.payload["why"]
