import os
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIXTURES = Path(__file__).parent / "fixtures"
PUBLIC_BASE_URL = "https://clinic.example.com"


@pytest.fixture(autouse=True)
def fresh_clinic_directory():
    """Each test builds its own clinic; never serve another test's cached snapshot, numbers
    or rows' clinics."""
    from conversations.numbers import numbers_invalidate
    from scheduling.directory import directory_invalidate

    directory_invalidate()
    numbers_invalidate()
    yield
    directory_invalidate()
    numbers_invalidate()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def celery_eager(request):
    """Unit tests run tasks in-process; integration tests talk to a real worker."""
    from clinicbot.celery import app

    eager = request.node.get_closest_marker("integration") is None
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def fake_twilio():
    from tests.fakes.twilio_server import FakeTwilio

    server = FakeTwilio().start()
    yield server
    server.stop()


@pytest.fixture
def twilio_settings(settings, fake_twilio):
    """Real Twilio channel, pointed at the loopback fake."""
    from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN

    settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.TWILIO_WHATSAPP_FROM = "whatsapp:+14155238886"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    settings.TWILIO_CONFIGURED = True
    settings.TWILIO_TIMEOUT_SECONDS = 2
    settings.PUBLIC_BASE_URL = PUBLIC_BASE_URL
    settings.SIMULATOR_ENABLED = False
    return settings


@pytest.fixture
def fake_graph():
    from tests.fakes.graph_server import FakeGraph

    server = FakeGraph().start()
    yield server
    server.stop()


@pytest.fixture
def meta_settings(settings, fake_graph):
    """Real Meta Cloud API channel, pointed at the loopback fake Graph API."""
    from tests.fakes.graph_server import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN

    settings.META_APP_SECRET = APP_SECRET
    settings.META_VERIFY_TOKEN = VERIFY_TOKEN
    settings.META_ACCESS_TOKEN = ACCESS_TOKEN
    settings.META_PHONE_NUMBER_ID = PHONE_NUMBER_ID
    settings.META_GRAPH_BASE_URL = fake_graph.base_url
    settings.META_TIMEOUT_SECONDS = 2
    settings.META_CONFIGURED = True
    settings.SIMULATOR_ENABLED = False
    return settings


META_WEBHOOK = "/webhooks/meta/whatsapp/"


def meta_fixture(name: str, **values: str) -> bytes:
    """A captured-shape Meta webhook body; {placeholders} filled from `values`."""
    text = (FIXTURES / "meta" / f"{name}.json").read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.encode()


@pytest.fixture
def post_meta(client, settings, django_capture_on_commit_callbacks):
    """POST a JSON body to Meta's webhook, signed with the app secret (or `signature`);
    the tasks it enqueues on commit run in-process before this returns."""

    def post(body: bytes, *, signature: str | None = None):
        from conversations.channels.meta import webhook_secret
        from conversations.channels.meta.webhook import signature as sign_body

        if signature is None:
            signature = sign_body(body, secret=webhook_secret())
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                META_WEBHOOK, body, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signature
            )

    return post


def fixture_form(name: str, **values: str) -> str:
    text = (FIXTURES / "twilio" / f"{name}.form").read_text()
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def sign(url: str, body: str, token: str) -> str:
    from twilio.request_validator import RequestValidator

    return RequestValidator(token).compute_signature(url, dict(parse_qsl(body, keep_blank_values=True)))


@pytest.fixture
def post_webhook(client, settings, django_capture_on_commit_callbacks):
    """POST a form body to a webhook path, signed as Twilio would sign it; the tasks it
    enqueues on commit run in-process before this returns."""

    def post(path: str, body: str, *, signature: str | None = None, **extra):
        from conversations.channels.twilio import webhook_auth_token

        url = (settings.PUBLIC_BASE_URL or "http://testserver") + path
        if signature is None:
            signature = sign(url, body, webhook_auth_token())
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                path,
                body,
                content_type="application/x-www-form-urlencoded",
                HTTP_X_TWILIO_SIGNATURE=signature,
                **extra,
            )

    return post


def pytest_terminal_summary(terminalreporter):
    """Scripted conversations: completion rate and field accuracy, gathered from the test
    reports (so it works under pytest-xdist, where only reports reach this process)."""
    from tests.scenarios.runner import Outcome, summary

    outcomes = [
        Outcome(**value)
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", "") == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == "scenario_outcome"
    ]
    if outcomes:
        terminalreporter.write_sep("-", "scripted conversations")
        terminalreporter.write_line(summary(outcomes))
