"""The booking session as typed, frozen data: what was asked, what the patient wants, what
was offered. JSON only at the edge (`Session.to_json` / `Session.from_json`, stored in
`BookingSession.data`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any


class State(StrEnum):
    START = "START"
    IDENTIFY = "PATIENT_IDENTIFICATION"
    PREFERENCES = "PREFERENCES"
    SELECT = "AVAILABILITY_SELECTION"
    CONFIRM = "WAITING_CONFIRMATION"
    COMPLETE = "COMPLETE"
    ESCALATED = "ESCALATED"
    EXPIRED = "EXPIRED"
    RESET = "RESET"


class Flow(StrEnum):
    BOOK = "book"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"


class Expecting(StrEnum):
    """The kind of answer the pending question expects: the hint understanding reads a
    message with (conversations.understanding takes it as `expecting`)."""

    NAME = "name"
    DATE_OF_BIRTH = "date_of_birth"
    OPTION = "option"  # one of the offered choices (times, kinds of visit, appointments)
    DATE = "date"
    YES_NO = "yes_no"


class Asked(StrEnum):
    """The question the bot asked last; each has one handler in `questions.py`."""

    NAME = "name"
    DATE_OF_BIRTH = "dob"
    TYPE = "type"
    WHEN = "when"
    OPTION = "option"  # which of the offered times
    CONFIRM = "confirm"
    PICK = "pick"  # which of the patient's appointments
    WAITLIST = "waitlist"  # join the waitlist for the wish nothing free met?

    @property
    def expecting(self) -> Expecting:
        return _EXPECTING[self]


_EXPECTING = {
    Asked.NAME: Expecting.NAME,
    Asked.DATE_OF_BIRTH: Expecting.DATE_OF_BIRTH,
    Asked.TYPE: Expecting.OPTION,
    Asked.WHEN: Expecting.DATE,
    Asked.OPTION: Expecting.OPTION,
    Asked.CONFIRM: Expecting.YES_NO,
    Asked.PICK: Expecting.OPTION,
    Asked.WAITLIST: Expecting.YES_NO,
}

ACTIVE = (State.START, State.IDENTIFY, State.PREFERENCES, State.SELECT, State.CONFIRM)
TERMINAL = (State.COMPLETE, State.ESCALATED, State.EXPIRED, State.RESET)
ALLOWED: dict[State, frozenset[State]] = {
    State.START: frozenset({State.IDENTIFY, State.ESCALATED, State.RESET}),
    State.IDENTIFY: frozenset(
        {State.IDENTIFY, State.PREFERENCES, State.ESCALATED, State.RESET, State.COMPLETE}
    ),
    # COMPLETE from PREFERENCES and SELECT: the patient joined the waitlist instead.
    State.PREFERENCES: frozenset(
        {State.PREFERENCES, State.SELECT, State.CONFIRM, State.COMPLETE, State.ESCALATED, State.RESET}
    ),
    # An availability answer comes before the patient is identified.
    State.SELECT: frozenset(
        {
            State.SELECT,
            State.PREFERENCES,
            State.CONFIRM,
            State.IDENTIFY,
            State.COMPLETE,
            State.ESCALATED,
            State.RESET,
        }
    ),
    State.CONFIRM: frozenset(
        {State.CONFIRM, State.SELECT, State.PREFERENCES, State.COMPLETE, State.ESCALATED, State.RESET}
    ),
    State.COMPLETE: frozenset(),
    State.ESCALATED: frozenset(),
    State.EXPIRED: frozenset(),
    State.RESET: frozenset(),
}


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    practitioner_id: int
    location_id: int

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "practitioner_id": self.practitioner_id,
            "location_id": self.location_id,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        return cls(
            datetime.fromisoformat(data["start"]),
            datetime.fromisoformat(data["end"]),
            data["practitioner_id"],
            data["location_id"],
        )


@dataclass(frozen=True)
class When:
    """The days and times the patient wants; `anytime` when they said any day will do."""

    day_from: date | None = None
    day_to: date | None = None
    window: tuple[time, time] | None = None
    prefer: datetime | None = None
    anytime: bool = False
    week_on: date | None = None  # the day the wish means when its first day has nothing left
    around: bool = False  # the window is the hour around a time said alone ("at 10")

    def to_json(self) -> dict[str, Any] | str:
        if self.anytime:
            return "any"
        return {
            "from": self.day_from.isoformat() if self.day_from else None,
            "to": self.day_to.isoformat() if self.day_to else None,
            "window": [t.strftime("%H:%M") for t in self.window] if self.window else None,
            "prefer": self.prefer.isoformat() if self.prefer else None,
            "week_on": self.week_on.isoformat() if self.week_on else None,
            "around": self.around,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | str | None) -> When | None:
        if data is None:
            return None
        if data == "any":
            return cls(anytime=True)
        assert isinstance(data, dict)
        window = data.get("window")
        return cls(
            day_from=date.fromisoformat(data["from"]) if data.get("from") else None,
            day_to=date.fromisoformat(data["to"]) if data.get("to") else None,
            window=(time.fromisoformat(window[0]), time.fromisoformat(window[1])) if window else None,
            prefer=datetime.fromisoformat(data["prefer"]) if data.get("prefer") else None,
            week_on=date.fromisoformat(data["week_on"]) if data.get("week_on") else None,
            around=bool(data.get("around")),
        )


@dataclass(frozen=True)
class Session:
    flow: Flow
    state: State = State.START
    patient_id: int | None = None
    hold_id: int | None = None
    appointment_id: int | None = None  # the target (reschedule/cancel) or the result (book)
    asked: Asked | None = None
    # The wish.
    type_code: str | None = None
    who: tuple[int, ...] = ()
    specialty: str | None = None
    when: When | None = None
    # Who the patient is, as they told us (an unknown number).
    name: str | None = None
    date_of_birth: date | None = None
    patient_name: str | None = None
    for_someone: bool = False  # "para mi hija martina": not the number's own patient
    # What was offered.
    offered: tuple[Slot, ...] = ()
    offset: int = 0
    chosen: Slot | None = None
    search_intro: str = ""
    type_choices: tuple[str, ...] = ()
    pick_waiting: bool = False  # a time was chosen before the kind of visit was known
    type_refused: str | None = None  # asked for a kind this patient may not take (returning only)
    targets: tuple[int, ...] = ()
    preset_target: int | None = None  # a reminder's Reschedule/Cancel button names it
    availability_first: bool = False  # started by "anything on Friday?", before any question
    waitlist: bool = False  # the patient asked for the waitlist: the wish gathered joins it, no search
    waitlist_option: bool = False  # the alternatives offered end with "join the waitlist"
    alternatives: bool = False  # the times offered are alternatives: nothing met the wish
    misunderstood: int = 0
    narrowed: bool = False  # the offer was cut to the days sharing the time the patient said
    # The last turn's replies (a fingerprint) and how often they came again in a row: the
    # same question never goes out a third time.
    last_replies: str = ""
    repeats: int = 0

    def with_(self, **changes: Any) -> Session:
        return replace(self, **changes)

    # ---- JSON at the edge (BookingSession.data); keys kept from the untyped sessions --------

    def to_json(self) -> dict[str, Any]:
        return {
            "asked": self.asked.value if self.asked else None,
            "type": self.type_code,
            "who": list(self.who),
            "specialty": self.specialty,
            "when": self.when.to_json() if self.when else None,
            "name": self.name,
            "dob": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "patient_name": self.patient_name,
            "for_someone": self.for_someone,
            "offered": [slot.to_json() for slot in self.offered],
            "offset": self.offset,
            "chosen": self.chosen.to_json() if self.chosen else None,
            "search_intro": self.search_intro,
            "type_choices": list(self.type_choices),
            "pick_waiting": self.pick_waiting,
            "type_refused": self.type_refused,
            "targets": list(self.targets),
            "preset_target": self.preset_target,
            "availability_first": self.availability_first,
            "waitlist": self.waitlist,
            "waitlist_option": self.waitlist_option,
            "alternatives": self.alternatives,
            "misunderstood": self.misunderstood,
            "narrowed": self.narrowed,
            "last_replies": self.last_replies,
            "repeats": self.repeats,
        }

    @classmethod
    def from_json(
        cls,
        data: dict[str, Any],
        *,
        flow: str,
        state: str,
        patient_id: int | None = None,
        hold_id: int | None = None,
        appointment_id: int | None = None,
    ) -> Session:
        chosen = data.get("chosen")
        return cls(
            flow=Flow(flow),
            state=State(state),
            patient_id=patient_id,
            hold_id=hold_id,
            appointment_id=appointment_id,
            asked=Asked(data["asked"]) if data.get("asked") else None,
            type_code=data.get("type"),
            who=tuple(data.get("who") or ()),
            specialty=data.get("specialty"),
            when=When.from_json(data.get("when")),
            name=data.get("name"),
            date_of_birth=date.fromisoformat(data["dob"]) if data.get("dob") else None,
            patient_name=data.get("patient_name"),
            for_someone=bool(data.get("for_someone")),
            offered=tuple(Slot.from_json(s) for s in data.get("offered") or ()),
            offset=data.get("offset") or 0,
            chosen=Slot.from_json(chosen) if chosen else None,
            search_intro=data.get("search_intro") or "",
            type_choices=tuple(data.get("type_choices") or ()),
            pick_waiting=bool(data.get("pick_waiting")),
            type_refused=data.get("type_refused"),
            targets=tuple(data.get("targets") or ()),
            preset_target=data.get("preset_target"),
            availability_first=bool(data.get("availability_first")),
            waitlist=bool(data.get("waitlist")),
            waitlist_option=bool(data.get("waitlist_option")),
            alternatives=bool(data.get("alternatives")),
            misunderstood=data.get("misunderstood") or 0,
            narrowed=bool(data.get("narrowed")),
            last_replies=data.get("last_replies") or "",
            repeats=data.get("repeats") or 0,
        )
