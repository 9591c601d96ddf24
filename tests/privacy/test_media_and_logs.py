import logging
import socket
import urllib.request

import pytest

from clinicbot.logging import MaskPhoneNumbers
from conversations.models import InboundMessage, OutboundMessage
from tests.privacy.conftest import WEBHOOK, inbound_form

pytestmark = pytest.mark.sqlite
MEDIA_URL = "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1"


@pytest.fixture
def outside_calls(monkeypatch):
    """Every attempt to resolve or reach a non-loopback address, refused and recorded."""
    calls = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1"):
            calls.append(host)
            raise OSError(f"test refused to resolve {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1"):
            calls.append(address[0])
            raise OSError(f"test refused to connect to {address[0]}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return calls


@pytest.mark.django_db
def test_media_are_stored_as_url_and_type_and_never_downloaded(
    post_webhook, outside_calls, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)

    post_webhook(WEBHOOK, inbound_form(7, media=MEDIA_URL))

    inbound = InboundMessage.objects.get()
    assert inbound.media == [{"url": MEDIA_URL, "content_type": "image/jpeg"}]
    assert inbound.processed_at is not None
    assert OutboundMessage.objects.filter(in_reply_to=inbound).count() == 1
    assert outside_calls == []
    assert list(tmp_path.iterdir()) == []


def test_the_network_guard_notices_a_download(outside_calls):
    with pytest.raises(OSError):
        urllib.request.urlopen(MEDIA_URL, timeout=1)

    assert outside_calls == ["api.twilio.com"]


def test_phone_numbers_in_a_logged_traceback_are_masked():
    try:
        raise ValueError("duplicate key (channel_user_id)=(447700900123) already exists")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "insert failed", (), sys_exc_info())

    MaskPhoneNumbers().filter(record)
    line = logging.Formatter().format(record)

    assert "447700900123" not in line
    assert "•••••••••123" in line


def sys_exc_info():
    import sys

    return sys.exc_info()


@pytest.mark.django_db
def test_no_log_line_of_a_whole_turn_holds_the_phone_number_or_the_name(post_webhook):
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect(level=logging.DEBUG)
    handler.addFilter(MaskPhoneNumbers())
    loggers = [logging.getLogger(name) for name in ("conversations", "audit", "scheduling", "clinicbot")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        post_webhook(WEBHOOK, inbound_form(8, body="Hi, this is Priya Sharma, please call me"))
        post_webhook(WEBHOOK, inbound_form(8, body="Hi, this is Priya Sharma, please call me"))  # a retry
    finally:
        for logger in loggers:
            logger.removeHandler(handler)

    assert lines, "the turn logged nothing, so this test would prove nothing"
    assert not [line for line in lines if "447700900123" in line or "Priya" in line or "Sharma" in line]
