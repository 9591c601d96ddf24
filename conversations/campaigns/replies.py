"""Answers to a campaign's invitation: "Book", "Later" (then when: in 1, 3 or 6 months, or
whatever day the patient types: "el mes que viene", "daqui a duas semanas", "15/03") and
"Stop" (campaigns only, never reminders). A tap carries `campaign:<answer>[:<send id>]`; a
Twilio template's quick reply has no id, so its send is the one whose message the tap
quotes. A typed number or title of the last invitation's options counts as its tap."""

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conversations.campaigns.selectors import campaign_send_for_reply
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.models import CampaignOptOut, CampaignSend, Conversation, InboundMessage, Language
from conversations.outbox.queue import Origin, Reply
from conversations.selectors import options_last_offered
from conversations.understanding.dates.ask_again import ask_again_day
from scheduling.models import Patient

PREFIX = "campaign:"
LATER_MONTHS = (1, 3, 6)
ANSWERS = ("book", "later", "stop", *(f"later{months}" for months in LATER_MONTHS))


@dataclass(frozen=True)
class CampaignAnswer:
    send: CampaignSend
    answer: str  # one of ANSWERS
    ask_again_on: date | None = None  # the day typed under "when should we ask again?"


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


# Longer than this, a message under "when should we ask again?" says more than a day.
MAX_WHEN_CHARS = 80


def campaign_when_typed(
    *, conversation: Conversation, inbound: InboundMessage, now: datetime
) -> CampaignAnswer | None:
    """A day typed under the "when should we ask again?" question ("el mes que viene"):
    "Later" with that day; None for anything else. The words are read first, so a message
    naming no day costs no query."""
    text = inbound.text.strip()
    if not text or inbound.button_payload or len(text) > MAX_WHEN_CHARS:
        return None
    clinic = clinic_context()
    today = now.astimezone(ZoneInfo(clinic.time_zone)).date()
    day = ask_again_day(text, language=conversation.language or clinic.default_language, today=today)
    if day is None:
        return None
    options = options_last_offered(conversation=conversation, inbound=inbound)
    send_ids = {
        option["id"].rsplit(":", 1)[-1]
        for option in options
        if str(option.get("id", "")).startswith(f"{PREFIX}later") and option["id"].count(":") == 2
    }
    if len(send_ids) != 1 or not (send_id := send_ids.pop()).isdigit():
        return None
    send = CampaignSend.objects.filter(pk=int(send_id), conversation=conversation).first()
    return CampaignAnswer(send, "later", day) if send else None


def campaign_answer_apply(
    *, answer: CampaignAnswer, language: str, clinic_name: str, now: datetime
) -> list[Reply]:
    """Record the answer on its send and say what follows: for "book" nothing (the caller
    starts the booking conversation); "later" asks when; its choice, or the day typed, is
    noted (no campaign asks the patient before then; this one asks again after, if it
    still runs); "stop" opts every patient of the number
    out of campaigns."""
    send = answer.send
    send.answer = "later" if answer.answer.startswith("later") else answer.answer
    send.answered_at = now
    if answer.answer in ("book", "later") and answer.ask_again_on is None:
        send.save(update_fields=["answer", "answered_at"])
        if answer.answer == "book":
            return []
        options = [
            {"id": f"{PREFIX}later{months}:{send.pk}", "title": say(f"campaign_later_{months}", language)}
            for months in LATER_MONTHS
        ]
        return [Reply(say("campaign_later_ask", language), options, origin=Origin.COPY)]
    if answer.ask_again_on is not None:
        send.ask_again_on = answer.ask_again_on
        send.save(update_fields=["answer", "answered_at", "ask_again_on"])
        moment = datetime.combine(answer.ask_again_on, time(12))
        choice = say("campaign_later_on", language, day=moment)
        return [Reply(say("campaign_later_noted", language, choice=choice), origin=Origin.COPY)]
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
