from functools import lru_cache

from django.conf import settings

from conversations.channels.base import Channel
from conversations.channels.simulator import SimulatorChannel
from conversations.channels.twilio_whatsapp import TwilioWhatsAppChannel


def outbound_channel() -> Channel:
    """Twilio when its credentials are configured, else the simulator."""
    if settings.TWILIO_CONFIGURED:
        return _twilio_channel(
            settings.TWILIO_ACCOUNT_SID,
            settings.TWILIO_AUTH_TOKEN,
            settings.TWILIO_WHATSAPP_FROM,
            settings.TWILIO_API_BASE_URL,
            settings.TWILIO_TIMEOUT_SECONDS,
        )
    return SimulatorChannel()


@lru_cache(maxsize=4)
def _twilio_channel(
    account_sid: str, auth_token: str, from_number: str, base_url: str, timeout: float
) -> TwilioWhatsAppChannel:
    # One client per process and configuration: its HTTP session keeps the connection to
    # Twilio open, instead of a new TCP (and TLS) handshake for every message.
    return TwilioWhatsAppChannel(
        account_sid=account_sid,
        auth_token=auth_token,
        from_number=from_number,
        base_url=base_url,
        timeout=timeout,
    )


def webhook_auth_token() -> str:
    """The token webhooks are signed with: Twilio's, or the simulator's own."""
    return settings.TWILIO_AUTH_TOKEN if settings.TWILIO_CONFIGURED else settings.SIMULATOR_AUTH_TOKEN
