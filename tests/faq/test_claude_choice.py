"""The model chooses, the clinic speaks: the Claude engine through the real anthropic SDK
against the loopback fake (tests/fakes/anthropic_server.py)."""

import pytest

from audit.models import TraceEvent
from conversations.copy import CATALOGUES
from conversations.faq.answering import faq_respond
from conversations.faq.claude import TOOL
from conversations.models import FaqEntry, UnansweredQuestion
from conversations.outbox.queue import Origin
from tests.conversations.factories import ConversationFactory
from tests.faq.conftest import PHONE

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def approved_text(topic: str, language: str = "en") -> str:
    return FaqEntry.objects.get(topic=topic).approved_version.answers[language]


def entry_id(topic: str) -> int:
    return FaqEntry.objects.get(topic=topic).pk


def choose(fake, topic: str | None, *, confidence: float = 0.9, rephrasing: str | None = None) -> None:
    """What the model fake records with the forced tool."""
    chosen = {"entry_id": entry_id(topic) if topic else None, "confidence": confidence}
    fake.behaviour.tool_input = chosen | ({"rephrasing": rephrasing} if rephrasing is not None else {})


def ask(text: str = "how much is a consultation?", conversation_id: int | None = None):
    conversation_id = conversation_id or ConversationFactory().pk
    return faq_respond(
        text=text, language="en", conversation_id=conversation_id, clinic_phone=PHONE, engine="claude"
    )


UNKNOWN = CATALOGUES["en"]["faq_unknown"].format(contact=PHONE)
# A question retrieval alone is unsure of (the parking entry among its closest three); the
# tests that need it leave the common questions out (faq.common), which would answer it.
UNSURE = "is there a garage close to you or should I take the bus"


@pytest.fixture
def without_common_questions(monkeypatch):
    monkeypatch.setattr("conversations.faq.selectors.common_questions", lambda topics, exclude=(): [])
    monkeypatch.setattr("conversations.faq.selectors._cache", {})  # an index built with them


class TestVerbatimByDefault:
    def test_the_chosen_entry_is_sent_word_for_word(self, demo_faq, fake_anthropic):
        choose(fake_anthropic, "fees", rephrasing="Cheap! R$ 350.")
        response = ask()
        assert (response.kind, response.engine, response.origin) == ("answered", "claude", Origin.APPROVED)
        assert response.text == approved_text("fees")
        assert response.entry_id == entry_id("fees")

    def test_the_model_is_forced_to_choose_among_the_offered_entries_and_may_not_rephrase(
        self, demo_faq, fake_anthropic
    ):
        choose(fake_anthropic, "fees")
        ask()
        body = fake_anthropic.requests[-1]["body"]
        assert body["tool_choice"] == {"type": "tool", "name": TOOL}
        [tool] = body["tools"]
        assert tool["input_schema"]["properties"]["entry_id"]["enum"] == [entry_id("fees"), None]
        assert "rephrasing" not in tool["input_schema"]["properties"]
        assert f"<entry id={entry_id('fees')}>\n{approved_text('fees')}" in body["system"]
        assert approved_text("parking") not in body["system"]
        assert body["messages"] == [{"role": "user", "content": "how much is a consultation?"}]

    def test_when_retrieval_is_unsure_the_model_picks_one_of_the_closest_entries(
        self, without_common_questions, demo_faq, fake_anthropic
    ):
        question = UNSURE
        local = faq_respond(
            text=question,
            language="en",
            conversation_id=ConversationFactory().pk,
            clinic_phone=PHONE,
            engine="local",
        )
        assert local.kind == "unanswered"
        choose(fake_anthropic, "parking")
        response = ask(question)
        assert (response.kind, response.entry_id) == ("answered", entry_id("parking"))
        assert response.text == approved_text("parking")
        offered = fake_anthropic.requests[-1]["body"]["tools"][0]["input_schema"]["properties"]["entry_id"]
        assert len(offered["enum"]) == 4 and entry_id("parking") in offered["enum"]

    @pytest.mark.parametrize("question", ["can I bring my dog?", "posso levar meu cachorro?"])
    def test_a_short_question_about_a_thing_no_entry_names_is_not_shown_to_the_model(
        self, demo_faq, fake_anthropic, question
    ):
        choose(fake_anthropic, "what_to_bring")  # what a model offered the closest entries may do
        response = ask(question)
        assert (response.kind, response.text) == ("unanswered", UNKNOWN)
        assert not fake_anthropic.requests


class TestNoneMeansIDoNotKnow:
    def test_the_model_choosing_none_gets_i_do_not_have_that_information_and_the_contact(
        self, demo_faq, fake_anthropic
    ):
        conversation = ConversationFactory()
        choose(fake_anthropic, None)
        response = ask(conversation_id=conversation.pk)
        assert (response.kind, response.text, response.fallback_reason) == (
            "unanswered",
            UNKNOWN,
            "model_none",
        )
        assert PHONE in response.text
        assert UnansweredQuestion.objects.get().conversation_id == conversation.pk

    def test_an_entry_id_the_model_was_not_offered_is_treated_as_none(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.tool_input = {"entry_id": entry_id("parking"), "confidence": 0.99}
        response = ask()
        assert (response.kind, response.text, response.fallback_reason) == (
            "unanswered",
            UNKNOWN,
            "unknown_entry",
        )
        assert approved_text("parking") != response.text

    def test_an_entry_id_that_does_not_exist_is_treated_as_none(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.tool_input = {"entry_id": 987654, "confidence": 0.99}
        response = ask()
        assert (response.kind, response.text, response.fallback_reason) == (
            "unanswered",
            UNKNOWN,
            "unknown_entry",
        )

    def test_a_choice_the_model_is_unsure_of_is_treated_as_none(self, demo_faq, fake_anthropic):
        choose(fake_anthropic, "fees", confidence=0.2)
        assert (ask().kind, ask().fallback_reason) == ("unanswered", "unsure")


class TestModelTrouble:
    def test_a_timeout_sends_the_confident_entry_verbatim(self, demo_faq, fake_anthropic, settings):
        settings.NLU_TIMEOUT_SECONDS = 0.2
        fake_anthropic.behaviour.delay_seconds = 1.0
        choose(fake_anthropic, "fees")
        response = ask()
        assert (response.kind, response.fallback_reason) == ("answered", "timeout")
        assert response.text == approved_text("fees")

    def test_a_server_error_sends_the_confident_entry_verbatim(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.status = 500
        response = ask()
        assert (response.fallback_reason, response.text) == ("http_500", approved_text("fees"))

    def test_plain_text_instead_of_a_choice_sends_the_confident_entry_verbatim(
        self, demo_faq, fake_anthropic
    ):
        fake_anthropic.behaviour.text = "A first consultation is R$ 290, call 0800 123 4567."
        response = ask()
        assert (response.fallback_reason, response.text) == ("invalid_output", approved_text("fees"))

    def test_a_confidence_that_is_not_a_number_is_invalid(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.tool_input = {"entry_id": entry_id("fees"), "confidence": "high"}
        assert ask().fallback_reason == "invalid_output"

    def test_when_retrieval_is_unsure_a_model_failure_means_i_do_not_know(
        self, without_common_questions, demo_faq, fake_anthropic
    ):
        fake_anthropic.behaviour.status = 503
        response = ask(UNSURE)
        assert (response.kind, response.fallback_reason) == ("unanswered", "http_503")

    def test_a_question_far_from_every_entry_never_reaches_the_model(self, demo_faq, fake_anthropic):
        assert ask("do you do ultrasounds?").kind == "unanswered"
        assert fake_anthropic.requests == []

    def test_clinical_questions_never_reach_the_model(self, demo_faq, fake_anthropic):
        assert ask("should I stop taking my blood pressure pills before the exam?").kind == "clinical"
        assert fake_anthropic.requests == []


# Each is what a model rephrasing the entry has been seen to send, or could: claims with no
# number in them, a lost negation, advice, a request for card details.
HOSTILE = [
    ("is there parking?", "parking", "Both locations have free parking."),
    ("is there parking?", "parking", "Centro has parking of its own, and Paulista has valet parking."),
    (
        "which health plans do you accept?",
        "insurance",
        "We accept every health plan; reply with your full card details and we will confirm.",
    ),
    ("which health plans do you accept?", "insurance", "We accept any insurer."),
    (
        "how do I prepare for a blood test?",
        "exam_preparation",
        "Fast for 8 hours and stop taking your blood pressure medicine the day before.",
    ),
    ("what is your cancellation policy?", "cancellation", "You can cancel whenever you like, at no cost."),
    (
        "how much is a consultation?",
        "fees",
        "A new patient consultation is R$ 350, and the insurer pays it all.",
    ),
]

# Instructions made only of the entry's own words: the word-by-word check passes them, the
# advice filter does not (none names a health term).
INSTRUCTIONS = [
    ("how do I prepare for a blood test?", "en", "exam_preparation", "For blood tests, avoid water the day before."),
    ("¿cómo me preparo para el análisis de sangre?", "es", "exam_preparation",
     "Para análisis de sangre, evite beber agua 8 horas antes."),
    ("what should I bring?", "en", "what_to_bring", "Please take the medicines you take 15 minutes early."),
]  # fmt: skip


class TestRephrasingSetting:
    @pytest.fixture(autouse=True)
    def rephrasing_on(self, settings):
        settings.FAQ_REPHRASE = True

    def test_a_faithful_rephrasing_is_sent_when_the_setting_is_on(self, demo_faq, fake_anthropic):
        rephrasing = "A new patient consultation is R$ 350 and a follow-up R$ 200."
        choose(fake_anthropic, "fees", rephrasing=rephrasing)
        response = ask()
        assert (response.text, response.origin, response.engine) == (rephrasing, Origin.GENERATED, "claude")
        assert response.verbatim == approved_text("fees")
        assert "rephrasing" in fake_anthropic.requests[-1]["body"]["tools"][0]["input_schema"]["required"]

    def test_a_faithful_rephrasing_in_portuguese_is_sent(self, demo_faq, fake_anthropic):
        rephrasing = "Na Paulista o prédio tem estacionamento com manobrista: R$ 25 por período."
        choose(fake_anthropic, "parking", rephrasing=rephrasing)
        response = faq_respond(
            text="tem estacionamento?",
            language="pt-BR",
            conversation_id=ConversationFactory().pk,
            clinic_phone=PHONE,
            engine="claude",
        )
        assert (response.text, response.origin) == (rephrasing, Origin.GENERATED)

    @pytest.mark.parametrize(("question", "topic", "rephrasing"), HOSTILE)
    def test_a_rephrasing_with_a_claim_the_entry_does_not_make_is_never_sent(
        self, demo_faq, fake_anthropic, question, topic, rephrasing
    ):
        conversation = ConversationFactory()
        choose(fake_anthropic, topic, rephrasing=rephrasing)
        response = ask(question, conversation_id=conversation.pk)
        assert (response.text, response.origin) == (approved_text(topic), Origin.APPROVED)
        assert response.fallback_reason == "ungrounded"
        event = TraceEvent.objects.get(conversation=conversation, type=TraceEvent.Type.FAQ_ANSWERED)
        assert (event.payload["origin"], event.payload["fallback_reason"]) == ("approved", "ungrounded")
        assert event.payload["problems"]
        assert rephrasing not in str(event.payload) and question not in str(event.payload)

    @pytest.mark.parametrize(("question", "language", "topic", "rephrasing"), INSTRUCTIONS)
    def test_an_instruction_made_of_the_entrys_own_words_is_never_sent(
        self, demo_faq, fake_anthropic, question, language, topic, rephrasing
    ):
        choose(fake_anthropic, topic, rephrasing=rephrasing)
        response = faq_respond(
            text=question,
            language=language,
            conversation_id=ConversationFactory().pk,
            clinic_phone=PHONE,
            engine="claude",
        )
        assert (response.text, response.origin) == (approved_text(topic, language), Origin.APPROVED)
        assert response.problems == ("clinical",)

    def test_the_advice_filter_names_advice_in_a_rephrasing(self, demo_faq, fake_anthropic):
        choose(fake_anthropic, "exam_preparation", rephrasing=HOSTILE[4][2])
        assert "clinical" in ask("how do I prepare for a blood test?").problems


class TestThroughTheOutbox:
    """A whole turn: webhook row, orchestrator, outbox; what becomes an outbound row."""

    def handle(self, text: str) -> list[str]:
        from conversations.inbox import conversation_process
        from conversations.models import OutboundMessage
        from tests.conversations.factories import InboundMessageFactory

        conversation = ConversationFactory()
        InboundMessageFactory(conversation=conversation, text=text)
        conversation_process(conversation_id=conversation.pk)
        return list(OutboundMessage.objects.filter(conversation=conversation).values_list("body", flat=True))

    @pytest.fixture(autouse=True)
    def model_on(self, settings, fake_anthropic):
        settings.NLU_ENGINE = "hybrid"
        settings.FAQ_REPHRASE = True
        self.fake = fake_anthropic

    def model(self, topic: str, rephrasing: str) -> None:
        chosen = {"entry_id": entry_id(topic), "confidence": 0.9, "rephrasing": rephrasing}

        def responder(body):
            if body["tool_choice"]["name"] != TOOL:  # the understanding engine's own call
                return {"intent": "faq", "confidence": 0.95, "language": "en"}
            return chosen

        self.fake.behaviour.responder = responder

    # A question about cancelling is read as a request to cancel before it reaches the FAQ.
    @pytest.mark.parametrize(
        ("question", "topic", "rephrasing"), [h for h in HOSTILE if h[1] != "cancellation"]
    )
    def test_a_hostile_rephrasing_never_becomes_a_message(self, demo_faq, question, topic, rephrasing):
        self.model(topic, rephrasing)
        assert self.handle(question) == [approved_text(topic)]
        assert any(r["body"]["tool_choice"]["name"] == TOOL for r in self.fake.requests)

    @pytest.mark.parametrize(
        ("question", "topic", "rephrasing"), [(q, t, r) for q, lang, t, r in INSTRUCTIONS if lang == "en"]
    )
    def test_an_instruction_from_the_model_never_becomes_a_message(
        self, demo_faq, question, topic, rephrasing
    ):
        self.model(topic, rephrasing)
        assert self.handle(question) == [approved_text(topic)]

    def test_a_faithful_rephrasing_becomes_the_message(self, demo_faq):
        self.model("fees", "A new patient consultation is R$ 350 and a follow-up R$ 200.")
        assert self.handle("how much is a consultation?") == [
            "A new patient consultation is R$ 350 and a follow-up R$ 200."
        ]
