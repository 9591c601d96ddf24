"""Production is the default: DEBUG off unless set, no placeholder secret, sessions that
end when staff walk away, and `check --deploy` clean with the example settings."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from tests.staff.factories import receptionist

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite
REAL_SECRET = "x7Rk2-production-secret-q9Wm4-0123456789-abcdefghijkl"
INHERITED = {
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DEBUG",
    "SECRET_KEY",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in INHERITED}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def test_debug_is_off_unless_set():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        SECRET_KEY=REAL_SECRET,
    )

    assert result.stdout.strip() == "False", result.stderr


def test_start_up_without_debug_refuses_the_embedded_development_key():
    result = manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_start_up_without_debug_refuses_the_env_example_secret_key():
    example = env_example()
    assert example["DEBUG"] == "false"

    result = manage("check", DEBUG="false", SECRET_KEY=example["SECRET_KEY"])

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("weak", ["short-secret", "a" * 60, "django-insecure-" + "k" * 50])
def test_start_up_without_debug_refuses_a_weak_secret_key(weak):
    result = manage("check", DEBUG="false", SECRET_KEY=weak)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_the_production_example_settings():
    env = env_example() | {"SECRET_KEY": REAL_SECRET}
    assert env["DEBUG"] == "false" and env["PUBLIC_BASE_URL"].startswith("https://") and env["ALLOWED_HOSTS"]

    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_a_staff_session_ends_after_eight_idle_hours(client):
    client.force_login(receptionist())
    assert client.get("/staff/").status_code == 200

    with time_machine.travel(timezone.now() + timedelta(hours=8, minutes=1)):
        response = client.get("/staff/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_a_staff_session_in_use_stays_open_past_eight_hours(client):
    client.force_login(receptionist())
    start = timezone.now()

    for hours in (3, 6, 9, 12):
        with time_machine.travel(start + timedelta(hours=hours)):
            assert client.get("/staff/").status_code == 200
