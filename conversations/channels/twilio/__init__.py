"""Twilio's WhatsApp door: everything that knows Twilio's names lives in this package."""

from functools import lru_cache

from django.conf import settings

from conversations.channels.twilio.adapter import TwilioWhatsAppChannel
from conversations.channels.twilio.webhook import E164

NAME = "twilio"


def configured() -> bool:
    return settings.TWILIO_CONFIGURED


def adapter(*, address: str = "") -> TwilioWhatsAppChannel:
    """The adapter sending from `address` (a clinic's number), else from this deployment's
    Twilio number; signed with the simulator's token when Twilio is not configured (the
    simulator speaks through this door)."""
    return _twilio_channel(
        settings.TWILIO_ACCOUNT_SID,
        webhook_auth_token(),
        address or settings.TWILIO_WHATSAPP_FROM,
        settings.TWILIO_API_BASE_URL,
        settings.TWILIO_TIMEOUT_SECONDS,
        settings.PUBLIC_BASE_URL,
        tuple(sorted(settings.TWILIO_OPTIONS_CONTENT_SIDS.items())),
        tuple(sorted(settings.TWILIO_REMINDER_CONTENT_SIDS.items())),
        tuple(sorted(settings.TWILIO_APPOINTMENT_CONTENT_SIDS.items())),
        tuple(sorted(settings.TWILIO_WAITLIST_CONTENT_SIDS.items())),
    )


@lru_cache(maxsize=4)
def _twilio_channel(
    account_sid: str,
    auth_token: str,
    from_number: str,
    base_url: str,
    timeout: float,
    public_base_url: str,
    options_templates: tuple,
    reminder_templates: tuple,
    appointment_templates: tuple,
    waitlist_templates: tuple = (),
) -> TwilioWhatsAppChannel:
    # One client per process and configuration: its HTTP session keeps the connection to
    # Twilio open, instead of a new TCP (and TLS) handshake for every message.
    return TwilioWhatsAppChannel(
        account_sid=account_sid,
        auth_token=auth_token,
        from_number=from_number,
        base_url=base_url,
        timeout=timeout,
        public_base_url=public_base_url,
        options_templates=dict(options_templates),
        templates={
            "reminder": dict(reminder_templates),
            "appointment": dict(appointment_templates),
            "waitlist_offer": dict(waitlist_templates),
        },
    )


def webhook_auth_token() -> str:
    """The token webhooks are signed with: Twilio's, or the simulator's own while the
    simulator runs; none otherwise (a Meta-only deployment), so this door refuses every post."""
    if settings.TWILIO_CONFIGURED:
        return settings.TWILIO_AUTH_TOKEN
    return settings.SIMULATOR_AUTH_TOKEN if settings.SIMULATOR_ENABLED else ""


def number_read(entry: dict) -> str:
    """A clinic file's Twilio number (`{provider: twilio, number: "+34..."}`) in E.164.
    Raises ValueError(field, problem)."""
    unknown = sorted(set(entry) - {"provider", "number"})
    if unknown:
        raise ValueError(unknown[0], "unknown key (expected provider, number)")
    number = str(entry.get("number") or "").removeprefix("whatsapp:").replace(" ", "")
    if not number:
        raise ValueError("number", "is required")
    if not E164.match(number):
        raise ValueError("number", f'"{number}" is not a number in E.164 (+ and the country code)')
    return number
