"""Answers to a campaign's invitation: "Book", "Later" (then when: in 1, 3 or 6 months) and
"Stop" (campaigns only, never reminders). A tap carries `campaign:<answer>[:<send id>]`; a
template's quick reply has no id, so its send is the one whose message the tap quotes. A
typed number or title of the last invitation's options counts as its tap."""

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from conversations.campaigns.selectors import campaign_send_for_reply
from conversations.copy import say
from conversations.models import CampaignOptOut, CampaignSend, Conversation, InboundMessage, Language
from conversations.outbox.queue import Origin, Reply
from conversations.selectors import options_last_offered
from scheduling.models import Patient

PREFIX = "campaign:"
LATER_MONTHS = (1, 3, 6)
ANSWERS = ("book", "later", "stop", *(f"later{months}" for months in LATER_MONTHS))


@dataclass(frozen=True)
class CampaignAnswer:
    send: CampaignSend
    answer: str  # one of ANSWERS


def campaign_tapped(inbound: InboundMessage) -> bool:
    """A tap on a campaign's button: its "Stop" is the campaign's, not WhatsApp's opt-out word."""
    return inbound.button_payload.startswith(PREFIX)


def campaign_answer(
    *, conversation: Conversation, inbound: InboundMessage, now: datetime
) -> CampaignAnswer | None:
    """The campaign answer the message gives, or None. A payload naming a send of another
    conversation is ignored: a payload is whatever the sender typed."""
    chosen = inbound.button_payload if campaign_tapped(inbound) else _typed(conversation, inbound)
    if not chosen:
        return None
    _, answer, send_id = [*chosen.split(":"), ""][:3]
    if answer not in ANSWERS:
        return None
    if send_id.isdigit():
        send = CampaignSend.objects.filter(pk=int(send_id), conversation=conversation).first()
    else:
        send = campaign_send_for_reply(
            conversation=conversation, quoted_id=inbound.reply_to_provider_id, now=now
        )
    return CampaignAnswer(send, answer) if send is not None else None


@functools.cache
def _titles() -> frozenset[str]:
    keys = [*ANSWERS[:3], *(f"later_{months}" for months in LATER_MONTHS)]
    return frozenset(say(f"campaign_{key}", code).casefold() for key in keys for code in Language.values)


def _typed(conversation: Conversation, inbound: InboundMessage) -> str:
    text = inbound.text.strip().casefold()
    number = re.fullmatch(r"(\d)\s*[.)]?", text)
    if not number and text not in _titles():
        return ""  # neither an option's number nor its title: no need to look
    options = options_last_offered(conversation=conversation, inbound=inbound)
    if not options or not str(options[0].get("id", "")).startswith(PREFIX):
        return ""
    for index, option in enumerate(options, start=1):
        if (number and int(number.group(1)) == index) or text == option["title"].casefold():
            return option["id"]
    return ""


def campaign_answer_apply(
    *, answer: CampaignAnswer, language: str, clinic_name: str, now: datetime
) -> list[Reply]:
    """Record the answer on its send and say what follows: for "book" nothing (the caller
    starts the booking conversation); "later" asks when; its choice is noted (other
    campaigns leave the patient alone until then); "stop" opts every patient of the number
    out of campaigns."""
    send = answer.send
    send.answer = "later" if answer.answer.startswith("later") else answer.answer
    send.answered_at = now
    if answer.answer in ("book", "later"):
        send.save(update_fields=["answer", "answered_at"])
        if answer.answer == "book":
            return []
        options = [
            {"id": f"{PREFIX}later{months}:{send.pk}", "title": say(f"campaign_later_{months}", language)}
            for months in LATER_MONTHS
        ]
        return [Reply(say("campaign_later_ask", language), options, origin=Origin.COPY)]
    if send.answer == "later":
        months = int(answer.answer.removeprefix("later"))
        send.ask_again_on = (now + timedelta(days=round(30.44 * months))).date()
        send.save(update_fields=["answer", "answered_at", "ask_again_on"])
        choice = say(f"campaign_later_{months}", language)
        return [
            Reply(
                say("campaign_later_noted", language, choice=choice[0].lower() + choice[1:]),
                origin=Origin.COPY,
            )
        ]
    send.save(update_fields=["answer", "answered_at"])
    for patient in Patient.objects.filter(phone_e164=send.patient.phone_e164):
        CampaignOptOut.objects.get_or_create(patient=patient, defaults={"campaign_id": send.campaign_id})
    return [Reply(say("campaign_stopped", language, clinic_name=clinic_name), origin=Origin.COPY)]
