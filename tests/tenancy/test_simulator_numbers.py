"""With clinics listing their numbers, the simulator lets staff pick which clinic number they
write to (among their clinics'), and shows the chat with that clinic."""

import json
from urllib.parse import urlencode

import pytest

from conversations.models import Conversation
from scheduling.models import ClinicMembership
from tests.staff.factories import receptionist
from tests.tenancy.conftest import SOL_TWILIO, VISTA_META, VISTA_TWILIO

pytestmark = pytest.mark.sqlite
PHONE = "+447700900555"


@pytest.fixture
def reception_of_both(two_clinics, settings):
    settings.SIMULATOR_ENABLED = True
    user = receptionist()
    for clinic in two_clinics:
        ClinicMembership.objects.create(user=user, clinic=clinic, role=ClinicMembership.Role.RECEPTION)
    return user


def _write(client, number: str, body: str, django_capture_on_commit_callbacks):
    signed = client.post("/simulator/sign/", {"phone": PHONE, "body": body, "number": number})
    assert signed.status_code == 200
    data = signed.json()
    with django_capture_on_commit_callbacks(execute=True):
        delivered = client.post(
            data["url"],
            data["body"] or urlencode(data["params"]),
            content_type=data["content_type"] if data["body"] else "application/x-www-form-urlencoded",
            **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in data["headers"].items()},
        )
    assert delivered.status_code == 200
    return data


def test_the_page_lists_the_numbers_of_the_users_clinics(client, reception_of_both):
    client.force_login(reception_of_both)

    page = client.get("/simulator/").content.decode()

    assert f'value="twilio:{SOL_TWILIO}">Clínica Sol · WhatsApp via Twilio {SOL_TWILIO}' in page
    assert f'value="twilio:{VISTA_TWILIO}"' in page and f'value="meta:{VISTA_META}"' in page


def test_writing_to_a_clinics_number_talks_to_that_clinic(
    client, reception_of_both, two_clinics, django_capture_on_commit_callbacks
):
    vista, sol = two_clinics
    client.force_login(reception_of_both)

    _write(client, f"twilio:{SOL_TWILIO}", "hola", django_capture_on_commit_callbacks)
    signed = _write(client, f"meta:{VISTA_META}", "olá", django_capture_on_commit_callbacks)

    assert (
        json.loads(signed["body"])["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"]
        == VISTA_META
    )
    chats = Conversation._base_manager.filter(channel_user_id=PHONE.lstrip("+"))
    assert sorted(chats.values_list("clinic_id", "channel", "address")) == sorted(
        [(sol.pk, "twilio", SOL_TWILIO), (vista.pk, "meta", VISTA_META)]
    )
    sol_transcript = client.post("/simulator/transcript/", {"phone": PHONE, "number": f"twilio:{SOL_TWILIO}"})
    assert "Clínica Sol" in sol_transcript.content.decode()
    assert "Clínica Vista" not in sol_transcript.content.decode()


def test_a_number_of_a_clinic_the_user_does_not_work_at_is_refused(
    client, two_clinics, vista_reception, settings
):
    settings.SIMULATOR_ENABLED = True
    client.force_login(vista_reception)

    response = client.post(
        "/simulator/sign/", {"phone": PHONE, "body": "hola", "number": f"twilio:{SOL_TWILIO}"}
    )

    assert response.status_code == 400
    assert f"twilio:{SOL_TWILIO}" not in client.get("/simulator/").content.decode()
