"""Whole conversations through the Meta door: a booking typed and tapped end to end, the
status webhooks moving replies forward only, a reminder as a template outside the window."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from audit.models import TraceEvent
from conversations.models import Conversation, Escalation, OutboundMessage
from conversations.reminders import reminders_send
from scheduling import services as calendar
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from tests.conftest import meta_fixture
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
ZONE = ZoneInfo("America/Sao_Paulo")
CLINIC = Path(__file__).resolve().parents[3] / "clinic.example.yaml"
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=ZONE)
PATIENT = "14155550199"


class Patient_:
    """One patient on WhatsApp: types, taps what the bot's last interactive message offers."""

    def __init__(self, post_meta, fake_graph) -> None:
        self.post, self.fake, self.sent = post_meta, fake_graph, 0

    def _post(self, name: str, **values: str) -> dict:
        self.sent += 1
        seen = len(self.fake.messages())
        response = self.post(meta_fixture(name, id=f"wamid.IN{self.sent}", **{"from": PATIENT}, **values))
        assert response.status_code == 200
        [reply, *_] = self.fake.messages()[seen:]
        return reply.body

    def says(self, text: str) -> dict:
        return self._post("text_any", text=text)

    def taps(self, reply: dict, number: int) -> dict:
        interactive = reply["interactive"]
        if interactive["type"] == "button":
            chosen = interactive["action"]["buttons"][number - 1]["reply"]
            return self._post("button_reply", payload=chosen["id"], title=chosen["title"], context="wamid.X")
        chosen = interactive["action"]["sections"][0]["rows"][number - 1]
        return self._post("list_reply", payload=chosen["id"], title=chosen["title"], context="wamid.X")


def text_of(reply: dict) -> str:
    if reply["type"] == "text":
        return reply["text"]["body"]
    return reply["interactive"]["body"]["text"]


def test_a_patient_books_through_the_meta_door_typing_and_tapping(
    meta_settings, fake_graph, post_meta, time_machine
):
    time_machine.move_to(MONDAY)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    patient = Patient_(post_meta, fake_graph)

    assert text_of(patient.says("Hi, I'd like to book an appointment")).startswith("To book, I need")
    assert text_of(patient.says("Ana Lima")).startswith("Thanks, Ana.")
    kinds = patient.says("12/03/1985")
    assert text_of(kinds).startswith("Which kind of appointment")
    assert kinds["type"] == "interactive"
    assert text_of(patient.taps(kinds, 1)).startswith("When would suit you?")
    times = patient.says("next Tuesday")
    assert text_of(times).startswith("These are the nearest free times")
    assert times["type"] == "interactive"
    confirm = patient.taps(times, 1)
    assert text_of(confirm).startswith("Please confirm")
    booked = patient.taps(confirm, 1) if confirm["type"] == "interactive" else patient.says("yes")

    assert text_of(booked).startswith("Booked!")
    appointment = Appointment.objects.get(patient__phone_e164="+" + PATIENT)
    assert appointment.patient.name == "Ana Lima"
    conversation = Conversation.objects.get()
    assert (conversation.channel, conversation.profile_name) == ("meta", "Priya")
    assert all(r.body["to"] == PATIENT for r in fake_graph.messages())


@pytest.fixture
def replied(meta_settings, fake_graph, post_meta) -> OutboundMessage:
    """A reply the bot sent through the Graph API, to a patient's hello."""
    post_meta(meta_fixture("text_any", id="wamid.HELLO", text="Hello", **{"from": PATIENT}))
    reply = OutboundMessage.objects.get()
    assert reply.status == OutboundMessage.Status.SENT and reply.provider_message_id.startswith("wamid.")
    return reply


def status(post_meta, reply: OutboundMessage, value: str) -> None:
    body = meta_fixture("status", id=reply.provider_message_id, status=value, **{"from": PATIENT})
    assert post_meta(body).status_code == 200


def test_statuses_move_a_reply_forward(replied, post_meta):
    seen = []
    for value in ("sent", "delivered", "read"):
        status(post_meta, replied, value)
        replied.refresh_from_db()
        seen.append(replied.status)

    assert seen == ["sent", "delivered", "read"]


def test_a_late_delivered_after_read_changes_nothing(replied, post_meta):
    status(post_meta, replied, "read")  # delivered and read at once: Meta sends only read
    status(post_meta, replied, "delivered")
    status(post_meta, replied, "sent")

    replied.refresh_from_db()
    assert replied.status == OutboundMessage.Status.READ


def test_a_played_voice_note_status_moves_nothing(replied, post_meta):
    status(post_meta, replied, "delivered")
    status(post_meta, replied, "played")

    replied.refresh_from_db()
    assert replied.status == OutboundMessage.Status.DELIVERED


def test_a_failed_status_is_final_and_a_repeated_one_alerts_staff_once(replied, post_meta):
    failed = meta_fixture("status_failed", id=replied.provider_message_id, code="131047", **{"from": PATIENT})

    post_meta(failed)
    post_meta(failed)  # Meta delivers at least once
    status(post_meta, replied, "delivered")

    replied.refresh_from_db()
    assert (replied.status, replied.error_code) == (OutboundMessage.Status.FAILED, "131047")
    assert Escalation.objects.get().reason == Escalation.Reason.WINDOW_CLOSED
    assert TraceEvent.objects.filter(type=TraceEvent.Type.OUTBOUND_FAILED).count() == 1


def test_a_status_and_a_message_in_one_envelope_are_both_taken(replied, fake_graph, post_meta):
    envelope = json.loads(meta_fixture("text_any", id="wamid.AGAIN", text="thanks", **{"from": PATIENT}))
    status_value = json.loads(
        meta_fixture("status", id=replied.provider_message_id, status="read", **{"from": PATIENT})
    )
    envelope["entry"][0]["changes"][0]["value"]["statuses"] = status_value["entry"][0]["changes"][0]["value"][
        "statuses"
    ]

    post_meta(json.dumps(envelope).encode())

    replied.refresh_from_db()
    assert replied.status == OutboundMessage.Status.READ
    assert OutboundMessage.objects.count() == 2  # and the new message was answered


def test_a_reminder_outside_the_window_is_the_meta_template_whose_quick_replies_answer_it(
    meta_settings, fake_graph, post_meta, django_capture_on_commit_callbacks
):
    meta_settings.META_TEMPLATES = {"reminder": {"en": "appointment_reminder/en_US"}}
    call_command("load_clinic", str(CLINIC), verbosity=0)
    maria = Patient.objects.create(name="Maria Souza", phone_e164="+5511955554444", language="en")
    ConversationFactory(
        channel=Conversation.Channel.META,
        channel_user_id="5511955554444",
        phone_e164="+5511955554444",
        last_inbound_at=datetime(2026, 11, 20, 9, tzinfo=ZONE),
    )
    with time_machine.travel(datetime(2026, 11, 20, 9, 5, tzinfo=ZONE), tick=False):
        calendar.appointment_create(
            patient=maria,
            practitioner=Practitioner.objects.get(code="ana-souza"),
            appointment_type=AppointmentType.objects.get(code="checkup"),
            start=datetime(2026, 11, 25, 10, 0, tzinfo=ZONE),
            actor=calendar.Actor.bot(),
        )
    with (
        time_machine.travel(datetime(2026, 11, 24, 11, tzinfo=ZONE), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        counts = reminders_send()

    assert counts["sent"] == 1
    [request] = fake_graph.messages()
    template = request.body["template"]
    assert (request.body["to"], template["name"], template["language"]) == (
        "5511955554444",
        "appointment_reminder",
        {"code": "en_US"},
    )
    assert template["components"][0]["parameters"][0] == {"type": "text", "text": "Maria"}
    assert Conversation.objects.count() == 1  # the patient's own door, not a new conversation
    appointment = Appointment.objects.get(patient=maria)
    payloads = [c["parameters"][0]["payload"] for c in template["components"] if c["type"] == "button"]
    assert payloads == [
        f"reminder:{action}:{appointment.pk}" for action in ("confirm", "reschedule", "cancel")
    ]

    # The patient taps the template's Confirm: Meta posts our payload back.
    tapped = meta_fixture(
        "template_button", id="wamid.TAP1", payload=payloads[0], title="Confirm", context="wamid.X",
        **{"from": "5511955554444"},
    )  # fmt: skip
    with time_machine.travel(datetime(2026, 11, 24, 12, tzinfo=ZONE), tick=False):
        assert post_meta(tapped).status_code == 200

    [_, answer] = fake_graph.messages()
    assert text_of(answer.body) == "Thank you! See you on Wednesday 25 November at 10:00."
    assert TraceEvent.objects.filter(
        type=TraceEvent.Type.REMINDER_ANSWERED, payload__action="confirm", payload__still_booked=True
    ).exists()
