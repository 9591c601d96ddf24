"""The booking conversation as a pure transition function.

    step = transition(session, event, world)

`session` is what was gathered so far (a frozen `Session`), `event` is a patient's message
(a `Signal`) or the result of an effect the executor carried out (slots found, hold placed,
booked, ...), `world` is a read-only snapshot (clock, clinic, the patient's record and
appointments). The step holds the new session, the replies to send (copy keys and values,
rendered by the conversation layer) and the effects to carry out (find slots, hold,
release, book, cancel, reschedule, create patient, escalate). No database, no clock, no
wording: every rule here is tested with plain data. States only move along ALLOWED;
anything else raises IllegalTransition, so an illegal jump cannot happen.

    session.py    the session, its states, flows and the question asked (`Asked`, `Expecting`)
    messages.py   signals, the world snapshot, effects, their results and the replies
    core.py       the machine: commands, repairs, searches and the results of effects
    questions.py  one handler per question
    flows.py      book, reschedule and cancel
"""

import hashlib

from booking.machine.core import MAX_MISUNDERSTOOD, IllegalTransition, Machine
from booking.machine.messages import (
    PAGE,
    AppointmentView,
    Book,
    Cancel,
    ChangeFailed,
    CreatePatient,
    Done,
    Effect,
    Escalate,
    Event,
    FindSlots,
    Hold,
    HoldFailed,
    HoldPlaced,
    JoinWaitlist,
    Option,
    PatientCreated,
    PractitionerView,
    Release,
    RenamePatient,
    Reply,
    Reschedule,
    Say,
    Signal,
    SlotsFound,
    Step,
    WaitlistJoined,
    World,
    say,
)
from booking.machine.session import (
    ACTIVE,
    ALLOWED,
    TERMINAL,
    Asked,
    Expecting,
    Flow,
    Session,
    Slot,
    State,
    When,
)

__all__ = [
    "ACTIVE",
    "ALLOWED",
    "MAX_MISUNDERSTOOD",
    "PAGE",
    "TERMINAL",
    "AppointmentView",
    "Asked",
    "Book",
    "Cancel",
    "ChangeFailed",
    "CreatePatient",
    "Done",
    "Effect",
    "Escalate",
    "Event",
    "Expecting",
    "FindSlots",
    "Flow",
    "Hold",
    "HoldFailed",
    "HoldPlaced",
    "IllegalTransition",
    "JoinWaitlist",
    "Machine",
    "Option",
    "PatientCreated",
    "PractitionerView",
    "Release",
    "RenamePatient",
    "Reply",
    "Reschedule",
    "Say",
    "Session",
    "Signal",
    "Slot",
    "SlotsFound",
    "State",
    "Step",
    "WaitlistJoined",
    "When",
    "World",
    "expecting",
    "repeat_guard",
    "say",
    "transition",
]


def transition(session: Session, event: Event, world: World) -> Step:
    if session.state in TERMINAL:
        raise IllegalTransition(f"{session.state} is final")
    # Every hop is checked against ALLOWED as it happens (Machine.go).
    return Machine(session, world).handle(event)


def repeat_guard(
    session: Session, replies: tuple[Reply, ...]
) -> tuple[Session, tuple[Reply, ...], Escalate | None]:
    """A turn's replies against the last turn's: the same again gets a hint on how to answer
    (asked differently), a third time the chat goes to staff with the reason. Pure."""
    if session.state not in ACTIVE or not replies:
        return session, replies, None
    fingerprint = hashlib.sha256(repr([(r.text, r.options) for r in replies]).encode()).hexdigest()[:16]
    repeats = session.repeats + 1 if fingerprint == session.last_replies else 0
    session = session.with_(last_replies=fingerprint, repeats=repeats)
    if repeats == 1:
        return session, (Reply(say("stuck_hint")), *replies), None
    if repeats >= 2:
        escalation = Escalate("repeated_question", f"{session.flow}: the same question a third time")
        return session.with_(state=State.ESCALATED, hold_id=None), (Reply(say("handoff")),), escalation
    return session, replies, None


def expecting(session: Session) -> Expecting | None:
    """What kind of answer the pending question expects (a hint for understanding)."""
    return session.asked.expecting if session.asked else None
