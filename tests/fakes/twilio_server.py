"""A loopback fake of Twilio's Messages REST API, speaking its real wire format.

Point the real twilio SDK at it with TWILIO_API_BASE_URL. Every request is recorded; the
next responses can be scripted (status codes, Twilio error codes, delays), so tests can
exercise retries, permanent errors and timeouts through the real client.
"""

import base64
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-twilio-auth-token"


@dataclass
class ScriptedResponse:
    status: int = 201
    code: int | None = None
    message: str = ""
    delay: float = 0.0


@dataclass
class RecordedRequest:
    path: str
    form: dict[str, str]
    auth: str
    received_at: float
    status: int = 0  # what the fake answered (201 accepted; set once decided)
    sid: str = ""  # the Message SID it returned, when it accepted
    date_created: str = field(default_factory=lambda: formatdate(usegmt=True))


@dataclass
class FakeTwilio:
    host: str = "127.0.0.1"
    requests: list[RecordedRequest] = field(default_factory=list)
    script: list[ScriptedResponse] = field(default_factory=list)
    default_delay: float = 0.0
    failure_rate_every: int = 0  # every Nth request answers 500 (load and drill tools)
    # Called (on the fake's thread) with each request once its answer is decided: lets a
    # load tool wake the simulated patient a reply is for instead of polling `requests`.
    listener: Callable[[RecordedRequest], None] | None = None
    # Media an inbound message points at: path -> (bytes, content type), behind Basic auth.
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    media_links: dict[str, str] = field(default_factory=dict)  # CDN token -> media path

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle on, the body would wait for
            # the client's delayed ACK (40 ms) on a kept-alive connection, as Twilio's does not.
            disable_nagle_algorithm = True

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.startswith("/cdn/"):
                    fake._media_file(self)
                elif "/Media/" in self.path:
                    fake._media(self)
                else:
                    fake._list(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                fake._respond(self, form)

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def start(self) -> "FakeTwilio":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[RecordedRequest]:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.requests) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._arrived.wait(remaining)
            return list(self.requests)

    def _media(self, handler: BaseHTTPRequestHandler) -> None:
        """GET .../Messages/MM.../Media/ME...: for the account's own credentials, a 307 to
        the file's short-lived address (Twilio's media CDN), as Twilio answers."""
        path = urlsplit(handler.path).path
        expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
        status = (
            401 if handler.headers.get("Authorization") != expected else 307 if path in self.media else 404
        )
        handler.send_response(status)
        if status == 307:
            self.media_links[token := uuid.uuid4().hex] = path
            handler.send_header("Location", f"/cdn/{token}")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def _media_file(self, handler: BaseHTTPRequestHandler) -> None:
        """GET /cdn/<token>: the bytes themselves, no credentials needed (the link is the secret)."""
        found = self.media.get(self.media_links.get(handler.path.removeprefix("/cdn/"), ""))
        status = 200 if found else 404
        content, content_type = found if found else (b"", "text/plain")
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)

    def _list(self, handler: BaseHTTPRequestHandler) -> None:
        """GET .../Messages.json?To=...: the accepted messages to that address, newest first."""
        url = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        account = url.path.split("/Accounts/")[1].split("/")[0]
        with self._lock:
            accepted = [r for r in self.requests if r.status == 201 and r.form.get("To") == query.get("To")]
        body = {
            "messages": [
                _message(record.sid, account, record.form, record.date_created)
                for record in reversed(accepted)
            ],
            "uri": url.path,
            "first_page_uri": url.path,
            "next_page_uri": None,
            "previous_page_uri": None,
            "page": 0,
            "page_size": 50,
            "start": 0,
            "end": max(len(accepted) - 1, 0),
        }
        payload = json.dumps(body).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)

    def _respond(self, handler: BaseHTTPRequestHandler, form: dict[str, str]) -> None:
        with self._lock:
            scripted = self.script.pop(0) if self.script else ScriptedResponse(delay=self.default_delay)
            number = len(self.requests) + 1
            record = RecordedRequest(
                handler.path, form, handler.headers.get("Authorization", ""), time.monotonic()
            )
            if self.failure_rate_every and number % self.failure_rate_every == 0 and scripted.status == 201:
                scripted = ScriptedResponse(status=500, code=20500, message="Internal Server Error")
            record.status = scripted.status
            if scripted.status < 400:
                record.sid = "SM" + uuid.uuid4().hex
            self.requests.append(record)
            self._arrived.notify_all()
        if self.listener is not None:
            self.listener(record)
        if scripted.delay:
            time.sleep(scripted.delay)
        if scripted.status >= 400:
            body = {
                "code": scripted.code or scripted.status,
                "message": scripted.message or "error",
                "more_info": f"https://www.twilio.com/docs/errors/{scripted.code}",
                "status": scripted.status,
            }
        else:
            account = handler.path.split("/Accounts/")[1].split("/")[0]
            body = _message(record.sid, account, form, record.date_created)
        payload = json.dumps(body).encode()
        try:
            handler.send_response(scripted.status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a scripted timeout)


def _message(sid: str, account: str, form: dict[str, str], date_created: str) -> dict:
    return {
        "sid": sid,
        "account_sid": account,
        "status": "queued",
        "direction": "outbound-api",
        "from": form.get("From"),
        "to": form.get("To"),
        "body": form.get("Body", ""),
        "num_media": "0",
        "num_segments": "1",
        "error_code": None,
        "error_message": None,
        "date_created": date_created,
        "date_sent": None,
        "price": None,
        "price_unit": "USD",
        "messaging_service_sid": None,
        "api_version": "2010-04-01",
        "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
        "subresource_uris": {},
    }


def basic_auth_user(header: str) -> str:
    return base64.b64decode(header.removeprefix("Basic ")).decode().split(":")[0]
