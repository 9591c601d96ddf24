"""Phone numbers never reach a log in clear: URL-encoded or as WhatsApp addresses, through
every handler of the web process and of a Celery worker, the twilio SDK's included."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinicbot.logging import MaskPhoneNumbers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite
NUMBER = "5491155551234"


def masked(message: str, *args) -> str:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, message, args, None)
    MaskPhoneNumbers().filter(record)
    return record.getMessage()


@pytest.mark.parametrize(
    "line",
    [
        f'"GET /api/v1/appointments/?phone=%2B{NUMBER} HTTP/1.1" 200',
        f'"GET /api/v1/appointments/?phone=%2b{NUMBER} HTTP/1.1" 200',
        f"From=whatsapp%3A%2B{NUMBER}&Body=hi",
        f"Query Params: {{'To': 'whatsapp:+{NUMBER}', 'From': 'whatsapp:+14155238886'}}",
    ],
)
def test_url_encoded_and_whatsapp_numbers_are_masked(line):
    out = masked(line)

    assert NUMBER not in out
    assert "14155238886" not in out
    assert "234" in out  # the last three digits stay, for support


def test_masking_keeps_the_digits_of_the_number_only():
    assert masked(f"phone=%2B{NUMBER}") == "phone=" + "•" * (len(NUMBER) - 3) + NUMBER[-3:]


LOG_EVERYWHERE = f"""
import logging, django
django.setup()
SETUP
for name in ("twilio.http_client", "celery.app.trace", "conversations", "django.server", "root", "kombu"):
    logging.getLogger(name).warning("Query Params: {{'To': 'whatsapp:+{NUMBER}'}} GET /x?phone=%2B{NUMBER}")
"""
CELERY_WORKER_LOGGING = (
    "from clinicbot.celery import app; app.log.setup(loglevel='INFO', redirect_stdouts=False)"
)


@pytest.mark.parametrize("setup", ["", CELERY_WORKER_LOGGING], ids=["web process", "celery worker"])
def test_every_handler_masks_phone_numbers(setup):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL"}}
    env |= {"DJANGO_SETTINGS_MODULE": "clinicbot.settings", "DEBUG": "true"}

    result = subprocess.run(
        [sys.executable, "-c", LOG_EVERYWHERE.replace("SETUP", setup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Query Params" in output, "nothing was logged, so this test would prove nothing"
    assert NUMBER not in output


def test_the_production_access_log_leaves_query_strings_out():
    import runpy

    fmt = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["access_log_format"]

    assert "%(U)s" in fmt
    assert not [part for part in ("%(r)s", "%(q)s", "%(f)s") if part in fmt]
