"""What goes in and out of the transition: the patient's message as a `Signal`, the world
snapshot, the results of effects, the effects themselves and the replies.

Replies carry a copy key and its values (`Say`), never text: the conversation layer renders
them in the patient's language (conversations.copy), so the machine knows no wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from booking.machine.session import Session, Slot

PAGE = 3


# ---- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    """What the booking conversation needs from one understood message."""

    intent: str
    option: int | None = None
    option_time: time | None = None
    yes_no: bool | None = None
    day_from: date | None = None
    day_to: date | None = None
    day_named: bool = False  # the message said a day ("monday at 9"), not only a time
    weekday_said: bool = False  # ... by its weekday ("tuesday"), not by a date ("the 8th")
    window: tuple[time, time] | None = None
    # The window is the hour around a time said alone ("at 10"), not hours bounded ("until 9").
    window_around: bool = False
    prefer: datetime | None = None
    # A weekday said on that weekday: the same weekday a week on, for when today has nothing left.
    week_on: date | None = None
    past: bool = False
    practitioner_ids: tuple[int, ...] = ()
    specialty: str | None = None
    type_code: str | None = None
    full_name: str | None = None
    for_someone: bool = False  # the visit is for someone else: "it's for my son", "pra minha filha"
    date_of_birth: date | None = None
    button: str = ""
    commands: frozenset[str] = frozenset()  # reset, more, other, later, earlier, any, refuse


@dataclass(frozen=True)
class PractitionerView:
    id: int
    name: str
    type_codes: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppointmentView:
    id: int
    start: datetime
    practitioner_id: int
    location_id: int
    type_code: str


@dataclass(frozen=True)
class World:
    now: datetime  # aware, in the clinic's zone
    language: str  # picks the clinic's own names of appointment types
    clinic_name: str
    practitioners: dict[int, PractitionerView]
    types: dict[str, dict[str, str]]  # code -> {language: name}
    locations: dict[int, str]
    max_days_ahead: int = 60
    cancellation_notice_hours: int = 24
    known_patient: tuple[int, str] | None = None
    upcoming: tuple[AppointmentView, ...] = ()
    returning_patient: bool = False  # has been seen before: may take returning-only types
    returning_only_types: frozenset[str] = frozenset()


# ---- effect results (events other than a message) -------------------------------------------


@dataclass(frozen=True)
class SlotsFound:
    slots: tuple[Slot, ...]
    alternatives: bool = False  # the exact wish had nothing; these are the nearest others


@dataclass(frozen=True)
class HoldPlaced:
    hold_id: int
    slot: Slot


@dataclass(frozen=True)
class HoldFailed:
    pass


@dataclass(frozen=True)
class Done:
    """Book, cancel or reschedule succeeded; `appointment_id` is the (new) appointment."""

    appointment_id: int


@dataclass(frozen=True)
class ChangeFailed:
    reason: str  # "taken", "late", "invalid" or "upcoming_limit"


@dataclass(frozen=True)
class PatientCreated:
    patient_id: int
    name: str


@dataclass(frozen=True)
class WaitlistJoined:
    """The patient is on the waitlist, for these local days (the range the entry covers)."""

    entry_id: int
    day_from: date
    day_to: date


Event = Signal | SlotsFound | HoldPlaced | HoldFailed | Done | ChangeFailed | PatientCreated | WaitlistJoined


# ---- effects --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FindSlots:
    type_code: str | None
    practitioner_ids: tuple[int, ...]
    specialty: str | None
    day_from: date | None
    day_to: date | None
    window: tuple[time, time] | None
    prefer: datetime | None
    replacing_id: int | None
    offset: int = 0
    count: int = PAGE
    week_on: date | None = None
    window_around: bool = False  # the window is the hour around a time said alone


@dataclass(frozen=True)
class Hold:
    slot: Slot
    type_code: str | None
    replacing_id: int | None


@dataclass(frozen=True)
class Release:
    hold_id: int


@dataclass(frozen=True)
class Book:
    hold_id: int
    patient_id: int


@dataclass(frozen=True)
class Cancel:
    appointment_id: int


@dataclass(frozen=True)
class Reschedule:
    appointment_id: int
    hold_id: int


@dataclass(frozen=True)
class CreatePatient:
    name: str
    date_of_birth: date


@dataclass(frozen=True)
class RenamePatient:
    """The patient corrected the name of the record this conversation created."""

    patient_id: int
    name: str


@dataclass(frozen=True)
class Escalate:
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class JoinWaitlist:
    """Put the patient on the waitlist for the wish (booking/waitlist.py)."""

    patient_id: int
    type_code: str | None
    practitioner_ids: tuple[int, ...]
    specialty: str | None
    day_from: date | None
    day_to: date | None
    window: tuple[time, time] | None


Effect = (
    FindSlots
    | Hold
    | Release
    | Book
    | Cancel
    | Reschedule
    | CreatePatient
    | RenamePatient
    | Escalate
    | JoinWaitlist
)


# ---- replies --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Say:
    """A copy key and its values: text, numbers, instants (rendered as the language writes
    dates) or another `Say` (rendered first)."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


def say(key: str, /, **values: Any) -> Say:
    return Say(key, values)


@dataclass(frozen=True)
class Option:
    id: str
    title: Say | str  # a clinic name (practitioner, type) is already text


@dataclass(frozen=True)
class Reply:
    text: Say
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Step:
    session: Session
    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = ()
    reason: str = ""  # why the state changed, for the trace
