"""Twilio's webhooks: the X-Twilio-Signature check and the form, normalised."""

import re

from django.conf import settings
from django.http import HttpRequest, QueryDict
from twilio.request_validator import SIGNATURE_HEADER, SIGNATURE_SETTINGS_HEADER, RequestValidator
from twilio.request_validator import get_signature_algorithm as signature_algorithm

from conversations.channels.base import Envelope, IncomingMessage, Kind, MalformedPayload, StatusEvent
from conversations.channels.twilio.errors import failure_for

PREFIX = "whatsapp:"
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
MAX_FIELD = 4096


def request_url(request: HttpRequest) -> str:
    """The URL Twilio signed: the configured public URL wins over what the proxy passed on."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + request.get_full_path()
    return request.build_absolute_uri()


def signature_valid(request: HttpRequest, *, auth_token: str) -> bool:
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not signature or not auth_token:
        return False
    algorithm = signature_algorithm(request.headers.get(SIGNATURE_SETTINGS_HEADER, ""))
    return RequestValidator(auth_token).validate(request_url(request), request.POST, signature, algorithm)


def _address(value: str, field_name: str) -> str:
    number = value.removeprefix(PREFIX).strip()
    if not E164.match(number):
        raise MalformedPayload(f"{field_name} is not a whatsapp:+E164 address")
    return number


def parse_request(request: HttpRequest) -> Envelope:
    # Twilio posts messages and delivery statuses to two URLs of ours.
    if request.path.rstrip("/").endswith("/status"):
        return Envelope(statuses=[parse_status(request.POST)])
    return Envelope(messages=[parse_inbound(request.POST)])


def parse_status(form: QueryDict) -> StatusEvent:
    message_id = form.get("MessageSid", "")
    status = form.get("MessageStatus", "") or form.get("SmsStatus", "")
    if not message_id or not status:
        raise MalformedPayload("MessageSid and MessageStatus are required")
    code = form.get("ErrorCode", "")[:16]
    return StatusEvent(
        provider_message_id=message_id,
        status=status,
        error_code=code,
        failure=failure_for(code) if code else None,
    )


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
    to = form.get("To", "").removeprefix(PREFIX).strip()
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
    list_id = form.get("ListId", "")
    button_payload = form.get("ButtonPayload", "") or list_id
    location = None
    if form.get("Latitude") and form.get("Longitude"):
        location = {key.lower(): form.get(key, "") for key in ("Latitude", "Longitude", "Address", "Label")}
    if button_payload:
        kind = Kind.LIST if list_id else Kind.BUTTON
    elif media:
        kind = Kind.AUDIO if media[0]["content_type"].startswith("audio/") else Kind.MEDIA
    elif location:
        kind = Kind.LOCATION
    else:
        kind = Kind.TEXT
    return IncomingMessage(
        provider_message_id=message_id,
        channel_user_id=user_id,
        phone_e164=phone,
        profile_name=form.get("ProfileName", "")[:128],
        kind=kind,
        channel="twilio",
        to_address=to if E164.match(to) else "",
        text=form.get("Body", ""),
        button_payload=button_payload[:256],
        button_text=(form.get("ButtonText", "") or form.get("ListTitle", ""))[:256],
        media=media,
        location=location,
        reply_to_provider_id=form.get("OriginalRepliedMessageSid", ""),
        raw_payload={key: form.getlist(key) if len(form.getlist(key)) > 1 else form.get(key) for key in form},
    )
