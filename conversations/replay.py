"""What audit's replay shows of a conversation: its header and its messages.

audit imports no app, so it cannot read these itself; conversations/apps.py registers
these two functions with audit.registry at start-up (its docstring explains the contract).
"""

from django.urls import reverse

from audit.registry import ConversationHeader, TimelineItem
from conversations.models import Conversation, InboundMessage, OutboundMessage
from conversations.selectors import voice_mark


def replay_header(*, conversation_id: int) -> ConversationHeader | None:
    """How audit's replay names the conversation, links to it and exports it."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return None
    return ConversationHeader(
        name=conversation.profile_name or "Patient",
        url=reverse("staff_conversation", args=[conversation.pk]),
        export={
            "id": conversation.pk,
            "language": conversation.language,
            "handler": conversation.handler,
            "created_at": conversation.created_at.isoformat(),
        },
    )


def replay_messages(*, conversation_id: int) -> list[TimelineItem]:
    """The conversation's inbound and outbound messages as replay items, unsorted (audit
    merges them with its trace events and staff actions); an unknown id gives []."""
    items = [
        TimelineItem(
            m.received_at,
            "inbound",
            m.text or m.button_text or f"[{m.get_kind_display()}]",
            {
                "id": m.pk,
                "kind": m.kind,
                "button_payload": m.button_payload,
                "media": m.media,
                "processed_at": m.processed_at.isoformat() if m.processed_at else None,
                "error": m.processing_error,
            }
            | ({"voice": voice_mark(m)} if m.voice_status else {}),
        )
        for m in InboundMessage.objects.filter(conversation_id=conversation_id)
    ]
    items += [
        TimelineItem(
            m.created_at,
            "outbound",
            m.body or f"[template {m.template}]",
            {
                "id": m.pk,
                "status": m.status,
                "attempts": m.attempts,
                "error_code": m.error_code,
                "options": m.options,
                "sent_by": m.sent_by.get_username() if m.sent_by else "bot",
            },
        )
        for m in OutboundMessage.objects.filter(conversation_id=conversation_id).select_related("sent_by")
    ]
    return items
