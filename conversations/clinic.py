"""What the conversation layer needs to know about the clinic, as plain data."""

from dataclasses import dataclass, field

from conversations.models import Language


@dataclass(frozen=True)
class ClinicContext:
    name: str = "the clinic"
    phone: str = ""
    time_zone: str = "UTC"
    default_language: str = Language.ENGLISH.value
    languages: tuple[str, ...] = (Language.ENGLISH.value, Language.SPANISH.value, Language.PORTUGUESE.value)
    emergency_number: str = "112"
    crisis_line: str = ""
    emergency_copy: dict[str, str] = field(default_factory=dict)
    emergency_phrases: tuple[str, ...] = ()


def clinic_context() -> ClinicContext:
    """The configured clinic, or neutral defaults before `load_clinic` has run."""
    return ClinicContext()
