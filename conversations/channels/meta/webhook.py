"""Meta's webhooks: the verification handshake, X-Hub-Signature-256 over the raw body, and
the envelope's messages and statuses, normalised."""

import hashlib
import hmac
import json
import re

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden

from conversations.channels.base import Envelope, IncomingMessage, Kind, MalformedPayload, StatusEvent
from conversations.channels.meta.errors import failure_for

SIGNATURE_HEADER = "X-Hub-Signature-256"
DIGITS = re.compile(r"^[1-9]\d{6,14}$")
MAX_FIELD = 4096
STATUSES = {"sent", "delivered", "read", "failed"}  # "played" (a voice note) moves nothing
MEDIA_TYPES = ("audio", "image", "video", "document", "sticker")


def handshake(request: HttpRequest, *, verify_token: str) -> HttpResponse:
    """Subscription check: the raw hub.challenge when mode and token match, else 403."""
    token = request.GET.get("hub.verify_token", "")
    if (
        verify_token
        and request.GET.get("hub.mode") == "subscribe"
        and hmac.compare_digest(token.encode(), verify_token.encode())
    ):
        return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
    return HttpResponseForbidden()


def signature(body: bytes, *, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_valid(request: HttpRequest, *, secret: str) -> bool:
    """Over the bytes as they came: re-serialised JSON would sign differently."""
    given = request.headers.get(SIGNATURE_HEADER, "")
    if not given or not secret:
        return False
    return hmac.compare_digest(given.encode(), signature(request.body, secret=secret).encode())


def parse_envelope(body: bytes) -> Envelope:
    """Every message and status in one webhook, each message with the phone-number id it was
    sent to (one app may serve several numbers; routing decides). Raises MalformedPayload."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedPayload("the body is not JSON") from exc
    if not isinstance(payload, dict) or payload.get("object") != "whatsapp_business_account":
        raise MalformedPayload("not a whatsapp_business_account webhook")
    messages, statuses = [], []
    try:
        for entry in payload.get("entry", []):
            for change in entry.get("changes", []):
                value = change.get("value", {})
                if change.get("field") != "messages":
                    continue
                names = {
                    c.get("wa_id", ""): c.get("profile", {}).get("name", "")
                    for c in value.get("contacts", [])
                }
                for message in value.get("messages", []):
                    if parsed := _message(message, names, value.get("metadata", {})):
                        messages.append(parsed)
                statuses.extend(filter(None, map(_status, value.get("statuses", []))))
    except (AttributeError, TypeError, KeyError) as exc:
        raise MalformedPayload(f"unexpected envelope shape: {type(exc).__name__}") from exc
    return Envelope(messages=messages, statuses=statuses)


def _clean(value: object) -> str:
    text = str(value or "").replace("\x00", "")
    if len(text) > MAX_FIELD:
        raise MalformedPayload("a field exceeds 4096 characters")
    return text


def _message(message: dict, names: dict[str, str], metadata: dict) -> IncomingMessage | None:
    wamid = _clean(message.get("id"))
    sender = _clean(message.get("from"))
    if not wamid.startswith("wamid.") or len(wamid) > 64:
        raise MalformedPayload("message id missing or malformed")
    if not DIGITS.match(sender):
        raise MalformedPayload("from is not a WhatsApp number")
    kind, text, payload, title, media, location = Kind.TEXT, "", "", "", [], None
    type_ = message.get("type", "")
    if type_ == "text":
        text = _clean(message.get("text", {}).get("body"))
    elif type_ == "interactive":
        interactive = message.get("interactive", {})
        reply = interactive.get("button_reply") or interactive.get("list_reply") or {}
        kind = Kind.LIST if "list_reply" in interactive else Kind.BUTTON
        payload, title = _clean(reply.get("id")), _clean(reply.get("title"))
        text = title
    elif type_ == "button":  # a template's quick reply
        kind = Kind.BUTTON
        payload, title = _clean(message["button"].get("payload")), _clean(message["button"].get("text"))
        text = title
    elif type_ in MEDIA_TYPES:
        item = message.get(type_, {})
        kind = Kind.AUDIO if type_ == "audio" else Kind.MEDIA
        media = [{"media_id": _clean(item.get("id")), "content_type": _clean(item.get("mime_type"))}]
        text = _clean(item.get("caption"))
    elif type_ == "location":
        place = message.get("location", {})
        kind = Kind.LOCATION
        location = {
            "latitude": _clean(place.get("latitude")),
            "longitude": _clean(place.get("longitude")),
            "address": _clean(place.get("address")),
            "label": _clean(place.get("name")),
        }
    elif type_ == "reaction":
        return None  # an emoji on an earlier message asks nothing
    else:  # contacts, orders, unsupported: something the bot cannot read
        kind = Kind.MEDIA
        media = [{"media_id": "", "content_type": f"application/x-whatsapp-{_clean(type_)[:32]}"}]
    return IncomingMessage(
        provider_message_id=wamid,
        channel_user_id=sender,
        phone_e164="+" + sender,
        profile_name=_clean(names.get(sender, ""))[:128],
        kind=kind,
        channel="meta",
        to_address=_clean(metadata.get("phone_number_id"))[:64],
        text=text,
        button_payload=payload[:256],
        button_text=title[:256],
        media=media,
        location=location,
        reply_to_provider_id=_clean(message.get("context", {}).get("id"))[:64],
        raw_payload={"message": message, "profile_name": names.get(sender, ""), "metadata": metadata},
    )


def _status(status: dict) -> StatusEvent | None:
    value = status.get("status", "")
    if value not in STATUSES or not status.get("id"):
        return None
    errors = status.get("errors") or [{}]
    code = errors[0].get("code")
    return StatusEvent(
        provider_message_id=_clean(status["id"])[:64],
        status=value,
        error_code=str(code or "")[:16],
        failure=failure_for(code) if value == "failed" else None,
    )
