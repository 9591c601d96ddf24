import logging
from pathlib import Path

import pytest

from clinicbot.logging import MaskPhoneNumbers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite


def masked(message: str, *args) -> str:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, message, args, None)
    MaskPhoneNumbers().filter(record)
    return record.getMessage()


@pytest.mark.parametrize(
    "raw", ["+447700900123", "whatsapp:+5511987654321", "447700900123", "+1 (555) 010-0001"]
)
def test_phone_numbers_are_masked_in_log_lines(raw):
    line = masked("message from %s accepted", raw)

    assert raw not in line
    assert line.endswith(f"{raw[-3:]} accepted") or raw[-3:] in line


def test_ordinary_numbers_survive_masking():
    assert masked("handled %d messages in %s ms", 12, "3.5") == "handled 12 messages in 3.5 ms"
    assert masked("outbound 1234 failed: 63016") == "outbound 1234 failed: 63016"


@pytest.mark.django_db
def test_staff_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
