"""The simulator page: off in production, never with real Twilio credentials, reception only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from twilio.request_validator import RequestValidator

from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import UserFactory, content_admin, operations_lead, receptionist

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
PHONE = "+5511987654321"
REAL_TWILIO = {
    "TWILIO_ACCOUNT_SID": "AC" + "1" * 32,
    "TWILIO_AUTH_TOKEN": "a-real-twilio-auth-token",
    "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
    "PUBLIC_BASE_URL": "https://clinic.example.com",
}
PAGES = [
    ("get", "/simulator/", {}),
    ("post", "/simulator/sign/", {"phone": PHONE, "body": "cancel my appointment"}),
    ("post", "/simulator/transcript/", {"phone": PHONE}),
]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def simulator_on(settings):
    settings.SIMULATOR_ENABLED = True
    return settings


def test_start_up_refuses_the_simulator_with_real_twilio_credentials():
    result = manage("check", DEBUG="true", SIMULATOR_ENABLED="true", **REAL_TWILIO)

    assert result.returncode != 0
    assert "SIMULATOR_ENABLED" in result.stderr and "TWILIO_AUTH_TOKEN" in result.stderr


@pytest.mark.parametrize(
    "env, enabled",
    [
        ({"DEBUG": "false", "SECRET_KEY": "x7Rk2-production-secret-q9Wm4-0123456789-abcdefghijkl"}, "False"),
        ({"DEBUG": "true"}, "True"),
        ({"DEBUG": "true", **REAL_TWILIO}, "False"),
    ],
)
def test_the_simulator_is_on_by_default_only_with_debug_and_no_twilio(env, enabled):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SIMULATOR_ENABLED)",
        **env,
    )

    assert result.stdout.strip() == enabled, result.stderr


@pytest.mark.parametrize("method, path, data", PAGES)
def test_the_simulator_sends_anonymous_visitors_to_the_login(client, simulator_on, method, path, data):
    response = getattr(client, method)(path, data)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("method, path, data", PAGES)
@pytest.mark.parametrize(
    "make_user",
    [UserFactory, lambda: UserFactory(is_staff=True), content_admin],
    ids=["no role", "is_staff without a role", "content admin"],
)
def test_the_simulator_refuses_users_without_a_reception_role(
    client, simulator_on, make_user, method, path, data
):
    client.force_login(make_user())

    assert getattr(client, method)(path, data).status_code == 403


@pytest.mark.parametrize("method, path, data", PAGES)
@pytest.mark.parametrize("make_user", [receptionist, operations_lead], ids=["reception", "operations lead"])
def test_reception_and_the_operations_lead_use_the_simulator(
    client, simulator_on, make_user, method, path, data
):
    client.force_login(make_user())

    assert getattr(client, method)(path, data).status_code == 200


@pytest.mark.parametrize("method, path, data", PAGES)
def test_the_simulator_is_gone_with_real_twilio_credentials_even_if_switched_on(
    client, simulator_on, method, path, data
):
    for name, value in REAL_TWILIO.items():
        setattr(simulator_on, name, value)
    simulator_on.TWILIO_CONFIGURED = True
    client.force_login(receptionist())

    response = getattr(client, method)(path, data)

    assert response.status_code == 404
    assert b"a-real-twilio-auth-token" not in response.content


def test_the_simulator_signs_with_its_own_token(client, simulator_on):
    client.force_login(receptionist())

    signed = client.post("/simulator/sign/", {"phone": PHONE, "body": "hello"}).json()

    url = "http://testserver" + signed["url"]
    expected = RequestValidator(simulator_on.SIMULATOR_AUTH_TOKEN).compute_signature(url, signed["params"])
    assert signed["signature"] == expected


def test_the_simulator_token_gives_nothing_of_the_secret_key_away(settings):
    assert settings.SECRET_KEY[:8] not in settings.SIMULATOR_AUTH_TOKEN


def test_the_transcript_takes_the_phone_in_the_body_not_the_query_string(client, simulator_on):
    conversation = ConversationFactory(channel_user_id=PHONE.lstrip("+"), phone_e164=PHONE)
    InboundMessageFactory(conversation=conversation, text="quero marcar uma consulta")
    client.force_login(receptionist())

    assert client.get("/simulator/transcript/", {"phone": PHONE}).status_code == 405
    assert "quero marcar uma consulta" in client.post("/simulator/transcript/", {"phone": PHONE}).text


def test_the_simulator_page_polls_its_transcript_without_a_phone_in_the_url(client, simulator_on):
    client.force_login(receptionist())

    page = client.get("/simulator/").text

    assert 'hx-post="/simulator/transcript/"' in page
    assert "hx-get" not in page
