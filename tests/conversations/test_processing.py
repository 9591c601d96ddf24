import threading

import pytest
from django.db import connection

from audit.models import TraceEvent
from conversations import inbox
from conversations.inbox import conversation_process
from conversations.models import InboundMessage, OutboundMessage
from conversations.outbox.queue import Reply
from tests.conversations.factories import ConversationFactory, InboundMessageFactory


@pytest.mark.sqlite
@pytest.mark.django_db
def test_messages_are_handled_in_arrival_order(monkeypatch):
    conversation = ConversationFactory()
    first = InboundMessageFactory(conversation=conversation, text="first")
    second = InboundMessageFactory(conversation=conversation, text="second")
    seen = []
    monkeypatch.setattr(inbox, "message_handle", lambda **kw: seen.append(kw["inbound"].text) or [])

    assert conversation_process(conversation_id=conversation.pk) == 2

    assert seen == ["first", "second"]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.processed_at <= second.processed_at


@pytest.mark.sqlite
@pytest.mark.django_db
def test_a_redelivered_task_does_nothing_twice():
    conversation = ConversationFactory()
    InboundMessageFactory(conversation=conversation, text="hello")

    conversation_process(conversation_id=conversation.pk)
    assert conversation_process(conversation_id=conversation.pk) == 0

    assert OutboundMessage.objects.count() == 1
    assert TraceEvent.objects.filter(type=TraceEvent.Type.INCOMING_MESSAGE).count() == 1


@pytest.mark.sqlite
@pytest.mark.django_db
def test_a_message_whose_handling_crashes_is_handed_to_staff_and_does_not_block_the_next(monkeypatch):
    conversation = ConversationFactory()
    InboundMessageFactory(conversation=conversation, text="boom")
    InboundMessageFactory(conversation=conversation, text="fine")

    def handle(*, conversation, inbound, prepared=None):
        if inbound.text == "boom":
            raise RuntimeError("bug")
        return [Reply("ok")]

    monkeypatch.setattr(inbox, "message_handle", handle)

    assert conversation_process(conversation_id=conversation.pk) == 2
    failed = InboundMessage.objects.get(text="boom")
    assert failed.processed_at is not None
    assert failed.processing_error == "RuntimeError: bug"
    assert list(OutboundMessage.objects.values_list("body", flat=True))[-1] == "ok"


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_on_one_conversation_handle_each_message_once_in_order(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    conversation = ConversationFactory()
    for n in range(6):
        InboundMessageFactory(conversation=conversation, text=f"m{n}")
    seen: list[str] = []
    original = inbox.message_handle

    def slow_handle(**kwargs):
        seen.append(kwargs["inbound"].text)
        threading.Event().wait(0.02)  # widen the window for a race
        return original(**kwargs)

    monkeypatch.setattr(inbox, "message_handle", slow_handle)
    counts = []

    def work():
        counts.append(conversation_process(conversation_id=conversation.pk))
        connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(counts) == 6
    assert seen == [f"m{n}" for n in range(6)]
    assert TraceEvent.objects.filter(type=TraceEvent.Type.INCOMING_MESSAGE).count() == 6


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_trace_events_cannot_be_updated_or_deleted_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only")
    from django.db import DatabaseError, transaction

    conversation = ConversationFactory()
    event = TraceEvent.objects.create(conversation=conversation, type=TraceEvent.Type.INCOMING_MESSAGE)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        TraceEvent.objects.filter(pk=event.pk).update(actor="someone else")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        TraceEvent.objects.filter(pk=event.pk).delete()
