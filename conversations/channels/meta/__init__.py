"""Meta's WhatsApp Cloud API door: everything that knows Meta's names lives in this package."""

from functools import lru_cache

from django.conf import settings

from conversations.channels.meta.adapter import MetaCloudChannel

NAME = "meta"


def configured() -> bool:
    return settings.META_CONFIGURED


def adapter(*, address: str = "") -> MetaCloudChannel:
    """The adapter sending from `address` (a clinic's phone-number id), else from this
    deployment's Meta number; signed with the simulator's secret when Meta is not configured
    and the simulator is on (else every webhook is refused)."""
    return _meta_channel(
        webhook_secret(),
        settings.META_VERIFY_TOKEN,
        settings.META_ACCESS_TOKEN,
        address or settings.META_PHONE_NUMBER_ID,
        settings.META_GRAPH_BASE_URL,
        settings.META_TIMEOUT_SECONDS,
        tuple(
            (purpose, tuple(sorted(names.items())))
            for purpose, names in sorted(settings.META_TEMPLATES.items())
        ),
    )


@lru_cache(maxsize=4)
def _meta_channel(
    app_secret: str,
    verify_token: str,
    access_token: str,
    phone_number_id: str,
    base_url: str,
    timeout: float,
    templates: tuple,
) -> MetaCloudChannel:
    return MetaCloudChannel(
        app_secret=app_secret,
        verify_token=verify_token,
        access_token=access_token,
        phone_number_id=phone_number_id,
        base_url=base_url,
        timeout=timeout,
        templates={purpose: dict(names) for purpose, names in templates},
    )


def webhook_secret() -> str:
    if settings.META_CONFIGURED:
        return settings.META_APP_SECRET
    return settings.SIMULATOR_AUTH_TOKEN if settings.SIMULATOR_ENABLED else ""


def number_read(entry: dict) -> str:
    """A clinic file's Meta number (`{provider: meta, phone_number_id: "..."}`): its id.
    Raises ValueError(field, problem)."""
    unknown = sorted(set(entry) - {"provider", "phone_number_id"})
    if unknown:
        raise ValueError(unknown[0], "unknown key (expected provider, phone_number_id)")
    number = str(entry.get("phone_number_id") or "").strip()
    if not number:
        raise ValueError("phone_number_id", "is required")
    if not number.isdigit() or len(number) > 64:
        raise ValueError("phone_number_id", f'"{number}" is not a phone-number id (digits, from Meta\'s app)')
    return number
