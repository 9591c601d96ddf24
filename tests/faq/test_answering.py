import pytest

from audit.models import TraceEvent
from conversations.copy import CATALOGUES
from conversations.faq.answering import faq_respond
from conversations.models import FaqEntry, UnansweredQuestion
from tests.conversations.factories import ConversationFactory
from tests.faq.conftest import PHONE

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def approved_text(topic: str, language: str) -> str:
    return FaqEntry.objects.get(topic=topic).approved_version.answers[language]


def test_local_engine_sends_the_approved_answer_verbatim(demo_faq):
    response = faq_respond(
        text="tem estacionamento?",
        language="pt-BR",
        conversation_id=ConversationFactory().pk,
        clinic_phone=PHONE,
        engine="local",
    )
    assert response.kind == "answered"
    assert response.text == approved_text("parking", "pt-BR")
    assert response.engine == "local"
    assert response.version == 1


def test_an_answer_leaves_a_trace_naming_entry_and_version_without_patient_text(demo_faq):
    conversation = ConversationFactory()
    response = faq_respond(
        text="what are your opening hours?",
        language="en",
        conversation_id=conversation.pk,
        clinic_phone=PHONE,
        engine="local",
    )
    event = TraceEvent.objects.get(conversation=conversation, type=TraceEvent.Type.FAQ_ANSWERED)
    assert event.payload["entry_id"] == response.entry_id == FaqEntry.objects.get(topic="opening_hours").pk
    assert event.payload["version"] == 1
    assert event.payload["kind"] == "answered"
    assert event.payload["engine"] == "local"
    assert "opening" not in str(event.payload)


def test_a_question_no_entry_answers_gets_the_contact_and_is_logged(demo_faq):
    conversation = ConversationFactory()
    response = faq_respond(
        text="fazem ultrassom?", language="pt-BR", conversation_id=conversation.pk, clinic_phone=PHONE
    )
    assert response.kind == "unanswered"
    assert response.text == CATALOGUES["pt-BR"]["faq_unknown"].format(contact=PHONE)
    logged = UnansweredQuestion.objects.get()
    assert (logged.conversation_id, logged.language, logged.text) == (
        conversation.pk,
        "pt-BR",
        "fazem ultrassom?",
    )
    assert not logged.resolved


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Can I take ibuprofen before the blood test?", "en", "clinical"),
        ("¿Qué dosis de paracetamol le doy a mi hijo?", "es", "clinical"),
        ("me cobraram duas vezes a consulta", "pt-BR", "billing"),
    ],
)
def test_clinical_and_billing_questions_are_refused_with_the_contact(demo_faq, text, language, kind):
    response = faq_respond(
        text=text, language=language, conversation_id=ConversationFactory().pk, clinic_phone=PHONE
    )
    assert response.kind == kind
    assert response.entry_id is None
    assert PHONE in response.text
    # No clinic is loaded here: the refusal names the neutral emergency number.
    assert response.text == CATALOGUES[language][f"faq_{kind}"].format(contact=PHONE, emergency_number="112")
    assert not UnansweredQuestion.objects.exists()


def test_without_a_clinic_phone_the_reply_points_to_the_clinic_phone(demo_faq):
    response = faq_respond(
        text="fazem ultrassom?", language="pt-BR", conversation_id=ConversationFactory().pk, clinic_phone=""
    )
    assert "pelo telefone da clínica" in response.text


def test_a_retired_entry_is_never_sent(demo_faq, content_admin):
    from conversations.faq.services import faq_entry_retire

    faq_entry_retire(entry=FaqEntry.objects.get(topic="parking"), user=content_admin)
    response = faq_respond(
        text="tem estacionamento?",
        language="pt-BR",
        conversation_id=ConversationFactory().pk,
        clinic_phone=PHONE,
    )
    assert response.kind == "unanswered"
