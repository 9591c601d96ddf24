"""Patient records reception writes at the desk (the bot's provisional records are
scheduling.services.patient_create_provisional): a patient who phones in is entered with
name, phone and date of birth, and is confirmed at once because a person took it down."""

from datetime import date

from django.db.models import Q

from scheduling.directory import directory_get
from scheduling.exceptions import InvalidRequest
from scheduling.models import Patient
from scheduling.phones import phone_normalize, phone_region


def patient_phone_normalize(*, phone: str) -> str:
    """E.164 form, local numbers read in the current clinic's country (its directory
    snapshot: no query). Raises InvalidRequest."""
    directory = directory_get()
    clinic = directory.clinic if directory else None
    region = phone_region(clinic.phone) if clinic and clinic.phone else None
    try:
        return phone_normalize(phone, region=region)
    except ValueError as exc:
        raise InvalidRequest(f"{phone!r} is not a phone number") from exc


def patient_create(*, name: str, phone: str, date_of_birth: date | None, language: str = "") -> Patient:
    """A confirmed patient record; idempotent: the same name, phone and date of birth return
    the existing record (a provisional one is confirmed). Raises InvalidRequest for an empty
    name or a phone that is not a phone number."""
    name = " ".join(name.split())
    if not name:
        raise InvalidRequest("a patient needs a name")
    e164 = patient_phone_normalize(phone=phone)
    existing = Patient.objects.filter(phone_e164=e164, name__iexact=name, date_of_birth=date_of_birth).first()
    if existing is not None:
        if existing.provisional:
            existing.provisional = False
            existing.save(update_fields=["provisional"])
        return existing
    return Patient.objects.create(name=name, phone_e164=e164, date_of_birth=date_of_birth, language=language)


def patient_search(*, query: str, limit: int = 10) -> list[Patient]:
    """Patients whose name holds `query` (case-blind) or whose number holds its digits
    (three at least, so "9" does not list everyone). Read-only."""
    query = " ".join(query.split())
    if len(query) < 2:
        return []
    digits = "".join(ch for ch in query if ch.isdigit())
    match = Q(name__icontains=query)
    if len(digits) >= 3:
        match |= Q(phone_e164__contains=digits)
    return list(Patient.objects.filter(match).order_by("name", "id")[:limit])
