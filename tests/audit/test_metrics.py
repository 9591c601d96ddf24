from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit import registry
from audit.models import TraceEvent
from audit.selectors import metrics_for_period
from conversations.models import OutboundMessage, UnansweredQuestion
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import operations_lead, receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
T = TraceEvent.Type


def trace(conversation, type, **payload):
    return TraceEvent.objects.create(
        conversation=conversation, type=type, payload=payload, booking_session_id=payload.pop("session", None)
    )


def period():
    now = timezone.now()
    return metrics_for_period(start=now - timedelta(hours=1), end=now + timedelta(hours=1), label="now")


def test_conversations_are_split_into_automated_partial_and_immediate_escalations():
    automated, partial, at_once = ConversationFactory(), ConversationFactory(), ConversationFactory()
    trace(automated, T.INCOMING_MESSAGE)
    trace(automated, T.INCOMING_MESSAGE)
    trace(partial, T.INCOMING_MESSAGE)
    trace(partial, T.INCOMING_MESSAGE)
    trace(partial, T.ESCALATED_TO_HUMAN, reason="not_understood")
    trace(at_once, T.INCOMING_MESSAGE)
    trace(at_once, T.ESCALATED_TO_HUMAN, reason="emergency")

    metrics = period()

    assert metrics.conversations == 3
    assert (metrics.fully_automated, metrics.escalated_after_partial, metrics.escalated_at_once) == (1, 1, 1)
    assert metrics.escalation_reasons == {"not_understood": 1, "emergency": 1}


def test_funnel_and_completion_rate_count_booking_sessions():
    conversation = ConversationFactory()
    for session, states in [(1, FULL), (2, FULL[:4]), (3, FULL[:2])]:
        for state in states:
            trace(conversation, T.STATE_TRANSITION, to=state, flow="book", session=session)

    metrics = period()

    assert metrics.funnel["START"] == 3
    assert metrics.funnel["AVAILABILITY_SELECTION"] == 2
    assert metrics.funnel["COMPLETE"] == 1
    assert metrics.completion_rate == pytest.approx(1 / 3)


FULL = [
    "START",
    "PATIENT_IDENTIFICATION",
    "PREFERENCES",
    "AVAILABILITY_SELECTION",
    "WAITING_CONFIRMATION",
    "COMPLETE",
]


def test_tokens_and_cost_add_up_from_intent_traces():
    conversation = ConversationFactory()
    trace(conversation, T.INTENT_CLASSIFIED, usage={"input": 1000, "output": 200, "cache_read": 0})
    trace(conversation, T.INTENT_CLASSIFIED, usage={"input": 500, "output": 100})

    metrics = period()

    assert metrics.tokens["input"] == 1500
    assert metrics.tokens["output"] == 300
    assert metrics.cost_usd == pytest.approx((1500 * 1.0 + 300 * 5.0) / 1_000_000)


def test_outcomes_are_counted_per_type():
    conversation = ConversationFactory()
    trace(conversation, T.APPOINTMENT_BOOKED)
    trace(conversation, T.APPOINTMENT_BOOKED)
    trace(conversation, T.APPOINTMENT_CANCELLED)

    metrics = period()

    assert (metrics.booked, metrics.rescheduled, metrics.cancelled) == (2, 0, 1)


def test_events_outside_the_period_are_ignored():
    conversation = ConversationFactory()
    trace(conversation, T.APPOINTMENT_BOOKED)
    TraceEvent.objects.create(
        conversation=conversation, type=T.APPOINTMENT_BOOKED, created_at=timezone.now() - timedelta(days=3)
    )

    assert period().booked == 1


def test_reception_cannot_open_metrics(client):
    client.force_login(receptionist())

    assert client.get(reverse("staff_metrics")).status_code == 403


def test_the_metrics_page_renders_charts_without_any_external_asset(client):
    trace(ConversationFactory(), T.INCOMING_MESSAGE)
    client.force_login(operations_lead())

    html = client.get(reverse("staff_metrics")).content.decode()

    assert "<svg" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html


def test_metrics_show_the_top_unanswered_questions(client):
    conversation = ConversationFactory()
    for text in ["Do you have wifi?", "do you have WiFi", "Is there a pharmacy nearby?"]:
        UnansweredQuestion.objects.create(conversation=conversation, language="en", text=text)
    client.force_login(operations_lead())

    html = client.get(reverse("staff_metrics")).content.decode().lower()

    assert "do you have wifi" in html
    assert html.index("do you have wifi") < html.index("is there a pharmacy nearby?")
    assert "<td>2</td>" in html[html.index("do you have wifi") :]


def test_metrics_show_the_bot_reply_latency(client):
    now = timezone.now()
    inbound = InboundMessageFactory(received_at=now - timedelta(seconds=2))
    OutboundMessage.objects.create(
        conversation=inbound.conversation, in_reply_to=inbound, body="Olá", sent_at=now - timedelta(seconds=1)
    )
    client.force_login(operations_lead())

    html = client.get(reverse("staff_metrics")).content.decode()

    assert "1000 / 1000 ms" in html
    assert "1 replies" in html


def test_a_metric_no_app_supplies_is_a_loud_wiring_error():
    now = timezone.now()

    with pytest.raises(LookupError, match="'bookings_per_hour'"):
        registry.metric_read(name="bookings_per_hour", since=now - timedelta(days=1), until=now)


def test_the_funnel_never_goes_back_up_when_a_known_patient_skips_a_step():
    conversation = ConversationFactory()
    for state in FULL[:2] + FULL[2:]:
        trace(conversation, T.STATE_TRANSITION, to=state, flow="book", session=1)
    for state in [FULL[0], *FULL[2:]]:  # the number's own patient: nobody asked who
        trace(conversation, T.STATE_TRANSITION, to=state, flow="book", session=2)

    funnel = list(period().funnel.values())

    assert funnel == [2, 2, 2, 2, 2, 2]


def test_escalation_reasons_are_shown_in_words(client):
    conversation = ConversationFactory()
    trace(conversation, T.INCOMING_MESSAGE)
    trace(conversation, T.ESCALATED_TO_HUMAN, reason="asked_for_person")
    trace(conversation, T.ESCALATED_TO_HUMAN, reason="some_new_reason")
    client.force_login(operations_lead())

    html = client.get(reverse("staff_metrics")).content.decode()

    assert "Asked for a person" in html and "asked_for_person" not in html
    assert "Some new reason" in html
