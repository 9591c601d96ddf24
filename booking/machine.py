"""The booking conversation as a pure transition function.

    step = transition(session, event, world)

`session` is what was gathered so far, `event` is a patient's message (a `Signal`) or the
result of an effect the executor carried out (slots found, hold placed, booked, ...),
`world` is a read-only snapshot (clock, clinic, the patient's record and appointments).
The step holds the new session, the replies to send and the effects to carry out
(find slots, hold, release, book, cancel, reschedule, create patient, escalate). No
database, no clock: every rule here is tested with plain data. States can only move
along ALLOWED; anything else raises IllegalTransition, so an illegal jump cannot happen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from booking.copy import option_text, say, when_text

START = "START"
IDENTIFY = "PATIENT_IDENTIFICATION"
PREFERENCES = "PREFERENCES"
SELECT = "AVAILABILITY_SELECTION"
CONFIRM = "WAITING_CONFIRMATION"
COMPLETE = "COMPLETE"
ESCALATED = "ESCALATED"
EXPIRED = "EXPIRED"
RESET = "RESET"
ACTIVE = (START, IDENTIFY, PREFERENCES, SELECT, CONFIRM)
TERMINAL = (COMPLETE, ESCALATED, EXPIRED, RESET)
ALLOWED: dict[str, set[str]] = {
    START: {IDENTIFY, ESCALATED, RESET},
    IDENTIFY: {IDENTIFY, PREFERENCES, ESCALATED, RESET, COMPLETE},
    PREFERENCES: {PREFERENCES, SELECT, CONFIRM, ESCALATED, RESET},
    # An availability answer comes before the patient is identified.
    SELECT: {SELECT, PREFERENCES, CONFIRM, IDENTIFY, ESCALATED, RESET},
    CONFIRM: {CONFIRM, SELECT, PREFERENCES, COMPLETE, ESCALATED, RESET},
    COMPLETE: set(),
    ESCALATED: set(),
    EXPIRED: set(),
    RESET: set(),
}
PAGE = 3
MAX_MISUNDERSTOOD = 2


class IllegalTransition(Exception):
    pass


# ---- inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    """What the booking conversation needs from one understood message."""

    intent: str
    option: int | None = None
    option_time: time | None = None
    yes_no: bool | None = None
    day_from: date | None = None
    day_to: date | None = None
    window: tuple[time, time] | None = None
    prefer: datetime | None = None
    past: bool = False
    practitioner_ids: tuple[int, ...] = ()
    specialty: str | None = None
    type_code: str | None = None
    full_name: str | None = None
    date_of_birth: date | None = None
    button: str = ""
    commands: frozenset[str] = frozenset()  # reset, more, later, earlier, any, refuse


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
    language: str
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


# ---- effect results (events other than a message) ------------------------------------------


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
    reason: str  # "taken" or "late"


@dataclass(frozen=True)
class PatientCreated:
    patient_id: int
    name: str


Event = Signal | SlotsFound | HoldPlaced | HoldFailed | Done | ChangeFailed | PatientCreated


# ---- effects ---------------------------------------------------------------------------------


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
class Escalate:
    reason: str
    detail: str = ""


Effect = FindSlots | Hold | Release | Book | Cancel | Reschedule | CreatePatient | Escalate


@dataclass(frozen=True)
class Reply:
    text: str
    options: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class Session:
    flow: str  # book / reschedule / cancel
    state: str = START
    data: dict[str, Any] = field(default_factory=dict)
    patient_id: int | None = None
    hold_id: int | None = None
    appointment_id: int | None = None  # the target (reschedule/cancel) or the result (book)


@dataclass(frozen=True)
class Step:
    session: Session
    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = ()
    reason: str = ""  # why the state changed, for the trace


def expecting(session: Session) -> str | None:
    """What kind of answer the pending question expects (a hint for understanding)."""
    return {
        "name": "name",
        "dob": "date_of_birth",
        "type": "option",
        "when": "date",
        "option": "option",
        "confirm": "yes_no",
        "pick": "option",
    }.get(session.data.get("asked", ""))


# ---- the transition ------------------------------------------------------------------------------


def transition(session: Session, event: Event, world: World) -> Step:
    if session.state in TERMINAL:
        raise IllegalTransition(f"{session.state} is final")
    # Every hop is checked against ALLOWED as it happens (_Machine.go).
    return _Machine(session, world).handle(event)


class _Machine:
    def __init__(self, session: Session, world: World) -> None:
        self.s = session
        self.w = world
        self.lang = world.language
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []
        self.reason = ""

    # -- plumbing --
    @property
    def d(self) -> dict[str, Any]:
        return self.s.data

    def set(self, **data: Any) -> None:
        self.s = replace(self.s, data={**self.s.data, **data})

    def go(self, state: str, reason: str = "") -> None:
        if state != self.s.state and state not in ALLOWED[self.s.state]:
            raise IllegalTransition(f"{self.s.state} -> {state}")
        self.s = replace(self.s, state=state)
        self.reason = reason or self.reason

    def say(self, key: str, options: tuple[dict[str, str], ...] = (), **values: Any) -> None:
        self.replies.append(Reply(say(key, self.lang, **values), options))

    def ask(self, asked: str, key: str, options: tuple[dict[str, str], ...] = (), **values: Any) -> None:
        self.set(asked=asked)
        self.say(key, options, **values)

    def step(self) -> Step:
        return Step(self.s, tuple(self.replies), tuple(self.effects), self.reason)

    def release_hold(self) -> None:
        if self.s.hold_id:
            self.effects.append(Release(self.s.hold_id))
            self.s = replace(self.s, hold_id=None)

    # -- events --
    def handle(self, event: Event) -> Step:
        match event:
            case Signal():
                self.on_message(event)
            case SlotsFound():
                self.on_slots(event)
            case HoldPlaced():
                self.on_hold(event)
            case HoldFailed():
                self.set(offset=0)
                self.search(reason="slot_taken", intro="slot_gone")
            case Done():
                self.on_done(event)
            case ChangeFailed():
                self.on_change_failed(event)
            case PatientCreated():
                self.s = replace(self.s, patient_id=event.patient_id)
                self.set(patient_name=event.name)
                self.advance()
        return self.step()

    def on_message(self, sig: Signal) -> None:
        if "reset" in sig.commands:
            self.release_hold()
            self.go(RESET, "reset")
            self.say("reset_done")
            return
        if sig.intent == "human":
            self.escalate("asked_for_person")
            return
        if "refuse" in sig.commands:
            self.say("refused")
            if self.s.state == START:
                # Nothing was gathered yet: the refused request ends here, nothing is kept.
                self.go(RESET, "refused")
                return
            self.reask()
            return
        if sig.past:
            # Keep who and what was asked for; only the time is refused.
            self.absorb(replace(sig, day_from=None, day_to=None, window=None, prefer=None, past=False))
            self.say("past_refused")
            self.set(asked="when")
            return
        if "more" in sig.commands and self.d.get("offered") and self.s.state in (SELECT, CONFIRM):
            self.release_hold()
            self.set(offset=self.d.get("offset", 0) + PAGE, misunderstood=0)
            self.search(reason="more_options")
            return
        if "other" in sig.commands and self.d.get("offered") and self.s.state in (SELECT, CONFIRM):
            self.other_practitioner()
            return
        changed = self.absorb(sig)
        if self.s.state == START:
            self.advance()
            return
        if changed and self.s.state == CONFIRM and sig.yes_no is not True and sig.intent != "affirm":
            # "No, Wednesday" changes the wish rather than declining the booking.
            handled = False
        else:
            handled = self.answer(sig)
        if handled:
            self.set(misunderstood=0)
        if changed and not handled and self.s.state in (SELECT, CONFIRM, PREFERENCES):
            # A repair ("actually Wednesday", "the other doctor"): search again with it.
            self.release_hold()
            self.set(offset=0, misunderstood=0)
            self.advance()
            return
        if changed and not handled:
            self.set(misunderstood=0)
            self.advance()
            return
        if not handled:
            self.misunderstood()

    def absorb(self, sig: Signal) -> bool:
        """Take every preference the message carries; True when something changed."""
        before = dict(self.d)
        if self.d.get("asked") in ("name", "dob"):
            # "Lucía Gómez" answers who the patient is; it is not a wish for Dra. Lucía.
            return False
        if (
            sig.type_code
            and sig.type_code in self.w.types
            and (self.w.returning_patient or sig.type_code not in self.w.returning_only_types)
        ):
            self.set(type=sig.type_code)
        if sig.practitioner_ids:
            self.set(who=list(sig.practitioner_ids), specialty=None)
        elif sig.specialty:
            self.set(specialty=sig.specialty, who=None)
        if sig.day_from or sig.window:
            self.set(
                when={
                    "from": sig.day_from.isoformat() if sig.day_from else None,
                    "to": (sig.day_to or sig.day_from).isoformat() if sig.day_from else None,
                    # "Actually Wednesday" changes the day only: the time of day asked for stays.
                    "window": [t.strftime("%H:%M") for t in sig.window]
                    if sig.window
                    else (self.d.get("when") or {}).get("window")
                    if isinstance(self.d.get("when"), dict)
                    else None,
                    "prefer": sig.prefer.isoformat() if sig.prefer else None,
                }
            )
        elif "any" in sig.commands and self.d.get("asked") == "when":
            self.set(when="any")
        offered = [Slot.from_json(s) for s in self.d.get("offered", [])]
        if ("later" in sig.commands or "earlier" in sig.commands) and offered:
            pivot = offered[0].start
            window = (
                [pivot.replace(minute=0) + timedelta(hours=1), None]
                if "later" in sig.commands
                else [None, pivot.replace(minute=0)]
            )
            self.set(
                when={
                    "from": pivot.date().isoformat(),
                    "to": pivot.date().isoformat(),
                    "window": [
                        (window[0] or pivot.replace(hour=0, minute=0)).strftime("%H:%M"),
                        (window[1] or pivot.replace(hour=23, minute=59)).strftime("%H:%M"),
                    ],
                    "prefer": None,
                }
            )
        return self.d != before

    def answer(self, sig: Signal) -> bool:
        """Answer the pending question; False when the message does not answer it."""
        asked = self.d.get("asked")
        if asked == "name" and sig.full_name and not (sig.day_from or sig.window or sig.option):
            self.set(name=sig.full_name)
            self.ask("dob", "ask_dob", name=sig.full_name.split()[0])
            return True
        if asked == "dob":
            if sig.date_of_birth and sig.date_of_birth < self.w.now.date():
                self.set(dob=sig.date_of_birth.isoformat())
                self.effects.append(CreatePatient(self.d["name"], sig.date_of_birth))
                return True
            self.say("dob_invalid")
            return True
        if asked == "type":
            codes = self.d.get("type_choices", [])
            if sig.button.startswith("type:") and sig.button[5:] in codes:
                self.set(type=sig.button[5:])
                self.advance()
                return True
            if sig.option and 1 <= sig.option <= len(codes):
                self.set(type=codes[sig.option - 1])
                self.advance()
                return True
            return False
        if asked == "when" and ("any" in sig.commands or sig.day_from or sig.window):
            self.advance()
            return True
        if asked == "pick":
            targets = self.d.get("targets", [])
            if sig.button.startswith("appt:") and sig.button[5:].isdigit() and int(sig.button[5:]) in targets:
                self.target(int(sig.button[5:]))
                return True
            if sig.option and 1 <= sig.option <= len(targets):
                self.target(targets[sig.option - 1])
                return True
            return False
        if asked == "option":
            return self.choose(sig)
        if asked == "confirm":
            return self.confirm(sig)
        return False

    def choose(self, sig: Signal) -> bool:
        offered = [Slot.from_json(s) for s in self.d.get("offered", [])]
        chosen = None
        if sig.button.startswith("slot:") and sig.button[5:].isdigit():
            index = int(sig.button[5:])
            chosen = offered[index - 1] if 1 <= index <= len(offered) else None
        elif sig.option and 1 <= sig.option <= len(offered):
            chosen = offered[sig.option - 1]
        elif sig.option == len(offered) + 1 and "more" not in sig.commands:
            self.set(offset=self.d.get("offset", 0) + PAGE)
            self.search(reason="more_options")
            return True
        elif sig.option_time:
            matches = [s for s in offered if s.start.time().replace(second=0) == sig.option_time]
            chosen = matches[0] if len(matches) == 1 else None
            if not matches and offered:
                # A time that was not offered: look around it on the day being offered.
                at = datetime.combine(
                    offered[0].start.date(), sig.option_time, tzinfo=offered[0].start.tzinfo
                )
                day = at.date().isoformat()
                until = min(at + timedelta(hours=1), at.replace(hour=23, minute=59))
                self.set(
                    when={
                        "from": day,
                        "to": day,
                        "window": [at.strftime("%H:%M"), until.strftime("%H:%M")],
                        "prefer": at.isoformat(),
                    },
                    offset=0,
                )
                self.release_hold()
                self.search()
                return True
        if chosen is None:
            return False
        self.set(chosen=chosen.to_json())
        if self.s.flow == "book" and not self.d.get("type"):
            # An availability answer showed times before the kind of visit was known: ask it now,
            # for what the chosen practitioner offers, then take the pick.
            practitioner = self.w.practitioners.get(chosen.practitioner_id)
            offers = practitioner.type_codes if practitioner else ()
            choices = [c for c in self.type_choices() if c in offers] or self.type_choices()
            if len(choices) > 1:
                self.set(type_choices=choices, pick_waiting=True)
                options = tuple({"id": f"type:{c}", "title": self.type_name(c)} for c in choices)
                self.ask("type", "ask_type", options)
                return True
            self.set(type=choices[0])
        self.pick(chosen)
        return True

    def pick(self, chosen: Slot) -> None:
        if self.s.flow == "book" and self.s.patient_id is None and self.w.known_patient:
            # An availability answer came first; the number is known, so no questions.
            self.s = replace(self.s, patient_id=self.w.known_patient[0])
            self.set(patient_name=self.w.known_patient[1])
        if self.s.flow == "book" and self.s.patient_id is None:
            self.identify()
            return
        self.effects.append(
            Hold(chosen, self.d.get("type"), self.s.appointment_id if self.s.flow == "reschedule" else None)
        )

    def confirm(self, sig: Signal) -> bool:
        if sig.yes_no is not None:
            yes = sig.yes_no
        elif sig.intent in ("affirm", "deny"):
            yes = sig.intent == "affirm"
        elif sig.option in (1, 2):  # the numbered Yes / No options
            yes = sig.option == 1
        else:
            return False
        if not yes:
            if self.s.flow == "cancel":
                self.go(RESET, "declined")
                self.say("kept")
                return True
            self.release_hold()
            self.set(when=None, offered=[], offset=0)
            self.go(PREFERENCES, "declined")
            self.ask("when", "what_instead")
            return True
        if self.s.flow == "cancel":
            self.effects.append(Cancel(self.s.appointment_id))
        elif self.s.flow == "reschedule":
            self.effects.append(Reschedule(self.s.appointment_id, self.s.hold_id))
        else:
            self.effects.append(Book(self.s.hold_id, self.s.patient_id))
        return True

    def other_practitioner(self) -> None:
        """ "No, the other doctor": someone else of the same specialty (anyone offering the type
        when no specialty was asked for), the rest of the wish unchanged."""
        chosen = self.d.get("chosen")
        offered = [Slot.from_json(s) for s in self.d.get("offered", [])]
        current = {Slot.from_json(chosen).practitioner_id} if chosen else {s.practitioner_id for s in offered}
        specialties = {self.d["specialty"]} if self.d.get("specialty") else set()
        if self.d.get("who"):
            known = [self.w.practitioners[p] for p in self.d["who"] if p in self.w.practitioners]
            specialties |= {sp for p in known for sp in p.specialties}
        others = [
            p.id
            for p in self.w.practitioners.values()
            if p.id not in current
            and (not self.d.get("type") or self.d["type"] in p.type_codes)
            and (not specialties or specialties & set(p.specialties))
        ]
        if not others:
            self.say("no_other_practitioner")
            self.reask()
            return
        self.release_hold()
        self.set(who=others, specialty=None, offset=0, misunderstood=0)
        self.search(reason="other_practitioner")

    # -- progress --
    def advance(self) -> None:
        """Ask for the next missing piece, or act when nothing is missing."""
        if self.s.flow in ("reschedule", "cancel") and self.s.appointment_id is None:
            self.pick_target()
            return
        if self.s.flow == "book" and self.s.patient_id is None and not self.d.get("availability_first"):
            if self.w.known_patient:
                self.s = replace(self.s, patient_id=self.w.known_patient[0])
                self.set(patient_name=self.w.known_patient[1])
                self.go(IDENTIFY, "known_number")
            else:
                self.identify()
                return
        if self.s.flow == "cancel":
            return
        if not self.d.get("type"):
            choices = self.type_choices()
            if len(choices) == 1:
                self.set(type=choices[0])
            elif not self.d.get("availability_first"):
                self.to(PREFERENCES)
                self.set(type_choices=choices)
                options = tuple({"id": f"type:{c}", "title": self.type_name(c)} for c in choices)
                self.ask("type", "ask_type", options)
                return
        if self.d.get("pick_waiting") and self.d.get("type"):
            self.set(pick_waiting=False)
            self.pick(Slot.from_json(self.d["chosen"]))
            return
        if self.d.get("when") is None:
            self.to(PREFERENCES)
            self.ask("when", "ask_when")
            return
        if self.d.get("chosen") and self.s.state == IDENTIFY:
            chosen = Slot.from_json(self.d["chosen"])
            self.effects.append(Hold(chosen, self.d.get("type"), None))
            return
        self.search()

    def identify(self) -> None:
        self.to(IDENTIFY)
        if self.d.get("name") and self.d.get("dob"):
            self.effects.append(CreatePatient(self.d["name"], date.fromisoformat(self.d["dob"])))
        elif self.d.get("name"):
            self.ask("dob", "ask_dob", name=self.d["name"].split()[0])
        else:
            self.ask("name", "ask_name")

    def to(self, state: str) -> None:
        """Move forward through the states in order (a no-op when already there)."""
        order = [START, IDENTIFY, PREFERENCES, SELECT, CONFIRM]
        if self.s.state == state:
            return
        if self.s.state in order and state in order and order.index(state) > order.index(self.s.state) + 1:
            for middle in order[order.index(self.s.state) + 1 : order.index(state)]:
                self.go(middle)
        self.go(state)

    def search(self, *, reason: str = "", intro: str = "") -> None:
        when = self.d.get("when")
        when = when if isinstance(when, dict) else {}
        who = self.d.get("who") or []
        self.set(search_intro=intro, pick_waiting=False)
        self.reason = reason or self.reason
        self.effects.append(
            FindSlots(
                type_code=self.d.get("type"),
                practitioner_ids=tuple(who),
                specialty=self.d.get("specialty"),
                day_from=date.fromisoformat(when["from"]) if when.get("from") else None,
                day_to=date.fromisoformat(when["to"]) if when.get("to") else None,
                window=tuple(time.fromisoformat(t) for t in when["window"]) if when.get("window") else None,
                prefer=datetime.fromisoformat(when["prefer"]) if when.get("prefer") else None,
                replacing_id=self.s.appointment_id if self.s.flow == "reschedule" else None,
                offset=self.d.get("offset", 0),
            )
        )

    def on_slots(self, found: SlotsFound) -> None:
        if not found.slots:
            self.set(offered=[])
            self.release_hold()
            self.go(ESCALATED, "no_availability")
            self.say("no_slots", days=self.w.max_days_ahead)
            self.effects.append(Escalate("no_availability", f"{self.s.flow}: nothing free for the wish"))
            return
        self.set(offered=[s.to_json() for s in found.slots])
        self.to(SELECT)
        intro = self.d.get("search_intro") or ("offer_alternatives" if found.alternatives else "offer")
        slots = [
            {
                "id": f"slot:{i}",
                "title": option_text(s.start, self.practitioner(s.practitioner_id), self.lang),
            }
            for i, s in enumerate(found.slots, start=1)
        ]
        options = (*slots, {"id": "more", "title": say("offer_more", self.lang)})
        self.set(search_intro="")
        self.ask("option", intro, options)

    def on_hold(self, placed: HoldPlaced) -> None:
        self.s = replace(self.s, hold_id=placed.hold_id)
        self.set(chosen=placed.slot.to_json())
        self.to(CONFIRM)
        yes_no = ({"id": "yes", "title": say("yes", self.lang)}, {"id": "no", "title": say("no", self.lang)})
        summary = self.summary(placed.slot, self.d.get("type"))
        if self.s.flow == "reschedule":
            old = self.target_view()
            self.ask(
                "confirm",
                "confirm_reschedule",
                yes_no,
                old=self.summary_one_line(old.start, old.practitioner_id),
                new=self.summary_one_line(placed.slot.start, placed.slot.practitioner_id),
            )
        else:
            self.ask(
                "confirm",
                "confirm_book",
                yes_no,
                summary=summary,
                patient=self.d.get("patient_name") or self.d.get("name", ""),
            )

    def on_done(self, done: Done) -> None:
        self.s = replace(self.s, appointment_id=done.appointment_id, hold_id=None)
        if self.s.flow == "cancel":
            target = self.target_view()
            self.go(COMPLETE, "cancelled")
            self.say(
                "cancelled",
                summary=self.summary(
                    Slot(target.start, target.start, target.practitioner_id, target.location_id),
                    target.type_code,
                ),
            )
            return
        slot = Slot.from_json(self.d["chosen"])
        self.go(COMPLETE, "rescheduled" if self.s.flow == "reschedule" else "booked")
        self.say(
            "rescheduled" if self.s.flow == "reschedule" else "booked",
            summary=self.summary(slot, self.d.get("type")),
        )

    def on_change_failed(self, failed: ChangeFailed) -> None:
        if failed.reason == "late":
            self.late()
            return
        if failed.reason == "invalid":
            self.escalate("not_understood")
            return
        self.s = replace(self.s, hold_id=None)
        self.set(offset=0)
        self.search(reason="slot_taken", intro="slot_gone")

    # -- reschedule and cancel --
    def pick_target(self) -> None:
        upcoming = self.w.upcoming
        self.to(IDENTIFY)
        if not self.w.known_patient or not upcoming:
            self.go(COMPLETE, "no_upcoming")
            self.say("no_upcoming")
            return
        self.s = replace(self.s, patient_id=self.w.known_patient[0])
        preset = self.d.get("preset_target")  # a reminder's Reschedule/Cancel button names it
        if preset in [a.id for a in upcoming]:
            self.target(preset)
            return
        if len(upcoming) == 1:
            self.target(upcoming[0].id)
            return
        self.to(PREFERENCES)
        self.set(targets=[a.id for a in upcoming])
        options = tuple(
            {"id": f"appt:{a.id}", "title": self.summary_one_line(a.start, a.practitioner_id)}
            for a in upcoming
        )
        self.ask("pick", "pick_appointment", options)

    def target(self, appointment_id: int) -> None:
        self.s = replace(self.s, appointment_id=appointment_id)
        view = self.target_view()
        if view.start - self.w.now < timedelta(hours=self.w.cancellation_notice_hours):
            self.late()
            return
        if self.s.flow == "cancel":
            self.to(PREFERENCES)
            self.go(CONFIRM)
            yes_no = (
                {"id": "yes", "title": say("yes", self.lang)},
                {"id": "no", "title": say("no", self.lang)},
            )
            self.ask(
                "confirm",
                "confirm_cancel",
                yes_no,
                summary=self.summary(
                    Slot(view.start, view.start, view.practitioner_id, view.location_id), view.type_code
                ),
            )
            return
        self.set(type=view.type_code, who=self.d.get("who") or [view.practitioner_id])
        self.advance()

    def target_view(self) -> AppointmentView:
        return next(a for a in self.w.upcoming if a.id == self.s.appointment_id)

    def late(self) -> None:
        self.release_hold()
        self.go(ESCALATED, "late_change")
        self.say("late_change", hours=self.w.cancellation_notice_hours)
        self.effects.append(Escalate("late_cancellation", f"{self.s.flow} inside the notice period"))

    # -- failure paths --
    def escalate(self, reason: str) -> None:
        self.release_hold()
        self.go(ESCALATED, reason)
        self.say("handoff")
        self.effects.append(Escalate(reason, f"during {self.s.flow} at {self.s.state}"))

    def misunderstood(self) -> None:
        count = self.d.get("misunderstood", 0) + 1
        self.set(misunderstood=count)
        if count >= MAX_MISUNDERSTOOD:
            self.escalate("not_understood")
            return
        self.reask()

    def reask(self) -> None:
        asked = self.d.get("asked")
        keys = {
            "option": "reask_option",
            "pick": "reask_option",
            "type": "reask_option",
            "confirm": "reask_yes_no",
            "name": "ask_name",
            "dob": "dob_invalid",
            "when": "ask_when",
        }
        self.say(keys.get(asked, "not_understood"))

    # -- wording --
    def type_choices(self) -> list[str]:
        who = set(self.d.get("who") or [])
        specialty = self.d.get("specialty")
        offered: list[str] = []
        for practitioner in self.w.practitioners.values():
            if who and practitioner.id not in who:
                continue
            if specialty and specialty not in practitioner.specialties:
                continue
            offered += [c for c in practitioner.type_codes if c not in offered]
        allowed = [
            c for c in self.w.types if self.w.returning_patient or c not in self.w.returning_only_types
        ]
        return [c for c in allowed if c in offered] or allowed

    def type_name(self, code: str | None) -> str:
        names = self.w.types.get(code or "", {})
        return names.get(self.lang) or names.get("en") or (code or "")

    def practitioner(self, practitioner_id: int) -> str:
        view = self.w.practitioners.get(practitioner_id)
        return view.name if view else ""

    def summary(self, slot: Slot, type_code: str | None) -> str:
        return say(
            "summary",
            self.lang,
            type=self.type_name(type_code),
            practitioner=self.practitioner(slot.practitioner_id),
            when=when_text(slot.start.astimezone(self.w.now.tzinfo), self.lang),
            location=self.w.locations.get(slot.location_id, ""),
        )

    def summary_one_line(self, start: datetime, practitioner_id: int) -> str:
        return f"{when_text(start.astimezone(self.w.now.tzinfo), self.lang)} · {self.practitioner(practitioner_id)}"
