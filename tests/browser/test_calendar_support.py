"""Helpers for the calendar's browser tests (no tests here)."""

from datetime import datetime, timedelta

from django.utils import timezone
from playwright.sync_api import Locator, Page

from scheduling import services as calendar
from scheduling.availability import Slot
from scheduling.models import AppointmentType, Practitioner
from scheduling.selectors import clinic_get


def free_slot(practitioner: Practitioner, type_code: str) -> Slot:
    """The practitioner's first free slot at least three days ahead, as the bot finds it."""
    [slot] = calendar.slot_list_available(
        practitioner=practitioner,
        appointment_type=AppointmentType.objects.get(code=type_code),
        date_from=(timezone.now() + timedelta(days=3)).date(),
        limit=1,
    )
    return slot


def clinic_local(start: datetime) -> datetime:
    """The instant on the clinic's wall clock (the test's own thread runs in UTC)."""
    return start.astimezone(clinic_get().zone)


def cell(page: Page, practitioner: Practitioner, start: datetime) -> Locator:
    local = clinic_local(start)
    return page.locator(f"td[data-practitioner='{practitioner.pk}'][data-start='{local:%Y-%m-%dT%H:%M}']")
