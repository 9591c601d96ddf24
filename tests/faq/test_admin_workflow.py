import pytest
from django.urls import reverse

from conversations.faq.answering import faq_respond
from conversations.models import FaqEntry, UnansweredQuestion
from tests.conversations.factories import ConversationFactory
from tests.faq.conftest import PHONE

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def edit_form(entry: FaqEntry, **answers: str) -> dict[str, str]:
    version = entry.approved_version
    data = {"topic": entry.topic, "change_note": "new valet price", "versions-TOTAL_FORMS": "0",
            "versions-INITIAL_FORMS": str(entry.versions.count()), "versions-MIN_NUM_FORMS": "0",
            "versions-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for code in ("en", "es", "pt-BR"):
        slug = code.replace("-", "_")
        data[f"answer_{slug}"] = answers.get(slug, version.answers[code])
        data[f"questions_{slug}"] = "\n".join(version.questions[code])
    return data


def ask() -> str:
    return faq_respond(
        text="is there parking?", language="en", conversation_id=ConversationFactory().pk, clinic_phone=PHONE
    ).text


def test_admin_edits_and_approves_and_the_next_patient_gets_the_new_text(client, demo_faq, content_admin):
    entry = FaqEntry.objects.get(topic="parking")
    old = ask()
    client.force_login(content_admin)
    change_url = reverse("admin:conversations_faqentry_change", args=[entry.pk])
    response = client.post(change_url, edit_form(entry, en="Valet parking at Paulista now costs R$ 30."))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert entry.versions.count() == 2
    assert ask() == old  # a draft is never sent

    preview = client.get(reverse("admin:conversations_faqentry_preview", args=[entry.pk]))
    assert "Valet parking at Paulista now costs R$ 30." in preview.content.decode()
    client.post(reverse("admin:conversations_faqentry_approve", args=[entry.pk]))

    assert ask() == "Valet parking at Paulista now costs R$ 30."


def test_saving_the_form_unchanged_adds_no_version(client, demo_faq, content_admin):
    entry = FaqEntry.objects.get(topic="parking")
    client.force_login(content_admin)
    client.post(reverse("admin:conversations_faqentry_change", args=[entry.pk]), edit_form(entry))
    assert entry.versions.count() == 1


def test_staff_without_the_content_admin_role_get_403_on_approve(client, demo_faq, receptionist):
    entry = FaqEntry.objects.get(topic="parking")
    client.force_login(receptionist)
    client.post(
        reverse("admin:conversations_faqentry_change", args=[entry.pk]), edit_form(entry, en="Free parking!")
    )
    response = client.post(reverse("admin:conversations_faqentry_approve", args=[entry.pk]))
    assert response.status_code == 403
    assert ask() != "Free parking!"


def test_the_approve_action_is_refused_without_the_role(client, demo_faq, receptionist):
    entry = FaqEntry.objects.get(topic="parking")
    client.force_login(receptionist)
    response = client.post(
        reverse("admin:conversations_faqentry_changelist"),
        {"action": "approve_latest", "_selected_action": [entry.pk]},
    )
    assert response.status_code == 403


def test_the_operations_lead_sees_unanswered_questions(admin_client, demo_faq):
    faq_respond(
        text="fazem ultrassom?",
        language="pt-BR",
        conversation_id=ConversationFactory().pk,
        clinic_phone=PHONE,
    )
    response = admin_client.get(reverse("admin:conversations_unansweredquestion_changelist"))
    assert "fazem ultrassom?" in response.content.decode()
    assert UnansweredQuestion.objects.filter(resolved=False).count() == 1


def test_an_entry_added_in_the_admin_starts_as_an_unsent_draft(client, content_admin):
    client.force_login(content_admin)
    data = {"topic": "wifi", "change_note": "new entry", "answer_en": "Network ClinicaVista, ask reception.",
            "questions_en": "Is there wifi?", "answer_es": "", "questions_es": "", "answer_pt_BR": "",
            "questions_pt_BR": "", "versions-TOTAL_FORMS": "0", "versions-INITIAL_FORMS": "0",
            "versions-MIN_NUM_FORMS": "0", "versions-MAX_NUM_FORMS": "1000"}  # fmt: skip
    response = client.post(reverse("admin:conversations_faqentry_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = FaqEntry.objects.get(topic="wifi")
    assert entry.status == FaqEntry.Status.DRAFT
    assert entry.versions.get().created_by == content_admin
    reply = faq_respond(
        text="is there wifi?", language="en", conversation_id=ConversationFactory().pk, clinic_phone=PHONE
    )
    assert reply.kind == "unanswered"


def test_dismissing_in_the_admin_is_for_content_admins_and_audited(
    client, demo_faq, content_admin, receptionist
):
    from audit.models import StaffAction
    from tests.conversations.factories import ConversationFactory

    questions = [
        UnansweredQuestion.objects.create(conversation=ConversationFactory(), language="en", text=text)
        for text in ("Do you sell coffee?", "do you sell coffee")
    ]
    action = {"action": "mark_resolved", "_selected_action": [q.pk for q in questions]}
    changelist = reverse("admin:conversations_unansweredquestion_changelist")

    client.force_login(receptionist)
    assert client.post(changelist, action).status_code == 403
    client.force_login(content_admin)
    client.post(changelist, action)

    assert not UnansweredQuestion.objects.filter(resolved=False).exists()
    assert UnansweredQuestion.objects.filter(resolved_by=content_admin).count() == 2
    assert StaffAction.objects.filter(action="unanswered_question_dismissed", user=content_admin).count() == 1


def test_saving_a_draft_says_it_is_not_live_and_warns_of_the_languages_left_behind(
    client, demo_faq, content_admin
):
    entry = FaqEntry.objects.get(topic="parking")
    client.force_login(content_admin)
    change_url = reverse("admin:conversations_faqentry_change", args=[entry.pk])

    saved = client.post(change_url, edit_form(entry, en="Valet parking now costs R$ 30."), follow=True)
    page = saved.content.decode()
    preview = client.get(reverse("admin:conversations_faqentry_preview", args=[entry.pk])).content.decode()
    versions = client.get(change_url).content.decode()

    assert "changed successfully" not in page
    assert "Draft version 2 saved, not live: patients still get version 1." in page
    assert "Only the English answer changed; Español and Português (Brasil) still say" in page
    assert "Only the English answer changed" in preview
    assert "answer: English" in versions and "answers.en" not in versions


def test_a_draft_edited_in_every_language_gets_no_warning(client, demo_faq, content_admin):
    entry = FaqEntry.objects.get(topic="parking")
    client.force_login(content_admin)
    change_url = reverse("admin:conversations_faqentry_change", args=[entry.pk])
    form = edit_form(entry, en="Valet: R$ 30.", es="Aparcacoches: R$ 30.", pt_BR="Manobrista: R$ 30.")

    page = client.post(change_url, form, follow=True).content.decode()

    assert "Draft version 2 saved, not live" in page and "Only the" not in page
