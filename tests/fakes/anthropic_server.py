"""A loopback fake of the Anthropic Messages API (POST /v1/messages), real wire format.

Tests drive the real SDK against it through `base_url`. It accepts `Authorization: Bearer`
(SDK 2.x) or `x-api-key` (older SDKs), does not check `anthropic-version`, records every
request, and can be told to answer with a tool input, delay, fail with a status, or
return a malformed body, or answer with plain text (`text`).
"""

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FakeBehaviour:
    tool_input: dict[str, Any] = field(
        default_factory=lambda: {"intent": "unknown", "confidence": 0.5, "language": "en"}
    )
    delay_seconds: float = 0.0
    status: int = 200
    usage: dict[str, int] = field(
        default_factory=lambda: {
            "input_tokens": 512,
            "output_tokens": 41,
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
        }
    )
    content: list[dict[str, Any]] | None = None  # overrides the tool_use block when set
    text: str | None = None  # answer with one plain text block (stop_reason end_turn)
    # Computes the tool input from the request body when set (a drill's stand-in model).
    responder: Callable[[dict[str, Any]], dict[str, Any]] | None = None


class FakeAnthropic:
    def __init__(self) -> None:
        self.behaviour = FakeBehaviour()
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeAnthropic":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                behaviour = fake.behaviour
                if self.path.rstrip("/") != "/v1/messages":
                    return self._error(404, "not_found_error", "unknown path")
                bearer = self.headers.get("authorization", "")
                if not (bearer.startswith("Bearer ") and bearer[7:]) and not self.headers.get("x-api-key"):
                    return self._error(401, "authentication_error", "missing key")
                if behaviour.delay_seconds:
                    time.sleep(behaviour.delay_seconds)
                if behaviour.status == 429:
                    return self._error(429, "rate_limit_error", "slow down", {"retry-after-ms": "10"})
                if behaviour.status >= 400:
                    return self._error(behaviour.status, "api_error", "fake failure")
                tool = body.get("tool_choice", {}).get("name") or "record_understanding"
                if behaviour.text is not None:
                    behaviour_content = [{"type": "text", "text": behaviour.text}]
                else:
                    behaviour_content = behaviour.content
                content = behaviour_content or [
                    {
                        "type": "tool_use",
                        "id": "toolu_01Fake",
                        "name": tool,
                        "input": behaviour.responder(body) if behaviour.responder else behaviour.tool_input,
                    }
                ]
                self._json(
                    200,
                    {
                        "id": "msg_01Fake",
                        "type": "message",
                        "role": "assistant",
                        "model": body.get("model", "claude-haiku-4-5-20251001"),
                        "content": content,
                        "stop_reason": "end_turn" if behaviour.text is not None else "tool_use",
                        "stop_sequence": None,
                        "usage": {**behaviour.usage, "service_tier": "standard"},
                    },
                )

            def _error(
                self, status: int, kind: str, message: str, headers: dict[str, str] | None = None
            ) -> None:
                self._json(status, {"type": "error", "error": {"type": kind, "message": message}}, headers)

            def _json(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("request-id", "req_fake")
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test); nothing to answer

        return Handler
