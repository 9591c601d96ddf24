"""Twilio's WhatsApp door: everything that knows Twilio's names lives in this package."""

from functools import lru_cache

from django.conf import settings

from conversations.channels.base import env_name_read, env_secret, templates_read
from conversations.channels.twilio.adapter import TwilioWhatsAppChannel
from conversations.channels.twilio.webhook import E164, PREFIX

NAME = "twilio"


def configured() -> bool:
    return settings.TWILIO_CONFIGURED


def adapter(*, address: str = "", credentials: dict | None = None) -> TwilioWhatsAppChannel:
    """The adapter sending from `address` (a clinic's number), else from this deployment's
    Twilio number; signed with the simulator's token when Twilio is not configured (the
    simulator speaks through this door). `credentials` (the number's, see number_read) name
    its own account and templates; whatever they leave out is the deployment's."""
    own = credentials if credentials and configured() else {}
    templates = own.get("templates", {})
    return _twilio_channel(
        env_secret(own, "account_sid_env") or settings.TWILIO_ACCOUNT_SID,
        env_secret(own, "auth_token_env") or webhook_auth_token(),
        address or settings.TWILIO_WHATSAPP_FROM,
        settings.TWILIO_API_BASE_URL,
        settings.TWILIO_TIMEOUT_SECONDS,
        settings.PUBLIC_BASE_URL,
        tuple(sorted(templates.get("options", settings.TWILIO_OPTIONS_CONTENT_SIDS).items())),
        tuple(sorted(templates.get("reminder", settings.TWILIO_REMINDER_CONTENT_SIDS).items())),
        tuple(sorted(templates.get("appointment", settings.TWILIO_APPOINTMENT_CONTENT_SIDS).items())),
        tuple(sorted(templates.get("waitlist", settings.TWILIO_WAITLIST_CONTENT_SIDS).items())),
    )


def addressed_to(request) -> str:
    """The clinic number a webhook is about, before it is verified (to choose whose token
    verifies it): an inbound message's `To`, a status callback's `From`."""
    field = "From" if request.path.rstrip("/").endswith("/status") else "To"
    return request.POST.get(field, "").removeprefix(PREFIX).strip()


@lru_cache(maxsize=64)
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


TEMPLATE_PURPOSES = ("options", "reminder", "appointment", "waitlist")
KEYS = ("provider", "number", "account_sid_env", "auth_token_env", "templates")


def number_read(entry: dict) -> tuple[str, dict]:
    """A clinic file's Twilio number (`{provider: twilio, number: "+34..."}`) in E.164, and
    its own credentials when it has them: `account_sid_env` and `auth_token_env` (the names of
    the environment variables holding its account's SID and auth token, both or neither) and
    `templates` ({options: {"3": HX...}, reminder: {es: HX...}, appointment: {...}}).
    Raises ValueError(field, problem)."""
    unknown = sorted(set(entry) - set(KEYS))
    if unknown:
        raise ValueError(unknown[0], f"unknown key (expected {', '.join(KEYS)})")
    number = str(entry.get("number") or "").removeprefix("whatsapp:").replace(" ", "")
    if not number:
        raise ValueError("number", "is required")
    if not E164.match(number):
        raise ValueError("number", f'"{number}" is not a number in E.164 (+ and the country code)')
    credentials: dict = {}
    named = [key for key in ("account_sid_env", "auth_token_env") if key in entry]
    if len(named) == 1:
        missing = ({"account_sid_env", "auth_token_env"} - set(named)).pop()
        raise ValueError(missing, f"is required with {named[0]} (a Twilio account is its SID and its token)")
    for key in named:
        credentials[key] = env_name_read(entry, key)
    if "templates" in entry:
        credentials["templates"] = templates_read(entry["templates"], purposes=TEMPLATE_PURPOSES)
    return number, credentials
