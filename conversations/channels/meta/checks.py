"""Meta's settings, checked at start-up like Twilio's."""

import re

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

NAMES = ("META_APP_SECRET", "META_VERIFY_TOKEN", "META_ACCESS_TOKEN", "META_PHONE_NUMBER_ID")


@register(Tags.compatibility)
def meta_check(app_configs, **kwargs) -> list:
    from conversations.models import Language

    present = [name for name in NAMES if getattr(settings, name)]
    errors = []
    if present and len(present) != len(NAMES):
        missing = ", ".join(name for name in NAMES if name not in present)
        errors.append(
            Error(
                f"Meta is half configured: {missing} missing",
                hint="Set all four or none.",
                id="clinicbot.E007",
            )
        )
    if settings.META_PHONE_NUMBER_ID and not settings.META_PHONE_NUMBER_ID.isdigit():
        errors.append(Error("META_PHONE_NUMBER_ID must be the number's id (digits)", id="clinicbot.E008"))
    for purpose, names in settings.META_TEMPLATES.items():
        unknown = sorted(set(names) - set(Language.values))
        if unknown:
            errors.append(
                Error(
                    f"META_TEMPLATES[{purpose!r}] names unknown languages: {', '.join(unknown)}",
                    hint=f"Use {', '.join(Language.values)}.",
                    id="clinicbot.E009",
                )
            )
    if not re.search(r"/v\d+\.\d+/?$", settings.META_GRAPH_BASE_URL):
        errors.append(
            Warning(
                "META_GRAPH_BASE_URL has no pinned API version (…/v26.0)",
                hint="Unversioned calls move to Meta's oldest supported version without notice.",
                id="clinicbot.W002",
            )
        )
    return errors
