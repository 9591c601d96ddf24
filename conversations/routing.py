"""Which clinic a patient wrote to. Each clinic's clinic file lists its WhatsApp numbers
(`channels:`); an inbound message belongs to the clinic whose number it was sent to. A
message to a number no clinic lists is stored apart, logged and never answered, so no
clinic ever answers for another. A deployment whose files list no numbers keeps its one
clinic: every message the door serves is that clinic's, as before clinics had numbers.
"""

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from clinicbot.tenancy import ClinicNotChosen, clinic_current_id
from conversations.channels import number_read, webhook_channel
from conversations.channels.base import IncomingMessage
from conversations.models import ClinicNumber, UnroutedMessage, mask
from conversations.numbers import numbers_invalidate, numbers_map
from scheduling.clinic_file import ClinicFileError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NumberSpec:
    channel: str
    address: str
    credentials: dict = field(default_factory=dict, compare=False, hash=False)


def numbers_file_parse(items: list) -> list[NumberSpec]:
    """The clinic file's `channels:` entries; raises ClinicFileError naming each bad field
    (`channels[1].number: "12" is not a number in E.164 ...`)."""
    specs, problems = [], []
    for i, entry in enumerate(items):
        try:
            specs.append(NumberSpec(*number_read(entry)))
        except ValueError as exc:
            field, problem = exc.args
            problems.append(f"channels[{i}]{'.' + field if field else ''}: {problem}")
    seen = set()
    for i, spec in enumerate(specs):
        if spec in seen:
            problems.append(f"channels[{i}]: {spec.channel} {spec.address} is listed twice")
        seen.add(spec)
    if problems:
        raise ClinicFileError(problems)
    return specs


def numbers_load(*, clinic_id: int, specs: list[NumberSpec]) -> dict[str, int]:
    """Make the clinic's numbers the file's (numbers no longer listed stop routing to it).
    Raises ClinicFileError when another clinic lists one of them. Call in the load's transaction."""
    numbers_invalidate()
    taken = [
        f"channels: {n.channel} {n.address} is clinic {n.clinic.code}'s"
        for spec in specs
        for n in ClinicNumber.objects.filter(channel=spec.channel, address=spec.address)
        .exclude(clinic_id=clinic_id)
        .select_related("clinic")
    ]
    if taken:
        raise ClinicFileError(taken)
    ClinicNumber.objects.filter(clinic_id=clinic_id).exclude(
        pk__in=[
            n.pk
            for spec in specs
            for n in ClinicNumber.objects.filter(
                clinic_id=clinic_id, channel=spec.channel, address=spec.address
            )
        ]
    ).delete()
    for spec in specs:
        ClinicNumber.objects.update_or_create(
            clinic_id=clinic_id,
            channel=spec.channel,
            address=spec.address,
            defaults={"credentials": spec.credentials},
        )
    return {"channels": len(specs)}


def clinic_address(*, clinic_id: int, channel: str) -> str:
    """The clinic's first number on `channel`, for a chat the clinic starts (a reminder);
    empty when its file lists none there (the deployment's own sender answers)."""
    return min(
        (
            address
            for (door, address), owner in numbers_map().items()
            if door == channel and owner == clinic_id
        ),
        default="",
    )


def inbound_clinic(*, message: IncomingMessage) -> int | None:
    """The clinic a message was written to, or None when it is no clinic's: a number no clinic
    lists, or (no numbers listed at all) a number the door does not serve or several clinics
    and nothing to tell them apart. No query within NUMBERS_TTL once numbers are listed."""
    numbers = numbers_map()
    if numbers:
        return numbers.get((message.channel, message.to_address))
    if message.to_address and not webhook_channel(message.channel).serves(message.to_address):
        return None
    try:
        return clinic_current_id()
    except ClinicNotChosen:
        return None


def unrouted_store(*, message: IncomingMessage) -> None:
    """Keep a message no clinic owns, once, for superusers to see; it is never answered."""
    logger.warning(
        "refused inbound %s on %s to %s from %s: no clinic has this number",
        message.provider_message_id,
        message.channel,
        message.to_address or "an unnamed number",
        mask(message.channel_user_id),
    )
    try:
        with transaction.atomic():
            UnroutedMessage.objects.create(
                channel=message.channel,
                address=message.to_address,
                provider_message_id=message.provider_message_id,
                channel_user_id=message.channel_user_id,
                raw_payload=message.raw_payload,
            )
    except IntegrityError:
        pass  # a webhook retry of one already kept
