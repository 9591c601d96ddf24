"""Reads for conversations."""

from dataclasses import dataclass
from datetime import datetime

from conversations.models import Conversation


@dataclass(frozen=True)
class TranscriptEntry:
    at: datetime
    direction: str  # "in" or "out"
    text: str
    status: str = ""
    options: tuple[dict[str, str], ...] = ()


def transcript(*, conversation: Conversation, limit: int = 200) -> list[TranscriptEntry]:
    """Inbound and outbound messages of one conversation on one timeline, oldest first."""
    inbound = [
        TranscriptEntry(m.received_at, "in", m.text or m.button_text or f"[{m.get_kind_display()}]")
        for m in conversation.inbound_messages.order_by("-received_at")[:limit]
    ]
    outbound = [
        TranscriptEntry(
            m.created_at, "out", m.body or f"[template {m.content_sid}]", m.status, tuple(m.options)
        )
        for m in conversation.outbound_messages.order_by("-created_at")[:limit]
    ]
    return sorted(inbound + outbound, key=lambda entry: entry.at)[-limit:]


def transcript_for_phone(*, phone: str) -> list[TranscriptEntry]:
    conversation = Conversation.objects.filter(
        channel=Conversation.Channel.WHATSAPP, channel_user_id=phone.strip().lstrip("+")
    ).first()
    return transcript(conversation=conversation) if conversation else []
