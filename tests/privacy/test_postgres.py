"""On PostgreSQL trace events cannot be changed, so erasure must succeed without touching them."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import TraceEvent
from audit.services import trace_record
from conversations.models import Conversation
from conversations.privacy import patient_data_erase
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
PHONE = "+447700900123"


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL only")


def test_erasure_succeeds_under_the_append_only_trigger_and_keeps_the_traces():
    conversation = ConversationFactory(channel_user_id=PHONE.lstrip("+"), phone_e164=PHONE)
    InboundMessageFactory(conversation=conversation, text="I am Priya Sharma")
    trace_record(
        conversation_id=conversation.pk, type=TraceEvent.Type.INCOMING_MESSAGE, payload={"chars": 17}
    )

    patient_data_erase(phone=PHONE, actor_user_id=None)

    assert Conversation.objects.get(pk=conversation.pk).phone_e164 == ""
    assert TraceEvent.objects.get(conversation=conversation).payload == {"chars": 17}


def test_the_trigger_refuses_to_rewrite_a_trace():
    conversation = ConversationFactory()
    event = trace_record(conversation_id=conversation.pk, type=TraceEvent.Type.OPT_OUT)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        TraceEvent.objects.filter(pk=event.pk).update(payload={"rewritten": True})
