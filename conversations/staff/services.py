"""Staff acting on a patient's appointments from the conversation page, and undoing what
the bot did. Every call goes through the scheduling services as the staff member (so
policies meant for the bot do not bind reception) and is audited."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from audit.models import StaffAction, TraceEvent
from audit.services import staff_action_record
from conversations.models import Conversation
from scheduling import services as calendar
from scheduling.exceptions import SchedulingError
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner

UNDOABLE = {
    TraceEvent.Type.APPOINTMENT_BOOKED,
    TraceEvent.Type.APPOINTMENT_CANCELLED,
    TraceEvent.Type.APPOINTMENT_RESCHEDULED,
}


class ActionRefused(Exception):
    """The action cannot be done; the message says why, in words for reception."""


class NotInConversation(Exception):
    """The appointment or patient is not the conversation's own: for this conversation's
    page it does not exist (the view answers 404), and nothing is done or audited under it."""


def _conversation_phone(conversation_id: int) -> str:
    return Conversation.objects.filter(pk=conversation_id).values_list("phone_e164", flat=True).first() or ""


def _appointment_in(appointment_id: int, conversation_id: int | None) -> Appointment:
    """The appointment, checked to belong to a patient with the conversation's number (a
    family may share one) when a conversation is named."""
    appointment = (
        Appointment.objects.select_related("patient", "practitioner", "appointment_type")
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None:
        raise NotInConversation(f"no appointment {appointment_id}")
    if conversation_id is not None and appointment.patient.phone_e164 != _conversation_phone(conversation_id):
        raise NotInConversation(f"appointment {appointment_id} is not in conversation {conversation_id}")
    return appointment


def staff_appointment_cancel(
    *, appointment_id: int, user: AbstractBaseUser, reason: str, conversation_id: int | None
) -> Appointment:
    """Cancel on the patient's behalf, inside the notice period too, and audit it.

    Raises NotInConversation when the appointment is not the conversation's patient's,
    ActionRefused without a reason or when scheduling refuses. Cancelling a cancelled
    appointment changes nothing (scheduling is idempotent) but is audited again."""
    appointment = _appointment_in(appointment_id, conversation_id)
    if not reason.strip():
        raise ActionRefused("Give a reason for the cancellation")
    try:
        cancelled = calendar.appointment_cancel(
            appointment=appointment,
            actor=calendar.Actor.staff(user),
            reason=reason.strip(),
            conversation_id=conversation_id,
        )
    except SchedulingError as exc:
        raise ActionRefused(str(exc)) from exc
    _record(user, "staff_cancel", conversation_id, cancelled.pk, reason=reason.strip())
    return cancelled


def staff_appointment_reschedule(
    *, appointment_id: int, user: AbstractBaseUser, start: datetime, conversation_id: int | None
) -> Appointment:
    """Move the appointment to `start` (same practitioner and type), atomically, and audit it.

    The old appointment is cancelled and a new one booked in one transaction; the bot's
    booking policy does not bind reception. Raises NotInConversation when the appointment is
    not the conversation's patient's, ActionRefused when the time is not free."""
    appointment = _appointment_in(appointment_id, conversation_id)
    actor = calendar.Actor.staff(user)
    try:
        with transaction.atomic():
            hold = calendar.slot_hold(
                practitioner=appointment.practitioner,
                start=start,
                appointment_type=appointment.appointment_type,
                replacing=appointment,
                enforce_policy=False,
                conversation_id=conversation_id,
            )
            moved = calendar.appointment_reschedule(
                appointment=appointment,
                hold=hold,
                actor=actor,
                reason="moved by reception",
                conversation_id=conversation_id,
            )
    except SchedulingError as exc:
        raise ActionRefused(str(exc)) from exc
    _record(user, "staff_reschedule", conversation_id, moved.pk, from_appointment=appointment.pk)
    return moved


def staff_appointment_book(
    *,
    patient_id: int,
    practitioner_id: int,
    type_code: str,
    start: datetime,
    user: AbstractBaseUser,
    conversation_id: int | None,
) -> Appointment:
    """Book for the patient at `start` as reception (source "staff"), and audit it.

    Raises NotInConversation when the patient is not the conversation's, ActionRefused when
    the practitioner or type is unknown or the time is not free; the database constraint is
    the final judge of a double booking."""
    patient = Patient.objects.filter(pk=patient_id).first()
    if patient is None or (
        conversation_id is not None and patient.phone_e164 != _conversation_phone(conversation_id)
    ):
        raise NotInConversation(f"patient {patient_id} is not in conversation {conversation_id}")
    try:
        appointment = calendar.appointment_create(
            patient=patient,
            practitioner=Practitioner.objects.get(pk=practitioner_id),
            appointment_type=AppointmentType.objects.get(code=type_code),
            start=start,
            actor=calendar.Actor.staff(user),
            conversation_id=conversation_id,
        )
    except (SchedulingError, Practitioner.DoesNotExist, AppointmentType.DoesNotExist) as exc:
        raise ActionRefused(str(exc)) from exc
    _record(user, "staff_book", conversation_id, appointment.pk)
    return appointment


def bot_action_undo(*, trace_event_id: int, user: AbstractBaseUser, reason: str) -> Appointment:
    """Reverse a booking, cancellation or reschedule the bot made, with a reason.

    A booking is cancelled; a cancellation is restored only if the time is still free; a
    reschedule restores the old time (if free) and cancels the new one, in one transaction.
    Each bot action can be undone once. Raises ActionRefused when it cannot be.
    """
    event = TraceEvent.objects.filter(pk=trace_event_id, type__in=UNDOABLE, actor="bot").first()
    if event is None:
        raise ActionRefused("Only the bot's bookings, cancellations and reschedules can be undone")
    if not reason.strip():
        raise ActionRefused("Give a reason for undoing it")
    if StaffAction.objects.filter(action="undo", detail__trace_event_id=event.pk).exists():
        raise ActionRefused("This action was already undone")
    actor = calendar.Actor.staff(user)
    appointment = Appointment.objects.get(pk=event.payload["appointment_id"])
    note = f"undo by reception: {reason.strip()}"
    try:
        with transaction.atomic():
            if event.type == TraceEvent.Type.APPOINTMENT_BOOKED:
                result = calendar.appointment_cancel(
                    appointment=appointment, actor=actor, reason=note, conversation_id=event.conversation_id
                )
            elif event.type == TraceEvent.Type.APPOINTMENT_CANCELLED:
                result = calendar.appointment_restore(
                    appointment=appointment, actor=actor, reason=note, conversation_id=event.conversation_id
                )
            else:
                old = Appointment.objects.get(pk=event.payload["rescheduled_from"])
                calendar.appointment_cancel(
                    appointment=appointment, actor=actor, reason=note, conversation_id=event.conversation_id
                )
                result = calendar.appointment_restore(
                    appointment=old, actor=actor, reason=note, conversation_id=event.conversation_id
                )
            _record(
                user,
                "undo",
                event.conversation_id,
                result.pk,
                trace_event_id=event.pk,
                undone=event.type,
                reason=reason.strip(),
            )
    except SchedulingError as exc:
        raise ActionRefused(f"Cannot undo: {exc}") from exc
    return result


def _record(
    user: AbstractBaseUser, action: str, conversation_id: int | None, appointment_id: int, **detail
) -> None:
    staff_action_record(
        user_id=user.pk,
        action=action,
        conversation_id=conversation_id,
        appointment_id=appointment_id,
        detail=detail,
    )
