"""The model is asked before the conversation's row lock and outside any transaction, so its
seconds hold no lock a status callback or the patient's next message would wait on."""

import pytest
from django.db import connection

import conversations.understanding as understanding
from conversations.inbox import conversation_process
from conversations.models import OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

# Transactional: a test transaction around everything would hide the one the turn opens.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.sqlite]


@pytest.fixture
def model_calls(settings, monkeypatch):
    settings.NLU_ENGINE = "claude"
    settings.ANTHROPIC_API_KEY = "test"
    calls = []

    def recording(text, *, fallback, **kwargs):
        calls.append({"text": text, "in_transaction": connection.in_atomic_block})
        return fallback

    monkeypatch.setattr(understanding, "understand_claude", recording)
    return calls


def test_the_model_is_asked_outside_any_transaction(model_calls):
    conversation = ConversationFactory()
    InboundMessageFactory(conversation=conversation, text="is the doctor any good with moles")

    conversation_process(conversation_id=conversation.pk)

    assert model_calls == [{"text": "is the doctor any good with moles", "in_transaction": False}]
    assert OutboundMessage.objects.filter(conversation=conversation).exists()


def test_the_prepared_reading_is_used_once_and_never_asked_again_under_the_lock(model_calls):
    conversation = ConversationFactory()
    InboundMessageFactory(conversation=conversation, text="what about next week sometime")
    InboundMessageFactory(conversation=conversation, text="maybe thursday is better for me")

    conversation_process(conversation_id=conversation.pk)

    assert [call["text"] for call in model_calls] == [
        "what about next week sometime",
        "maybe thursday is better for me",
    ]
    assert not any(call["in_transaction"] for call in model_calls)
