"""Staff acting on a patient's appointments from the conversation page, and undoing what
the bot did. Every call goes through the scheduling services as the staff member (so
policies meant for the bot do not bind reception) and is audited."""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from audit.models import StaffAction, TraceEvent
from audit.services import staff_action_record
from conversations.channels import channel_for
from conversations.clinic import clinic_context
from conversations.copy import say, when_text
from conversations.models import Conversation
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.reminders import patient_conversation
from scheduling import services as calendar
from scheduling.exceptions import SchedulingError
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from scheduling.patients import patient_create
from scheduling.selectors import appointment_inside_notice, clinic_get

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
    *,
    appointment_id: int,
    user: AbstractBaseUser,
    start: datetime,
    conversation_id: int | None,
    reason: str = "",
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
                reason=reason.strip() or "moved by reception",
                conversation_id=conversation_id,
            )
    except SchedulingError as exc:
        raise ActionRefused(str(exc)) from exc
    _record(
        user,
        "staff_reschedule",
        conversation_id,
        moved.pk,
        from_appointment=appointment.pk,
        **({"reason": reason.strip()} if reason.strip() else {}),
    )
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


# ---- the desk: booking, moving and cancelling from the calendar --------------------------


@dataclass(frozen=True)
class Notified:
    """What became of the WhatsApp message to the patient, in words for reception."""

    sent: bool
    how: str


def desk_patient(
    *, patient_id: int | None, name: str = "", phone: str = "", date_of_birth: date | None = None
) -> Patient:
    """The chosen patient, or a new confirmed record for one who phoned in. Raises
    ActionRefused when neither is given well enough to book."""
    if patient_id is not None:
        patient = Patient.objects.filter(pk=patient_id).first()
        if patient is None:
            raise ActionRefused("That patient record no longer exists")
        return patient
    if not name.strip() or not phone.strip():
        raise ActionRefused("Choose a patient, or give the new patient's name and phone")
    try:
        return patient_create(name=name, phone=phone, date_of_birth=date_of_birth)
    except SchedulingError as exc:
        raise ActionRefused(f"Check the patient's details: {exc}") from exc


def desk_appointment_book(
    *,
    patient: Patient,
    practitioner_id: int,
    type_code: str,
    start: datetime,
    user: AbstractBaseUser,
    notify: bool,
) -> tuple[Appointment, Notified | None]:
    """Book from a free slot of the calendar as reception (audited), then, with `notify`,
    tell the patient on WhatsApp. Raises ActionRefused when the time is not free or the type
    does not fit; the message names the type by its name."""
    kind = AppointmentType.objects.filter(code=type_code, active=True).first()
    if kind is None:
        raise ActionRefused("Choose the type of appointment")
    returning = patient.appointments.filter(
        status__in=[Appointment.Status.COMPLETED, Appointment.Status.BOOKED]
    )
    if not kind.new_patients and not returning.exists():
        raise ActionRefused(f"{kind} is for returning patients only; {patient.name} has no earlier visit")
    with transaction.atomic():
        appointment = staff_appointment_book(
            patient_id=patient.pk,
            practitioner_id=practitioner_id,
            type_code=kind.code,
            start=start,
            user=user,
            conversation_id=None,
        )
        return appointment, (
            patient_notify(appointment=appointment, event="booked", user=user) if notify else None
        )


def desk_appointment_move(
    *, appointment_id: int, start: datetime, user: AbstractBaseUser, reason: str, notify: bool
) -> tuple[Appointment, Notified | None]:
    """Move an appointment from the calendar (audited). Inside the clinic's cancellation
    notice the bot would refuse; reception may override it with a reason, which is recorded.
    Raises ActionRefused without that reason or when the new time is not free."""
    appointment = Appointment.objects.filter(pk=appointment_id).first()
    if appointment is None:
        raise ActionRefused("That appointment no longer exists")
    _notice_reason(appointment, reason)
    with transaction.atomic():
        moved = staff_appointment_reschedule(
            appointment_id=appointment.pk, user=user, start=start, conversation_id=None, reason=reason
        )
        return moved, (patient_notify(appointment=moved, event="moved", user=user) if notify else None)


def desk_appointment_cancel(
    *, appointment_id: int, user: AbstractBaseUser, reason: str, notify: bool
) -> tuple[Appointment, Notified | None]:
    """Cancel from the calendar with a reason (always asked; inside the notice it is also
    the override's), audited; with `notify` the patient is told. Raises ActionRefused."""
    with transaction.atomic():
        cancelled = staff_appointment_cancel(
            appointment_id=appointment_id, user=user, reason=reason, conversation_id=None
        )
        return cancelled, (
            patient_notify(appointment=cancelled, event="cancelled", user=user) if notify else None
        )


def _notice_reason(appointment: Appointment, reason: str) -> None:
    clinic = clinic_get()
    if (
        appointment_inside_notice(appointment=appointment, clinic=clinic, now=timezone.now())
        and not reason.strip()
    ):
        hours = clinic.policy.cancellation_notice_hours if clinic else 24
        raise ActionRefused(
            f"This appointment is less than {hours} hours away, inside the clinic's notice: give a reason to override it"
        )


def patient_notify(*, appointment: Appointment, event: str, user: AbstractBaseUser) -> Notified:
    """Tell the patient what reception did (event: booked, moved, cancelled) through the
    outbox: free text inside WhatsApp's 24-hour window, else the clinic's approved appointment
    template for the patient's language (purpose "appointment" on the patient's door; not
    for a cancellation). It goes through the door the patient last wrote through, as a
    reminder would. Nothing is sent to an opted-out patient. Audited when sent."""
    patient = appointment.patient
    conversation = patient_conversation(patient.phone_e164, patient.name.split()[0])
    if conversation.opted_out:
        return Notified(False, "not sent: the patient opted out of WhatsApp messages")
    language = patient.language or conversation.language or clinic_context().default_language
    when = when_text(appointment.start.astimezone(clinic_get().zone), language)
    if conversation.window_open(now=timezone.now()):
        text = say(
            f"desk_{event}",
            language,
            name=patient.name.split()[0],
            kind=appointment.appointment_type.name_in(language),
            practitioner=appointment.practitioner.display_name,
            when=when,
            location=appointment.location.name,
        )
        reply, how = Reply(text, origin=Origin.COPY), "sent on WhatsApp"
    elif event != "cancelled" and channel_for(
        conversation.channel, address=conversation.address
    ).has_template("appointment", language):
        variables = {"1": patient.name.split()[0], "2": when, "3": appointment.practitioner.display_name}
        reply = Reply("", template=f"appointment:{language}", content_variables=variables, origin=Origin.COPY)
        how = "sent on WhatsApp with the approved template (the patient has not written in 24 hours)"
    else:
        return Notified(
            False,
            "not sent: the patient has not written in 24 hours and no approved template fits; call them",
        )
    [row] = reply_queue(conversation=conversation, replies=[reply], sent_by_id=user.pk)
    _record(user, "patient_notified", conversation.pk, appointment.pk, outbound_id=row.pk, event=event)
    return Notified(True, how)
