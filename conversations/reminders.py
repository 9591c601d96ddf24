"""Sending appointment reminders and understanding the answers to them.

The reminder row is written before the message (row before send), so a sweep that runs
twice sends nothing twice. Inside WhatsApp's 24-hour window the reminder is free text with
Confirm / Reschedule / Cancel options; outside it, the clinic's approved template for the
patient's language; with none configured nothing is sent and the reason is recorded.
"""

import functools
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.models import TraceEvent
from audit.services import trace_record
from booking.models import Reminder
from booking.reminders import reminder_record, reminders_due
from clinicbot.tenancy import clinic_current_id
from conversations.channels import channel_default, channel_for
from conversations.clinic import clinic_context
from conversations.copy import say, when_text
from conversations.models import Conversation, InboundMessage, Language, OutboundMessage
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.routing import clinic_address
from conversations.selectors import options_last_offered
from scheduling.models import Appointment

ACTIONS = ("confirm", "reschedule", "cancel")


def reminders_send(*, now: datetime | None = None) -> dict[str, int]:
    """Send every reminder due now (see booking.reminders) of the current clinic: the task runs
    it clinic by clinic (clinicbot.tenancy.each_clinic). Idempotent. Returns counts."""
    now = now or timezone.now()
    counts = {"sent": 0, "skipped": 0}
    for due in reminders_due(now=now, hours=settings.REMINDER_HOURS):
        status = _send_one(due.appointment, due.kind, now=now)
        if status:
            counts[status] += 1
    return counts


@transaction.atomic
def _send_one(appointment: Appointment, kind: str, *, now: datetime) -> str | None:
    clinic = clinic_context()
    patient = appointment.patient
    conversation = patient_conversation(patient.phone_e164, patient.name.split()[0])
    if conversation.opted_out:
        return _skip(appointment, kind, "the patient opted out")
    language = patient.language or conversation.language or clinic.default_language
    when = when_text(appointment.start.astimezone(ZoneInfo(clinic.time_zone)), language)
    first_name = patient.name.split()[0]
    # Inside the window the reply buttons, outside it the template's quick replies: either
    # way a tap posts back which appointment and what to do with it.
    options = [
        {"id": f"reminder:{action}:{appointment.pk}", "title": say(f"reminder_{action}", language)}
        for action in ACTIONS
    ]
    if conversation.window_open(now=now):
        reply = Reply(
            say(
                "reminder",
                language,
                name=first_name,
                when=when,
                practitioner=appointment.practitioner.display_name,
                location=appointment.location.name,
            ),
            options,
            origin=Origin.COPY,
        )
    elif channel_for(conversation.channel, address=conversation.address).has_template("reminder", language):
        reply = Reply(
            "",
            options,
            template=f"reminder:{language}",
            content_variables={"1": first_name, "2": when, "3": appointment.practitioner.display_name},
            origin=Origin.COPY,
        )
    else:
        return _skip(appointment, kind, f"24-hour window closed and no reminder template for {language}")
    reminder = reminder_record(appointment=appointment, kind=kind, status=Reminder.Status.SENT)
    if reminder is None:
        return None
    [row] = reply_queue(conversation=conversation, replies=[reply])
    reminder.outbound_id = row.pk
    reminder.save(update_fields=["outbound_id"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REMINDER_SENT,
        payload={
            "appointment_id": appointment.pk,
            "kind": kind,
            "outbound_id": row.pk,
            "template": bool(reply.template),
        },
    )
    return "sent"


def patient_conversation(phone_e164: str, first_name: str) -> Conversation:
    """The patient's conversation on the door they last wrote through (locked); on first
    contact, one on the deployment's default door."""
    digits = phone_e164.lstrip("+")
    conversation = (
        Conversation.objects.filter(channel_user_id=digits)
        .order_by(F("last_inbound_at").desc(nulls_last=True), "-id")
        .first()
    )
    if conversation is None:
        channel = channel_default()
        conversation, _ = Conversation.objects.get_or_create(
            channel=channel,
            channel_user_id=digits,
            defaults={
                "phone_e164": phone_e164,
                "profile_name": first_name,
                "address": clinic_address(clinic_id=clinic_current_id(), channel=channel),
            },
        )
    return Conversation.objects.select_for_update().get(pk=conversation.pk)


def _skip(appointment: Appointment, kind: str, why: str) -> str | None:
    return (
        "skipped"
        if reminder_record(appointment=appointment, kind=kind, status=Reminder.Status.SKIPPED, detail=why)
        else None
    )


@functools.cache
def _longest_title() -> int:
    return max(len(say(f"reminder_{action}", code)) for action in ACTIONS for code in Language.values)


def reminder_answer(*, conversation: Conversation, inbound: InboundMessage) -> tuple[str, int] | None:
    """(action, appointment id) when the message answers a reminder: a tapped button
    (with or without the id, found through the replied message), or the number or title
    of one of the last reminder's options. None otherwise, and None for an appointment
    that is not the conversation's own patient's: a button payload is whatever the sender
    typed, so a forged `reminder:confirm:<id>` must reveal nothing of someone else."""
    answer = _reminder_answer(conversation=conversation, inbound=inbound)
    if answer is None or not _patients_own(conversation, answer[1]):
        return None
    return answer


def _patients_own(conversation: Conversation, appointment_id: int) -> bool:
    """The appointment belongs to a patient with this conversation's number (reminders go
    to the patient's number, which a family may share)."""
    return (
        bool(conversation.phone_e164)
        and Appointment.objects.filter(
            pk=appointment_id, patient__phone_e164=conversation.phone_e164
        ).exists()
    )


def _reminder_answer(*, conversation: Conversation, inbound: InboundMessage) -> tuple[str, int] | None:
    payload = inbound.button_payload
    if payload.startswith("reminder:"):
        parts = payload.split(":")
        if len(parts) == 3 and parts[1] in ACTIONS and parts[2].isdigit():
            return parts[1], int(parts[2])
        if len(parts) == 2 and parts[1] in ACTIONS and inbound.reply_to_provider_id:
            reminder = Reminder.objects.filter(
                outbound_id__in=OutboundMessage.objects.filter(
                    provider_message_id=inbound.reply_to_provider_id
                ).values("pk")
            ).first()
            return (parts[1], reminder.appointment_id) if reminder else None
    text = inbound.text.strip().casefold()
    number = re.fullmatch(r"\s*(\d)\s*[.)]?\s*", text)
    if not number and len(text) > _longest_title():
        return None  # neither an option's number nor its title: no need to look
    options = options_last_offered(conversation=conversation, inbound=inbound)
    if not options or not str(options[0].get("id", "")).startswith("reminder:"):
        return None
    for index, option in enumerate(options, start=1):
        if (number and int(number.group(1)) == index) or text == option["title"].casefold():
            _, action, appointment_id = option["id"].split(":")
            return action, int(appointment_id)
    return None


def reminder_confirmed_reply(
    *, conversation: Conversation, appointment_id: int, language: str
) -> list[Reply]:
    clinic = clinic_context()
    appointment = Appointment.objects.filter(
        pk=appointment_id,
        status=Appointment.Status.BOOKED,
        patient__phone_e164=conversation.phone_e164 or None,
    ).first()
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REMINDER_ANSWERED,
        payload={"appointment_id": appointment_id, "action": "confirm", "still_booked": bool(appointment)},
    )
    if appointment is None:
        return []
    when = when_text(appointment.start.astimezone(ZoneInfo(clinic.time_zone)), language)
    return [Reply(say("reminder_confirmed", language, when=when), origin=Origin.COPY)]
