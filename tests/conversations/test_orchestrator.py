import pytest

from audit.models import TraceEvent
from conversations.copy import CATALOGUES, say
from conversations.inbox import conversation_process
from conversations.models import Conversation, Escalation, OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def handle(conversation: Conversation, text: str, **fields) -> list[str]:
    before = set(OutboundMessage.objects.values_list("pk", flat=True))
    InboundMessageFactory(conversation=conversation, text=text, **fields)
    conversation_process(conversation_id=conversation.pk)
    return list(OutboundMessage.objects.exclude(pk__in=before).order_by("pk").values_list("body", flat=True))


@pytest.mark.parametrize(
    "text, language, category",
    [
        ("I have a crushing chest pain", "en", "chest_pain"),
        ("mi madre no puede respirar", "es", "breathing"),
        ("meu pai está com a boca torta e fala enrolada", "pt-BR", "stroke"),
        ("I want to kill myself", "en", "suicidal"),
    ],
)
def test_emergency_gets_the_emergency_copy_and_goes_to_staff(text, language, category):
    conversation = ConversationFactory(language="")

    [reply] = handle(conversation, text)

    conversation.refresh_from_db()
    assert conversation.language == language
    assert conversation.handler == Conversation.Handler.STAFF
    escalation = Escalation.objects.get(conversation=conversation)
    assert escalation.reason == Escalation.Reason.EMERGENCY
    assert escalation.detail == category
    trace = TraceEvent.objects.get(conversation=conversation, type=TraceEvent.Type.EMERGENCY_DETECTED)
    assert trace.payload["category"] == category
    assert trace.payload["rule_id"].startswith(category)
    assert trace.payload["rules_version"]
    # No clinic is loaded: no country, so the neutral 112 and no other country's crisis line.
    assert "112" in reply and "988" not in reply


def test_crisis_copy_is_used_for_suicidal_thoughts():
    [reply] = handle(ConversationFactory(), "i don't want to live anymore")

    assert "not alone" in reply


def test_routine_cardiology_request_is_not_an_emergency():
    handle(ConversationFactory(), "I'd like a cardiology check-up next week")

    assert not TraceEvent.objects.filter(type=TraceEvent.Type.EMERGENCY_DETECTED).exists()
    assert Escalation.objects.get().reason == Escalation.Reason.UNSUPPORTED


def test_an_emergency_is_answered_even_while_staff_own_the_chat():
    conversation = ConversationFactory(handler=Conversation.Handler.STAFF)

    [reply] = handle(conversation, "dolor en el pecho muy fuerte")

    assert "emergencia" in reply


def test_the_bot_stays_silent_while_staff_own_the_chat():
    conversation = ConversationFactory(handler=Conversation.Handler.STAFF)

    assert handle(conversation, "hello?") == []
    trace = TraceEvent.objects.filter(type=TraceEvent.Type.REPLY_DECIDED).last()
    assert trace.payload == {"replies": 0, "why": "staff_owns_chat"}


@pytest.mark.parametrize(
    "keyword, language", [("STOP", "en"), ("baja", "es"), ("Parar", "pt-BR"), ("SAIR", "pt-BR")]
)
def test_opt_out_keywords_confirm_once_and_then_silence(keyword, language):
    conversation = ConversationFactory(language="")

    [confirmation] = handle(conversation, keyword)
    later = handle(conversation, "are you there?")

    conversation.refresh_from_db()
    assert conversation.opted_out
    assert conversation.language == language
    assert confirmation == CATALOGUES[language]["opted_out"].format(clinic_name="the clinic")
    assert later == []


@pytest.mark.parametrize("keyword", ["START", "alta", "Voltar"])
def test_opt_in_keywords_resume_messages(keyword):
    conversation = ConversationFactory(opted_out=True)

    [reply] = handle(conversation, keyword)

    conversation.refresh_from_db()
    assert not conversation.opted_out
    assert reply


def test_a_sentence_containing_stop_is_not_an_opt_out():
    conversation = ConversationFactory()

    handle(conversation, "please don't stop my reminders")

    conversation.refresh_from_db()
    assert not conversation.opted_out


def test_unhandled_message_gets_an_honest_reply_and_an_escalation():
    conversation = ConversationFactory(language="es")

    [reply] = handle(conversation, "quiero una cita")

    assert reply == CATALOGUES["es"]["handoff"]
    assert Escalation.objects.get().reason == Escalation.Reason.UNSUPPORTED


def test_an_image_is_answered_with_please_type():
    conversation = ConversationFactory()

    [reply] = handle(
        conversation, "", kind="media", media=[{"url": "https://x/y", "content_type": "image/jpeg"}]
    )

    assert "pictures" in reply


def test_a_flood_from_one_number_gets_one_notice_and_others_are_unaffected(settings):
    settings.SENDER_MAX_MESSAGES_PER_MINUTE = 3
    flooder, neighbour = ConversationFactory(), ConversationFactory()
    image = [{"url": "https://x/y", "content_type": "image/png"}]
    for _ in range(8):
        InboundMessageFactory(conversation=flooder, text="", kind="media", media=image)

    conversation_process(conversation_id=flooder.pk)

    bodies = list(flooder.outbound_messages.values_list("body", flat=True))
    assert len(bodies) == 4  # three answered, then one notice, then silence
    assert sum("very quickly" in body for body in bodies) == 1
    assert not flooder.inbound_messages.filter(processed_at__isnull=True).exists()
    assert handle(neighbour, "", kind="media", media=image) == [CATALOGUES["en"]["media_unsupported"]]


def test_an_emergency_is_answered_even_in_a_flood(settings):
    settings.SENDER_MAX_MESSAGES_PER_MINUTE = 1
    conversation = ConversationFactory()
    InboundMessageFactory(
        conversation=conversation,
        text="",
        kind="media",
        media=[{"url": "https://x/y", "content_type": "image/png"}],
    )
    InboundMessageFactory(
        conversation=conversation,
        text="",
        kind="media",
        media=[{"url": "https://x/y", "content_type": "image/png"}],
    )
    conversation_process(conversation_id=conversation.pk)

    [reply] = handle(conversation, "I can't breathe")

    assert "emergency" in reply


def test_a_very_long_message_asking_nothing_bookable_gets_asked_for_the_gist_not_a_person():
    text = "I wanted to tell you about the price of groceries and the weather this week. " * 10

    [reply] = handle(ConversationFactory(), text)

    assert reply == say("too_long", "en")
    assert not Escalation.objects.exists()
