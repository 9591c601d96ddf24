"""Meta's WhatsApp Cloud API door: everything that knows Meta's names lives in this package."""

import json
from functools import lru_cache

from django.conf import settings

from conversations.channels.base import env_name_read, env_secret, templates_read
from conversations.channels.meta.adapter import TEMPLATE_PURPOSES, MetaCloudChannel

NAME = "meta"


def configured() -> bool:
    return settings.META_CONFIGURED


def adapter(*, address: str = "", credentials: dict | None = None) -> MetaCloudChannel:
    """The adapter sending from `address` (a clinic's phone-number id), else from this
    deployment's Meta number; signed with the simulator's secret when Meta is not configured
    and the simulator is on (else every webhook is refused). `credentials` (the number's, see
    number_read) name its own access token, app secret and templates; whatever they leave
    out is the deployment's."""
    own = credentials if credentials and configured() else {}
    templates = own.get("templates", settings.META_TEMPLATES)
    return _meta_channel(
        env_secret(own, "app_secret_env") or webhook_secret(),
        settings.META_VERIFY_TOKEN,
        env_secret(own, "access_token_env") or settings.META_ACCESS_TOKEN,
        address or settings.META_PHONE_NUMBER_ID,
        settings.META_GRAPH_BASE_URL,
        settings.META_TIMEOUT_SECONDS,
        tuple((purpose, tuple(sorted(names.items()))) for purpose, names in sorted(templates.items())),
    )


def addressed_to(request) -> str:
    """The clinic number a webhook is about, before it is verified (to choose whose app secret
    verifies it): the first change's `metadata.phone_number_id`; empty when there is none."""
    try:
        value = json.loads(request.body)["entry"][0]["changes"][0]["value"]
        return str(value["metadata"]["phone_number_id"])
    except (ValueError, KeyError, IndexError, TypeError):
        return ""


@lru_cache(maxsize=64)
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


KEYS = ("provider", "phone_number_id", "access_token_env", "app_secret_env", "templates")


def number_read(entry: dict) -> tuple[str, dict]:
    """A clinic file's Meta number (`{provider: meta, phone_number_id: "..."}`): its id, and
    its own credentials when it has them: `access_token_env`, `app_secret_env` (the names of
    the environment variables holding them) and `templates` ({reminder: {es: name}, ...}, as
    META_TEMPLATES). Raises ValueError(field, problem)."""
    unknown = sorted(set(entry) - set(KEYS))
    if unknown:
        raise ValueError(unknown[0], f"unknown key (expected {', '.join(KEYS)})")
    number = str(entry.get("phone_number_id") or "").strip()
    if not number:
        raise ValueError("phone_number_id", "is required")
    if not number.isdigit() or len(number) > 64:
        raise ValueError("phone_number_id", f'"{number}" is not a phone-number id (digits, from Meta\'s app)')
    credentials: dict = {
        key: env_name_read(entry, key) for key in ("access_token_env", "app_secret_env") if key in entry
    }
    if "templates" in entry:
        credentials["templates"] = templates_read(entry["templates"], purposes=TEMPLATE_PURPOSES)
    return number, credentials
