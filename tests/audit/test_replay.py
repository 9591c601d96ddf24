import json
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from audit import registry
from audit.models import StaffAction, TraceEvent
from audit.selectors import conversation_replay
from conversations.escalations import escalation_claim, escalation_open
from conversations.models import Escalation, OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def story():
    """A patient asks for a person, the bot escalates and answers, Marta claims the chat.

    Several rows share an instant, so the order within one instant is pinned as well:
    what arrived, then the bot's decisions, then staff actions, then what was sent."""
    marta = receptionist(username="marta")
    conversation = ConversationFactory(language="pt-BR", profile_name="João Lima", created_at=T0)
    inbound = InboundMessageFactory(
        conversation=conversation, text="Quero falar com uma pessoa", received_at=T0
    )
    incoming = TraceEvent.objects.create(
        conversation=conversation, type=TraceEvent.Type.INCOMING_MESSAGE, created_at=T0
    )
    escalated = TraceEvent.objects.create(
        conversation=conversation,
        type=TraceEvent.Type.ESCALATED_TO_HUMAN,
        payload={"reason": "asked_for_person"},
        created_at=T0 + timedelta(seconds=1),
    )
    bot_reply = OutboundMessage.objects.create(
        conversation=conversation,
        in_reply_to=inbound,
        body="Vou chamar alguém da recepção.",
        status=OutboundMessage.Status.DELIVERED,
        attempts=1,
        created_at=T0 + timedelta(seconds=2),
    )
    later = T0 + timedelta(seconds=5)
    notice = OutboundMessage.objects.create(
        conversation=conversation, body="Olá, aqui é Marta.", sent_by=marta, created_at=later
    )
    claim = StaffAction.objects.create(
        user=marta, action="escalation_claim", conversation_id=conversation.pk, created_at=later
    )
    took_over = TraceEvent.objects.create(
        conversation=conversation,
        type=TraceEvent.Type.STAFF_TOOK_OVER,
        actor=f"staff:{marta.pk}",
        created_at=later,
    )
    return {
        "conversation": conversation,
        "user": marta,
        "ids": (inbound.pk, incoming.pk, escalated.pk, bot_reply.pk, took_over.pk, claim.pk, notice.pk),
    }


def test_the_json_export_lists_the_whole_timeline_in_order(client, story):
    conversation = story["conversation"]
    inbound_id, _, _, bot_reply_id, _, _, notice_id = story["ids"]
    client.force_login(story["user"])

    response = client.get(reverse("staff_replay", args=[conversation.pk]), {"format": "json"})

    assert response["Content-Disposition"] == f'attachment; filename="conversation-{conversation.pk}.json"'
    expected = {
        "conversation": {
            "id": conversation.pk,
            "language": "pt-BR",
            "handler": "bot",
            "created_at": "2026-11-23T12:00:00+00:00",
        },
        "timeline": [
            {
                "at": "2026-11-23T12:00:00+00:00",
                "kind": "inbound",
                "title": "Quero falar com uma pessoa",
                "detail": {
                    "id": inbound_id,
                    "kind": "text",
                    "button_payload": "",
                    "media": [],
                    "processed_at": None,
                    "error": "",
                },
            },
            {
                "at": "2026-11-23T12:00:00+00:00",
                "kind": "trace",
                "title": "INCOMING_MESSAGE",
                "detail": {"actor": "bot"},
            },
            {
                "at": "2026-11-23T12:00:01+00:00",
                "kind": "trace",
                "title": "ESCALATED_TO_HUMAN",
                "detail": {"actor": "bot", "reason": "asked_for_person"},
            },
            {
                "at": "2026-11-23T12:00:02+00:00",
                "kind": "outbound",
                "title": "Vou chamar alguém da recepção.",
                "detail": {
                    "id": bot_reply_id,
                    "status": "delivered",
                    "attempts": 1,
                    "error_code": "",
                    "options": [],
                    "sent_by": "bot",
                },
            },
            {
                "at": "2026-11-23T12:00:05+00:00",
                "kind": "trace",
                "title": "STAFF_TOOK_OVER",
                "detail": {"actor": f"staff:{story['user'].pk}"},
            },
            {
                "at": "2026-11-23T12:00:05+00:00",
                "kind": "staff",
                "title": "escalation_claim",
                "detail": {"user": "marta"},
            },
            {
                "at": "2026-11-23T12:00:05+00:00",
                "kind": "outbound",
                "title": "Olá, aqui é Marta.",
                "detail": {
                    "id": notice_id,
                    "status": "queued",
                    "attempts": 0,
                    "error_code": "",
                    "options": [],
                    "sent_by": "marta",
                },
            },
        ],
    }
    assert response.content.decode() == json.dumps(expected, indent=2, ensure_ascii=False)


def test_the_replay_page_shows_messages_decisions_and_staff_actions_in_time_order(client, story):
    conversation = story["conversation"]
    client.force_login(story["user"])

    html = client.get(reverse("staff_replay", args=[conversation.pk])).content.decode()

    shown = [
        "Quero falar com uma pessoa",
        "INCOMING_MESSAGE",
        "ESCALATED_TO_HUMAN",
        "Vou chamar alguém da recepção.",
        "STAFF_TOOK_OVER",
        "escalation_claim",
        "Olá, aqui é Marta.",
    ]
    positions = [html.index(text) for text in shown]
    assert positions == sorted(positions)
    assert "João Lima" in html
    assert reverse("staff_conversation", args=[conversation.pk]) in html


def test_a_claimed_escalation_replays_with_the_claim_beside_the_messages_and_traces(client):
    conversation = ConversationFactory(language="es", profile_name="Lucía")
    InboundMessageFactory(conversation=conversation, text="necesito hablar con alguien")
    escalation = escalation_open(conversation=conversation, reason=Escalation.Reason.ASKED_FOR_PERSON)
    user = receptionist()
    escalation_claim(escalation_id=escalation.pk, user=user)
    client.force_login(user)

    response = client.get(reverse("staff_replay", args=[conversation.pk]), {"format": "json"})

    timeline = json.loads(response.content)["timeline"]
    assert [item["kind"] for item in timeline] == ["inbound", "trace", "trace", "staff", "outbound"]
    assert [item["title"] for item in timeline[1:4]] == [
        "ESCALATED_TO_HUMAN",
        "STAFF_TOOK_OVER",
        "escalation_claim",
    ]
    assert timeline[1]["detail"]["reason"] == "asked_for_person"
    assert timeline[4]["detail"]["sent_by"] == user.get_username()


def test_the_replay_of_an_unknown_conversation_is_not_found(client):
    client.force_login(receptionist())

    assert client.get(reverse("staff_replay", args=[987654])).status_code == 404


def test_another_apps_timeline_source_joins_the_replay_in_time_order(monkeypatch, story):
    conversation = story["conversation"]
    note = registry.TimelineItem(T0 + timedelta(seconds=3), "staff", "called the patient", {})
    monkeypatch.setitem(registry._timeline_sources, "phone log", lambda *, conversation_id: [note])

    timeline = conversation_replay(conversation_id=conversation.pk)

    titles = [item.title for item in timeline]
    assert titles.index("Vou chamar alguém da recepção.") < titles.index("called the patient")
    assert titles.index("called the patient") < titles.index("STAFF_TOOK_OVER")


def test_a_timeline_item_of_an_unknown_kind_is_refused(monkeypatch, story):
    odd = registry.TimelineItem(T0, "note", "?", {})
    monkeypatch.setitem(registry._timeline_sources, "odd", lambda *, conversation_id: [odd])

    with pytest.raises(ValueError, match="'odd' gave kind 'note'"):
        conversation_replay(conversation_id=story["conversation"].pk)
