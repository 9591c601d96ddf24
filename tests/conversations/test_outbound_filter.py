"""The outbox's advice filter: text the bot did not take word for word from fixed copy or
approved content is checked before it becomes a row."""

import pytest

from audit.models import TraceEvent
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.outbox.queue import Origin, Reply, reply_queue
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

ADVICE = "Stop taking your blood pressure medicine the day before the exam."
APPROVED = "For blood tests, fast for 8 hours (water is fine)."


def refusal(language: str = "en") -> str:
    clinic = clinic_context()
    contact = clinic.phone or say("faq_contact_fallback", language)
    return say("faq_clinical", language, contact=contact, emergency_number=clinic.emergency_number)


def test_generated_advice_is_replaced_by_the_approved_text_it_stands_for():
    conversation = ConversationFactory()
    [row] = reply_queue(conversation=conversation, replies=[Reply(ADVICE, fallback=APPROVED)], enqueue=False)
    assert row.body == APPROVED


@pytest.mark.parametrize(
    "advice",
    [
        "Stop taking it the day before.",
        "Don't eat after midnight.",
        "Take two of them.",
        "Double the dose.",
        "You should rest and drink plenty of water.",
        "Deje de tomarlo el día anterior.",
        "No coma después de medianoche.",
        "Tómese dos.",
        "Pare de tomar na véspera.",
        "Não coma depois da meia-noite.",
        "Dobre a dose.",
    ],
)
def test_a_generated_instruction_without_a_health_term_is_replaced(advice):
    conversation = ConversationFactory()
    [row] = reply_queue(conversation=conversation, replies=[Reply(advice, fallback=APPROVED)], enqueue=False)
    assert row.body == APPROVED


@pytest.mark.parametrize(
    "text",
    [
        "You can take the metro to São Bento.",
        "Tome el metro hasta São Bento.",
        "Traga seu documento com foto.",
    ],
)
def test_generated_directions_and_documents_are_no_instruction(text):
    conversation = ConversationFactory()
    [row] = reply_queue(conversation=conversation, replies=[Reply(text, fallback=APPROVED)], enqueue=False)
    assert row.body == text


def test_generated_advice_without_an_approved_text_gets_the_refusal_with_the_contact():
    conversation = ConversationFactory(language="es")
    [row] = reply_queue(conversation=conversation, replies=[Reply(ADVICE)], enqueue=False)
    assert row.body == refusal("es")


def test_a_replaced_text_is_traced_without_the_text():
    conversation = ConversationFactory()
    reply_queue(conversation=conversation, replies=[Reply(ADVICE)], enqueue=False)
    event = TraceEvent.objects.get(conversation=conversation, type=TraceEvent.Type.REPLY_DECIDED)
    assert event.payload == {"replies": 1, "why": "generated_text_replaced", "problem": "clinical"}


def test_a_generated_waiver_is_replaced_too():
    conversation = ConversationFactory()
    [row] = reply_queue(
        conversation=conversation,
        replies=[Reply("We can waive the fee for you.", fallback=APPROVED)],
        enqueue=False,
    )
    assert row.body == APPROVED


def test_generated_text_that_gives_no_advice_goes_out_as_written():
    conversation = ConversationFactory()
    [row] = reply_queue(
        conversation=conversation, replies=[Reply("Paulista has valet parking.")], enqueue=False
    )
    assert row.body == "Paulista has valet parking."
    assert not TraceEvent.objects.filter(conversation=conversation).exists()


@pytest.mark.parametrize("origin", [Origin.COPY, Origin.APPROVED, Origin.STAFF])
def test_fixed_copy_approved_content_and_staff_text_are_not_filtered(origin):
    # The marker decides, not the words: the same sentence passes when it is not generated.
    conversation = ConversationFactory()
    [row] = reply_queue(conversation=conversation, replies=[Reply(ADVICE, origin=origin)], enqueue=False)
    assert row.body == ADVICE


def test_a_generated_text_may_repeat_an_instruction_its_approved_text_gives():
    conversation = ConversationFactory()
    approved = "For blood tests, fast for 8 hours (water is fine) and avoid hard exercise the day before."
    text = "Avoid hard exercise the day before your blood test."
    [row] = reply_queue(conversation=conversation, replies=[Reply(text, fallback=approved)], enqueue=False)
    assert row.body == text
