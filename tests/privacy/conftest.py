from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from booking.models import BookingSession
from conversations.escalations import conversation_hand_back, escalation_claim
from conversations.models import Conversation, Escalation, UnansweredQuestion
from scheduling.models import Appointment, Patient
from tests.scheduling.factories import AppointmentTypeFactory, LocationFactory, PractitionerFactory
from tests.staff.factories import receptionist

WEBHOOK = "/webhooks/twilio/whatsapp/"
PHONE = "+447700900123"
NAME = "Priya Sharma"
DOB = date(1984, 3, 2)
# Everything that identifies the patient; none may survive an erasure anywhere.
SECRETS = ["447700900123", "Priya", "Sharma", "1984-03-02", "NHS-9434765919", "flat 3 Elm Road"]


def inbound_form(sid: int, *, body: str = "", media: str = "", phone: str = PHONE, name: str = NAME) -> str:
    fields = {
        "MessageSid": f"SM{sid:032x}",
        "AccountSid": "AC" + "0" * 32,
        "From": f"whatsapp:{phone}",
        "To": "whatsapp:+14155238886",
        "WaId": phone.lstrip("+"),
        "ProfileName": name,
        "Body": body,
        "NumMedia": "1" if media else "0",
        "MessageType": "image" if media else "text",
    }
    if media:
        fields |= {"MediaUrl0": media, "MediaContentType0": "image/jpeg"}
    return urlencode(fields)


@pytest.fixture
def patient_history(post_webhook):
    """A patient who chatted, sent a photo, was escalated and handed back, and booked."""
    post_webhook(
        WEBHOOK,
        inbound_form(1, body=f"Hi, this is {NAME}, I live at flat 3 Elm Road. Can I talk to a person?"),
    )
    post_webhook(WEBHOOK, inbound_form(2, media="https://api.twilio.com/media/ME1?who=Priya"))
    conversation = Conversation.objects.get(phone_e164=PHONE)
    staff = receptionist()
    escalation = Escalation.objects.get(conversation=conversation)
    escalation_claim(escalation_id=escalation.pk, user=staff)
    conversation_hand_back(conversation_id=conversation.pk, user=staff, note=f"called {NAME} back")
    patient = Patient.objects.create(
        name=NAME, phone_e164=PHONE, date_of_birth=DOB, external_id="NHS-9434765919"
    )
    practitioner = PractitionerFactory()
    location = LocationFactory()
    start = timezone.now() + timedelta(days=3)
    appointment = Appointment.objects.create(
        patient=patient,
        practitioner=practitioner,
        location=location,
        appointment_type=AppointmentTypeFactory(),
        start=start,
        end=start + timedelta(minutes=30),
        status=Appointment.Status.CANCELLED,
        source=Appointment.Source.WHATSAPP,
        conversation_id=conversation.pk,
        cancellation_reason="Priya is travelling",
    )
    BookingSession.objects.create(
        conversation_id=conversation.pk,
        flow="book",
        state="RESET",
        data={"name": NAME, "dob": "1984-03-02"},
        expires_at=timezone.now(),
    )
    UnansweredQuestion.objects.create(
        conversation=conversation, language="en", text=f"{NAME}: flat 3 Elm Road?"
    )
    LogEntry.objects.create(
        user=staff,
        content_type=ContentType.objects.get_for_model(Patient),
        object_id=str(patient.pk),
        object_repr=str(patient),
        action_flag=CHANGE,
        change_message="Changed name for Priya Sharma",
    )
    return {"conversation": conversation, "patient": patient, "appointment": appointment, "staff": staff}
