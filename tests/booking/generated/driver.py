"""One generated conversation, in process, along the path the webhook takes: understand
(the local engine) -> booking_signal -> the booking machine, its effects carried out on the
in-memory clinic, the repeat guard; the orchestrator's routing for messages outside a
session. Every invariant is checked as the conversation goes."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import count

from booking import machine
from conversations.booking_bridge import booking_signal
from conversations.copy import render, say
from conversations.understanding import Intent, understand
from conversations.understanding.text import fold
from tests.booking.generated.clinics import MemoryClinic
from tests.booking.generated.goals import Goal
from tests.booking.generated.patient import Patient

MAX_TURNS = 12
BOOKING_FLOWS = {
    Intent.BOOK: "book",
    Intent.AVAILABILITY: "book",
    Intent.RESCHEDULE: "reschedule",
    Intent.CANCEL: "cancel",
}
KNOWN_ID = 1000
HOPS: list[tuple[str, str]] = []  # filled by the test's wrapper of Machine.go


@dataclass
class Outcome:
    goal: Goal
    now: datetime
    transcript: list[str] = field(default_factory=list)
    booked_as_wished: bool = False
    staff: str = ""  # the escalation reason
    violations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.violations:
            return "violation"
        return "booked" if self.booked_as_wished else "staff"


class Executor:
    """The effects, carried out on the in-memory clinic (booking.services._carry_out)."""

    def __init__(self, clinic: MemoryClinic, now: datetime, *, language: str) -> None:
        self.clinic, self.now, self.language = clinic, now, language
        self.ids = count(1)
        self.holds: dict[int, tuple[machine.Slot, str | None]] = {}
        self.patients: dict[int, tuple[str, object]] = {}
        self.booked: tuple[machine.Slot, str, int] | None = None

    def run(self, effect: machine.Effect) -> machine.Event | None:
        match effect:
            case machine.FindSlots():
                return self.clinic.find(effect, now=self.now)
            case machine.Hold():
                hold_id = next(self.ids)
                self.holds[hold_id] = (effect.slot, effect.type_code)
                return machine.HoldPlaced(hold_id, effect.slot)
            case machine.Release():
                self.holds.pop(effect.hold_id, None)
                return None
            case machine.CreatePatient():
                patient_id = next(self.ids) + 500
                self.patients[patient_id] = (effect.name, effect.date_of_birth)
                return machine.PatientCreated(patient_id, effect.name)
            case machine.Book():
                if effect.hold_id not in self.holds:
                    return machine.ChangeFailed("taken")
                slot, code = self.holds.pop(effect.hold_id)
                # booking.services._type: no code books the clinic's first type.
                self.booked = (slot, code or next(iter(self.clinic.types)), effect.patient_id)
                return machine.Done(next(self.ids))
            case machine.RenamePatient():
                _, born = self.patients[effect.patient_id]
                self.patients[effect.patient_id] = (effect.name, born)
                return None
        raise AssertionError(f"unexpected effect {effect!r}")


def converse(goal: Goal, clinic: MemoryClinic, now: datetime, rng: random.Random) -> Outcome:
    out = Outcome(goal, now)
    clinic = clinic.fresh()
    directory = clinic.directory()
    today = now.astimezone(clinic.zone).date()
    patient = Patient(goal, clinic, today, rng)
    executor = Executor(clinic, now, language=goal.language)
    known = (KNOWN_ID, goal.person.name) if goal.returning else None
    if known:
        executor.patients[KNOWN_ID] = (goal.person.name, goal.person.date_of_birth)
    language = goal.language if goal.returning else None
    session: machine.Session | None = None
    last_texts: list[str] = []
    not_understood = 0
    replies: list[machine.Reply] = []
    seen_keys: set[str] = set()
    try:
        for _ in range(MAX_TURNS):
            text = patient.opening() if not out.transcript else patient.answer(session, replies)
            out.transcript.append(f"patient: {text}")
            expecting = machine.expecting(session) if session else None
            result = understand(
                text, directory=directory, now=now, language_hint=language, expecting=expecting
            )
            language = result.language or language
            speaking = language or clinic.default_language
            signal = booking_signal(result, text=text, button="")
            flow = BOOKING_FLOWS.get(result.intent)
            e = result.entities
            if (
                session is None
                and result.intent == Intent.GIVE_INFO
                and (e.practitioner_ids or e.specialty or e.appointment_type_code)
            ):
                flow = "book"
            if session is not None and flow == "book" and session.flow != "book":
                flow = None
            if session is not None and flow and flow != session.flow:
                out.notes.append(f"switched to {flow}")
                session = None
            if session is None and flow is None:
                texts, staff = _outside_session(result, speaking, not_understood)
                not_understood = (
                    not_understood + 1 if staff is None and result.intent == Intent.UNKNOWN else 0
                )
                bot = " / ".join(texts)
                out.transcript.append(f"bot: {bot}")
                _check_repeats(out, last_texts, bot)
                if staff:
                    out.staff = staff
                    return out
                replies = []
                continue
            not_understood = 0
            if session is None:
                session = machine.Session(
                    flow=machine.Flow(flow),
                    availability_first=result.intent == Intent.AVAILABILITY,
                    when=machine.When(anytime=True) if result.intent == Intent.AVAILABILITY else None,
                )
            world = clinic.world(now=now, language=speaking, known=known, returning=goal.returning)
            session, replies, escalation = _turn(session, signal, world, executor, out, patient, seen_keys)
            bot = " / ".join(
                " ".join([render(r.text, speaking), *(f"[{render(o.title, speaking)}]" for o in r.options)])
                for r in replies
            )
            out.transcript.append(f"bot [{session.state}]: {bot}")
            _check_repeats(out, last_texts, bot)
            if escalation is not None:
                out.staff = escalation.reason
                return out
            if session.state not in machine.ACTIVE:
                _judge_end(out, session, executor, goal, patient, seen_keys)
                return out
        out.violations.append("turn_limit")
    except machine.IllegalTransition as exc:
        out.violations.append(f"illegal_transition: {exc}")
    return out


def _outside_session(result, language: str, not_understood: int) -> tuple[list[str], str | None]:
    """The orchestrator's handlers for a message that starts no booking."""
    if result.intent == Intent.HUMAN:
        return [say("handoff", language)], "asked_for_person"
    if result.intent == Intent.GREETING:
        return [say("greeting", language, clinic="the clinic")], None
    if result.intent == Intent.GOODBYE:
        return [say("goodbye", language)], None
    if result.intent == Intent.FAQ:
        return ["(an approved answer)"], None
    if not_understood >= 1 and result.intent == Intent.UNKNOWN:
        return [say("handoff", language)], "not_understood"
    return [say("not_understood", language)], None


def _turn(session, signal, world, executor: Executor, out: Outcome, patient: Patient, seen: set[str]):
    """booking.services.booking_handle without the database."""
    replies: list[machine.Reply] = []
    escalation = None
    pending: list[machine.Event] = [signal]
    rounds = 0
    while pending and rounds < 12:
        rounds += 1
        event = pending.pop(0)
        before = session.state
        HOPS.clear()
        step = machine.transition(session, event, world)
        for a, b in HOPS:
            if b not in machine.ALLOWED[a]:
                out.violations.append(f"transition {a} -> {b}")
        if (HOPS[-1][1] if HOPS else before) != step.session.state:
            out.violations.append(f"state changed outside Machine.go: {before} -> {step.session.state}")
        session = step.session
        replies += step.replies
        seen |= {r.text.key for r in step.replies}
        if isinstance(event, machine.SlotsFound):
            _check_offer(out, step, patient)
        if isinstance(event, machine.HoldPlaced):
            _check_restated(out, session, patient, seen)
        for effect in step.effects:
            if isinstance(effect, machine.Escalate):
                escalation = effect
                continue
            result = executor.run(effect)
            if result is not None:
                pending.append(result)
            if isinstance(effect, machine.Release):
                session = replace(session, hold_id=None)
    session, guarded, repeated = machine.repeat_guard(session, tuple(replies))
    return session, list(guarded), repeated or escalation


def _check_repeats(out: Outcome, last: list[str], bot: str) -> None:
    last.append(bot)
    if len(last) >= 3 and last[-1] == last[-2] == last[-3]:
        out.violations.append("same_message_three_times")


def _check_offer(out: Outcome, step: machine.Step, patient: Patient) -> None:
    """Times offered as matching the wish ("offer", not "alternatives") match what was said."""
    g = patient.g
    for reply in step.replies:
        if reply.text.key != "offer":
            continue
        slots = step.session.offered
        believed = step.session.who or step.session.specialty
        if believed and any(s.practitioner_id not in g.practitioner_ids for s in slots):
            # The bot searched someone of its own reading and offers them as the wish.
            out.violations.append(f"silent_wrong_practitioner: after {out.transcript[-1]!r}")
        elif "who" in patient.told and not believed:
            out.notes.append("who_not_understood")
        said, wish = patient.said_day, step.session.when
        believed = wish is not None and wish.day_from is not None
        if said is not None and believed and any(s.start.date() not in said.named for s in slots):
            # The bot searched a day of its own reading and offers it as the wish.
            out.violations.append(f"silent_wrong_day: after {out.transcript[-1]!r}, searched {wish}")
        if (
            "bound" in patient.told
            and said is g.day
            and not any(g.bound.accepts(s.start.time()) for s in slots)
        ):
            out.notes.append("offer_outside_bound")


def _check_restated(out: Outcome, session: machine.Session, patient: Patient, seen: set[str]) -> None:
    """The kind of visit restated is the one asked for, or the bot asked which."""
    g = patient.g
    if "type" in patient.told and session.type_code != g.type_code and "ask_type" not in seen:
        out.violations.append("silent_wrong_type")


def _judge_end(
    out: Outcome, session, executor: Executor, goal: Goal, patient: Patient, seen: set[str]
) -> None:
    if session.state != machine.State.COMPLETE or executor.booked is None:
        out.violations.append(f"ended_{session.state}_without_booking")
        return
    slot, code, patient_id = executor.booked
    name = executor.patients.get(patient_id, ("", None))[0]
    problems = []
    if not goal.accepts(slot.start, slot.practitioner_id):
        problems.append("slot")
    # A kind the patient never named nor was asked for is the only one the clinic had.
    named = "type" in patient.told or "ask_type" in seen
    if code != goal.type_code and not (code == goal.fallback_type and ("ask_type" in seen or not named)):
        problems.append(f"type {code}")
    if fold(name) != fold(goal.person.name):
        problems.append(f"name {name!r}")
    if problems:
        out.violations.append("wrong_booking: " + ", ".join(problems))
        return
    out.booked_as_wished = True


def summary(outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    booked = sum(o.kind == "booked" for o in outcomes)
    staff = Counter(o.staff for o in outcomes if o.kind == "staff")
    violations = sum(o.kind == "violation" for o in outcomes)
    kinds = Counter(v.split(":")[0] for o in outcomes for v in o.violations)
    breakdown = ", ".join(f"{reason} {k}" for reason, k in staff.most_common())
    return (
        f"generated patients: {n} conversations, {100 * booked / n:.1f}% booked as wished, "
        f"{100 * sum(staff.values()) / n:.1f}% handed to staff ({breakdown or 'none'}), "
        f"{violations} violations {dict(kinds) if kinds else ''}"
    ).rstrip()
