"""Reads of the waitlist for the staff pages."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q

from booking.models import WaitlistEntry, WaitlistOffer
from scheduling.models import Practitioner


@dataclass(frozen=True)
class WaitlistGroup:
    """The entries waiting for one practitioner (or for anyone of a specialty) on a day."""

    title: str
    practitioner: Practitioner | None
    entries: list[WaitlistEntry]


def waitlist_for_day(*, day: date, practitioner: Practitioner | None = None) -> list[WaitlistGroup]:
    """The entries whose days include `day`, in order of joining, grouped by practitioner
    (entries for a specialty under it), each with its offers newest first. Waiting entries
    and those that ended on an offer of that day (booked, removed) alike; read-only."""
    entries = (
        WaitlistEntry.objects.filter(day_from__lte=day, day_to__gte=day)
        .filter(Q(state=WaitlistEntry.State.WAITING) | Q(offers__start__date=day))
        .select_related("patient", "practitioner", "appointment_type")
        .prefetch_related(
            Prefetch("offers", queryset=WaitlistOffer.objects.select_related("practitioner", "appointment"))
        )
        .distinct()
        .order_by("joined_at", "id")
    )
    if practitioner is not None:
        entries = entries.filter(
            Q(practitioner=practitioner)
            | Q(practitioner__isnull=True, specialty__in=[*practitioner.specialties, ""])
        )
    groups: dict[str, WaitlistGroup] = {}
    for entry in entries:
        if entry.practitioner is not None:
            key, title = f"p{entry.practitioner_id}", entry.practitioner.display_name
        else:
            key = f"s{entry.specialty}"
            title = f"Any {entry.specialty} practitioner" if entry.specialty else "Any practitioner"
        group = groups.setdefault(key, WaitlistGroup(title, entry.practitioner, []))
        group.entries.append(entry)
    return sorted(groups.values(), key=lambda g: (g.practitioner is None, g.title))
