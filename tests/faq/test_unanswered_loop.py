"""Every question the bot could not answer reaches the content admins' list, linked to its
conversation, whatever it looks like: no question mark, only the opening "¿", a greeting or
thanks before it; a message that asks nothing is still "not understood"."""

import pytest

from audit.models import TraceEvent
from conversations.copy import say
from conversations.faq.selectors import unanswered_question_list
from conversations.models import UnansweredQuestion
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def _decisions(conversation) -> list[str]:
    events = TraceEvent.objects.filter(conversation=conversation, type=TraceEvent.Type.REPLY_DECIDED)
    return [event.payload["why"] for event in events.order_by("id")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("¿Tienen farmacia en la clínica", "es"),
        ("tem pediatra", "pt-BR"),
        ("vcs fazem raio x ai", "pt-BR"),
        ("is there a cafe nearby", "en"),
        ("I want to know if you have a pharmacy", "en"),
        ("hola, tienen farmacia?", "es"),
        ("thanks! and do you sell gift cards?", "en"),
        ("bom dia, gostaria de saber se vocês vendem vale-presente", "pt-BR"),
    ],
)
def test_a_question_nobody_answered_gets_the_contact_and_joins_the_list(demo_faq, text, language):
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    # No clinic is loaded: the reply names the clinic's phone in words.
    assert reply == say("faq_unknown", language, contact=say("faq_contact_fallback", language))
    assert _decisions(conversation) == ["faq_unanswered"]
    question = UnansweredQuestion.objects.get()
    assert question.conversation_id == conversation.pk
    assert list(unanswered_question_list()) == [question]


@pytest.mark.parametrize(("text", "language"), [("hi, how are you?", "en"), ("hola, ¿qué tal?", "es")])
def test_a_greeting_that_asks_after_the_bot_is_a_greeting(demo_faq, text, language):
    conversation = ConversationFactory(language=language)

    handle(conversation, text)

    assert _decisions(conversation) == ["greeting"]
    assert not UnansweredQuestion.objects.exists()


def test_a_message_that_asks_nothing_is_not_understood_and_not_listed(demo_faq):
    conversation = ConversationFactory(language="en")

    handle(conversation, "blue elephant")

    assert _decisions(conversation) == ["not_understood"]
    assert not UnansweredQuestion.objects.exists()
