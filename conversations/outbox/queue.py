"""The outbox: what the bot or a person decided to send, stored as rows before anything
is sent (row before send), then handed to the send task after commit. A text the bot did
not take word for word from its fixed copy or from approved content passes the advice
filter here, or is replaced before it is stored."""

from dataclasses import dataclass, field, replace
from enum import StrEnum

from django.db import transaction

from audit.models import TraceEvent
from audit.services import trace_record
from conversations.channels import channel_for
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.faq.grounding import advice_problem
from conversations.models import Conversation, InboundMessage, OutboundMessage
from conversations.tasks import outbound_send_task, task_enqueue


class Origin(StrEnum):
    """Where a reply's words come from; only GENERATED text is filtered before it is stored."""

    COPY = "copy"  # fixed copy (conversations/copy, the clinic file's), values from records filled in
    APPROVED = "approved"  # an approved FAQ answer, word for word
    STAFF = "staff"  # typed by a person in the inbox
    GENERATED = "generated"  # anything else, a model's rephrasing first


@dataclass(frozen=True)
class Reply:
    """One message the bot decided to send; `options` become buttons or a numbered list.
    Unmarked text counts as generated; `fallback` is the approved text sent instead when a
    generated one is refused (else the clinic's refusal with its contact)."""

    text: str
    options: list[dict[str, str]] = field(default_factory=list)
    template: str = ""  # a template reference, "purpose:language" (OutboundMessage.template)
    content_variables: dict[str, str] = field(default_factory=dict)
    origin: Origin = Origin.GENERATED
    fallback: str = ""


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
    channel = channel_for(conversation.channel, address=conversation.address)
    for reply in (_vetted(conversation, reply) for reply in replies):
        body = reply.text
        # Options the channel cannot show as buttons or a list are numbered in the text.
        if reply.options and not reply.template and not channel.options_native(body, reply.options):
            body = options_as_text(body, reply.options, conversation.language)
        rows.append(
            OutboundMessage.objects.create(
                conversation=conversation,
                in_reply_to=in_reply_to,
                body=body,
                template=reply.template,
                content_variables=reply.content_variables,
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


def _vetted(conversation: Conversation, reply: Reply) -> Reply:
    """The reply itself, unless it is generated and the advice filter refuses it: then its
    approved fallback, or the clinic's refusal, and a trace saying why (no text in it)."""
    if reply.origin != Origin.GENERATED or not (problem := advice_problem(reply.text, source=reply.fallback)):
        return reply
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REPLY_DECIDED,
        payload={"replies": 1, "why": "generated_text_replaced", "problem": problem},
    )
    if reply.fallback:
        return replace(reply, text=reply.fallback, origin=Origin.APPROVED, fallback="")
    clinic = clinic_context()
    language = conversation.language or clinic.default_language
    contact = clinic.phone or say("faq_contact_fallback", language)
    return replace(
        reply,
        text=say("faq_clinical", language, contact=contact, emergency_number=clinic.emergency_number),
        origin=Origin.COPY,
        fallback="",
    )
