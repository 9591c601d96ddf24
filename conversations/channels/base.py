"""The channel boundary: how ClinicBot hears and answers a patient, whatever the provider.

Providers' shapes stop here. Each provider's package (`channels/<provider>/`) verifies and
parses its webhooks into an `Envelope` of `IncomingMessage`s and `StatusEvent`s, sends an
`OutgoingMessage` (text, options, or a template reference it resolves itself), looks up a
sent message and downloads media. Its failures are `ChannelError`s carrying one of our
`Failure`s, mapped inside the adapter from the provider's codes; the failure alone decides
whether a retry can help.
"""

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from django.http import HttpRequest, HttpResponse


class Failure(StrEnum):
    OPTED_OUT = "opted_out"  # the patient asked the provider to stop messages
    WINDOW_CLOSED = "window_closed"  # free text outside the 24-hour window
    INVALID_NUMBER = "invalid_number"  # not a WhatsApp user, or a malformed address
    TEMPLATE_REQUIRED = "template_required"  # the template is missing, unapproved or mis-filled
    RATE_LIMITED = "rate_limited"  # too many messages for now
    TRANSIENT = "transient"  # the provider or the network failed; the same call may succeed
    REJECTED = "rejected"  # any other refusal no retry can change (bad request, auth)


RETRYABLE = frozenset({Failure.RATE_LIMITED, Failure.TRANSIENT})


class ChannelError(Exception):
    def __init__(self, message: str, *, failure: Failure, code: str = "") -> None:
        super().__init__(message)
        self.failure = failure
        self.retryable = failure in RETRYABLE
        self.code = code or failure.value  # the provider's own code, kept for staff to read


class MalformedPayload(ValueError):
    """The provider's request lacks a field we need; answered with 400."""


class Kind(StrEnum):
    TEXT = "text"
    AUDIO = "audio"
    MEDIA = "media"  # an image, a video, a document, a sticker
    BUTTON = "button"  # a reply button or a template's quick reply
    LIST = "list"  # a row chosen from a list
    LOCATION = "location"


@dataclass(frozen=True)
class IncomingMessage:
    provider_message_id: str
    channel_user_id: str
    phone_e164: str
    profile_name: str
    kind: str  # a Kind value
    channel: str = "twilio"  # Conversation.Channel value: the door the patient wrote to
    # The number written to, as the provider names it (ClinicNumber.address): it decides the clinic.
    to_address: str = ""
    text: str = ""
    button_payload: str = ""
    button_text: str = ""
    # Each item is opaque to all but its adapter ("content_type" is common to all).
    media: list[dict[str, str]] = field(default_factory=list)
    location: dict[str, str] | None = None
    reply_to_provider_id: str = ""
    raw_payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StatusEvent:
    provider_message_id: str
    status: str  # an OutboundMessage.Status value
    error_code: str = ""  # the provider's code, for staff
    failure: Failure | None = None


@dataclass(frozen=True)
class Envelope:
    messages: list[IncomingMessage] = field(default_factory=list)
    statuses: list[StatusEvent] = field(default_factory=list)


@dataclass(frozen=True)
class OutgoingMessage:
    to_user_id: str
    to_phone_e164: str
    body: str = ""
    # With options the adapter decides: buttons, a list, or `body` as it stands (the
    # outbox numbered the options in it when `options_native` said no).
    options: list[dict[str, str]] = field(default_factory=list)
    options_label: str = ""  # the button that opens a list, in the patient's language
    # A template reference: a purpose ("reminder") the adapter resolves for `language`,
    # or a provider's own template id; variables in order under "1", "2", ...
    template: str = ""
    variables: dict[str, str] = field(default_factory=dict)
    language: str = ""


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str
    status: str  # our OutboundMessage.Status value after the call


@dataclass(frozen=True)
class Media:
    content: bytes
    content_type: str


class Channel(Protocol):
    """One provider's whole exchange. Webhook methods take Django's request as it came."""

    name: str
    signature_header: str  # named in the log when a webhook is refused

    def verify(self, request: HttpRequest) -> bool:
        """Whether the request was signed by the provider (or the simulator standing in)."""
        ...

    def parse(self, request: HttpRequest) -> Envelope:
        """The messages and statuses in a verified request. Raises MalformedPayload."""
        ...

    def acknowledge(self) -> HttpResponse:
        """What the provider expects back at once."""
        ...

    def options_native(self, body: str, options: list[dict[str, str]]) -> bool:
        """Whether `send` renders this text with these options itself (buttons, a list)."""
        ...

    def has_template(self, purpose: str, language: str) -> bool: ...

    def serves(self, address: str) -> bool:
        """Whether a message written to `address` is this deployment's when no clinic file
        lists numbers (one clinic, as before clinics had numbers)."""
        ...

    def send(self, message: OutgoingMessage) -> SendResult: ...

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        """The provider id of an identical message the provider accepted since `since`
        and whose id is not in `exclude`, or None. Lets a retry whose previous attempt
        ended without an answer (worker killed mid-call, timeout) avoid sending twice.
        Raises ChannelError (retryable) when the provider cannot be asked."""
        ...

    def media_download(self, media: dict[str, str]) -> Media:
        """The bytes of one item of IncomingMessage.media. Raises ChannelError."""
        ...


ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")


def env_name_read(entry: dict, key: str) -> str:
    """A clinic file's `<secret>_env` field: the name of an environment variable that is set
    (the secret stays in the environment, never in the file or the database). Raises
    ValueError(key, problem)."""
    name = str(entry[key]).strip()
    if not ENV_NAME.match(name):
        raise ValueError(key, f'"{name}" is not an environment variable name (A-Z, 0-9 and _)')
    if not os.environ.get(name):
        raise ValueError(key, f"the environment variable {name} is not set")
    return name


def env_secret(credentials: dict, key: str) -> str:
    """The secret a number's credentials name by `key` (empty when they name none)."""
    return os.environ.get(credentials[key], "") if credentials.get(key) else ""


def templates_read(value: object, *, purposes: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """A clinic file's `templates:` of one number: {purpose: {key: template id}}. Raises
    ValueError(field, problem)."""
    if not isinstance(value, dict):
        raise ValueError("templates", "must be a mapping such as {reminder: {es: ...}}")
    read = {}
    for purpose, ids in value.items():
        if purpose not in purposes:
            raise ValueError(
                f"templates.{purpose}", f"unknown template purpose (expected {', '.join(purposes)})"
            )
        if not isinstance(ids, dict) or not all(isinstance(v, str) and v.strip() for v in ids.values()):
            raise ValueError(
                f"templates.{purpose}", "must map each language (or button count) to a template id"
            )
        read[purpose] = {str(key): ids[key].strip() for key in ids}
    return read
