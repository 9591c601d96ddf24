"""How many statements one patient turn costs the worker. Every statement is a round trip
under the conversation's lock, so a change that adds one to each turn (a trace written on
its own, a row read back, an N+1 over offered slots) shows up here before it shows up as
lower throughput in bench/load."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import TraceEvent
from conversations.inbox import conversation_process
from conversations.models import OutboundMessage
from scheduling.models import Appointment
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))

# (patient says, budget of statements for the worker's whole turn, reply starts with)
TURNS = [
    # 22, + the conversation's clinic, read once per conversation and worker process
    ("Hi, I'd like to book an appointment", 23, "To book, I need"),
    ("Ana Lima", 17, "Thanks, Ana."),
    ("12/03/1985", 19, "Which kind of appointment"),
    ("1", 19, "When would suit you?"),
    # +1: a message naming a day reads the last message's options (was it the campaign's
    # "when should we ask you again?", which a day answers even while a booking is open)
    ("next Tuesday", 22, "These are the nearest free times"),
    ("1", 31, "Please confirm"),
    # 30, + the COUNT of the clinic's cap on upcoming bot bookings, + the approved answer
    # the confirmation ends with (clinic.confirmation_faq), + whether the patient waits on
    # the waitlist for this kind of visit (a direct booking ends it)
    ("yes", 33, "Booked!"),
    ("hello", 16, "Hello!"),  # +1: was the last reply the welcome already (greeted again, the menu)
]


def test_a_booking_conversation_stays_within_its_statement_budget(time_machine):
    time_machine.move_to(MONDAY)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    conversation = ConversationFactory(
        language="en", channel_user_id="+14155550199", phone_e164="+14155550199"
    )
    spent = []
    for text, budget, reply_start in TURNS:
        InboundMessageFactory(conversation=conversation, text=text)
        with CaptureQueriesContext(connection) as queries:
            conversation_process(conversation_id=conversation.pk)
        reply = OutboundMessage.objects.filter(conversation=conversation).order_by("-id").first()
        assert reply.body.startswith(reply_start), (text, reply.body)
        spent.append((text, len(queries.captured_queries), budget))

    # On PostgreSQL the turn's clinic is also given to row-level security and taken back.
    row_security = 2 if connection.vendor == "postgresql" else 0
    over = [(text, used, budget) for text, used, budget in spent if used > budget + row_security]
    assert not over, f"turns over budget (text, statements, budget): {over}; all: {spent}"
    assert Appointment.objects.filter(patient__phone_e164="+14155550199").count() == 1
    # Batching the traces loses none: every turn still leaves its incoming/decided pair.
    assert TraceEvent.objects.filter(conversation=conversation, type="INCOMING_MESSAGE").count() == len(TURNS)
    assert TraceEvent.objects.filter(conversation=conversation, type="REPLY_DECIDED").count() == len(TURNS)
