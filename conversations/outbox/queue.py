"""The outbox: what the bot or a person decided to send, stored as rows before anything
is sent (row before send), then handed to the send task after commit."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from conversations.copy import say
from conversations.models import Conversation, InboundMessage, OutboundMessage
from conversations.tasks import outbound_send_task, task_enqueue


@dataclass(frozen=True)
class Reply:
    """One message the bot decided to send; `options` become buttons or a numbered list."""

    text: str
    options: list[dict[str, str]] = field(default_factory=list)
    content_sid: str = ""
    content_variables: dict[str, str] = field(default_factory=dict)


def reply_queue(
    *,
    conversation: Conversation,
    replies: list[Reply],
    in_reply_to: InboundMessage | None = None,
    sent_by_id: int | None = None,
    enqueue: bool = True,
) -> list[OutboundMessage]:
    """Store replies as queued outbound rows; with `enqueue`, their sending is enqueued
    after commit (the worker's own turn delivers inline instead)."""
    rows = []
    for reply in replies:
        content_sid, variables = reply.content_sid, reply.content_variables
        body = reply.text
        if reply.options and not content_sid:
            content_sid = settings.TWILIO_OPTIONS_CONTENT_SIDS.get(str(len(reply.options)), "")
            if content_sid:
                variables = {"1": body} | {
                    str(i): option["title"] for i, option in enumerate(reply.options, start=2)
                }
            else:
                body = options_as_text(body, reply.options, conversation.language)
        rows.append(
            OutboundMessage.objects.create(
                conversation=conversation,
                in_reply_to=in_reply_to,
                body=body,
                content_sid=content_sid,
                content_variables=variables,
                options=reply.options,
                sent_by_id=sent_by_id,
            )
        )
    if enqueue:
        for row in rows:
            transaction.on_commit(lambda pk=row.pk: task_enqueue(outbound_send_task, pk))
    return rows


def options_as_text(body: str, options: list[dict[str, str]], language: str) -> str:
    lines = [f"{number}. {option['title']}" for number, option in enumerate(options, start=1)]
    return "\n".join([body, "", *lines, "", say("options_hint", language)])
