"""A clinic's slowly changing records (practitioners, types, locations) as one cached
snapshot per clinic, so understanding and booking a message costs no query for them.

Each snapshot lives for DIRECTORY_TTL seconds per process and every one is dropped at once
when this process loads a clinic file; an admin edit reaches every worker within the TTL.
"""

import time
from dataclasses import dataclass

from clinicbot.tenancy import ClinicNotChosen, clinic_scope, clinic_scoped_id, tenancy_forget
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


# Keyed by clinic id; None is "the deployment's only clinic", read outside any clinic scope.
_cached: dict[int | None, tuple[float, Directory | None]] = {}


def directory_get(*, clinic_id: int | None = None) -> Directory | None:
    """The snapshot of `clinic_id`, else of the enclosing clinic scope's clinic, else of the
    deployment's only clinic; None when there is no such clinic or only its placeholder
    (before load_clinic).

    Raises ClinicNotChosen outside a scope when the deployment has several clinics."""
    key = clinic_id if clinic_id is not None else clinic_scoped_id()
    hit = _cached.get(key)
    if hit is not None and time.monotonic() - hit[0] < DIRECTORY_TTL:
        return hit[1]
    if key is None:
        clinics = list(Clinic.objects.order_by("id")[:2])
        if len(clinics) > 1:
            raise ClinicNotChosen("several clinics share this deployment; no clinic scope is set")
        clinic = clinics[0] if clinics else None
    else:
        clinic = Clinic.objects.filter(pk=key).first()
    directory = None
    if clinic is not None and not clinic.placeholder:
        with clinic_scope(clinic.pk):
            directory = _snapshot(clinic)
    _cached[key] = (time.monotonic(), directory)
    return directory


def _snapshot(clinic: Clinic) -> Directory:
    return Directory(
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


def directory_invalidate() -> None:
    """Drop every clinic's snapshot (loading a clinic file calls it)."""
    _cached.clear()
    tenancy_forget()
