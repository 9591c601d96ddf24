"""Staff taking an absence back: the time becomes bookable again, and is announced as freed."""

from django.db import transaction

from audit.services import staff_action_record
from scheduling.freed import slot_freed
from scheduling.models import Practitioner, TimeOff
from scheduling.services import Actor


def time_off_delete(*, time_off: TimeOff, actor: Actor) -> None:
    """Take an absence back (staff freeing time): its hours are working hours again and are
    announced as freed for its practitioner, or every practitioner for a clinic closure.
    Idempotent: deleting a deleted absence does nothing."""
    with transaction.atomic():
        deleted, _ = TimeOff.objects.filter(pk=time_off.pk).delete()
        if not deleted:
            return
        practitioners = (
            [time_off.practitioner_id]
            if time_off.practitioner_id
            else list(Practitioner.objects.filter(clinic_id=time_off.clinic_id).values_list("pk", flat=True))
        )
        for practitioner_id in practitioners:
            slot_freed(
                clinic_id=time_off.clinic_id,
                practitioner_id=practitioner_id,
                start=time_off.start,
                end=time_off.end,
            )
        if actor.user is not None:
            staff_action_record(
                user_id=actor.user.pk,
                action="time_off_delete",
                detail={"practitioner_id": time_off.practitioner_id, "start": time_off.start.isoformat()},
            )
