"""A loopback fake of Meta's Graph API for WhatsApp (Cloud API), speaking its wire format.

Point the real adapter at it with META_GRAPH_BASE_URL. It answers
POST /{version}/{phone-number-id}/messages like the Cloud API (a wamid per accepted
message, or Meta's error body), GET /{version}/{media-id} with the media's short-lived URL,
and GET on that URL with the bytes; every call needs the bearer token. Every request is
recorded, and the next answers can be scripted (status, Meta error code, delay).
"""

import base64
import hashlib
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

ACCESS_TOKEN = "fake-meta-access-token"
APP_SECRET = "test_app_secret"
VERIFY_TOKEN = "fake-verify-token"
PHONE_NUMBER_ID = "123456123"
VERSION = "v26.0"


@dataclass
class ScriptedResponse:
    status: int = 200
    code: int | None = None
    message: str = ""
    delay: float = 0.0


@dataclass
class RecordedRequest:
    method: str
    path: str
    body: dict
    auth: str
    status: int = 0
    wamid: str = ""


@dataclass
class FakeGraph:
    host: str = "127.0.0.1"
    requests: list[RecordedRequest] = field(default_factory=list)
    script: list[ScriptedResponse] = field(default_factory=list)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    # The access tokens it accepts: the deployment's, and any a test gives a clinic's number.
    access_tokens: set[str] = field(default_factory=lambda: {ACCESS_TOKEN})

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                fake._get(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"_raw": raw.decode(errors="replace")}
                fake._post(self, body)

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        """What META_GRAPH_BASE_URL is set to: the address with its pinned version."""
        return f"http://{self.host}:{self.server.server_address[1]}/{VERSION}"

    def start(self) -> "FakeGraph":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def messages(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and r.path.endswith("/messages")]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[RecordedRequest]:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len([r for r in self.requests if r.method == "POST"]) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._arrived.wait(remaining)
        return self.messages()

    def media_add(self, content: bytes, mime_type: str) -> str:
        media_id = str(1000000 + len(self.media))
        self.media[media_id] = (content, mime_type)
        return media_id

    # --- the wire ---------------------------------------------------------------------------
    def _authorised(self, handler: BaseHTTPRequestHandler) -> bool:
        if handler.headers.get("Authorization", "").removeprefix("Bearer ") in self.access_tokens:
            return True
        _send(handler, 401, _error(190, "Invalid OAuth access token.", "OAuthException"))
        return False

    def _post(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        with self._lock:
            scripted = self.script.pop(0) if self.script else ScriptedResponse()
            record = RecordedRequest("POST", handler.path, body, handler.headers.get("Authorization", ""))
            record.status = scripted.status
            if scripted.status < 400:
                record.wamid = "wamid." + base64.b64encode(uuid.uuid4().bytes * 2).decode().rstrip("=")
            self.requests.append(record)
            self._arrived.notify_all()
        if not self._authorised(handler):
            return
        if scripted.delay:
            time.sleep(scripted.delay)
        if not handler.path.startswith(f"/{VERSION}/{PHONE_NUMBER_ID}/messages"):
            return _send(handler, 400, _error(100, "Unsupported post request.", "GraphMethodException"))
        if scripted.status >= 400:
            return _send(
                handler, scripted.status, _error(scripted.code or 131000, scripted.message or "error")
            )
        to = str(body.get("to", ""))
        _send(
            handler,
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, "wa_id": to}],
                "messages": [{"id": record.wamid, "message_status": "accepted"}],
            },
        )

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        path = urlsplit(handler.path).path
        with self._lock:
            self.requests.append(
                RecordedRequest("GET", handler.path, {}, handler.headers.get("Authorization", ""))
            )
        if not self._authorised(handler):
            return
        if path.startswith("/download/"):
            media_id = path.removeprefix("/download/")
            content, mime_type = self.media[media_id]
            return _send_bytes(handler, content, mime_type)
        media_id = path.removeprefix(f"/{VERSION}/")
        if media_id not in self.media:
            return _send(handler, 400, _error(100, "Unsupported get request.", "GraphMethodException"))
        content, mime_type = self.media[media_id]
        host, port = self.server.server_address[:2]
        _send(
            handler,
            200,
            {
                "messaging_product": "whatsapp",
                "url": f"http://{host}:{port}/download/{media_id}",
                "mime_type": mime_type,
                "sha256": hashlib.sha256(content).hexdigest(),
                "file_size": len(content),
                "id": media_id,
            },
        )


def _error(code: int, message: str, type_: str = "OAuthException") -> dict:
    return {
        "error": {
            "message": message,
            "type": type_,
            "code": code,
            "error_data": {"messaging_product": "whatsapp", "details": message},
            "fbtrace_id": "A" + uuid.uuid4().hex[:22],
        }
    }


def _send(handler: BaseHTTPRequestHandler, status: int, body: dict) -> None:
    payload = json.dumps(body).encode()
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up (a scripted timeout)


def _send_bytes(handler: BaseHTTPRequestHandler, content: bytes, mime_type: str) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", mime_type)
    handler.send_header("Content-Length", str(len(content)))
    handler.end_headers()
    handler.wfile.write(content)
