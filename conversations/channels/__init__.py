"""The doors a patient can write through, chosen per conversation (Conversation.channel).

Each provider package says whether it is configured and builds its adapter; a door whose
provider is not configured is served by the simulator. One deployment may run several.
"""

from django.http import HttpRequest

from conversations.channels import meta, twilio
from conversations.channels.base import Channel
from conversations.channels.simulator import SimulatorChannel
from conversations.numbers import number_credentials

DOORS = {twilio.NAME: twilio, meta.NAME: meta}


def webhook_channel(name: str, request: HttpRequest | None = None) -> Channel:
    """The adapter that verifies and parses this door's webhooks: for `request`, that of the
    clinic number it is about (its own token or app secret, when the clinic file names one)."""
    address = DOORS[name].addressed_to(request) if request is not None else ""
    return DOORS[name].adapter(address=address, credentials=_credentials(name, address))


def channel_for(name: str, *, address: str = "") -> Channel:
    """The channel a conversation on this door is answered through, from the clinic's
    number `address` (empty: the deployment's own) with that number's credentials."""
    adapter = DOORS[name].adapter(address=address, credentials=_credentials(name, address))
    return adapter if DOORS[name].configured() else SimulatorChannel(adapter)


def _credentials(name: str, address: str) -> dict:
    return number_credentials(channel=name, address=address) if address else {}


def number_read(entry: object) -> tuple[str, str, dict]:
    """One entry of a clinic file's `channels:` as (door, address, credentials), read by its
    provider's package. Raises ValueError(field, problem)."""
    if not isinstance(entry, dict):
        raise ValueError("", "must be a mapping such as {provider: twilio, number: ...}")
    provider = entry.get("provider")
    if provider not in DOORS:
        raise ValueError("provider", f"{provider!r} is not one of {', '.join(sorted(DOORS))}")
    return provider, *DOORS[provider].number_read(entry)


def channel_default() -> str:
    """The door for a patient who never wrote (a reminder): Twilio's unless only Meta's is set."""
    if meta.configured() and not twilio.configured():
        return meta.NAME
    return twilio.NAME


def any_configured() -> bool:
    """Whether any real provider is configured (the simulator must then stay off)."""
    return any(door.configured() for door in DOORS.values())


def simulated_webhook(*, door: str, **fields: str) -> dict:
    """A webhook for the simulator page, shaped and signed as `door`'s provider does it."""
    from conversations.channels.meta.simulated import simulated_webhook as meta_simulated
    from conversations.channels.twilio.simulated import simulated_webhook as twilio_simulated

    return {twilio.NAME: twilio_simulated, meta.NAME: meta_simulated}[door](**fields)
