"""A patient's data: export it, erase it, and forget old conversations (retention).

Erasure anonymises rather than deletes: conversations, messages and appointments stay as
history (counts, times, statuses, outcomes) with every identifier, name and text replaced
or blanked. Trace events are kept as they are: they are append-only (PostgreSQL refuses
UPDATE and DELETE) and by construction hold no personal data, only ids, kinds, lengths,
rule ids, reasons and timings (see docs/privacy-and-faults.md).
"""

import hashlib
import json
from typing import Any

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max, Model, Q
from django.forms.models import model_to_dict
from django.utils import timezone

from audit.models import StaffAction, TraceEvent
from audit.services import staff_action_record
from booking.models import BookingSession, Reminder
from conversations.models import Conversation, Escalation, InboundMessage, OutboundMessage, UnansweredQuestion
from scheduling.models import Appointment, Patient
from scheduling.phones import phone_normalize

ERASED_PREFIX = "erased-"
ERASED_NAME = "Erased patient"


class PatientNotFound(LookupError):
    """Nothing is stored about the phone number or patient id asked for."""


def patient_data_export(
    *, phone: str | None = None, patient_id: int | None = None, actor_user_id: int | None
) -> dict[str, Any]:
    """Everything stored about one patient, as plain JSON-serialisable data.

    Finds the patient records with that phone (or the one patient and its phone), their
    appointments, and every conversation from that number or linked to an appointment,
    with messages, escalations, trace events and staff actions. Raises PatientNotFound
    when nothing matches and ValueError for a string that is not a phone number.
    Records the export as a staff action (the record names ids, never the number).
    """
    with transaction.atomic():
        patients, conversations, appointments = _patient_scope(phone=phone, patient_id=patient_id)
        conversation_ids = [c.pk for c in conversations]
        data = {
            "exported_at": timezone.now(),
            "patients": [_row(p) for p in patients],
            "appointments": [_row(a) for a in appointments],
            "reminders": [_row(r) for r in Reminder.objects.filter(appointment__in=appointments)],
            "conversations": [
                _row(c)
                | {
                    "inbound_messages": [_row(m) for m in c.inbound_messages.all()],
                    "outbound_messages": [_row(m) for m in c.outbound_messages.all()],
                    "escalations": [_row(e) for e in c.escalations.all()],
                    "trace_events": [_row(t) for t in TraceEvent.objects.filter(conversation=c)],
                    "booking_sessions": [
                        _row(b) for b in BookingSession.objects.filter(conversation_id=c.pk)
                    ],
                    "unanswered_questions": [_row(q) for q in c.unanswered_questions.all()],
                }
                for c in conversations
            ],
            "staff_actions": [_row(s) for s in _staff_actions(conversation_ids, appointments)],
        }
        staff_action_record(
            user_id=actor_user_id,
            action="patient_data_export",
            detail=_scope_detail(patients, conversations, appointments),
        )
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def patient_data_erase(
    *, phone: str | None = None, patient_id: int | None = None, actor_user_id: int | None
) -> dict[str, int]:
    """Anonymise everything stored about one patient, in one transaction; returns counts.

    Patient records lose name, phone, date of birth and external id; appointments are kept
    (status, times, practitioner) as anonymised history; conversations get a pseudonym
    instead of the WhatsApp id and lose phone and profile name; message texts, raw
    payloads, media URLs and outbound bodies are blanked. Idempotent on the rows it finds;
    raises PatientNotFound when nothing matches. Recorded as a staff action.
    """
    with transaction.atomic():
        patients, conversations, appointments = _patient_scope(phone=phone, patient_id=patient_id)
        detail = _scope_detail(patients, conversations, appointments)
        counts = {"patients": 0, "appointments": 0, "conversations": 0, "inbound": 0, "outbound": 0}
        for conversation in conversations:
            erased = conversation_anonymise(conversation_id=conversation.pk)
            counts["conversations"] += 1
            counts["inbound"] += erased["inbound"]
            counts["outbound"] += erased["outbound"]
        for patient in patients:
            patient.name = ERASED_NAME
            patient.phone_e164 = _pseudonym("patient", patient.pk)[:20]
            patient.date_of_birth = None
            patient.external_id = ""
            patient.save(update_fields=["name", "phone_e164", "date_of_birth", "external_id"])
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Patient), object_id=str(patient.pk)
            ).update(object_repr=ERASED_NAME, change_message="")
            counts["patients"] += 1
        counts["appointments"] = Appointment.objects.filter(pk__in=[a.pk for a in appointments]).update(
            cancellation_reason=""
        )
        _staff_actions_scrub([c.pk for c in conversations], appointments)
        staff_action_record(
            user_id=actor_user_id, action="patient_data_erase", detail=detail | {"counts": counts}
        )
    return counts


def conversation_anonymise(*, conversation_id: int) -> dict[str, int]:
    """Replace one conversation's identifiers with a stable pseudonym and blank every text
    its messages, escalations and staff notes hold. Idempotent; takes the row lock, so a
    worker handling the chat finishes first. Returns counts of messages touched."""
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
        conversation.channel_user_id = _pseudonym("conversation", conversation.pk)
        conversation.phone_e164 = ""
        conversation.profile_name = ""
        conversation.save(update_fields=["channel_user_id", "phone_e164", "profile_name", "updated_at"])
        inbound = InboundMessage.objects.filter(conversation=conversation).update(
            text="",
            button_payload="",
            button_text="",
            media=[],
            location=None,
            profile_name="",
            raw_payload={},
            processing_error="",
        )
        outbound = OutboundMessage.objects.filter(conversation=conversation).update(
            body="", content_variables={}, options=[], error_message=""
        )
        Escalation.objects.filter(conversation=conversation).update(detail="")
        # What a booking gathered (name, date of birth, wishes) and questions asked.
        BookingSession.objects.filter(conversation_id=conversation.pk).update(data={})
        UnansweredQuestion.objects.filter(conversation=conversation).update(text="")
        _staff_actions_scrub([conversation.pk], [])
    return {"inbound": inbound, "outbound": outbound}


def conversation_retention_sweep(*, now=None) -> int:
    """Anonymise conversations whose last message (either way) is older than
    RETENTION_DAYS; 0 disables. Patient records and appointments are the clinic's
    records and are left alone. Idempotent: erased conversations are skipped. Returns how
    many conversations it anonymised."""
    if not settings.RETENTION_DAYS:
        return 0
    cutoff = (now or timezone.now()) - timezone.timedelta(days=settings.RETENTION_DAYS)
    stale = (
        Conversation.objects.exclude(channel_user_id__startswith=ERASED_PREFIX)
        .annotate(last_in=Max("inbound_messages__received_at"), last_out=Max("outbound_messages__created_at"))
        .filter(created_at__lt=cutoff)
        .filter(Q(last_in__lt=cutoff) | Q(last_in__isnull=True))
        .filter(Q(last_out__lt=cutoff) | Q(last_out__isnull=True))
        .values_list("pk", flat=True)
    )
    ids = list(stale[:1000])
    for conversation_id in ids:
        conversation_anonymise(conversation_id=conversation_id)
    return len(ids)


def _patient_scope(
    *, phone: str | None, patient_id: int | None
) -> tuple[list[Patient], list[Conversation], list[Appointment]]:
    if (phone is None) == (patient_id is None):
        raise ValueError("give exactly one of phone or patient_id")
    if patient_id is not None:
        patients = list(Patient.objects.filter(pk=patient_id))
        if not patients:
            raise PatientNotFound(f"no patient with id {patient_id}")
        e164 = patients[0].phone_e164
    else:
        e164 = phone_normalize(phone.removeprefix("whatsapp:"))
        patients = list(Patient.objects.filter(phone_e164=e164).order_by("pk"))
    appointments = list(Appointment.objects.filter(patient__in=patients).order_by("start", "pk"))
    linked = {a.conversation_id for a in appointments if a.conversation_id}
    conversations = list(
        Conversation.objects.filter(
            Q(phone_e164=e164) | Q(channel_user_id=e164.lstrip("+")) | Q(pk__in=linked)
        ).order_by("pk")
        if e164.startswith("+")
        else Conversation.objects.filter(pk__in=linked).order_by("pk")
    )
    if not (patients or conversations):
        raise PatientNotFound("nothing is stored about this phone number")
    return patients, conversations, appointments


def _staff_actions(conversation_ids: list[int], appointments: list[Appointment]):
    return StaffAction.objects.filter(
        Q(conversation_id__in=conversation_ids) | Q(appointment_id__in=[a.pk for a in appointments])
    ).order_by("created_at", "pk")


def _staff_actions_scrub(conversation_ids: list[int], appointments: list[Appointment]) -> None:
    # Staff notes and cancellation reasons are free text and may name the patient.
    for action in _staff_actions(conversation_ids, appointments):
        scrubbed = {k: "" if isinstance(v, str) else v for k, v in action.detail.items()}
        if scrubbed != action.detail:
            action.detail = scrubbed
            action.save(update_fields=["detail"])


def _scope_detail(
    patients: list[Patient], conversations: list[Conversation], appointments: list[Appointment]
) -> dict[str, list[int]]:
    return {
        "patient_ids": [p.pk for p in patients],
        "conversation_ids": [c.pk for c in conversations],
        "appointment_ids": [a.pk for a in appointments],
    }


def _row(instance: Model) -> dict[str, Any]:
    data = model_to_dict(instance)
    for f in instance._meta.concrete_fields:
        # model_to_dict skips non-editable fields (auto_now timestamps).
        data.setdefault(f.name, f.value_from_object(instance))
    return data


def _pseudonym(kind: str, pk: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{pk}".encode()).hexdigest()
    return ERASED_PREFIX + digest[:12]
