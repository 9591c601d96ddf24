"""The content admins' unanswered-questions page: who may see and act, plain forms and
htmx fragments, and what erasure and retention leave on it."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from conversations.faq.services import faq_load
from conversations.models import FaqEntry, UnansweredQuestion
from conversations.privacy import conversation_retention_sweep, patient_data_erase
from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle
from tests.faq.conftest import demo_specs
from tests.staff.factories import UserFactory, content_admin, operations_lead, receptionist

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

QUESTION = "¿qué vale la visita?"
REFUSED = {"no role": UserFactory, "reception": receptionist, "operations lead": operations_lead}
ADMITTED = {"content admin": content_admin, "superuser": lambda: UserFactory(is_superuser=True)}


@pytest.fixture
def question() -> UnansweredQuestion:
    faq_load(specs=demo_specs())
    handle(
        ConversationFactory(language="es", phone_e164="+34600111222", channel_user_id="34600111222"), QUESTION
    )
    return UnansweredQuestion.objects.get()


def _actions(question: UnansweredQuestion) -> dict[str, tuple[str, dict]]:
    fees = FaqEntry.objects.get(topic="fees").pk
    return {
        "variant": (
            reverse("staff_unanswered_variant", args=[question.pk]),
            {"entry": fees, "text": QUESTION, "language": "es"},
        ),
        "entry": (
            reverse("staff_unanswered_entry", args=[question.pk]),
            {"topic": "visit", "text": QUESTION, "answer": "R$ 350", "language": "es"},
        ),
        "dismiss": (reverse("staff_unanswered_dismiss", args=[question.pk]), {}),
    }


def test_anonymous_visitors_are_sent_to_log_in(client, question):
    response = client.get(reverse("staff_unanswered"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", REFUSED)
def test_other_roles_get_403_on_the_list_and_every_action(client, question, role):
    client.force_login(REFUSED[role]())

    assert client.get(reverse("staff_unanswered")).status_code == 403
    for url, data in _actions(question).values():
        assert client.post(url, data).status_code == 403
    question.refresh_from_db()
    assert not question.resolved
    assert not FaqEntry.objects.filter(topic="visit").exists()
    assert FaqEntry.objects.get(topic="fees").versions.count() == 1


@pytest.mark.parametrize("role", ADMITTED)
@pytest.mark.parametrize("action", ["variant", "entry", "dismiss"])
def test_content_admins_and_superusers_handle_a_question(client, question, role, action):
    client.force_login(ADMITTED[role]())
    url, data = _actions(question)[action]

    response = client.post(url, data)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('staff_unanswered')}?done={question.pk}"
    question.refresh_from_db()
    assert question.resolved
    assert (question.resolved_version is None) == (action == "dismiss")


def test_the_list_suggests_the_closest_entry_first_and_works_without_javascript(client, question):
    client.force_login(content_admin())

    page = client.get(reverse("staff_unanswered")).content.decode()

    assert QUESTION in page
    select = page.split('name="entry"')[1]
    assert select.index(">fees (") < select.index("Other entries")
    assert f'action="{reverse("staff_unanswered_variant", args=[question.pk])}"' in page
    assert "style=" not in page
    assert "<script>" not in page


def test_a_handled_question_leaves_the_list_and_shows_under_handled(client, question):
    client.force_login(content_admin())
    url, data = _actions(question)["variant"]
    done = client.get(client.post(url, data)["Location"]).content.decode()

    assert "Now a question of <strong>fees</strong>, version 2" in done
    assert (
        reverse("admin:conversations_faqentry_preview", args=[FaqEntry.objects.get(topic="fees").pk]) in done
    )
    assert f'data-question="{question.pk}"' not in done
    handled = client.get(reverse("staff_unanswered"), {"status": "handled"}).content.decode()
    assert f'data-question="{question.pk}"' in handled
    assert "patients get it once it is approved" in handled


def test_htmx_gets_the_question_card_back(client, question):
    client.force_login(content_admin())
    url, data = _actions(question)["entry"]

    response = client.post(url, data, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<article class="card question" id="question-{question.pk}"')
    assert "Now a question of <strong>visit</strong>, version 1" in body


def test_htmx_gets_the_card_with_the_error_and_the_words_typed(client, question):
    client.force_login(content_admin())
    url, data = _actions(question)["entry"]

    response = client.post(url, data | {"topic": "fees"}, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert response.status_code == 400
    assert "There is already an entry" in body
    assert 'value="fees"' in body
    assert 'name="answer"' in body


def test_a_second_click_is_told_the_question_was_handled(client, question):
    client.force_login(content_admin())
    url, data = _actions(question)["dismiss"]
    client.post(url, data)

    response = client.post(url, data, headers={"HX-Request": "true"})

    assert response.status_code == 409
    assert "already handled" in response.content.decode()


def test_the_language_filter_keeps_one_language(client, question):
    handle(ConversationFactory(language="en"), "do you have a pharmacy inside the clinic?")
    client.force_login(content_admin())

    english = client.get(reverse("staff_unanswered"), {"language": "en"}).content.decode()

    assert "pharmacy" in english
    assert QUESTION not in english


def test_the_staff_home_counts_unanswered_questions_for_content_admins_only(client, question):
    client.force_login(content_admin())
    assert "1</strong> unanswered questions" in client.get(reverse("staff_home")).content.decode()

    client.force_login(receptionist())
    assert "unanswered questions" not in client.get(reverse("staff_home")).content.decode()


def test_an_erased_patients_question_is_gone_from_the_list(client, question):
    patient_data_erase(phone="+34600111222", actor_user_id=None)
    client.force_login(content_admin())

    assert QUESTION not in client.get(reverse("staff_unanswered")).content.decode()
    question.refresh_from_db()
    assert question.text == ""


def test_retention_removes_old_questions_from_the_list(client, question, settings):
    settings.RETENTION_DAYS = 30
    conversation_retention_sweep(now=timezone.now() + timezone.timedelta(days=31))
    client.force_login(content_admin())

    assert QUESTION not in client.get(reverse("staff_unanswered")).content.decode()


def test_a_question_kept_without_a_conversation_is_never_shown(client, question):
    UnansweredQuestion.objects.create(conversation=None, language="en", text="orphan question")
    client.force_login(content_admin())

    assert "orphan question" not in client.get(reverse("staff_unanswered")).content.decode()


def test_a_full_page_costs_the_same_few_queries_as_one_question(
    client, question, django_assert_max_num_queries
):
    conversation = ConversationFactory(language="en")
    UnansweredQuestion.objects.bulk_create(
        UnansweredQuestion(conversation=conversation, language="en", text=f"question {n}?") for n in range(30)
    )
    client.force_login(content_admin())
    client.get(reverse("staff_unanswered"))  # the index and the session warm up

    # On PostgreSQL the request's clinic is also given to row-level security and taken back.
    row_security = 2 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(12 + row_security):
        page = client.get(reverse("staff_unanswered")).content.decode()
    assert page.count('class="card question"') == 25
