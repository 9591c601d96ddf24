"""Every clinic's WhatsApp numbers, as one process remembers them for NUMBERS_TTL: whose each
number is (conversations.routing) and the number's own credentials, when its clinic file
names them (conversations.channels); load_clinic forgets them."""

import time

from conversations.models import ClinicNumber

NUMBERS_TTL = 30.0  # seconds, as the directory: an edit reaches every worker within it

# (read at, {(door, address): clinic id}, {(door, address): the number's own credentials})
_numbers: tuple[float, dict[tuple[str, str], int], dict[tuple[str, str], dict]] | None = None


def numbers_map() -> dict[tuple[str, str], int]:
    """{(door, address): clinic id} of every clinic, read once per NUMBERS_TTL."""
    return _numbers_read()[1]


def number_credentials(*, channel: str, address: str) -> dict:
    """The number's own credentials from its clinic file (env-variable names, template ids);
    empty for a number without them or no clinic's: the deployment's settings serve it."""
    return _numbers_read()[2].get((channel, address), {})


def numbers_invalidate() -> None:
    global _numbers
    _numbers = None


def _numbers_read() -> tuple[float, dict[tuple[str, str], int], dict[tuple[str, str], dict]]:
    global _numbers
    if _numbers is None or time.monotonic() - _numbers[0] >= NUMBERS_TTL:
        numbers = list(ClinicNumber.objects.all())
        _numbers = (
            time.monotonic(),
            {(n.channel, n.address): n.clinic_id for n in numbers},
            {(n.channel, n.address): n.credentials for n in numbers if n.credentials},
        )
    return _numbers
