"""The clinic's slowly changing records (practitioners, types, locations) as one cached
snapshot, so understanding and booking a message costs no query for them.

The snapshot lives for DIRECTORY_TTL seconds per process and is dropped at once when this
process loads a clinic file; an admin edit reaches every worker within the TTL.
"""

import time
from dataclasses import dataclass

from scheduling.models import AppointmentType, Clinic, Location, Practitioner

DIRECTORY_TTL = 30.0


@dataclass(frozen=True)
class PractitionerInfo:
    id: int
    name: str
    aliases: tuple[str, ...]
    specialties: tuple[str, ...]
    type_codes: tuple[str, ...]


@dataclass(frozen=True)
class TypeInfo:
    code: str
    names: dict[str, str]
    new_patients: bool


@dataclass(frozen=True)
class Directory:
    clinic: Clinic
    practitioners: tuple[PractitionerInfo, ...]
    types: tuple[TypeInfo, ...]
    locations: dict[int, str]


_cached: tuple[float, Directory | None] | None = None


def directory_get() -> Directory | None:
    """The current snapshot, or None before a clinic is loaded."""
    global _cached
    if _cached is not None and time.monotonic() - _cached[0] < DIRECTORY_TTL:
        return _cached[1]
    clinic = Clinic.objects.order_by("id").first()
    directory = None
    if clinic is not None:
        directory = Directory(
            clinic=clinic,
            practitioners=tuple(
                PractitionerInfo(
                    p.pk,
                    p.display_name,
                    tuple(p.aliases or ()),
                    tuple(p.specialties or ()),
                    tuple(t.code for t in p.appointment_types.all()),
                )
                for p in Practitioner.objects.filter(active=True)
                .prefetch_related("appointment_types")
                .order_by("id")
            ),
            types=tuple(
                TypeInfo(t.code, dict(t.names), t.new_patients)
                for t in AppointmentType.objects.filter(active=True).order_by("id")
            ),
            locations={loc.pk: f"{loc.name}, {loc.address}".strip(", ") for loc in Location.objects.all()},
        )
    _cached = (time.monotonic(), directory)
    return directory


def directory_invalidate() -> None:
    global _cached
    _cached = None
