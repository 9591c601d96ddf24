"""A question the clinic has an approved answer for is answered, even when it mentions a
visit, a change or opens with a greeting; a request asked beside it still goes on."""

from pathlib import Path

import pytest
from django.core.management import call_command

from booking.models import BookingSession
from conversations.faq.selectors import faq_answer_approved
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


@pytest.fixture(autouse=True)
def demo_clinic():
    call_command("load_clinic", str(CLINIC), verbosity=0)


@pytest.mark.parametrize(
    "text, language, topic",
    [
        ("o que preciso levar na consulta? é a minha primeira vez", "pt-BR", "what_to_bring"),
        ("boa tarde, queria saber o valor do retorno pq vou ter q voltar com a dra", "pt-BR", "fees"),
        ("hola, cuánto cuesta la primera consulta?", "es", "fees"),
        ("da pra parcelar o check up no cartão?", "pt-BR", "payment_methods"),
        # Spain's "vosotros" asks what "ustedes" asks.
        ("me cobráis algo si cancelo el mismo día?", "es", "cancellation"),
        ("tenéis consulta los sábados por la tarde", "es", "opening_hours"),
        ("a qué hora abrís los sábados", "es", "opening_hours"),  # a lead-in before the question word
        # A supposition about changing asks about the rules; it cancels nothing.
        ("se eu desmarcar no mesmo dia vocês cobram multa", "pt-BR", "cancellation"),
        ("if I cancel the same day do you charge me", "en", "cancellation"),
        # The question in a later clause, with no question mark, mentioning a visit.
        ("meu pai usa cadeira de rodas, vocês têm rampa pra consulta dele", "pt-BR", "accessibility"),
        # Asking for times with no day and nobody named.
        ("what time do you do blood tests, do I need to come early", "en", "exam_preparation"),
    ],
)
def test_a_question_about_a_visit_gets_its_approved_answer_and_starts_no_booking(text, language, topic):
    conversation = ConversationFactory(language=language)

    replies = handle(conversation, text)

    assert replies == [faq_answer_approved(topic=topic, language=language)]
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


@pytest.mark.parametrize(
    "text, language, topic",
    [
        ("tengo cita mañana con el pediatra y no sé la dirección, me la podéis mandar", "es", "address"),
        (
            "I have an appointment with the dermatologist tomorrow, could you send me the address",
            "en",
            "address",
        ),
        ("si cancelo con poco tiempo me cobráis algo", "es", "cancellation"),
    ],
)
def test_a_question_beside_an_appointment_already_booked_starts_no_booking(text, language, topic):
    """The day of an appointment the patient has is not a wish, and a supposition about
    cancelling cancels nothing: the question goes to the FAQ (its approved answer, or "I
    don't have that information" with the contact), never to a booking or an appointment
    look-up."""
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    assert conversation.phone_e164 not in reply
    # the entry's answer, or the clinic's contact with "I don't have that information"
    assert reply == faq_answer_approved(topic=topic, language=language) or "+551140001234" in reply
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_asking_whether_the_clinic_gives_a_vaccine_in_spain_s_spanish_is_no_clinical_question():
    conversation = ConversationFactory(language="es")

    [reply] = handle(conversation, "ponéis la vacuna del tétanos?")

    assert not reply.startswith(_prefix("faq_clinical", "es"))
    assert "+551140001234" in reply


def test_a_billing_dispute_in_spain_s_spanish_goes_to_a_person():
    conversation = ConversationFactory(language="es")

    [reply] = handle(
        conversation, "me habéis cobrado la consulta de seguimiento dos veces, quiero que me lo devolváis"
    )

    assert reply.startswith(_prefix("faq_billing", "es"))
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def _prefix(key: str, language: str) -> str:
    from conversations.copy import CATALOGUES

    return CATALOGUES[language][key].split("{", 1)[0].strip()


def test_a_greeting_before_an_unmarked_question_does_not_hide_it():
    conversation = ConversationFactory(language="en")

    replies = handle(conversation, "Good morning, I have SulAmerica through work, is that accepted there")

    assert replies == [faq_answer_approved(topic="insurance", language="en")]


def test_a_bare_greeting_is_still_greeted():
    conversation = ConversationFactory(language="en")

    [reply] = handle(conversation, "Good morning, how are you")

    assert "assistant" in reply


@pytest.mark.parametrize(
    "text, language",
    [
        ("I need to cancel my appointment on friday, will you charge me for it?", "en"),
        ("preciso desmarcar, vcs cobram alguma taxa?", "pt-BR"),
    ],
)
def test_asking_about_the_rules_of_a_change_gets_them_beside_the_change(text, language):
    conversation = ConversationFactory(language=language)

    replies = handle(conversation, text)

    assert len(replies) == 2  # no appointment found for this number, then the clinic's rules
    assert replies[1] == faq_answer_approved(topic="cancellation", language=language)


def test_a_change_asked_without_a_question_gets_no_rules_beside_it():
    conversation = ConversationFactory(language="en")

    replies = handle(conversation, "I need to cancel my appointment")

    assert len(replies) == 1


@pytest.mark.parametrize(
    "text, language",
    [
        ("how old is dr carlos? just wondering", "en"),
        ("cuantos años tiene la dra lucia?", "es"),
        ("a dra helena fala inglês?", "pt-BR"),
    ],
)
def test_a_question_about_a_doctor_or_a_visit_with_no_day_books_nothing(text, language):
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    assert "+551140001234" in reply or reply in {
        faq_answer_approved(topic=topic, language=language) for topic in ("companions",)
    }


def test_a_question_with_a_cue_of_booking_still_books():
    conversation = ConversationFactory(language="es")

    handle(conversation, "buenas, ¿tenéis hueco para una revisión con el doctor Carlos?")

    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_a_question_that_says_when_still_books():
    conversation = ConversationFactory(language="pt-BR")

    handle(conversation, "Dra. Ana na sexta de manhã?")

    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()


@pytest.mark.parametrize(
    "greeting, language, chosen, asks",
    [
        ("hello", "en", "1", "full name"),
        ("hola buenas", "es", "1", "nombre completo"),
        ("oii bom dia", "pt-BR", "1", "nome completo"),
    ],
)
def test_a_second_greeting_is_asked_differently_and_the_menu_starts_the_choice(
    greeting, language, chosen, asks
):
    conversation = ConversationFactory(language="", channel_user_id="5511999990001")

    [welcome] = handle(conversation, greeting)
    [menu] = handle(conversation, greeting)
    [started] = handle(conversation, chosen)

    assert menu != welcome
    assert "1." in menu  # the simulator shows the menu's buttons as a numbered list
    assert asks in started
    assert BookingSession.objects.get(conversation_id=conversation.pk).flow == "book"


def test_a_tap_on_the_menu_starts_its_flow():
    conversation = ConversationFactory(language="en")
    handle(conversation, "hi")
    handle(conversation, "hi")

    [reply] = handle(conversation, "Cancel my visit", button_payload="menu:cancel")

    assert "appointment" in reply


@pytest.mark.parametrize(
    "text, language",
    [
        ("dermato o quanto antes", "pt-BR"),
        ("médico de cabecera lo antes posible", "es"),
        ("dermatologia, o mais rápido possível por favor", "pt-BR"),
        ("a dermatologist asap please", "en"),
        ("dermatología, el primero que tengan", "es"),
    ],
)
def test_as_soon_as_possible_says_when_and_books_instead_of_asking(text, language):
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    session = BookingSession.objects.get(conversation_id=conversation.pk)
    assert session.flow == "book"
    assert reply not in {faq_answer_approved(topic=t, language=language) for t in ("fees", "hours")}
    assert session.data["when"] == "any", reply  # the first free time, not asked again


def test_the_first_free_one_after_a_day_was_said_keeps_the_day():
    conversation = ConversationFactory(language="pt-BR")
    handle(conversation, "quais horários tem com a dermatologia na sexta?")

    handle(conversation, "o primeiro que tiver")

    when = BookingSession.objects.get(conversation_id=conversation.pk).data["when"]
    assert when != "any" and when["from"] == when["to"]


@pytest.mark.parametrize(
    "text, language, topic",
    [
        ("Are you open on Saturdays? I'd like to see the dermatologist", "en", "opening_hours"),
        ("¿aceptan tarjeta? Quiero una cita con la pediatra para mi hija", "es", "payment_methods"),
    ],
)
def test_a_request_beside_a_question_gets_the_answer_and_starts_the_booking(text, language, topic):
    conversation = ConversationFactory(language=language)

    replies = handle(conversation, text)

    assert replies[0] == faq_answer_approved(topic=topic, language=language)
    assert len(replies) == 2
    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()
