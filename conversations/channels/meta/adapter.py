"""Meta's WhatsApp Cloud API: the Graph API out (messages, media), webhooks in (webhook.py).

httpx and this small adapter rather than a client library: see docs/channels.md.
"""

import logging
from datetime import datetime

import httpx
from django.http import HttpRequest, HttpResponse

from conversations.channels.base import (
    ChannelError,
    Envelope,
    Failure,
    Media,
    OutgoingMessage,
    SendResult,
)
from conversations.channels.meta.errors import failure_for
from conversations.channels.meta.webhook import SIGNATURE_HEADER, handshake, parse_envelope, signature_valid

logger = logging.getLogger(__name__)

GRAPH_API = "https://graph.facebook.com/v26.0"
MAX_BUTTONS, MAX_BUTTON_TITLE = 3, 20
MAX_ROWS, MAX_ROW_TITLE, MAX_ROW_DESCRIPTION = 10, 24, 72
MAX_INTERACTIVE_BODY = 1024
MAX_MEDIA_BYTES = 16 * 1024 * 1024
# Our language codes as Meta's template languages; a template setting may name its own.
TEMPLATE_LANGUAGES = {"en": "en", "es": "es", "pt-BR": "pt_BR"}
# What a template reference may name (META_TEMPLATES' keys); anything else is Meta's own
# template name, as a campaign gives it ("checkup_recall" or "checkup_recall/en_US").
TEMPLATE_PURPOSES = ("reminder", "appointment", "waitlist_offer")
MAX_PAYLOAD = 256


class MetaCloudChannel:
    name = "meta"
    signature_header = SIGNATURE_HEADER

    def __init__(
        self,
        *,
        app_secret: str,
        verify_token: str,
        access_token: str,
        phone_number_id: str,
        base_url: str = GRAPH_API,
        timeout: float = 10.0,
        templates: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.app_secret = app_secret
        self.verify_token = verify_token
        self.phone_number_id = phone_number_id
        # Template name per purpose and language: "appointment_reminder" or "name/en_US".
        self.templates = templates or {}
        # One client per process: its pool keeps the connection to the Graph API open.
        self.http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=timeout,
        )

    # --- webhooks -----------------------------------------------------------------------
    def handshake(self, request: HttpRequest) -> HttpResponse:
        return handshake(request, verify_token=self.verify_token)

    def verify(self, request: HttpRequest) -> bool:
        return signature_valid(request, secret=self.app_secret)

    def parse(self, request: HttpRequest) -> Envelope:
        return parse_envelope(request.body)

    def acknowledge(self) -> HttpResponse:
        return HttpResponse(status=200)

    # --- sending ------------------------------------------------------------------------
    def options_native(self, body: str, options: list[dict[str, str]]) -> bool:
        return (
            0 < len(options) <= MAX_ROWS
            and len(body) <= MAX_INTERACTIVE_BODY
            and all(_row(o) is not None for o in options)
        )

    def has_template(self, purpose: str, language: str) -> bool:
        return bool(self.templates.get(purpose, {}).get(language))

    def serves(self, address: str) -> bool:
        # One app may serve other numbers of the business account: not this deployment's.
        return not self.phone_number_id or address == self.phone_number_id

    def send(self, message: OutgoingMessage) -> SendResult:
        payload = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": message.to_user_id}
        payload |= self._content(message)
        data = self._call("POST", f"/{self.phone_number_id}/messages", json=payload)
        try:
            wamid = data["messages"][0]["id"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ChannelError("Graph API answered without a message id", failure=Failure.TRANSIENT) from exc
        return SendResult(provider_message_id=wamid, status="sent")

    def _content(self, message: OutgoingMessage) -> dict:
        if message.template:
            return {"type": "template", "template": self._template(message)}
        options = message.options
        if options and self.options_native(message.body, options):
            body = {"text": message.body}
            if len(options) <= MAX_BUTTONS and all(len(o["title"]) <= MAX_BUTTON_TITLE for o in options):
                buttons = [
                    {"type": "reply", "reply": {"id": o["id"][:256], "title": o["title"]}} for o in options
                ]
                return {
                    "type": "interactive",
                    "interactive": {"type": "button", "body": body, "action": {"buttons": buttons}},
                }
            rows = [_row(o) for o in options]
            action = {
                "button": (message.options_label or "Options")[:MAX_BUTTON_TITLE],
                "sections": [{"rows": rows}],
            }
            return {"type": "interactive", "interactive": {"type": "list", "body": body, "action": action}}
        return {"type": "text", "text": {"preview_url": False, "body": message.body}}

    def _template(self, message: OutgoingMessage) -> dict:
        """The template's name, language and body parameters; the message's options are its
        quick-reply buttons in order, each given the option's id as its payload (Meta posts
        a tapped button's payload back; without one it would post only the button's text)."""
        if message.template in TEMPLATE_PURPOSES:
            setting = self.templates.get(message.template, {}).get(message.language, "")
        else:
            setting = message.template
        if not setting:
            raise ChannelError(
                f"no Meta template for {message.template} in {message.language}",
                failure=Failure.TEMPLATE_REQUIRED,
            )
        name, _, code = setting.partition("/")
        parameters = [
            {"type": "text", "text": message.variables[key]}
            for key in sorted(message.variables, key=lambda key: int(key) if key.isdigit() else 0)
        ]
        template = {
            "name": name,
            "language": {"code": code or TEMPLATE_LANGUAGES.get(message.language, "en")},
        }
        components = [{"type": "body", "parameters": parameters}] if parameters else []
        components += [
            {
                "type": "button",
                "sub_type": "quick_reply",
                "index": str(index),
                "parameters": [{"type": "payload", "payload": option["id"][:MAX_PAYLOAD]}],
            }
            for index, option in enumerate(message.options)
        ]
        if components:
            template["components"] = components
        return template

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        # The Graph API lists no sent messages: an attempt that ended without an answer
        # cannot be checked, so the retry sends (at worst a duplicate, never a loss).
        return None

    def media_download(self, media: dict[str, str]) -> Media:
        if not media.get("media_id"):
            raise ChannelError("no media id", failure=Failure.REJECTED)
        info = self._call("GET", f"/{media['media_id']}")
        if int(info.get("file_size") or 0) > MAX_MEDIA_BYTES:
            raise ChannelError("media too large", failure=Failure.REJECTED, code="too_large")
        # The URL is short-lived and needs the same bearer token.
        response = self._request("GET", info["url"])
        return Media(
            content=response.content, content_type=info.get("mime_type", media.get("content_type", ""))
        )

    # --- the Graph API --------------------------------------------------------------------
    def _call(self, method: str, path: str, **kwargs) -> dict:
        response = self._request(method, path, **kwargs)
        try:
            return response.json()
        except ValueError as exc:
            raise ChannelError("Graph API answered with no JSON", failure=Failure.TRANSIENT) from exc

    def _request(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            response = self.http.request(method, url, **kwargs)
        except httpx.TransportError as exc:  # timeouts, refused connections
            raise ChannelError(
                f"Graph API unreachable: {type(exc).__name__}", failure=Failure.TRANSIENT, code="network"
            ) from exc
        if response.is_success:
            return response
        try:
            error = response.json().get("error", {})
        except ValueError:
            error = {}
        code = error.get("code")
        raise ChannelError(
            f"Graph API {response.status_code}: {error.get('message', '')[:200]}",
            failure=failure_for(code, http_status=response.status_code),
            code=str(code or response.status_code),
        )


def _row(option: dict[str, str]) -> dict[str, str] | None:
    """A list row: a title that is too long for one goes on in the description, split
    where a word ends ("Tue 1/12 08:00" / "Dr. Carlos Mendes"); None when even that fails."""
    title = option["title"]
    row = {"id": option["id"][:200], "title": title}
    if len(title) <= MAX_ROW_TITLE:
        return row
    cut = title.rfind(" ", 0, MAX_ROW_TITLE + 1)
    head, rest = title[:cut].rstrip(" ·-–,"), title[cut:].strip(" ·-–,")
    if cut <= 0 or not head or len(rest) > MAX_ROW_DESCRIPTION:
        return None
    return row | {"title": head, "description": rest}
