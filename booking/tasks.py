from celery import shared_task

from booking.services import booking_expire_stale
from clinicbot.tenancy import each_clinic


@shared_task(time_limit=120, soft_time_limit=100)
def booking_expire_task() -> int:
    """Periodic: close sessions idle for 24 hours and release their holds, clinic by clinic."""
    return sum(each_clinic(booking_expire_stale))
