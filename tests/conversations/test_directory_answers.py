"""Questions about who works at the clinic and when are answered from its directory (the
clinic file), in the patient's language, with an offer to book that a tap or a yes takes."""

from pathlib import Path

import pytest
from django.core.management import call_command

from booking.models import BookingSession
from conversations.models import OutboundMessage
from conversations.understanding import Entities
from conversations.understanding.directory import DAYS, SPECIALTY, TEAM, directory_question
from scheduling.models import Practitioner
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


@pytest.fixture(autouse=True)
def demo_clinic():
    call_command("load_clinic", str(CLINIC), verbosity=0)


def _id(code: str) -> int:
    return Practitioner.objects.get(code=code).pk


@pytest.mark.parametrize(
    "text, language, code, says",
    [
        ("tem pediatra?", "pt-BR", "lucia-fernandez", "Temos sim"),
        ("do you have a dermatologist?", "en", "rafael-costa", "Yes, we do"),
        ("hay ginecólogo?", "es", "helena-prado", "Sí"),
        ("who is the cardiologist?", "en", "carlos-mendes", "Yes, we do"),
    ],
)
def test_a_specialty_asked_about_names_who_sees_it_and_when_and_offers_to_book(text, language, code, says):
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    practitioner = Practitioner.objects.get(code=code)
    assert reply.startswith(says)
    assert practitioner.display_name in reply
    hours = practitioner.working_hours.order_by("weekday", "start").first()
    assert f"{hours.start:%H:%M}–{hours.end:%H:%M}" in reply
    message = OutboundMessage.objects.filter(conversation=conversation).latest("pk")
    assert [o["id"] for o in message.options] == [f"book:{practitioner.pk}"]
    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_a_practitioners_days_are_told_with_their_location():
    conversation = ConversationFactory(language="pt-BR")

    [reply] = handle(conversation, "qual o horário da dra ana?")

    # Dra. Ana Souza, in clinic.example.yaml: Mon 09-12 and 14-18, Wed 09-13, Fri 09-12 and
    # 14-17, all at Centro.
    assert (
        "Dra. Ana Souza: Seg 09:00–12:00 e 14:00–18:00; Qua 09:00–13:00; Sex 09:00–12:00 e 14:00–17:00 (Centro)"
        in reply
    )


@pytest.mark.parametrize(
    "text, language", [("quais médicos vcs tem?", "pt-BR"), ("which doctors do you have?", "en")]
)
def test_the_whole_team_is_listed_from_the_directory_not_from_a_near_faq_entry(text, language):
    conversation = ConversationFactory(language=language)

    [reply] = handle(conversation, text)

    for practitioner in Practitioner.objects.all():
        assert practitioner.display_name in reply
    assert ("Nossa equipe" if language == "pt-BR" else "Our team") in reply


def test_a_specialty_asked_about_on_weekdays_gets_times_to_book_not_the_clinics_hours():
    """ "Do you have a gynecologist on Saturdays?" asks in order to book: her nearest times
    (she does not work Saturdays, so they are the alternatives), never the opening hours."""
    conversation = ConversationFactory(language="en")

    [reply] = handle(conversation, "do you have a gynecologist on saturdays?")

    assert reply.startswith("There is nothing free for exactly what you asked")
    assert "· Dra. Helena Prado" in reply
    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()


def test_a_specialty_asked_about_without_a_day_gets_its_days():
    conversation = ConversationFactory(language="en")

    [reply] = handle(conversation, "do you have a gynecologist?")

    assert "• Dra. Helena Prado: Tue, Wed 14:00–19:00; Thu 08:30–12:30 (Centro)" in reply


def test_the_book_button_starts_a_booking_with_that_practitioner():
    conversation = ConversationFactory(language="en")
    handle(conversation, "do you have a dermatologist?")

    handle(
        conversation, "", button_payload=f"book:{_id('rafael-costa')}", button_text="Book Dr. Rafael Costa"
    )

    session = BookingSession.objects.get(conversation_id=conversation.pk)
    assert session.flow == "book"
    assert list(session.data["who"]) == [_id("rafael-costa")]


@pytest.mark.parametrize("yes, language", [("yes please", "en"), ("sim", "pt-BR"), ("sí", "es")])
def test_a_yes_right_after_the_offer_books_with_the_practitioners_it_named(yes, language):
    conversation = ConversationFactory(language=language)
    handle(
        conversation,
        {"en": "who is the cardiologist?", "pt-BR": "tem cardiologista?", "es": "hay cardiólogo?"}[language],
    )

    handle(conversation, yes)

    session = BookingSession.objects.get(conversation_id=conversation.pk)
    assert list(session.data["who"]) == [_id("carlos-mendes")]


def test_a_yes_with_no_offer_before_it_starts_nothing():
    conversation = ConversationFactory(language="en")

    handle(conversation, "yes")

    assert not BookingSession.objects.filter(conversation_id=conversation.pk).exists()


@pytest.mark.parametrize(
    "text, language, topic",
    [
        ("quanto custa a consulta com o pediatra?", "pt-BR", "fees"),
        ("does the dermatologist's office have parking?", "en", "parking"),
    ],
)
def test_an_approved_answer_wins_over_the_directory(text, language, topic):
    from conversations.faq.selectors import faq_answer_approved

    conversation = ConversationFactory(language=language)

    assert handle(conversation, text) == [faq_answer_approved(topic=topic, language=language)]


def test_the_question_reader_tells_the_kinds_apart():
    from conversations.clinic import clinic_context, clinic_directory

    directory = clinic_directory(clinic_context())
    ana = _id("ana-souza")

    assert (
        directory_question("qual o horário da dra ana?", Entities(practitioner_ids=[ana]), directory).kind
        == DAYS
    )
    assert directory_question("how old is dr ana?", Entities(practitioner_ids=[ana]), directory) is None
    assert directory_question("tem pediatra?", Entities(specialty="pediatria"), directory).kind == SPECIALTY
    assert (
        directory_question("tem pediatra aos sábados?", Entities(specialty="pediatria"), directory).kind
        == DAYS
    )
    assert directory_question("qué médicos tienen?", Entities(), directory).kind == TEAM
    assert directory_question("where are you?", Entities(), directory) is None
