from django.conf import settings

from conversations.channels.base import Channel
from conversations.channels.simulator import SimulatorChannel
from conversations.channels.twilio_whatsapp import TwilioWhatsAppChannel


def outbound_channel() -> Channel:
    """Twilio when its credentials are configured, else the simulator."""
    if settings.TWILIO_CONFIGURED:
        return TwilioWhatsAppChannel(
            account_sid=settings.TWILIO_ACCOUNT_SID,
            auth_token=settings.TWILIO_AUTH_TOKEN,
            from_number=settings.TWILIO_WHATSAPP_FROM,
            base_url=settings.TWILIO_API_BASE_URL,
            timeout=settings.TWILIO_TIMEOUT_SECONDS,
        )
    return SimulatorChannel()


def webhook_auth_token() -> str:
    """The token webhooks are signed with: Twilio's, or the simulator's own."""
    return settings.TWILIO_AUTH_TOKEN if settings.TWILIO_CONFIGURED else settings.SIMULATOR_AUTH_TOKEN
