"""Loading a clinic file into the calendar: create or update, never delete."""

from datetime import datetime, time, timedelta

from django.db import transaction

from clinicbot.tenancy import DEFAULT_CODE, clinic_scope
from scheduling import availability
from scheduling.clinic_file import CLINIC_FIELDS, ClinicFileError, ClinicSpec
from scheduling.directory import directory_invalidate
from scheduling.models import (
    AppointmentType,
    Clinic,
    Location,
    Patient,
    Practitioner,
    TimeOff,
    WorkingHours,
)


def clinic_for_file(*, code: str) -> Clinic:
    """The clinic a file describes, unsaved when new: the one with its code; a file without a
    code is the deployment's only clinic. A code given to the deployment's default clinic
    (the placeholder, or one from before files had codes) names it rather than adding another.

    Raises ClinicFileError when the file has no code and the deployment has several clinics."""
    if code:
        named = Clinic.objects.filter(code=code).first()
        if named is not None:
            return named
        clinics = list(Clinic.objects.order_by("id")[:2])
        if len(clinics) == 1 and (clinics[0].placeholder or clinics[0].code == DEFAULT_CODE):
            clinics[0].code = code
            return clinics[0]
        return Clinic(code=code)
    clinics = list(Clinic.objects.order_by("id")[:2])
    if len(clinics) > 1:
        raise ClinicFileError(["clinic.code: is required when the deployment has more than one clinic"])
    return clinics[0] if clinics else Clinic(code=DEFAULT_CODE)


@transaction.atomic
def clinic_load(*, spec: ClinicSpec) -> dict[str, int]:
    """Create or update the clinic a file describes (clinic_for_file) and everything in it;
    returns counts per kind. Other clinics are never read or touched.

    Idempotent: loading the same file twice changes nothing the second time. Records are
    matched by code within the clinic (patients by external id, else phone and name). A
    practitioner's weekly hours are replaced by the file's; time off and patients are added
    or updated, never deleted; records missing from the file are left alone (set `active:
    false` to retire a practitioner). All or nothing: one transaction. Raises ClinicFileError.
    """
    directory_invalidate()  # this process reads the new records at once
    clinic = clinic_for_file(code=spec.code)
    for attr in CLINIC_FIELDS:
        setattr(clinic, attr, getattr(spec, attr))
    clinic.placeholder = False
    clinic.save()
    with clinic_scope(clinic.pk):
        return _records_load(spec, clinic)


def _records_load(spec: ClinicSpec, clinic: Clinic) -> dict[str, int]:
    zone = clinic.zone
    locations = {}
    for loc in spec.locations:
        locations[loc.code], _ = Location.objects.update_or_create(
            code=loc.code, defaults={"name": loc.name, "address": loc.address}
        )
    types = {}
    for t in spec.appointment_types:
        types[t.code], _ = AppointmentType.objects.update_or_create(
            code=t.code,
            defaults={
                "names": t.names,
                "duration_minutes": t.duration_minutes,
                "new_patients": t.new_patients,
                "active": True,
            },
        )
    offered: dict[str, list[Practitioner]] = {code: [] for code in types}
    time_off = 0
    for p in spec.practitioners:
        practitioner, _ = Practitioner.objects.update_or_create(
            code=p.code,
            defaults={
                "display_name": p.name,
                "aliases": p.aliases,
                "specialties": p.specialties,
                "active": p.active,
            },
        )
        practitioner.locations.set([locations[c] for c in p.locations], through_defaults={"clinic": clinic})
        for code in p.appointment_types:
            offered[code].append(practitioner)
        wanted = {(h.weekday, h.start, h.end, locations[h.location].pk) for h in p.hours}
        current = set(practitioner.working_hours.values_list("weekday", "start", "end", "location_id"))
        if wanted != current:
            practitioner.working_hours.all().delete()
            WorkingHours.objects.bulk_create(
                WorkingHours(practitioner=practitioner, weekday=d, start=a, end=b, location_id=loc)
                for d, a, b, loc in sorted(wanted)
            )
        for off in p.time_off:
            time_off += _time_off_upsert(off, practitioner=practitioner, zone=zone, model=TimeOff)
    for off in spec.time_off:
        time_off += _time_off_upsert(off, practitioner=None, zone=zone, model=TimeOff)
    for code, kind in types.items():
        # Practitioners not in this file keep the types they offered.
        kind.practitioners.add(*offered[code], through_defaults={"clinic": clinic})
        kind.practitioners.remove(
            *kind.practitioners.filter(code__in=[p.code for p in spec.practitioners]).exclude(
                pk__in=[p.pk for p in offered[code]]
            )
        )
    for patient in spec.patients:
        _patient_upsert(patient, clinic=clinic)
    return {
        "locations": len(locations),
        "appointment_types": len(types),
        "practitioners": len(spec.practitioners),
        "time_off": time_off,
        "patients": len(spec.patients),
    }


def _time_off_upsert(off, *, practitioner, zone, model) -> int:
    start = _boundary(off.start, zone, end=False)
    end = _boundary(off.end, zone, end=True)
    model.objects.update_or_create(
        practitioner=practitioner, start=start, end=end, defaults={"reason": off.reason}
    )
    return 1


def _boundary(value, zone, *, end: bool) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value
    # A date is a whole local day: "to: 2026-12-26" is off until the 27th's midnight.
    day = value + timedelta(days=1) if end else value
    return availability.local_instant(day, time(0), zone)


def _patient_upsert(spec, *, clinic: Clinic) -> Patient:
    match = (
        Patient.objects.filter(external_id=spec.external_id)
        if spec.external_id
        else Patient.objects.filter(phone_e164=spec.phone, name__iexact=spec.name)
    )
    patient = match.first() or Patient(clinic=clinic)
    patient.name, patient.phone_e164 = spec.name, spec.phone
    patient.date_of_birth = spec.date_of_birth
    patient.external_id = spec.external_id
    patient.language = spec.language
    patient.provisional = False
    patient.save()
    return patient
