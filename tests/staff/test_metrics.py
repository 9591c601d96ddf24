from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import TraceEvent
from audit.selectors import metrics_for_period
from tests.conversations.factories import ConversationFactory

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
