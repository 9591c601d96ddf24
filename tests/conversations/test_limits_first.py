"""The order of decisions: emergency, then the clinical and billing limits, then booking.
Words that also name booking actions ("changed", "take", "consulta") decide nothing alone."""

from pathlib import Path

import pytest
from django.core.management import call_command

from booking.models import BookingSession
from conversations.models import Conversation, Escalation
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


@pytest.fixture(autouse=True)
def demo_clinic():
    call_command("load_clinic", str(CLINIC), verbosity=0)


@pytest.mark.parametrize(
    "text, language",
    [
        ("My mole has changed colour, is it cancer?", "en"),
        ("Minha pinta mudou de cor, é câncer?", "pt-BR"),
        ("Mi lunar cambió de color, ¿es cáncer?", "es"),
        ("I want to change my appointment, should I stop my blood pressure pills before it?", "en"),
    ],
)
def test_a_health_worry_is_refused_and_escalated_never_read_as_a_booking(text, language):
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    assert Escalation.objects.get(conversation=conversation).reason == Escalation.Reason.CLINICAL_QUESTION
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    assert "upcoming" not in reply and "próxim" not in reply


def test_who_and_when_without_advice_still_book():
    conversation = ConversationFactory(language="en")

    handle(conversation, "the paediatrician tomorrow morning, my son has had a fever since yesterday")

    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_a_wish_for_someone_beside_a_symptom_books():
    conversation = ConversationFactory(language="es")

    handle(
        conversation,
        "mi hijo tiene tos hace una semana y quiero que lo vea un pediatra, el jueves puedo llevarlo",
    )

    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    assert not Escalation.objects.filter(conversation=conversation).exists()


def test_a_billing_dispute_goes_to_staff_before_any_booking_reading():
    conversation = ConversationFactory(language="en")

    handle(conversation, "I was charged twice for my cancelled appointment, I want a refund")

    assert Escalation.objects.get(conversation=conversation).reason == Escalation.Reason.UNSUPPORTED
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_a_question_that_mentions_a_visit_books_nothing():
    conversation = ConversationFactory(language="es")

    [reply] = handle(conversation, "¿se puede ir con perro a la consulta?")

    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    # Nobody approved an answer to it: the clinic's contact, not "didn't understand".
    assert "+551140001234" in reply


def test_what_to_take_along_is_the_approved_answer_not_a_refusal():
    conversation = ConversationFactory(language="en")

    [reply] = handle(conversation, "What do I need to take with me?")

    assert "photo ID" in reply
    assert not Escalation.objects.filter(conversation=conversation).exists()
    conversation.refresh_from_db()
    assert conversation.handler == Conversation.Handler.BOT


def test_a_question_carrying_only_a_day_is_answered_from_the_faq():
    conversation = ConversationFactory(language="pt-BR")

    [reply] = handle(conversation, "vcs abrem sabado?")

    assert "sábados das 8h às 12h" in reply
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    assert not Escalation.objects.filter(conversation=conversation).exists()


def test_describing_a_symptom_while_booking_is_an_answer_not_a_refusal():
    conversation = ConversationFactory(language="es")
    handle(conversation, "quiero una cita con la dermatóloga")

    handle(conversation, "tiene fiebre desde ayer")

    assert not Escalation.objects.filter(conversation=conversation).exists()


@pytest.mark.parametrize(
    "text, language",
    [
        ("hey do u have a dermatolgist? need to get a rash looked at", "en"),
        ("hola, quería sacar turno con el dermatologo, tengo un lunar que me preocupa", "es"),
        (
            "buenas, necesito un medico de piel, tengo unas manchas en la cara. el viernes temprano puede ser?",
            "es",
        ),
        ("quero ver uma mancha na pele", "pt-BR"),
    ],
)
def test_a_complaint_beside_a_request_to_book_is_the_reason_for_the_visit(text, language):
    conversation = ConversationFactory(language=language)

    handle(conversation, text)

    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    assert not Escalation.objects.filter(conversation=conversation).exists()


@pytest.mark.parametrize(
    "text, language",
    [
        ("I want to book, should I stop taking my blood pressure pills?", "en"),
        ("quiero una cita, ¿debo dejar de tomar el ibuprofeno?", "es"),
    ],
)
def test_asking_for_advice_beside_a_bare_wish_to_book_is_still_refused(text, language):
    conversation = ConversationFactory(language=language)

    handle(conversation, text)

    assert Escalation.objects.get(conversation=conversation).reason == Escalation.Reason.CLINICAL_QUESTION
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


@pytest.mark.parametrize(
    "text",
    [
        "I want to book with the cardiologist tomorrow, should I stop my blood pressure pills before?",
        "quero marcar com o dermatologista amanhã, posso tomar antibiótico antes?",
    ],
)
def test_a_decision_asked_beside_a_booking_request_is_answered_with_the_limit_never_left_unanswered(text):
    conversation = ConversationFactory(language="")

    replies = handle(conversation, text)

    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    assert any(r.startswith(("About your health question", "Sobre sua dúvida de saúde")) for r in replies)
