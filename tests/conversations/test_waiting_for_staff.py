"""A chat handed to staff that nobody has claimed yet: the patient is told once that a person
will reply (and when the clinic opens, if it is closed); approved answers and emergencies still
go out; booking waits for the person. Once a person claims the chat, the bot is silent."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from audit.models import TraceEvent
from booking.models import BookingSession
from conversations.copy import say, when_text
from conversations.escalations import escalation_claim
from conversations.models import Conversation, Escalation, FaqEntry
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
ZONE = ZoneInfo("America/Sao_Paulo")
MONDAY_MORNING = datetime(2026, 12, 7, 10, 0, tzinfo=ZONE)  # several practitioners at work
FRIDAY_NIGHT = datetime(2026, 12, 4, 23, 50, tzinfo=ZONE)  # next hours: Saturday 08:00
SATURDAY_OPENING = datetime(2026, 12, 5, 8, 0, tzinfo=ZONE)


@pytest.fixture(autouse=True)
def demo_clinic():
    call_command("load_clinic", str(CLINIC), verbosity=0)


ASK_FOR_A_PERSON = {
    "en": "I want to talk to a person",
    "es": "quiero hablar con una persona",
    "pt-BR": "quero falar com uma pessoa",
}


def escalated(language: str = "en") -> Conversation:
    conversation = ConversationFactory(language=language)
    [reply] = handle(conversation, ASK_FOR_A_PERSON[language])
    assert reply == say("handoff", language)
    conversation.refresh_from_db()
    assert conversation.handler == Conversation.Handler.STAFF
    return conversation


def approved(topic: str, language: str) -> str:
    return FaqEntry.objects.get(topic=topic).approved_version.answers[language]


def test_the_patient_is_told_once_that_a_person_will_reply(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()

    assert handle(conversation, "hello? is anyone there") == [say("handoff_pending", "en")]
    assert handle(conversation, "hello??") == []
    assert handle(conversation, "I'm still waiting") == []


def test_after_hours_the_notice_says_when_the_clinic_opens(time_machine):
    time_machine.move_to(FRIDAY_NIGHT)
    conversation = escalated("es")

    [notice] = handle(conversation, "¿hola? ¿alguien me lee?")

    assert notice == say("handoff_pending_closed", "es", opens=when_text(SATURDAY_OPENING, "es"))
    assert "sábado 5 de diciembre a las 08:00" in notice


def test_an_approved_answer_still_goes_out_while_waiting(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated("pt-BR")

    assert handle(conversation, "vocês têm estacionamento?") == [approved("parking", "pt-BR")]
    assert handle(conversation, "e aceitam convênio?") == [approved("insurance", "pt-BR")]


def test_an_emergency_is_answered_while_waiting(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()

    [reply] = handle(conversation, "my father has crushing chest pain")

    assert "192" in reply


def test_booking_waits_for_the_person(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()

    assert handle(conversation, "I want to book an appointment tomorrow at 10") == [
        say("handoff_pending", "en")
    ]
    assert handle(conversation, "tomorrow at 10 please") == []
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_a_clinical_question_while_waiting_gets_the_notice_not_an_answer(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()

    assert handle(conversation, "should I stop my blood pressure pills?") == [say("handoff_pending", "en")]


def test_once_a_person_claims_the_chat_the_bot_is_silent(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()
    escalation = Escalation.objects.get(conversation=conversation)
    escalation_claim(escalation_id=escalation.pk, user=User.objects.create_user("rita", first_name="Rita"))
    before = TraceEvent.objects.filter(conversation=conversation, type=TraceEvent.Type.REPLY_DECIDED).count()

    assert handle(conversation, "is there parking?") == []
    assert handle(conversation, "hello?") == []
    decided = TraceEvent.objects.filter(conversation=conversation, type=TraceEvent.Type.REPLY_DECIDED)
    assert [e.payload["why"] for e in decided.order_by("id")][before:] == ["staff_owns_chat"] * 2


def test_a_new_escalation_tells_the_patient_again(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()
    handle(conversation, "hello?")
    Escalation.objects.filter(conversation=conversation).update(status=Escalation.Status.RESOLVED)
    Conversation.objects.filter(pk=conversation.pk).update(handler=Conversation.Handler.BOT)
    time_machine.move_to(datetime(2026, 12, 7, 11, 0, tzinfo=ZONE))

    handle(conversation, "I want to talk to a person")

    assert handle(conversation, "hello?") == [say("handoff_pending", "en")]


def test_an_option_number_while_waiting_is_no_question_for_the_faq(time_machine):
    time_machine.move_to(MONDAY_MORNING)
    conversation = escalated()

    assert handle(conversation, "1") == [say("handoff_pending", "en")]
