"""Workers act for one clinic at a time: a task handling a row runs in that row's clinic, and
each periodic sweep runs clinic by clinic, so with two clinics every task and sweep touches
its own clinic's rows and, on PostgreSQL, row security binds the worker as it binds a request."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from booking.models import Reminder
from clinicbot.tenancy import clinic_scope, each_clinic, in_clinic_of
from conversations.copy import CATALOGUES
from conversations.models import Conversation, Escalation, InboundMessage, OutboundMessage, VoiceStatus
from conversations.tasks import inbound_sweep, outbound_send_task, outbound_sweep, reminders_send_task
from scheduling import services
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from tests.conversations.factories import InboundMessageFactory, OutboundMessageFactory

pytestmark = pytest.mark.sqlite
LONG_AGO = timezone.now() - timezone.timedelta(hours=1)
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="row security is PostgreSQL's")


def _stuck(chat: Conversation, **fields) -> OutboundMessage:
    message = OutboundMessageFactory(conversation=chat, clinic_id=chat.clinic_id, **fields)
    OutboundMessage._base_manager.filter(pk=message.pk).update(updated_at=LONG_AGO)
    return message


def test_a_send_task_that_gives_up_escalates_in_its_messages_clinic(sol_world):
    chat = sol_world["sol_chat"]
    message = _stuck(chat, attempts=settings.OUTBOUND_MAX_ATTEMPTS)

    outbound_send_task.delay(message.pk)

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    escalation = Escalation._base_manager.get()
    assert (escalation.clinic_id, escalation.conversation_id) == (chat.clinic_id, chat.pk)


def test_the_outbound_sweep_resends_each_clinics_stuck_messages_in_their_clinics(sol_world):
    vista = _stuck(sol_world["vista_chat"], status=OutboundMessage.Status.SENDING, attempts=1)
    sol = _stuck(sol_world["sol_chat"], status=OutboundMessage.Status.SENDING, attempts=1)
    given_up = _stuck(sol_world["sol_chat"], status=OutboundMessage.Status.SENDING, attempts=3)

    assert outbound_sweep() == 3

    for message in (vista, sol, given_up):
        message.refresh_from_db()
    assert vista.status == sol.status == OutboundMessage.Status.DELIVERED  # the simulator delivered them
    assert given_up.status == OutboundMessage.Status.FAILED
    assert list(Escalation._base_manager.values_list("clinic_id", flat=True)) == [
        sol_world["sol_chat"].clinic_id
    ]


def test_the_inbound_sweep_answers_each_clinics_unheard_note_in_its_own_clinic(
    sol_world, django_capture_on_commit_callbacks
):
    notes = {}
    for name in ("vista_chat", "sol_chat"):
        chat = sol_world[name]
        notes[name] = InboundMessageFactory(
            conversation=chat,
            clinic_id=chat.clinic_id,
            kind="media",
            text="",
            media=[{"url": "", "content_type": "audio/ogg"}],
            voice_status=VoiceStatus.PENDING,
        )
    InboundMessage._base_manager.filter(pk__in=[n.pk for n in notes.values()]).update(
        received_at=timezone.now() - timezone.timedelta(seconds=settings.STT_GIVE_UP_SECONDS + 5)
    )

    with django_capture_on_commit_callbacks(execute=True):
        inbound_sweep()

    for name, note in notes.items():
        note.refresh_from_db()
        chat = sol_world[name]
        assert (note.voice_status, note.voice["reason"]) == (VoiceStatus.FAILED, "timeout")
        failed = OutboundMessage._base_manager.filter(conversation=chat).order_by("-id").first()
        assert failed.clinic_id == chat.clinic_id
        assert failed.body == CATALOGUES[chat.language]["voice_failed"]


def _next_monday_ten(zone: str) -> datetime:
    monday = datetime.now(ZoneInfo(zone)).replace(hour=10, minute=0, second=0, microsecond=0)
    return monday + timedelta(days=7 - monday.weekday())


def _appointment(clinic, *, hours_ahead: int, booked_days_ago: int) -> Appointment:
    with clinic_scope(clinic.pk):
        appointment = services.appointment_create(
            patient=Patient.objects.get(phone_e164="+5511987654321"),
            practitioner=Practitioner.objects.get(code="ana-souza"),
            appointment_type=AppointmentType.objects.get(code="checkup"),
            start=_next_monday_ten(clinic.time_zone),
            actor=services.Actor.bot(),
        )
    start = timezone.now() + timedelta(hours=hours_ahead)
    Appointment._base_manager.filter(pk=appointment.pk).update(
        start=start,
        end=start + timedelta(minutes=30),
        created_at=timezone.now() - timedelta(days=booked_days_ago),
    )
    return appointment


def test_the_reminder_sweep_records_each_clinics_reminders_in_that_clinic(two_clinics):
    vista, sol = two_clinics
    booked_early = _appointment(vista, hours_ahead=23, booked_days_ago=3)
    booked_late = _appointment(sol, hours_ahead=23, booked_days_ago=0)  # inside the 24-hour window

    reminders_send_task.delay()

    assert sorted(Reminder._base_manager.values_list("appointment_id", "clinic_id", "kind")) == sorted(
        [(booked_early.pk, vista.pk, "24h"), (booked_late.pk, sol.pk, "24h")]
    )
    assert Reminder._base_manager.get(appointment=booked_late).status == Reminder.Status.SKIPPED


def test_each_clinic_runs_the_work_once_per_clinic_seeing_only_that_clinics_rows(two_clinics, sol_world):
    vista, sol = two_clinics

    seen = each_clinic(lambda: set(Conversation.objects.values_list("clinic_id", flat=True)))

    assert seen == [{vista.pk}, {sol.pk}]


def test_one_clinics_failure_does_not_keep_the_next_clinic_from_its_sweep(two_clinics, sol_world):
    vista, sol = two_clinics
    done = []

    def work():
        clinic_id = Conversation.objects.get().clinic_id
        if clinic_id == vista.pk:
            raise RuntimeError("a bad row at Vista")
        done.append(clinic_id)

    with pytest.raises(RuntimeError, match="a bad row at Vista"):
        each_clinic(work)

    assert done == [sol.pk]


@in_clinic_of(Conversation)
def _conversation_clinics_seen(conversation_id: int) -> dict[str, set[int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT clinic_id FROM conversations_conversation")
        sql = {row[0] for row in cursor.fetchall()}
    return {"sql": sql, "manager": set(Conversation.objects.values_list("clinic_id", flat=True))}


def test_a_task_runs_in_its_rows_clinic_and_leaves_no_scope_behind(sol_world):
    sol_chat = sol_world["sol_chat"]

    assert _conversation_clinics_seen(sol_chat.pk)["manager"] == {sol_chat.clinic_id}
    assert Conversation.objects.count() == 2


@on_postgresql
def test_a_tasks_unfiltered_query_sees_only_its_rows_clinic(sol_world, app_role):
    sol_chat = sol_world["sol_chat"]

    assert _conversation_clinics_seen(sol_chat.pk) == {
        "sql": {sol_chat.clinic_id},
        "manager": {sol_chat.clinic_id},
    }


@on_postgresql
def test_a_sweeps_unfiltered_query_sees_only_the_clinic_it_is_sweeping(two_clinics, sol_world, app_role):
    vista, sol = two_clinics

    def unfiltered() -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT clinic_id FROM conversations_inboundmessage")
            return {row[0] for row in cursor.fetchall()}

    assert each_clinic(unfiltered) == [{vista.pk}, {sol.pk}]
