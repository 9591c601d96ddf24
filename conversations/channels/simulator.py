"""The simulator channel: replies stay in the database, where /simulator/ shows them."""

import uuid
from datetime import datetime

from conversations.channels.base import OutgoingMessage, SendResult


class SimulatorChannel:
    name = "simulator"

    def send(self, message: OutgoingMessage) -> SendResult:
        return SendResult(provider_message_id="SIM" + uuid.uuid4().hex, status="delivered")

    def find_sent(self, message: OutgoingMessage, *, since: datetime, exclude: set[str]) -> str | None:
        return None  # a simulator send never leaves an unknown outcome behind
