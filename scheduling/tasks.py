from celery import shared_task

from clinicbot.tenancy import each_clinic
from scheduling.services import slot_hold_purge


@shared_task(time_limit=60, soft_time_limit=45)
def slot_hold_purge_task() -> int:
    """Periodic (e.g. hourly in CELERY_BEAT_SCHEDULE): drop long-expired holds, clinic by clinic."""
    return sum(each_clinic(slot_hold_purge))
