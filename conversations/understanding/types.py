"""What understanding one message produces, and the clinic records it is resolved against.

Records come in as plain data (never ORM objects) so that every engine stays a pure
function of (text, directory, clock) and can be tested and benchmarked without a database.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import cached_property

from booking.machine.session import Expecting
from conversations.understanding.emergency import EmergencyMatch
from conversations.understanding.languages import CODES
from conversations.understanding.text import fold

__all__ = ["Expecting"]  # what the booking machine's pending question expects, shared


@dataclass(frozen=True)
class EngineSettings:
    """Which engine answers and how to reach the model; the Django side builds it from settings."""

    policy: str = "local"  # local / claude / hybrid
    api_key: str = ""
    base_url: str = ""
    model: str = "claude-haiku-4-5-20251001"
    timeout_seconds: float = 4.0


LOCAL_ENGINE = EngineSettings()


class Intent(StrEnum):
    BOOK = "book"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    AVAILABILITY = "availability"
    FAQ = "faq"
    GREETING = "greeting"
    GOODBYE = "goodbye"
    AFFIRM = "affirm"
    DENY = "deny"
    CHOOSE_OPTION = "choose_option"
    GIVE_INFO = "give_info"
    HUMAN = "human"
    EMERGENCY = "emergency"
    UNKNOWN = "unknown"


class Period(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


# The one definition of the day's periods, in clinic time (end hour exclusive): dates
# resolve "tomorrow afternoon" with it and the booking conversation searches inside it.
PERIOD_HOURS: dict[Period, tuple[int, int]] = {
    Period.MORNING: (6, 12),
    Period.AFTERNOON: (12, 18),
    Period.EVENING: (18, 22),
    Period.NIGHT: (20, 24),
}


@dataclass(frozen=True)
class Reading:
    """One plausible meaning of a date/time expression."""

    start: datetime
    end: datetime
    label: str = ""


@dataclass(frozen=True)
class TimeResolution:
    """A date/time expression resolved in the clinic's zone.

    `start`/`end` are aware datetimes, end exclusive. A bare date covers the whole day, a
    bare time on an unknown day leaves `day` None and sets `clock_time`. When more than one
    reading is plausible `ambiguous` is True, `readings` lists them (the first is the one
    `start`/`end` carry) and the bot must ask rather than pick.
    """

    expression: str
    start: datetime | None
    end: datetime | None
    day: date | None = None
    clock_time: time | None = None
    period: Period | None = None
    granularity: str = "day"  # "day", "time", "period", "range"
    ambiguous: bool = False
    readings: list[Reading] = field(default_factory=list)
    past: bool = False  # only an explicit past ("yesterday", "today at 9" at 10:00) sets this
    day_stated: bool = True  # False when the words named only a time ("after 4"): the day is implied
    through: date | None = None  # "next week after 4": the same hours every day up to this one


@dataclass(frozen=True)
class PractitionerRef:
    id: int
    name: str
    aliases: list[str] = field(default_factory=list)
    specialties: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AppointmentTypeRef:
    code: str
    names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ClinicDirectory:
    practitioners: list[PractitionerRef] = field(default_factory=list)
    appointment_types: list[AppointmentTypeRef] = field(default_factory=list)
    time_zone: str = "UTC"
    languages: tuple[str, ...] = CODES
    default_language: str = "en"
    emergency_phrases: tuple[str, ...] = ()
    name: str = ""
    country: str = ""  # ISO 3166; how its people write numeric dates ("US": month first)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Folded words of the practitioners' names and aliases (no evidence of a language)."""
        return frozenset(
            word
            for practitioner in self.practitioners
            for name in (practitioner.name, *practitioner.aliases)
            for word in fold(name).split()
        )


@dataclass
class Entities:
    when: TimeResolution | None = None
    period: Period | None = None
    practitioner_ids: list[int] = field(default_factory=list)
    specialty: str | None = None
    appointment_type_code: str | None = None
    option: int | None = None  # 1-based
    option_time: time | None = None
    yes_no: bool | None = None
    full_name: str | None = None
    for_someone: bool = False  # the visit is for someone else ("para mi hija martina")
    date_of_birth: date | None = None


@dataclass
class Understanding:
    intent: Intent
    confidence: float
    language: str
    entities: Entities = field(default_factory=Entities)
    engine: str = "local"
    rule_ids: list[str] = field(default_factory=list)
    latency_ms: float = 0.0
    usage: dict[str, int] = field(default_factory=dict)
    emergency: EmergencyMatch | None = None
    fallback_reason: str = ""
