import pytest

from audit.models import TraceEvent
from conversations.copy import CATALOGUES
from conversations.faq.answering import faq_respond
from conversations.faq.claude import NO_ANSWER
from conversations.models import FaqEntry, UnansweredQuestion
from tests.conversations.factories import ConversationFactory
from tests.faq.conftest import PHONE

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def approved_text(topic: str, language: str) -> str:
    return FaqEntry.objects.get(topic=topic).approved_version.answers[language]


def test_local_engine_sends_the_approved_answer_verbatim(demo_faq):
    response = faq_respond(
        text="tem estacionamento?", language="pt-BR", conversation_id=None, clinic_phone=PHONE, engine="local"
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
    response = faq_respond(text=text, language=language, conversation_id=None, clinic_phone=PHONE)
    assert response.kind == kind
    assert response.entry_id is None
    assert PHONE in response.text
    # No clinic is loaded here: the refusal names the neutral emergency number.
    assert response.text == CATALOGUES[language][f"faq_{kind}"].format(contact=PHONE, emergency_number="112")
    assert not UnansweredQuestion.objects.exists()


def test_without_a_clinic_phone_the_reply_points_to_reception(demo_faq):
    response = faq_respond(text="fazem ultrassom?", language="pt-BR", conversation_id=None, clinic_phone="")
    assert "recepção da clínica" in response.text


def test_a_retired_entry_is_never_sent(demo_faq, content_admin):
    from conversations.faq.services import faq_entry_retire

    faq_entry_retire(entry=FaqEntry.objects.get(topic="parking"), user=content_admin)
    response = faq_respond(
        text="tem estacionamento?", language="pt-BR", conversation_id=None, clinic_phone=PHONE
    )
    assert response.kind == "unanswered"


class TestClaudeEngine:
    def ask(self, text="how much is a consultation?"):
        return faq_respond(
            text=text, language="en", conversation_id=None, clinic_phone=PHONE, engine="claude"
        )

    def test_a_grounded_rephrasing_is_sent(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.text = "[1] A first consultation is R$ 350; a follow-up is R$ 200."
        response = self.ask()
        assert (response.kind, response.engine) == ("answered", "claude")
        assert response.text == "A first consultation is R$ 350; a follow-up is R$ 200."
        request = fake_anthropic.requests[-1]["body"]
        assert approved_text("fees", "en") in request["system"]
        assert request["messages"] == [{"role": "user", "content": "how much is a consultation?"}]

    def test_the_model_sees_only_the_retrieved_approved_answer(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.text = "[1] R$ 350."
        self.ask()
        system = fake_anthropic.requests[-1]["body"]["system"]
        assert approved_text("parking", "en") not in system
        assert system.count("<source id=") == 1

    def test_a_rephrasing_with_an_invented_price_falls_back_to_the_verbatim_answer(
        self, demo_faq, fake_anthropic
    ):
        fake_anthropic.behaviour.text = "[1] A first consultation costs R$ 290, call 0800 123 4567."
        response = self.ask()
        assert (response.engine, response.fallback_reason) == ("local", "ungrounded")
        assert response.text == approved_text("fees", "en")

    def test_a_rephrasing_with_an_invented_link_falls_back(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.text = "[1] Prices are on https://cheap-clinic.example/prices."
        assert self.ask().text == approved_text("fees", "en")

    def test_a_timeout_falls_back_to_the_verbatim_answer(self, demo_faq, fake_anthropic, settings):
        settings.NLU_TIMEOUT_SECONDS = 0.2
        fake_anthropic.behaviour.delay_seconds = 1.0
        fake_anthropic.behaviour.text = "[1] R$ 350."
        response = self.ask()
        assert (response.kind, response.fallback_reason) == ("answered", "timeout")
        assert response.text == approved_text("fees", "en")

    def test_a_server_error_falls_back_to_the_verbatim_answer(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.status = 500
        response = self.ask()
        assert response.fallback_reason == "http_500"
        assert response.text == approved_text("fees", "en")

    def test_when_the_model_says_the_sources_do_not_answer_the_bot_says_it_does_not_know(
        self, demo_faq, fake_anthropic
    ):
        fake_anthropic.behaviour.text = NO_ANSWER
        response = self.ask()
        assert response.kind == "unanswered"
        assert response.text == CATALOGUES["en"]["faq_unknown"].format(contact=PHONE)
        assert UnansweredQuestion.objects.count() == 1

    def test_an_answer_that_cites_no_source_falls_back_to_the_verbatim_answer(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.text = "A first consultation is R$ 350."
        response = self.ask()
        assert (response.text, response.fallback_reason) == (approved_text("fees", "en"), "uncited")

    def test_when_retrieval_is_unsure_the_model_may_pick_one_of_the_closest_entries(
        self, demo_faq, fake_anthropic
    ):
        question = "is there a garage close to you or should I take the bus"
        local = faq_respond(
            text=question, language="en", conversation_id=None, clinic_phone=PHONE, engine="local"
        )
        assert local.kind == "unanswered"
        fake_anthropic.behaviour.text = NO_ANSWER
        assert self.ask(question).kind == "unanswered"
        system = fake_anthropic.requests[-1]["body"]["system"]
        parking = next(i for i in (1, 2, 3) if f"<source id={i}>\n{approved_text('parking', 'en')}" in system)
        fake_anthropic.behaviour.text = f"[{parking}] Valet parking at Paulista costs R$ 25."
        response = self.ask(question)
        assert (response.kind, response.engine) == ("answered", "claude")
        assert response.entry_id == FaqEntry.objects.get(topic="parking").pk
        assert response.text == "Valet parking at Paulista costs R$ 25."

    def test_when_retrieval_is_unsure_a_model_failure_means_i_do_not_know(self, demo_faq, fake_anthropic):
        fake_anthropic.behaviour.status = 503
        response = self.ask("is there a garage close to you or should I take the bus")
        assert (response.kind, response.fallback_reason) == ("unanswered", "http_503")
        assert UnansweredQuestion.objects.count() == 1

    def test_a_question_far_from_every_entry_never_reaches_the_model(self, demo_faq, fake_anthropic):
        assert self.ask("do you do ultrasounds?").kind == "unanswered"
        assert fake_anthropic.requests == []

    def test_clinical_questions_never_reach_the_model(self, demo_faq, fake_anthropic):
        response = self.ask("should I stop taking my blood pressure pills before the exam?")
        assert response.kind == "clinical"
        assert fake_anthropic.requests == []

    def test_the_local_policy_never_calls_the_model(self, demo_faq, fake_anthropic):
        faq_respond(text="how much is a consultation?", language="en", conversation_id=None,
                    clinic_phone=PHONE, engine="local")  # fmt: skip
        assert fake_anthropic.requests == []
