"""What the conversation layer needs to know about the clinic, as plain data."""

from dataclasses import dataclass, field

from django.conf import settings

from conversations.understanding.languages import CODES, FALLBACK
from conversations.understanding.types import (
    AppointmentTypeRef,
    ClinicDirectory,
    EngineSettings,
    PractitionerRef,
)
from scheduling.directory import directory_get
from scheduling.helplines import country_guess


@dataclass(frozen=True)
class ClinicContext:
    name: str = "the clinic"
    phone: str = ""
    time_zone: str = "UTC"
    default_language: str = FALLBACK
    languages: tuple[str, ...] = CODES
    # The clinic's own, else its country's (scheduling.helplines); 112 when nothing is known.
    emergency_number: str = "112"
    crisis_line: str = ""
    crisis_line_name: str = ""
    emergency_copy: dict[str, str] = field(default_factory=dict)
    emergency_phrases: tuple[str, ...] = ()
    confirmation_faq: str = ""  # the FAQ topic whose approved answer follows a booking
    country: str = ""  # ISO 3166, the clinic's own or guessed from its phone and zone


def clinic_context() -> ClinicContext:
    """The configured clinic, or neutral defaults before `load_clinic` has run."""
    directory = directory_get()
    if directory is None:
        return ClinicContext()
    clinic = directory.clinic
    lines = clinic.helplines
    return ClinicContext(
        name=clinic.name,
        phone=clinic.phone,
        time_zone=clinic.time_zone,
        default_language=clinic.default_language or FALLBACK,
        languages=tuple(clinic.languages or ClinicContext.languages),
        emergency_number=lines.emergency_number or ClinicContext.emergency_number,
        crisis_line=lines.crisis_line,
        crisis_line_name=lines.crisis_line_name,
        emergency_copy=dict(clinic.emergency_copy or {}),
        confirmation_faq=clinic.confirmation_faq,
        country=clinic.country or country_guess(phone=clinic.phone, time_zone=clinic.time_zone),
    )


def clinic_directory(clinic: ClinicContext) -> ClinicDirectory:
    """The records understanding may resolve references to, as plain data."""
    directory = directory_get()
    practitioners = [
        PractitionerRef(p.id, p.name, list(p.aliases), list(p.specialties))
        for p in (directory.practitioners if directory else ())
    ]
    types = [AppointmentTypeRef(t.code, dict(t.names)) for t in (directory.types if directory else ())]
    return ClinicDirectory(
        practitioners=practitioners,
        appointment_types=types,
        time_zone=clinic.time_zone,
        languages=clinic.languages,
        default_language=clinic.default_language,
        emergency_phrases=clinic.emergency_phrases,
        name=clinic.name,
        country=clinic.country,
    )


def understanding_engine(*, policy: str | None = None) -> EngineSettings:
    """The understanding engine as the settings configure it (`policy` overrides NLU_ENGINE)."""
    return EngineSettings(
        policy=policy or settings.NLU_ENGINE,
        api_key=settings.ANTHROPIC_API_KEY,
        base_url=settings.ANTHROPIC_BASE_URL,
        model=settings.NLU_MODEL,
        timeout_seconds=settings.NLU_TIMEOUT_SECONDS,
    )
