import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite


def django_check(**env: str) -> subprocess.CompletedProcess:
    inherited = {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited} | {"DEBUG": "true"}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "variable, value",
    [
        ("DATABASE_URL", "mysql://nope"),
        ("CELERY_BROKER_URL", "amqp://guest@localhost//"),
        ("DEBUG", "perhaps"),
        ("NLU_ENGINE", "gpt"),
        ("TWILIO_API_BASE_URL", "ftp://twilio"),
        ("TWILIO_TIMEOUT_SECONDS", "soon"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(variable, value):
    result = django_check(**{variable: value})

    assert result.returncode != 0
    assert variable in result.stderr


def test_the_embedded_defaults_with_debug_on_pass_the_checks():
    result = django_check()

    assert result.returncode == 0, result.stderr


def test_half_configured_twilio_fails_the_check(settings):
    settings.TWILIO_ACCOUNT_SID = "AC" + "1" * 32
    settings.TWILIO_AUTH_TOKEN = ""

    ids = {message.id for message in run_checks(databases=[])}

    assert "clinicbot.E001" in ids


def test_public_url_must_be_https_when_debug_is_off(settings):
    settings.DEBUG = False
    settings.PUBLIC_BASE_URL = "http://clinic.example.com"

    assert "clinicbot.E004" in {message.id for message in run_checks(databases=[])}


def test_claude_engine_without_a_key_fails_the_check(settings):
    settings.NLU_ENGINE = "claude"
    settings.ANTHROPIC_API_KEY = ""

    assert "clinicbot.E006" in {message.id for message in run_checks(databases=[])}
