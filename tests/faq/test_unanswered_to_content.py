"""Unanswered questions become drafts of FAQ content, never live content, and a variant
approved on the entry's preview answers the same question through the whole bot."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import StaffAction
from conversations.faq.selectors import faq_entry_candidates, faq_index_get, unanswered_question_list
from conversations.faq.services import (
    QuestionAlreadyHandled,
    faq_entry_retire,
    unanswered_question_add_variant,
    unanswered_question_dismiss,
    unanswered_question_start_entry,
)
from conversations.models import FaqEntry, UnansweredQuestion
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

# Unanswered with the demo content (fees is among the closest entries), and the fees entry's
# answer.
QUESTION = "¿qué vale la visita?"
FEES_ES = "Consulta particular"


@pytest.fixture
def asked(demo_faq) -> UnansweredQuestion:
    """The question asked through the bot, as a patient on WhatsApp asks it."""
    [reply] = handle(ConversationFactory(language="es"), QUESTION)
    assert FEES_ES not in reply
    return UnansweredQuestion.objects.get()


def test_the_suggestions_are_retrievals_three_closest_entries_best_first(asked):
    candidates = faq_entry_candidates(text=asked.text)

    ranked = faq_index_get().ranked(asked.text)
    assert [(doc.topic, score) for doc, score in candidates] == [
        (doc.topic, score) for score, _, doc in ranked[:3]
    ]
    assert candidates[0][0].topic == asked.best_topic
    assert "fees" in {doc.topic for doc, _ in candidates}


def test_nothing_is_suggested_for_a_question_without_a_content_word(demo_faq):
    assert faq_entry_candidates(text="¿y?") == []


def test_a_variant_is_a_draft_until_approved_and_then_answers_the_question(client, asked, content_admin):
    fees = FaqEntry.objects.get(topic="fees")
    approved = fees.approved_version

    version = unanswered_question_add_variant(
        question_id=asked.pk, entry_id=fees.pk, text=asked.text, language="es", user=content_admin
    )

    fees.refresh_from_db()
    assert fees.approved_version == approved
    assert version.questions["es"] == [*approved.questions["es"], QUESTION]
    assert version.answers == approved.answers
    [before] = handle(ConversationFactory(language="es"), QUESTION)
    assert FEES_ES not in before

    client.force_login(content_admin)
    preview = client.get(reverse("admin:conversations_faqentry_preview", args=[fees.pk])).content.decode()
    assert f"<strong>{QUESTION}</strong> (new)" in preview
    client.post(reverse("admin:conversations_faqentry_approve", args=[fees.pk]))

    [after] = handle(ConversationFactory(language="es"), QUESTION)
    assert after == approved.answers["es"]


def test_handling_marks_the_question_and_its_twins_and_audits_ids_only(asked, content_admin):
    handle(ConversationFactory(language="es"), "¿Qué vale la visita?")
    handle(ConversationFactory(language="en"), "do you have a pharmacy inside the clinic?")
    assert unanswered_question_list().count() == 3

    version = unanswered_question_add_variant(
        question_id=asked.pk,
        entry_id=FaqEntry.objects.get(topic="fees").pk,
        text=asked.text,
        language="es",
        user=content_admin,
    )

    assert [q.text for q in unanswered_question_list()] == ["do you have a pharmacy inside the clinic?"]
    handled = unanswered_question_list(resolved=True)
    assert {(q.resolved_version, q.resolved_by) for q in handled} == {(version, content_admin)}
    action = StaffAction.objects.get(action="unanswered_question_variant_added")
    assert action.user == content_admin
    assert action.conversation_id == asked.conversation_id
    assert action.detail["question_id"] == asked.pk
    assert len(action.detail["twin_ids"]) == 1
    assert QUESTION not in str(action.detail)


def test_a_new_entry_starts_as_a_draft_nobody_is_answered_with(asked, content_admin):
    version = unanswered_question_start_entry(
        question_id=asked.pk,
        topic="visit-price",
        text="¿Cuánto me sale la visita?",
        answer="La visita cuesta R$ 350.",
        language="es",
        user=content_admin,
    )

    entry = version.entry
    assert (entry.topic, entry.status, entry.approved_version) == ("visit-price", FaqEntry.Status.DRAFT, None)
    assert version.questions == {"es": ["¿Cuánto me sale la visita?"]}
    [reply] = handle(ConversationFactory(language="es"), QUESTION)
    assert "R$ 350." not in reply
    assert StaffAction.objects.filter(action="unanswered_question_entry_started", user=content_admin).exists()


def test_only_content_admins_turn_questions_into_content(asked, receptionist):
    with pytest.raises(PermissionDenied):
        unanswered_question_add_variant(
            question_id=asked.pk,
            entry_id=FaqEntry.objects.get(topic="fees").pk,
            text=asked.text,
            language="es",
            user=receptionist,
        )
    with pytest.raises(PermissionDenied):
        unanswered_question_dismiss(question_id=asked.pk, user=receptionist)

    asked.refresh_from_db()
    assert not asked.resolved
    assert FaqEntry.objects.get(topic="fees").versions.count() == 1


def test_a_question_is_handled_once(asked, content_admin):
    unanswered_question_dismiss(question_id=asked.pk, user=content_admin)

    with pytest.raises(QuestionAlreadyHandled):
        unanswered_question_add_variant(
            question_id=asked.pk,
            entry_id=FaqEntry.objects.get(topic="fees").pk,
            text=asked.text,
            language="es",
            user=content_admin,
        )
    assert FaqEntry.objects.get(topic="fees").versions.count() == 1


@pytest.mark.parametrize(
    "text",
    ["", "x" * 301, "soy ana@example.com, ¿cuánto cuesta?", "mi DNI 12.345.678, ¿cuánto cuesta?",
     "llamen al +55 11 98765-4321"],
)  # fmt: skip
def test_an_empty_long_or_personal_variant_is_refused(asked, content_admin, text):
    with pytest.raises(ValidationError):
        unanswered_question_add_variant(
            question_id=asked.pk,
            entry_id=FaqEntry.objects.get(topic="fees").pk,
            text=text,
            language="es",
            user=content_admin,
        )
    asked.refresh_from_db()
    assert not asked.resolved


def test_a_retired_entry_takes_no_variant(asked, content_admin):
    fees = faq_entry_retire(entry=FaqEntry.objects.get(topic="fees"), user=content_admin)

    with pytest.raises(FaqEntry.DoesNotExist):
        unanswered_question_add_variant(
            question_id=asked.pk, entry_id=fees.pk, text=asked.text, language="es", user=content_admin
        )


@pytest.mark.parametrize("topic", ["fees", "visit price", ""])
def test_a_new_entry_needs_a_free_slug_topic_and_an_answer(asked, content_admin, topic):
    with pytest.raises(ValidationError):
        unanswered_question_start_entry(
            question_id=asked.pk,
            topic=topic,
            text=asked.text,
            answer="R$ 350",
            language="es",
            user=content_admin,
        )
    with pytest.raises(ValidationError):
        unanswered_question_start_entry(
            question_id=asked.pk,
            topic="visit",
            text=asked.text,
            answer=" ",
            language="es",
            user=content_admin,
        )
    assert not FaqEntry.objects.filter(topic__in=["visit", "visit price"]).exists()


def test_a_variant_the_entry_already_has_adds_no_version(asked, content_admin):
    fees = FaqEntry.objects.get(topic="fees")
    existing = fees.approved_version.questions["es"][0]

    version = unanswered_question_add_variant(
        question_id=asked.pk, entry_id=fees.pk, text=existing.upper(), language="es", user=content_admin
    )

    assert version == fees.approved_version
    assert fees.versions.count() == 1
    asked.refresh_from_db()
    assert asked.resolved
