"""Two receptionists reach for the same chat: one owns it, the other hears "already claimed"
(409 with the owner's name), never an HTTP 500."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from conversations import escalations
from conversations.escalations import AlreadyClaimed, escalation_open
from conversations.models import Conversation, Escalation, OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import receptionist


def chat() -> Conversation:
    conversation = ConversationFactory(language="pt-BR", profile_name="João")
    InboundMessageFactory(conversation=conversation, text="quero falar com uma pessoa")
    return conversation


@pytest.fixture
def marta_owns_the_chat(db, client):
    conversation = chat()
    marta = receptionist(first_name="Marta")
    escalations.conversation_take_over(conversation_id=conversation.pk, user=marta)
    client.force_login(receptionist(first_name="Sam"))
    return conversation, marta


@pytest.mark.sqlite
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain form"])
def test_replying_to_a_chat_another_receptionist_claimed_is_a_409_naming_them(
    client, marta_owns_the_chat, htmx
):
    conversation, marta = marta_owns_the_chat
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}

    response = client.post(reverse("staff_reply", args=[conversation.pk]), {"text": "Oi!"}, **extra)

    assert response.status_code == 409
    assert "Already claimed by Marta" in response.content.decode()
    assert not OutboundMessage.objects.filter(body="Oi!").exists()
    conversation.refresh_from_db()
    assert conversation.assigned_to == marta


@pytest.mark.sqlite
def test_taking_over_a_chat_another_receptionist_claimed_is_a_409_naming_them(client, marta_owns_the_chat):
    conversation, marta = marta_owns_the_chat

    response = client.post(reverse("staff_take_over", args=[conversation.pk]))

    assert response.status_code == 409
    assert "Already claimed by Marta" in response.content.decode()
    assert Escalation.objects.get(conversation=conversation).claimed_by == marta


@pytest.mark.sqlite
@pytest.mark.django_db
def test_taking_over_a_chat_you_already_own_changes_nothing():
    conversation = chat()
    marta = receptionist()
    escalations.conversation_take_over(conversation_id=conversation.pk, user=marta)

    escalations.conversation_take_over(conversation_id=conversation.pk, user=marta)

    assert Escalation.objects.get(conversation=conversation).claimed_by == marta


@pytest.mark.sqlite
@pytest.mark.django_db
def test_taking_over_an_escalated_chat_claims_its_open_escalation():
    conversation = chat()
    escalation = escalation_open(conversation=conversation, reason=Escalation.Reason.ASKED_FOR_PERSON)
    marta = receptionist()

    escalations.conversation_take_over(conversation_id=conversation.pk, user=marta)

    escalation.refresh_from_db()
    assert escalation.status == Escalation.Status.CLAIMED and escalation.claimed_by == marta


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_two_receptionists_taking_over_at_once_leave_one_owner_and_one_already_claimed():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL")
    conversation = chat()
    staff = [receptionist(), receptionist()]
    barrier = threading.Barrier(2)
    outcomes = []

    def take_over(user):
        barrier.wait()
        try:
            escalations.conversation_take_over(conversation_id=conversation.pk, user=user)
            outcomes.append("owner")
        except AlreadyClaimed:
            outcomes.append("already claimed")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_over, args=(user,)) for user in staff]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["already claimed", "owner"]
    assert Escalation.objects.filter(conversation=conversation).count() == 1
