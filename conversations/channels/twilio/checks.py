"""Twilio's settings, checked at start-up: misconfiguration shows then, not at 3 a.m."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.compatibility)
def twilio_check(app_configs, **kwargs) -> list:
    names = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_FROM")
    present = [name for name in names if getattr(settings, name)]
    errors = []
    if present and len(present) != len(names):
        missing = ", ".join(name for name in names if name not in present)
        errors.append(
            Error(
                f"Twilio is half configured: {missing} missing",
                hint="Set all three or none.",
                id="clinicbot.E001",
            )
        )
    if settings.TWILIO_ACCOUNT_SID and not settings.TWILIO_ACCOUNT_SID.startswith("AC"):
        errors.append(Error("TWILIO_ACCOUNT_SID must start with AC", id="clinicbot.E002"))
    if settings.TWILIO_CONFIGURED and not settings.PUBLIC_BASE_URL:
        errors.append(
            Error(
                "PUBLIC_BASE_URL is required with Twilio: webhook signatures are computed over it",
                id="clinicbot.E003",
            )
        )
    return errors
