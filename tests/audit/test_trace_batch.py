import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from audit.models import TraceEvent
from audit.services import trace_batch, trace_record
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def _inserts(queries) -> int:
    return sum(q["sql"].startswith('INSERT INTO "audit_traceevent"') for q in queries)


def test_events_recorded_in_a_batch_are_inserted_once_in_recorded_order():
    conversation = ConversationFactory()
    with CaptureQueriesContext(connection) as queries, trace_batch():
        for kind in (
            TraceEvent.Type.INCOMING_MESSAGE,
            TraceEvent.Type.INTENT_CLASSIFIED,
            TraceEvent.Type.REPLY_DECIDED,
        ):
            trace_record(conversation_id=conversation.pk, type=kind)
        assert TraceEvent.objects.count() == 0  # nothing written until the batch ends

    assert _inserts(queries.captured_queries) == 1
    events = list(TraceEvent.objects.order_by("id"))
    assert [e.type for e in events] == ["INCOMING_MESSAGE", "INTENT_CLASSIFIED", "REPLY_DECIDED"]
    assert events[0].created_at <= events[1].created_at <= events[2].created_at


def test_a_batch_that_raises_writes_nothing_and_the_next_record_is_immediate():
    conversation = ConversationFactory()
    with pytest.raises(RuntimeError), transaction.atomic(), trace_batch():
        trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.INCOMING_MESSAGE)
        raise RuntimeError("handling failed")

    assert TraceEvent.objects.count() == 0
    event = trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.OUTBOUND_FAILED)
    assert event.pk is not None


def test_a_nested_batch_joins_the_outer_one():
    conversation = ConversationFactory()
    with CaptureQueriesContext(connection) as queries, trace_batch():
        trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.INCOMING_MESSAGE)
        with trace_batch():
            trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.REPLY_DECIDED)
        assert TraceEvent.objects.count() == 0

    assert _inserts(queries.captured_queries) == 1
    assert TraceEvent.objects.count() == 2
