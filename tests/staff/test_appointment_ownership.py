"""Reception acts on a patient's appointments only through that patient's own conversation:
another conversation's URL is a 404, changes nothing and files no audit under the wrong chat."""

import pytest
from django.urls import reverse

from audit.models import StaffAction
from conversations.staff import services
from scheduling.models import Appointment, Patient
from tests.conversations.factories import ConversationFactory
from tests.staff.factories import receptionist
from tests.staff.test_appointment_actions import book, clock, demo_clinic, joao  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def marias_appointment(clock):  # noqa: F811
    maria = Patient.objects.create(name="Maria Souza", phone_e164="+5511955554444")
    return book(maria, "2026-11-27 09:00")


@pytest.fixture
def sofias_conversation():
    Patient.objects.create(name="Sofía Díaz", phone_e164="+5491155551234")
    return ConversationFactory(language="es", phone_e164="+5491155551234", channel_user_id="5491155551234")


@pytest.mark.parametrize(
    "name, data",
    [
        ("staff_appointment_cancel", {"reason": "called the clinic"}),
        ("staff_appointment_reschedule", {"start": "2026-11-30T15:00"}),
    ],
)
def test_acting_on_another_patients_appointment_through_a_conversation_is_a_404(
    client, marias_appointment, sofias_conversation, name, data
):
    client.force_login(receptionist())

    response = client.post(reverse(name, args=[sofias_conversation.pk, marias_appointment.pk]), data)

    assert response.status_code == 404
    marias_appointment.refresh_from_db()
    assert marias_appointment.status == Appointment.Status.BOOKED
    assert not Appointment.objects.filter(rescheduled_from=marias_appointment).exists()
    assert not StaffAction.objects.filter(conversation_id=sofias_conversation.pk).exists()


def test_the_service_refuses_an_appointment_outside_the_conversation(marias_appointment, sofias_conversation):
    with pytest.raises(services.NotInConversation):
        services.staff_appointment_cancel(
            appointment_id=marias_appointment.pk,
            user=receptionist(),
            reason="called",
            conversation_id=sofias_conversation.pk,
        )


def test_a_patient_sharing_the_number_is_the_conversations_own(client, clock, joao):  # noqa: F811
    son = Patient.objects.create(name="Pedro Lima", phone_e164=joao.phone_e164)
    appointment = book(son, "2026-11-27 09:00")
    conversation = ConversationFactory(phone_e164=joao.phone_e164, channel_user_id="5511987654321")
    client.force_login(receptionist())

    client.post(
        reverse("staff_appointment_cancel", args=[conversation.pk, appointment.pk]), {"reason": "flu"}
    )

    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert StaffAction.objects.get(action="staff_cancel").conversation_id == conversation.pk
