"""Twilio WhatsApp: the REST API out (messages, look-up, media), webhooks in (webhook.py)."""

import json
import logging
from datetime import datetime

import requests
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from conversations.channels.base import (
    ChannelError,
    Envelope,
    Failure,
    Media,
    OutgoingMessage,
    SendResult,
)
from conversations.channels.twilio.errors import failure_for
from conversations.channels.twilio.webhook import PREFIX, SIGNATURE_HEADER, parse_request, signature_valid

logger = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
MAX_MEDIA_BYTES = 16 * 1024 * 1024
MAX_TEMPLATE_BODY = 1024


class _BaseUrlHttpClient(TwilioHttpClient):
    """Sends the SDK's requests to TWILIO_API_BASE_URL (a loopback fake in tests)."""

    def __init__(self, base_url: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args, **kwargs) -> Response:
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        return super().request(method, url, *args, **kwargs)


class TwilioWhatsAppChannel:
    name = "twilio"
    signature_header = SIGNATURE_HEADER

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str,
        base_url: str = TWILIO_API,
        timeout: float = 10.0,
        public_base_url: str = "",
        options_templates: dict[str, str] | None = None,
        templates: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.auth_token = auth_token
        self.account_sid = account_sid
        self.from_address = from_number if from_number.startswith(PREFIX) else PREFIX + from_number
        self.public_base_url = public_base_url
        self.timeout = timeout
        # Content SIDs (HX...): per number of options, and per purpose and language.
        self.options_templates = options_templates or {}
        self.templates = templates or {}
        # No timeout is the SDK's default; a worker must never hang on Twilio.
        self.http_client = _BaseUrlHttpClient(base_url, timeout=timeout)
        self.base_url = base_url.rstrip("/")
        self.client = Client(account_sid or "AC", auth_token or "-", http_client=self.http_client)

    # --- webhooks -----------------------------------------------------------------------
    def verify(self, request: HttpRequest) -> bool:
        return signature_valid(request, auth_token=self.auth_token)

    def parse(self, request: HttpRequest) -> Envelope:
        return parse_request(request)

    def acknowledge(self) -> HttpResponse:
        return HttpResponse(EMPTY_TWIML, content_type="text/xml")

    # --- sending ------------------------------------------------------------------------
    def options_native(self, body: str, options: list[dict[str, str]]) -> bool:
        # A quick-reply template's body holds at most 1024 characters.
        return str(len(options)) in self.options_templates and len(body) <= MAX_TEMPLATE_BODY

    def has_template(self, purpose: str, language: str) -> bool:
        return bool(self._template_sid(purpose, language))

    def serves(self, address: str) -> bool:
        return True  # the webhook is signed for the account, and all its senders are ours

    def _template_sid(self, purpose: str, language: str) -> str:
        if purpose.startswith("HX"):
            return purpose  # already Twilio's own id
        return self.templates.get(purpose, {}).get(language, "")

    def send(self, message: OutgoingMessage) -> SendResult:
        kwargs = {"to": PREFIX + message.to_phone_e164, "from_": self.from_address}
        if message.template:
            sid = self._template_sid(message.template, message.language)
            if not sid:
                raise ChannelError(
                    f"no Twilio template for {message.template} in {message.language}",
                    failure=Failure.TEMPLATE_REQUIRED,
                )
            kwargs["content_sid"] = sid
            kwargs["content_variables"] = _json(message.variables)
        elif message.options and self.options_native(message.body, message.options):
            kwargs["content_sid"] = self.options_templates[str(len(message.options))]
            kwargs["content_variables"] = _json(
                {"1": message.body}
                | {str(i): option["title"] for i, option in enumerate(message.options, start=2)}
            )
        else:
            kwargs["body"] = message.body
        if self.public_base_url:
            kwargs["status_callback"] = self.public_base_url + reverse("twilio_status")
        try:
            created = self.client.messages.create(**kwargs)
        except TwilioRestException as exc:
            code = str(exc.code or exc.status)
            raise ChannelError(
                f"Twilio {exc.status}: {exc.msg}",
                failure=failure_for(code, http_status=exc.status),
                code=code,
            ) from exc
        except requests.RequestException as exc:  # timeouts, refused connections
            raise ChannelError(
                f"Twilio unreachable: {type(exc).__name__}", failure=Failure.TRANSIENT, code="network"
            ) from exc
        except TwilioException as exc:
            raise ChannelError(f"Twilio error: {exc}", failure=Failure.REJECTED, code="twilio") from exc
        status = created.status if created.status in {"failed", "undelivered"} else "sent"
        return SendResult(provider_message_id=created.sid, status=status)

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        if message.template or (message.options and self.options_native(message.body, message.options)):
            return None  # a template's rendered body cannot be compared
        try:
            recent = self.client.messages.list(
                to=PREFIX + message.to_phone_e164, from_=self.from_address, limit=50
            )
        except TwilioRestException as exc:
            raise ChannelError(
                f"Twilio {exc.status}: {exc.msg}", failure=Failure.TRANSIENT, code="lookup"
            ) from exc
        except requests.RequestException as exc:
            raise ChannelError(
                f"Twilio unreachable: {type(exc).__name__}", failure=Failure.TRANSIENT, code="network"
            ) from exc
        for candidate in recent:
            created = candidate.date_created
            if (
                candidate.sid not in exclude
                and candidate.body == message.body
                and (created is None or created >= since)
            ):
                return candidate.sid
        return None

    def media_download(self, media: dict[str, str]) -> Media:
        url = media.get("url", "")
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        try:
            # Twilio's media URLs take the account's Basic auth when media auth is on.
            response = requests.get(url, auth=(self.account_sid, self.auth_token), timeout=self.timeout)
        except requests.RequestException as exc:
            raise ChannelError(
                f"Twilio media unreachable: {type(exc).__name__}", failure=Failure.TRANSIENT, code="network"
            ) from exc
        if response.status_code != 200:
            raise ChannelError(
                f"Twilio media {response.status_code}",
                failure=failure_for("", http_status=response.status_code),
                code=str(response.status_code),
            )
        if len(response.content) > MAX_MEDIA_BYTES:
            raise ChannelError("Twilio media too large", failure=Failure.REJECTED, code="too_large")
        return Media(
            content=response.content,
            content_type=response.headers.get("Content-Type", media.get("content_type", "")),
        )


def _json(variables: dict[str, str]) -> str:
    return json.dumps(variables, ensure_ascii=False)
