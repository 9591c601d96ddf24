"""Twilio WhatsApp: webhook parsing and signature checks in, the REST API out."""

import json
import logging
import re
from datetime import datetime

import requests
from django.conf import settings
from django.http import HttpRequest, QueryDict
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.request_validator import (
    SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER,
    RequestValidator,
    get_signature_algorithm,
)
from twilio.rest import Client

from conversations.channels.base import (
    ChannelError,
    IncomingMessage,
    MalformedPayload,
    OutgoingMessage,
    SendResult,
)

logger = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
PREFIX = "whatsapp:"
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
MAX_FIELD = 4096
# Errors that no retry can fix (Twilio error codes), besides every other 4xx.
OPTED_OUT = "21610"
WINDOW_CLOSED = "63016"


def request_url(request: HttpRequest) -> str:
    """The URL Twilio signed: the configured public URL wins over what the proxy passed on."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + request.get_full_path()
    return request.build_absolute_uri()


def signature_valid(request: HttpRequest, *, auth_token: str) -> bool:
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not signature or not auth_token:
        return False
    algorithm = get_signature_algorithm(request.headers.get(SIGNATURE_SETTINGS_HEADER, ""))
    return RequestValidator(auth_token).validate(request_url(request), request.POST, signature, algorithm)


def _address(value: str, field_name: str) -> str:
    number = value.removeprefix(PREFIX).strip()
    if not E164.match(number):
        raise MalformedPayload(f"{field_name} is not a whatsapp:+E164 address")
    return number


def parse_inbound(form: QueryDict) -> IncomingMessage:
    """Normalise one inbound webhook form. Raises MalformedPayload on missing or bad fields.
    NUL characters are dropped: PostgreSQL text cannot hold them."""
    clean = QueryDict(mutable=True)
    for key in form:
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in form.getlist(key)])
    form = clean
    message_id = form.get("MessageSid", "")
    if not re.fullmatch(r"[A-Z]{2}[0-9a-fA-F]{32}", message_id):
        raise MalformedPayload("MessageSid missing or malformed")
    phone = _address(form.get("From", ""), "From")
    user_id = form.get("WaId", "") or phone.lstrip("+")
    if any(len(value) > MAX_FIELD for value in form.values()):
        raise MalformedPayload("a field exceeds 4096 characters")
    try:
        num_media = int(form.get("NumMedia", "0") or 0)
    except ValueError as exc:
        raise MalformedPayload("NumMedia is not a number") from exc
    media = [
        {"url": form.get(f"MediaUrl{i}", ""), "content_type": form.get(f"MediaContentType{i}", "")}
        for i in range(min(num_media, 10))
    ]
    # Decide by ButtonPayload/ListId, not MessageType: captures disagree on the latter.
    button_payload = form.get("ButtonPayload", "") or form.get("ListId", "")
    location = None
    if form.get("Latitude") and form.get("Longitude"):
        location = {key.lower(): form.get(key, "") for key in ("Latitude", "Longitude", "Address", "Label")}
    if button_payload:
        kind = "button"
    elif media:
        kind = "media"
    elif location:
        kind = "location"
    else:
        kind = "text"
    return IncomingMessage(
        provider_message_id=message_id,
        channel_user_id=user_id,
        phone_e164=phone,
        profile_name=form.get("ProfileName", "")[:128],
        kind=kind,
        text=form.get("Body", ""),
        button_payload=button_payload[:256],
        button_text=(form.get("ButtonText", "") or form.get("ListTitle", ""))[:256],
        media=media,
        location=location,
        reply_to_provider_id=form.get("OriginalRepliedMessageSid", ""),
        raw_payload={key: form.getlist(key) if len(form.getlist(key)) > 1 else form.get(key) for key in form},
    )


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

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str,
        base_url: str = TWILIO_API,
        timeout: float = 10.0,
    ) -> None:
        self.from_address = from_number if from_number.startswith(PREFIX) else PREFIX + from_number
        # No timeout is the SDK's default; a worker must never hang on Twilio.
        http_client = _BaseUrlHttpClient(base_url, timeout=timeout)
        self.client = Client(account_sid, auth_token, http_client=http_client)

    def send(self, message: OutgoingMessage) -> SendResult:
        kwargs = {"to": PREFIX + message.to_phone_e164, "from_": self.from_address}
        if message.content_sid:
            kwargs["content_sid"] = message.content_sid
            kwargs["content_variables"] = _json(message.content_variables)
        else:
            kwargs["body"] = message.body
        if message.status_callback_url:
            kwargs["status_callback"] = message.status_callback_url
        try:
            created = self.client.messages.create(**kwargs)
        except TwilioRestException as exc:
            retryable = exc.status >= 500 or exc.status == 429
            raise ChannelError(
                f"Twilio {exc.status}: {exc.msg}", retryable=retryable, code=str(exc.code or exc.status)
            ) from exc
        except requests.RequestException as exc:  # timeouts, refused connections
            raise ChannelError(
                f"Twilio unreachable: {type(exc).__name__}", retryable=True, code="network"
            ) from exc
        except TwilioException as exc:
            raise ChannelError(f"Twilio error: {exc}", retryable=False, code="twilio") from exc
        status = created.status if created.status in {"failed", "undelivered"} else "sent"
        return SendResult(provider_message_id=created.sid, status=status)

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        if message.content_sid:
            return None  # a template's rendered body cannot be compared
        try:
            recent = self.client.messages.list(
                to=PREFIX + message.to_phone_e164, from_=self.from_address, limit=50
            )
        except TwilioRestException as exc:
            raise ChannelError(f"Twilio {exc.status}: {exc.msg}", retryable=True, code="lookup") from exc
        except requests.RequestException as exc:
            raise ChannelError(
                f"Twilio unreachable: {type(exc).__name__}", retryable=True, code="network"
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


def _json(variables: dict[str, str]) -> str:
    return json.dumps(variables, ensure_ascii=False)
