"""The simulator channel: replies stay in the database, where /simulator/ shows them."""

import uuid

from conversations.channels.base import OutgoingMessage, SendResult


class SimulatorChannel:
    name = "simulator"

    def send(self, message: OutgoingMessage) -> SendResult:
        return SendResult(provider_message_id="SIM" + uuid.uuid4().hex, status="delivered")
