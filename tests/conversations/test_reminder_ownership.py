"""A reminder's buttons act only on the appointments of the conversation's own patient."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from conversations.inbox import conversation_process
from conversations.models import InboundMessage, OutboundMessage
from conversations.reminders import reminder_answer, reminder_confirmed_reply
from scheduling import services as calendar
from scheduling.models import Appointment, AppointmentType, Patient, Practitioner
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
ZONE = ZoneInfo("America/Sao_Paulo")
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


@pytest.fixture
def marias_appointment():
    call_command("load_clinic", str(CLINIC), verbosity=0)
    maria = Patient.objects.create(name="Maria Souza", phone_e164="+5511955554444")
    with time_machine.travel(datetime(2026, 11, 23, 8, tzinfo=ZONE), tick=False):
        yield calendar.appointment_create(
            patient=maria,
            practitioner=Practitioner.objects.get(code="ana-souza"),
            appointment_type=AppointmentType.objects.get(code="checkup"),
            start=datetime(2026, 11, 23, 14, 0, tzinfo=ZONE),
            actor=calendar.Actor.bot(),
        )


def tap(conversation, payload: str) -> InboundMessage:
    return InboundMessageFactory(
        conversation=conversation,
        kind=InboundMessage.Kind.BUTTON,
        text="Confirm",
        button_payload=payload,
        button_text="Confirm",
    )


def stranger():
    return ConversationFactory(language="en", phone_e164="+447700900123", channel_user_id="447700900123")


def test_a_forged_reminder_button_from_a_strangers_number_is_no_reminder_answer(marias_appointment):
    conversation = stranger()

    answer = reminder_answer(
        conversation=conversation, inbound=tap(conversation, f"reminder:confirm:{marias_appointment.pk}")
    )

    assert answer is None


def test_confirming_another_patients_appointment_says_nothing_about_it(marias_appointment):
    replies = reminder_confirmed_reply(
        conversation=stranger(), appointment_id=marias_appointment.pk, language="en"
    )

    assert replies == []


def test_the_bot_reveals_nothing_of_another_patients_appointment_to_a_forged_button(marias_appointment):
    conversation = stranger()
    tap(conversation, f"reminder:confirm:{marias_appointment.pk}")

    conversation_process(conversation_id=conversation.pk)

    sent = " ".join(OutboundMessage.objects.filter(conversation=conversation).values_list("body", flat=True))
    assert "14:00" not in sent and "November" not in sent and "Souza" not in sent
    marias_appointment.refresh_from_db()
    assert marias_appointment.status == Appointment.Status.BOOKED


def test_the_patients_own_reminder_button_still_confirms(marias_appointment):
    conversation = ConversationFactory(
        language="en", phone_e164="+5511955554444", channel_user_id="5511955554444"
    )

    answer = reminder_answer(
        conversation=conversation, inbound=tap(conversation, f"reminder:confirm:{marias_appointment.pk}")
    )

    assert answer == ("confirm", marias_appointment.pk)
    [reply] = reminder_confirmed_reply(
        conversation=conversation, appointment_id=marias_appointment.pk, language="en"
    )
    assert "14:00" in reply.text
