"""Sending waitlist offers and reading the answers to them (booking/waitlist.py decides who
is offered what; this module speaks to the patient).

An offer names the slot ("A slot freed up: Mon 14/12 16:30 with Dr. X. Shall I book it?")
with Yes / No; inside WhatsApp's 24-hour window as text with buttons, outside it as the
clinic's approved template for the patient's language. With neither, nothing can reach the
patient: the offer is declined on their behalf (recorded) and the slot goes to the next.
"""

import functools
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from audit.models import TraceEvent
from audit.services import trace_record
from booking.models import WaitlistEntry, WaitlistOffer
from booking.waitlist import (
    Answered,
    Outcome,
    waitlist_leave,
    waitlist_offer_accept,
    waitlist_offer_decline,
    waitlist_offer_freed,
)
from clinicbot.tenancy import clinic_scope
from conversations.channels import channel_for
from conversations.clinic import clinic_context
from conversations.copy import say, when_text
from conversations.models import Conversation, InboundMessage, Language, OutboundMessage
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.reminders import patient_conversation
from conversations.selectors import options_last_offered
from scheduling.models import Clinic

ANSWERS = ("yes", "no")
TEMPLATE = "waitlist_offer"


def waitlist_slot_freed(clinic_id: int, practitioner_id: int, start: datetime, end: datetime) -> None:
    """scheduling.freed's listener: match the freed day in a worker, after commit."""
    from conversations.tasks import task_enqueue, waitlist_offer_task

    zone = ZoneInfo(Clinic.objects.get(pk=clinic_id).time_zone)
    task_enqueue(waitlist_offer_task, clinic_id, practitioner_id, start.astimezone(zone).date().isoformat())


def waitlist_offers_send(
    *, clinic_id: int, practitioner_id: int, day: date, now: datetime | None = None
) -> list[int]:
    """Offer the practitioner's free slots of `day` to the waiting patients (first joined
    first) and send each offer; returns the ids of the offers sent. Idempotent: an entry
    with an open offer is not offered again."""
    now = now or timezone.now()
    sent = []
    with clinic_scope(clinic_id):
        clinic = Clinic.objects.get(pk=clinic_id)
        for offer in waitlist_offer_freed(clinic=clinic, practitioner_id=practitioner_id, day=day, now=now):
            if _send_offer(offer.pk, now=now):
                sent.append(offer.pk)
    return sent


@transaction.atomic
def _send_offer(offer_id: int, *, now: datetime) -> bool:
    offer = WaitlistOffer.objects.select_related("entry__patient", "practitioner").get(pk=offer_id)
    entry, patient = offer.entry, offer.entry.patient
    clinic = clinic_context()
    conversation = (
        Conversation.objects.select_for_update().filter(pk=entry.conversation_id).first()
        if entry.conversation_id
        else None
    ) or patient_conversation(patient.phone_e164, patient.name.split()[0])
    language = entry.language or patient.language or conversation.language or clinic.default_language
    when = when_text(offer.start.astimezone(ZoneInfo(clinic.time_zone)), language)
    practitioner = offer.practitioner.display_name
    # Buttons in the window; outside it the template's quick replies, in this order (a
    # channel that sets their payloads sends these ids).
    options = [
        {"id": f"waitlist:{answer}:{offer.pk}", "title": say(f"waitlist_{answer}", language)}
        for answer in ANSWERS
    ]
    if conversation.opted_out:
        reply = None
    elif conversation.window_open(now=now):
        reply = Reply(
            say("waitlist_offer", language, when=when, practitioner=practitioner, minutes=_minutes(offer)),
            options,
            origin=Origin.COPY,
        )
    elif channel_for(conversation.channel, address=conversation.address).has_template(TEMPLATE, language):
        reply = Reply(
            "",
            options,
            template=f"{TEMPLATE}:{language}",
            content_variables={"1": patient.name.split()[0], "2": when, "3": practitioner},
            origin=Origin.COPY,
        )
    else:
        reply = None
    if reply is None:
        why = (
            "opted out"
            if conversation.opted_out
            else f"window closed and no {TEMPLATE} template for {language}"
        )
        waitlist_offer_decline(offer_id=offer.pk, now=now)
        trace_record(
            conversation_id=conversation.pk,
            type=TraceEvent.Type.WAITLIST_OFFERED,
            payload={"offer_id": offer.pk, "sent": False, "why": why},
        )
        return False
    [row] = reply_queue(conversation=conversation, replies=[reply])
    offer.outbound_id = row.pk
    offer.save(update_fields=["outbound_id"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.WAITLIST_OFFERED,
        payload={
            "offer_id": offer.pk,
            "entry_id": entry.pk,
            "start": offer.start.isoformat(),
            "practitioner_id": offer.practitioner_id,
            "outbound_id": row.pk,
            "template": bool(reply.template),
            "sent": True,
        },
    )
    return True


def _minutes(offer: WaitlistOffer) -> int:
    return max(1, round((offer.expires_at - offer.sent_at).total_seconds() / 60))


# ---- answers ----------------------------------------------------------------------------------


def waitlist_answer(*, conversation: Conversation, inbound: InboundMessage) -> tuple[str, int] | None:
    """(yes|no, offer id) when the message answers a waitlist offer: a tapped button (with
    the id, or a template's quick reply found through the replied message), or the number or
    title of the last offer's options. None otherwise, and None for an offer that is not
    this conversation's patient's (a button payload is whatever the sender typed)."""
    answer = _answer(conversation=conversation, inbound=inbound)
    if answer is None or not _patients_own(conversation, answer[1]):
        return None
    return answer


def waitlist_open_offer(*, conversation: Conversation) -> int | None:
    """The offer the bot's last message made, if that message was one (a plain "yes
    please" then answers it, and is told when the offer lapsed meanwhile)."""
    last = (
        conversation.outbound_messages.filter(sent_by__isnull=True)
        .order_by("-created_at", "-id")
        .values_list("pk", flat=True)
        .first()
    )
    offer = WaitlistOffer.objects.filter(outbound_id=last).first() if last else None
    return offer.pk if offer and _patients_own(conversation, offer.pk) else None


def _patients_own(conversation: Conversation, offer_id: int) -> bool:
    return (
        bool(conversation.phone_e164)
        and WaitlistOffer.objects.filter(
            pk=offer_id, entry__patient__phone_e164=conversation.phone_e164
        ).exists()
    )


def _answer(*, conversation: Conversation, inbound: InboundMessage) -> tuple[str, int] | None:
    payload = inbound.button_payload
    if payload.startswith("waitlist:"):
        parts = payload.split(":")
        if len(parts) == 3 and parts[1] in ANSWERS and parts[2].isdigit():
            return parts[1], int(parts[2])
        if len(parts) == 2 and parts[1] in ANSWERS and inbound.reply_to_provider_id:
            offer = WaitlistOffer.objects.filter(
                outbound_id__in=OutboundMessage.objects.filter(
                    provider_message_id=inbound.reply_to_provider_id
                ).values("pk")
            ).first()
            return (parts[1], offer.pk) if offer else None
        return None
    text = inbound.text.strip().casefold()
    number = re.fullmatch(r"\s*(\d)\s*[.)]?\s*", text)
    if not number and text not in _titles():
        return None  # neither an option's number nor its title: no need to look
    options = options_last_offered(conversation=conversation, inbound=inbound)
    if not options or not str(options[0].get("id", "")).startswith("waitlist:"):
        return None
    for index, option in enumerate(options, start=1):
        if (number and int(number.group(1)) == index) or text == option["title"].casefold():
            _, answer, offer_id = option["id"].split(":")
            return answer, int(offer_id)
    return None


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(
        say(f"waitlist_{answer}", code).casefold() for answer in ANSWERS for code in Language.values
    )


def waitlist_left(*, conversation: Conversation, language: str) -> list[Reply]:
    """ "Take me off the waitlist": every waiting entry of the patients of this number ends
    (an open offer gives its slot to the next)."""
    entries = WaitlistEntry.objects.filter(
        patient__phone_e164=conversation.phone_e164 or None, state=WaitlistEntry.State.WAITING
    )
    left = [waitlist_leave(entry=entry, reason="the patient asked on WhatsApp").pk for entry in entries]
    trace_record(
        conversation_id=conversation.pk, type=TraceEvent.Type.WAITLIST_ANSWERED, payload={"left": left}
    )
    return [Reply(say("waitlist_left" if left else "waitlist_not_on", language), origin=Origin.COPY)]


def waitlist_answered(
    *, conversation: Conversation, answer: str, offer_id: int, language: str, now: datetime | None = None
) -> list[Reply]:
    """Carry out a yes or a no to an offer and say what happened."""
    now = now or timezone.now()
    result: Answered = (
        waitlist_offer_accept(offer_id=offer_id, conversation_id=conversation.pk, now=now)
        if answer == "yes"
        else waitlist_offer_decline(offer_id=offer_id, now=now)
    )
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.WAITLIST_ANSWERED,
        payload={
            "offer_id": offer_id,
            "answer": answer,
            "outcome": str(result.outcome),
            "appointment_id": result.appointment.pk if result.appointment else None,
        },
    )
    if result.outcome == Outcome.BOOKED:
        appointment = result.appointment
        clinic = clinic_context()
        trace_record(
            conversation_id=conversation.pk,
            type=TraceEvent.Type.APPOINTMENT_BOOKED,
            payload={
                "appointment_id": appointment.pk,
                "practitioner_id": appointment.practitioner_id,
                "appointment_type": appointment.appointment_type.code,
                "start": appointment.start.isoformat(),
                "rescheduled_from": None,
                "waitlist_offer_id": offer_id,
            },
        )
        when = when_text(appointment.start.astimezone(ZoneInfo(clinic.time_zone)), language)
        text = say(
            "waitlist_booked",
            language,
            when=when,
            practitioner=appointment.practitioner.display_name,
            location=appointment.location.name,
        )
        return [Reply(text, origin=Origin.COPY)]
    key = {
        Outcome.DECLINED: "waitlist_declined",
        Outcome.EXPIRED: "waitlist_expired",
        Outcome.LOST: "waitlist_lost",
        Outcome.GONE: "waitlist_gone",
    }[result.outcome]
    return [Reply(say(key, language), origin=Origin.COPY)]
