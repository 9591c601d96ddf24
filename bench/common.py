"""Shared pieces of the benchmarks: a stack of real processes and a fast HTTP client.

Benchmarks need PostgreSQL and Redis: run them through `bench/run NAME`, which starts
throw-away servers when DATABASE_URL is unset.
"""

import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinicbot.settings")

from tests.fakes import processes  # noqa: E402, F401  (re-exported for the bench scripts)
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PUBLIC_BASE_URL = "https://clinic.example.com"


def require_services() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get(
        "CELERY_BROKER_URL"
    ):
        sys.exit("Run through bench/run: it needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis)")


def app_env(fake: FakeTwilio, queue: str) -> dict[str, str]:
    return {
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "SECURE_SSL_REDIRECT": "false",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
        "TWILIO_API_BASE_URL": fake.base_url,
        "CELERY_QUEUE": queue,
        "LOG_LEVEL": "WARNING",
    }


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=os.environ | env, check=True
    )


def signed_webhook(*, phone: str, text: str, sid: str | None = None, to: str = "+14155238886") -> bytes:
    """One Twilio-shaped, correctly signed inbound webhook as raw HTTP/1.1 request bytes,
    written to the clinic number `to`."""
    from twilio.request_validator import RequestValidator

    sid = sid or "SM" + uuid.uuid4().hex
    params = {
        "MessageSid": sid,
        "SmsMessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": f"whatsapp:{phone}",
        "To": f"whatsapp:{to}",
        "WaId": phone.lstrip("+"),
        "ProfileName": "Bench",
        "Body": text,
        "NumMedia": "0",
        "MessageType": "text",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }
    path = "/webhooks/twilio/whatsapp/"
    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_BASE_URL + path, params)
    body = urlencode(params).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"X-Twilio-Signature: {signature}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def plain_get(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


async def _read_response(reader: asyncio.StreamReader) -> int:
    status_line = await reader.readline()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    if length:
        await reader.readexactly(length)
    return int(status_line.split()[1])


async def _connection(port: int):
    return await asyncio.open_connection("127.0.0.1", port)


async def load(port: int, requests: list[bytes], *, concurrency: int, rate: float | None = None):
    """Send requests over keep-alive connections; return (latencies in ms, statuses, seconds).

    With `rate`, requests start on a fixed schedule (open loop), so a slow server shows up
    as latency rather than as a lower offered load.
    """
    latencies: list[float] = []
    statuses: list[int] = []
    queue: asyncio.Queue = asyncio.Queue()
    start = time.perf_counter()
    for index, request in enumerate(requests):
        queue.put_nowait((start + index / rate if rate else 0.0, request))

    async def client() -> None:
        reader, writer = await _connection(port)
        while not queue.empty():
            due, request = queue.get_nowait()
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            sent = max(due, time.perf_counter()) if rate else time.perf_counter()
            writer.write(request)
            try:
                statuses.append(await _read_response(reader))
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()
                reader, writer = await _connection(port)
                writer.write(request)
                statuses.append(await _read_response(reader))
            latencies.append((time.perf_counter() - sent) * 1000)
        writer.close()

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies, statuses, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def summary(values: list[float]) -> str:
    return (
        f"p50 {percentile(values, 50):6.1f} ms  p95 {percentile(values, 95):6.1f} ms  "
        f"p99 {percentile(values, 99):6.1f} ms  mean {statistics.fmean(values):6.1f} ms"
    )
