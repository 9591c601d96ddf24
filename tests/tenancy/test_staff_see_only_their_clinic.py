"""Reception of one clinic cannot open, list, export or act on another clinic's
conversations or appointments: not on the staff pages, not in the admin, not through the API.
A superuser sees every clinic and switches between them."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from audit.models import StaffAction
from conversations.models import OutboundMessage
from scheduling.models import Appointment, ClinicMembership

pytestmark = pytest.mark.sqlite


@pytest.fixture
def logged_in(client, vista_reception):
    client.force_login(vista_reception)
    return client


def test_the_conversation_list_holds_only_the_users_clinic(logged_in, sol_world):
    page = logged_in.get(reverse("staff_conversations")).content.decode()

    assert reverse("staff_conversation", args=[sol_world["vista_chat"].pk]) in page
    assert reverse("staff_conversation", args=[sol_world["sol_chat"].pk]) not in page


@pytest.mark.parametrize("name", ["staff_conversation", "staff_replay"])
def test_another_clinics_conversation_is_not_found(logged_in, sol_world, name):
    sol_chat = sol_world["sol_chat"].pk

    assert logged_in.get(reverse(name, args=[sol_chat])).status_code == 404
    assert logged_in.get(reverse(name, args=[sol_chat]) + "?format=json").status_code == 404


def test_replying_in_another_clinics_conversation_sends_nothing(logged_in, sol_world):
    sol_chat = sol_world["sol_chat"]
    before = OutboundMessage._base_manager.filter(conversation=sol_chat).count()

    response = logged_in.post(reverse("staff_reply", args=[sol_chat.pk]), {"body": "Hola"})

    assert response.status_code == 404
    assert OutboundMessage._base_manager.filter(conversation=sol_chat).count() == before
    assert not StaffAction._base_manager.exists()


def test_another_clinics_appointment_cannot_be_opened_or_cancelled_at_the_desk(logged_in, sol_world):
    appointment = sol_world["sol_appointment"]

    assert logged_in.get(reverse("staff_calendar_appointment", args=[appointment.pk])).status_code == 404
    response = logged_in.post(reverse("staff_desk_cancel", args=[appointment.pk]), {"reason": "x"})

    assert response.status_code == 404
    assert Appointment._base_manager.get(pk=appointment.pk).status == Appointment.Status.BOOKED


def test_naming_another_clinic_is_refused(logged_in, sol_world):
    assert logged_in.get(reverse("staff_conversations") + "?clinic=sol").status_code == 403


def test_the_admin_lists_and_opens_only_the_users_clinic(logged_in, sol_world):
    changelist = logged_in.get(reverse("admin:conversations_conversation_changelist")).content.decode()
    sol_change = reverse("admin:conversations_conversation_change", args=[sol_world["sol_chat"].pk])
    vista_change = reverse("admin:conversations_conversation_change", args=[sol_world["vista_chat"].pk])

    assert vista_change in changelist and sol_change not in changelist
    assert logged_in.get(sol_change).status_code == 302  # "doesn't exist", back to the index
    appointment = reverse("admin:scheduling_appointment_change", args=[sol_world["sol_appointment"].pk])
    assert logged_in.get(appointment).status_code == 302


def test_the_messages_no_clinic_owns_are_for_superusers_only(logged_in, sol_world):
    assert logged_in.get(reverse("admin:conversations_unroutedmessage_changelist")).status_code == 403


def _api(user) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def test_the_api_lists_only_the_tokens_clinic(vista_reception, sol_world):
    listed = _api(vista_reception).get(reverse("scheduling-api:appointments")).json()["appointments"]

    assert sol_world["sol_appointment"].pk not in [a["id"] for a in listed]


def test_the_api_refuses_another_clinic_and_its_appointments(vista_reception, sol_world):
    api = _api(vista_reception)
    appointment = sol_world["sol_appointment"]

    assert api.get(reverse("scheduling-api:appointments") + "?clinic=sol").status_code == 403
    assert (
        api.post(
            reverse("scheduling-api:appointment-cancel", args=[appointment.pk]), {"reason": "x"}
        ).status_code
        == 404
    )
    assert Appointment._base_manager.get(pk=appointment.pk).status == Appointment.Status.BOOKED


def test_a_user_of_several_clinics_names_one_in_the_api(vista_reception, two_clinics, sol_world):
    ClinicMembership.objects.create(user=vista_reception, clinic=two_clinics[1], role="Reception")
    api = _api(vista_reception)

    assert api.get(reverse("scheduling-api:appointments")).status_code == 400
    listed = api.get(reverse("scheduling-api:appointments") + "?clinic=sol").json()["appointments"]
    assert [a["id"] for a in listed] == [sol_world["sol_appointment"].pk]


def test_a_superuser_switches_clinic_and_the_choice_stays(client, django_user_model, sol_world):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw"))
    sol_chat = reverse("staff_conversation", args=[sol_world["sol_chat"].pk])

    assert client.get(sol_chat).status_code == 404  # the first clinic, until another is chosen
    assert client.get(sol_chat + "?clinic=sol").status_code == 200
    assert client.get(sol_chat).status_code == 200
    assert client.get(reverse("admin:conversations_unroutedmessage_changelist")).status_code == 200
