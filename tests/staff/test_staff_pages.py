import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from audit.models import StaffAction, TraceEvent
from conversations.escalations import escalation_open
from conversations.models import Conversation, Escalation, OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import PASSWORD, UserFactory, content_admin, operations_lead, receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def escalated():
    conversation = ConversationFactory(language="es", profile_name="Lucía")
    InboundMessageFactory(conversation=conversation, text="necesito hablar con alguien")
    escalation = escalation_open(conversation=conversation, reason=Escalation.Reason.ASKED_FOR_PERSON)
    return escalation


@pytest.mark.parametrize(
    "name", ["staff_home", "staff_escalations", "staff_conversations", "staff_metrics", "staff_calendar"]
)
def test_anonymous_visitors_are_sent_to_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["staff_home", "staff_escalations", "staff_metrics", "staff_calendar"])
def test_a_user_without_a_role_gets_a_whole_403(client, name):
    client.force_login(UserFactory())

    response = client.get(reverse(name))

    assert response.status_code == 403


def test_content_admin_cannot_claim(client, escalated):
    client.force_login(content_admin())

    assert client.post(reverse("staff_escalation_claim", args=[escalated.pk])).status_code == 403
    escalated.refresh_from_db()
    assert escalated.status == Escalation.Status.OPEN


def test_the_queue_lists_emergencies_first(client, escalated):
    emergency = ConversationFactory(profile_name="Ana")
    escalation_open(conversation=emergency, reason=Escalation.Reason.EMERGENCY, detail="chest_pain")
    client.force_login(receptionist())

    html = client.get(reverse("staff_escalations")).content.decode()

    assert html.index("Ana") < html.index("Lucía")
    assert "Emergency" in html and "Asked for a person" in html


def test_the_queue_refresh_returns_only_the_partial(client, escalated):
    client.force_login(receptionist())

    response = client.get(reverse("staff_escalations"), HTTP_HX_REQUEST="true")

    assert b'<tbody id="inbox-rows"' in response.content
    assert b"<table" not in response.content and b"<html" not in response.content


def test_claiming_gives_the_chat_to_the_receptionist_and_tells_the_patient(client, escalated):
    user = receptionist(first_name="Marta")
    client.force_login(user)

    response = client.post(reverse("staff_escalation_claim", args=[escalated.pk]))

    assert response.status_code == 302
    escalated.refresh_from_db()
    assert escalated.status == Escalation.Status.CLAIMED
    assert escalated.claimed_by == user
    conversation = escalated.conversation
    conversation.refresh_from_db()
    assert conversation.assigned_to == user
    notice = OutboundMessage.objects.get(sent_by=user)
    assert notice.body.startswith("Hola, soy Marta")
    assert TraceEvent.objects.filter(type=TraceEvent.Type.STAFF_TOOK_OVER, actor=f"staff:{user.pk}").exists()
    assert StaffAction.objects.filter(user=user, action="escalation_claim").exists()


def test_a_second_receptionist_cannot_claim_the_same_chat(client, escalated):
    first, second = receptionist(), receptionist()
    client.force_login(first)
    client.post(reverse("staff_escalation_claim", args=[escalated.pk]))
    client.force_login(second)

    response = client.post(reverse("staff_escalation_claim", args=[escalated.pk]), HTTP_HX_REQUEST="true")

    assert response.status_code == 409
    assert first.first_name.encode() in response.content or first.username.encode() in response.content
    escalated.refresh_from_db()
    assert escalated.claimed_by == first


def test_staff_reply_goes_out_through_the_channel_and_is_audited(
    client, escalated, django_capture_on_commit_callbacks
):
    user = receptionist()
    client.force_login(user)
    client.post(reverse("staff_escalation_claim", args=[escalated.pk]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("staff_reply", args=[escalated.conversation_id]),
            {"text": "Te llamo en 5 minutos"},
            HTTP_HX_REQUEST="true",
        )

    assert response.status_code == 200
    reply = OutboundMessage.objects.get(body="Te llamo en 5 minutos")
    assert reply.sent_by == user
    assert reply.status == OutboundMessage.Status.DELIVERED
    assert TraceEvent.objects.filter(type=TraceEvent.Type.STAFF_REPLIED).count() == 1
    assert StaffAction.objects.filter(
        action="staff_reply", conversation_id=escalated.conversation_id
    ).exists()


def test_free_text_is_refused_when_the_window_is_closed(client, escalated):
    Conversation.objects.filter(pk=escalated.conversation_id).update(
        last_inbound_at=timezone.now() - timezone.timedelta(hours=30)
    )
    client.force_login(receptionist())

    response = client.post(
        reverse("staff_reply", args=[escalated.conversation_id]), {"text": "Hola"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 400
    assert "24 hours" in response.content.decode()
    assert not OutboundMessage.objects.filter(body="Hola").exists()


def test_the_page_shows_the_window_closed_notice_instead_of_the_reply_box(client, escalated):
    Conversation.objects.filter(pk=escalated.conversation_id).update(
        last_inbound_at=timezone.now() - timezone.timedelta(hours=30)
    )
    client.force_login(receptionist())

    html = client.get(reverse("staff_conversation", args=[escalated.conversation_id])).content.decode()

    assert "only approved templates" in html
    assert 'name="text"' not in html


def test_hand_back_resolves_and_returns_the_chat_to_the_bot(client, escalated):
    user = receptionist()
    client.force_login(user)
    client.post(reverse("staff_escalation_claim", args=[escalated.pk]))

    client.post(reverse("staff_hand_back", args=[escalated.conversation_id]), {"note": "resolved by phone"})

    escalated.refresh_from_db()
    conversation = escalated.conversation
    conversation.refresh_from_db()
    assert escalated.status == Escalation.Status.RESOLVED
    assert conversation.handler == Conversation.Handler.BOT
    assert conversation.assigned_to is None
    assert StaffAction.objects.get(action="hand_back").detail["note"] == "resolved by phone"
    # Traces cannot be erased, so the free-text note stays out of them.
    assert TraceEvent.objects.get(type=TraceEvent.Type.HANDED_BACK).payload == {
        "escalations_resolved": 1,
        "note_chars": len("resolved by phone"),
    }


def test_conversation_list_filters_by_language_and_escalation(client, escalated):
    ConversationFactory(language="en", profile_name="Priya")
    client.force_login(operations_lead())

    spanish = client.get(reverse("staff_conversations") + "?language=es").content.decode()
    not_escalated = client.get(reverse("staff_conversations") + "?escalated=no").content.decode()

    assert "Lucía" in spanish and "Priya" not in spanish
    assert "Priya" in not_escalated and "Lucía" not in not_escalated


def test_login_is_throttled_after_five_failures(client):
    cache.clear()
    user = receptionist()
    for _ in range(5):
        client.post(reverse("login"), {"username": user.username, "password": "wrong"})

    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})

    assert response.status_code == 200  # the form again, not a redirect
    assert "_auth_user_id" not in client.session
    cache.clear()


def test_the_conversation_list_pages_by_fifty_and_keeps_the_filters(client):
    for _ in range(51):
        ConversationFactory(language="en")
    client.force_login(operations_lead())

    first = client.get(reverse("staff_conversations") + "?language=en").content.decode()
    older = first[first.index('<p class="pager">') :].split('href="', 2)[1].split('"', 1)[0]
    second = client.get(older.replace("&amp;", "&")).content.decode()

    assert older.startswith(reverse("staff_conversations") + "?language=en")
    assert "page 2 of 2" in second
