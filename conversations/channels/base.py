"""The channel interface: how ClinicBot hears and answers a patient.

Providers' shapes stop here. Inbound payloads become `IncomingMessage`; outbound rows
become provider calls that either return a `SendResult` or raise `ChannelError`, whose
`retryable` flag alone decides whether a retry can help.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


class ChannelError(Exception):
    def __init__(self, message: str, *, retryable: bool, code: str = "") -> None:
        super().__init__(message)
        self.retryable = retryable  # False: invalid number, opted out, window closed
        self.code = code


class MalformedPayload(ValueError):
    """The provider's request lacks a field we need; answered with 400."""


@dataclass(frozen=True)
class IncomingMessage:
    provider_message_id: str
    channel_user_id: str
    phone_e164: str
    profile_name: str
    kind: str  # InboundMessage.Kind value
    text: str = ""
    button_payload: str = ""
    button_text: str = ""
    media: list[dict[str, str]] = field(default_factory=list)
    location: dict[str, str] | None = None
    reply_to_provider_id: str = ""
    raw_payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OutgoingMessage:
    to_user_id: str
    to_phone_e164: str
    body: str = ""
    content_sid: str = ""
    content_variables: dict[str, str] = field(default_factory=dict)
    status_callback_url: str = ""


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str
    status: str  # our OutboundMessage.Status value after the call


class Channel(Protocol):
    name: str

    def send(self, message: OutgoingMessage) -> SendResult: ...

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        """The provider id of an identical message the provider accepted since `since`
        and whose id is not in `exclude`, or None. Lets a retry whose previous attempt
        ended without an answer (worker killed mid-call, timeout) avoid sending twice.
        Raises ChannelError (retryable) when the provider cannot be asked."""
        ...
