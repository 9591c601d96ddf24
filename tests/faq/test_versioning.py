import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from audit.models import StaffAction
from conversations.faq.answering import faq_respond
from conversations.faq.selectors import faq_version_pending
from conversations.faq.services import faq_version_approve, faq_version_create
from conversations.models import FaqEntry
from tests.conversations.factories import ConversationFactory
from tests.faq.conftest import PHONE

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

QUESTIONS = {"en": ["Is there parking?"]}


def ask() -> str:
    return faq_respond(
        text="is there parking?", language="en", conversation_id=ConversationFactory().pk, clinic_phone=PHONE
    ).text


def test_each_edit_is_a_new_numbered_version_with_author_and_changes(content_admin):
    first = faq_version_create(
        topic="parking", questions=QUESTIONS, answers={"en": "Valet, R$ 25."}, user=content_admin
    )
    second = faq_version_create(
        topic="parking",
        questions=QUESTIONS,
        answers={"en": "Valet, R$ 30.", "es": "Valet, R$ 30."},
        change_note="new price",
        user=content_admin,
    )
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.answers == {"en": "Valet, R$ 25."}
    assert second.changes == ["answers.en", "answers.es"]
    assert (second.created_by, second.change_note) == (content_admin, "new price")


def test_a_draft_is_not_sent_until_approved(content_admin):
    v1 = faq_version_create(
        topic="parking", questions=QUESTIONS, answers={"en": "Valet, R$ 25."}, user=content_admin
    )
    assert faq_respond(
        text="is there parking?", language="en", conversation_id=ConversationFactory().pk, clinic_phone=PHONE
    ).kind == ("unanswered")
    faq_version_approve(version=v1, user=content_admin)
    faq_version_create(
        topic="parking", questions=QUESTIONS, answers={"en": "No parking."}, user=content_admin
    )
    assert ask() == "Valet, R$ 25."
    entry = FaqEntry.objects.get(topic="parking")
    faq_version_approve(version=faq_version_pending(entry=entry), user=content_admin)
    assert ask() == "No parking."


def test_approving_needs_the_content_admin_role(content_admin, receptionist):
    version = faq_version_create(
        topic="parking", questions=QUESTIONS, answers={"en": "Valet."}, user=receptionist
    )
    with pytest.raises(PermissionDenied):
        faq_version_approve(version=version, user=receptionist)
    assert FaqEntry.objects.get().status == FaqEntry.Status.DRAFT
    faq_version_approve(version=version, user=content_admin)
    assert StaffAction.objects.filter(user=content_admin, action="faq_version_approved").exists()


def test_an_approved_entry_must_point_at_a_version(content_admin):
    faq_version_create(topic="parking", questions=QUESTIONS, answers={"en": "Valet."}, user=content_admin)
    with pytest.raises(IntegrityError), transaction.atomic():
        FaqEntry.objects.filter(topic="parking").update(status=FaqEntry.Status.APPROVED)
