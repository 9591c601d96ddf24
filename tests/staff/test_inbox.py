"""The inbox: rows a receptionist can work from (who, why in words, what they last said,
how long, unread), filters, and the conversation page's patient panel and canned replies."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conversations.escalations import escalation_claim, escalation_open
from conversations.models import CannedReply, Escalation
from conversations.staff.inbox import EMERGENCY_WORDS
from conversations.understanding.emergency import CATEGORIES
from tests.conversations.factories import ConversationFactory, InboundMessageFactory, OutboundMessageFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def _waiting(name: str, *, reason=Escalation.Reason.ASKED_FOR_PERSON, detail="", language="en", said="hello"):
    conversation = ConversationFactory(profile_name=name, language=language)
    InboundMessageFactory(conversation=conversation, text=said)
    return escalation_open(conversation=conversation, reason=reason, detail=detail)


@pytest.fixture
def desk(client):
    client.user = receptionist()
    client.force_login(client.user)
    return client


def _rows(desk, **query) -> str:
    return desk.get(reverse("staff_escalations"), query, HTTP_HX_REQUEST="true").content.decode()


def test_every_emergency_category_has_words_for_reception():
    assert set(EMERGENCY_WORDS) == set(CATEGORIES)


def test_a_row_gives_the_reason_in_words_the_last_message_and_the_full_number(desk):
    escalation = _waiting(
        "Ana", reason=Escalation.Reason.EMERGENCY, detail="chest_pain", said="dor forte no peito"
    )

    html = _rows(desk)

    assert "Emergency: chest pain" in html and "chest_pain" not in html
    assert 'Patient:</span> <span dir="auto">dor forte no peito' in html
    assert escalation.conversation.phone_e164 in html
    assert 'data-emergencies="1"' in html


def test_a_clinical_question_reads_once(desk):
    _waiting("Rui", reason=Escalation.Reason.CLINICAL_QUESTION, detail="clinical question")

    html = _rows(desk)

    assert "Clinical question</span>" in html and "clinical question clinical" not in html.lower()


def test_unread_counts_the_patients_messages_since_the_clinic_last_wrote(desk):
    escalation = _waiting("Ana", said="first")
    conversation = escalation.conversation
    OutboundMessageFactory(conversation=conversation, body="We will call you")
    later = timezone.now() + timedelta(seconds=5)
    InboundMessageFactory(conversation=conversation, text="are you there?", received_at=later)
    InboundMessageFactory(conversation=conversation, text="hello??", received_at=later + timedelta(seconds=1))

    html = _rows(desk)

    assert "2 new</span>" in html and "hello??" in html


def test_mine_unassigned_reason_and_language_filter_the_rows(desk):
    mine = _waiting("Mine Person", language="es")
    _waiting("Open Person", reason=Escalation.Reason.NOT_UNDERSTOOD)
    escalation_claim(escalation_id=mine.pk, user=desk.user)

    assert "Mine Person" in _rows(desk, scope="mine") and "Open Person" not in _rows(desk, scope="mine")
    assert "Open Person" in _rows(desk, scope="unassigned") and "Mine Person" not in _rows(
        desk, scope="unassigned"
    )
    assert "Mine Person" not in _rows(desk, reason="not_understood")
    assert "Mine Person" in _rows(desk, language="es") and "Open Person" not in _rows(desk, language="es")
    assert "Mine Person" in _rows(desk, scope="all") and "Open Person" in _rows(desk, scope="all")


def test_the_page_title_counts_the_emergencies(desk):
    _waiting("Ana", reason=Escalation.Reason.EMERGENCY, detail="breathing")

    html = desk.get(reverse("staff_escalations")).content.decode()

    assert "<title>(1 emergency) Inbox · ClinicBot</title>" in html
    assert "sounds/emergency.wav" in html


def test_the_conversation_page_offers_the_canned_replies_in_the_patients_language(desk):
    escalation = _waiting("Lucía", language="es")
    CannedReply.objects.create(language="es", title="Resultados", text="Tus resultados ya están listos.")
    CannedReply.objects.create(language="en", title="Results", text="Your results are ready.")
    CannedReply.objects.create(language="es", title="Viejo", text="No usar", active=False)

    html = desk.get(reverse("staff_conversation", args=[escalation.conversation_id])).content.decode()

    assert 'data-text="Tus resultados ya están listos."' in html
    assert "Your results are ready." not in html and "No usar" not in html
    assert "Ctrl+Enter sends" in html
    assert "Booking session" not in html
