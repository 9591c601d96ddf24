"""A booking confirmation says what to bring and when to arrive only in the clinic's approved
words (the FAQ entry the clinic file names), and nothing of it when none is approved."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from conversations.faq.services import faq_entry_retire, faq_version_approve, faq_version_create
from conversations.inbox import conversation_process
from conversations.models import Conversation, FaqEntry, OutboundMessage
from scheduling.directory import directory_invalidate
from scheduling.models import Clinic
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))
APPROVED_EN = "Arrive 15 minutes early to register."
TURNS = {
    "en": ["I'd like to book a new patient consultation with Dr. Carlos on Tuesday morning", "1", "yes"],
    "pt-BR": ["Quero marcar uma primeira consulta com o Dr. Carlos na terça de manhã", "1", "sim"],
}


@pytest.fixture
def clinic(time_machine):
    time_machine.move_to(MONDAY)
    call_command("load_clinic", str(CLINIC), verbosity=0)


def confirmation(language: str = "en") -> str:
    # Emily Carter and João Lima are the example file's known patients.
    phone = "+14155550123" if language == "en" else "+5511987654321"
    conversation = Conversation.objects.filter(phone_e164=phone).first() or ConversationFactory(
        language=language, channel_user_id=phone, phone_e164=phone
    )
    for text in TURNS[language]:
        InboundMessageFactory(conversation=conversation, text=text)
        conversation_process(conversation_id=conversation.pk)
    return OutboundMessage.objects.filter(conversation=conversation).order_by("-id").first().body


def test_the_confirmation_ends_with_the_approved_answer_on_what_to_bring(clinic):
    reply = confirmation()

    assert reply.startswith("Booked!")
    assert reply.endswith("and a list of the medicines you take. " + APPROVED_EN)
    assert "10 minutes" not in reply


def test_the_confirmation_is_in_the_patients_language(clinic):
    reply = confirmation("pt-BR")

    assert reply.startswith("Agendado!")
    assert reply.endswith("Chegue 15 minutos antes para o cadastro.")


def test_a_newly_approved_answer_reaches_the_next_confirmation(clinic):
    entry = FaqEntry.objects.get(topic="what_to_bring")
    version = faq_version_create(
        topic="what_to_bring",
        questions=entry.approved_version.questions,
        answers={**entry.approved_version.answers, "en": "Bring your ID. Arrive 20 minutes early."},
        actor_label="test",
    )
    draft = confirmation()
    faq_version_approve(version=version, actor_label="test")
    approved = confirmation()

    assert draft.endswith(APPROVED_EN)
    assert approved.endswith("Bring your ID. Arrive 20 minutes early.")


def test_a_retired_entry_leaves_the_confirmation_silent_on_arrival(clinic):
    faq_entry_retire(entry=FaqEntry.objects.get(topic="what_to_bring"), actor_label="test")

    reply = confirmation()

    assert reply.startswith("Booked!")
    assert "arrive" not in reply.lower() and "bring" not in reply.lower()


def test_a_clinic_naming_no_entry_says_nothing_about_arrival(clinic):
    Clinic.objects.update(confirmation_faq="")
    directory_invalidate()

    reply = confirmation()

    assert reply.startswith("Booked!")
    assert reply.endswith("To change or cancel, just write to me here.")
    assert "arrive" not in reply.lower() and "minutes" not in reply.lower()
