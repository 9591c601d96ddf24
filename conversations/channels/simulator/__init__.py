"""The simulator: stands in for a door whose provider is not configured. Webhooks are
verified and parsed by that door's own adapter (signed with the simulator's secret);
replies stay in the database, where /simulator/ shows them."""

import uuid
from datetime import datetime

from django.http import HttpRequest, HttpResponse

from conversations.channels.base import (
    Channel,
    ChannelError,
    Envelope,
    Failure,
    Media,
    OutgoingMessage,
    SendResult,
)


class SimulatorChannel:
    def __init__(self, door: Channel) -> None:
        self.door = door
        self.name = door.name
        self.signature_header = door.signature_header

    def verify(self, request: HttpRequest) -> bool:
        return self.door.verify(request)

    def parse(self, request: HttpRequest) -> Envelope:
        return self.door.parse(request)

    def acknowledge(self) -> HttpResponse:
        return self.door.acknowledge()

    def options_native(self, body: str, options: list[dict[str, str]]) -> bool:
        return self.door.options_native(body, options)

    def has_template(self, purpose: str, language: str) -> bool:
        return self.door.has_template(purpose, language)

    def serves(self, address: str) -> bool:
        return self.door.serves(address)

    def send(self, message: OutgoingMessage) -> SendResult:
        return SendResult(provider_message_id="SIM" + uuid.uuid4().hex, status="delivered")

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        return None  # a simulator send never leaves an unknown outcome behind

    def media_download(self, media: dict[str, str]) -> Media:
        raise ChannelError("the simulator keeps no media", failure=Failure.REJECTED)
