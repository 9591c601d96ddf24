"""What differs between booking, rescheduling and cancelling: which questions come first,
what a yes does, what a no does, and what the patient is told at the end."""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from typing import TYPE_CHECKING

from booking.machine.messages import (
    AppointmentView,
    Book,
    Cancel,
    CreatePatient,
    Done,
    Hold,
    Option,
    Reschedule,
)
from booking.machine.session import Asked, Flow, Slot, State

if TYPE_CHECKING:
    from booking.machine.core import Machine


def _books_for_the_known_patient(m: Machine) -> bool:
    """The number is known and the booking is for its patient: no name was given, or the
    name given is theirs ("Emily", "Emily Carter", "Lupe Treviño" for Guadalupe Treviño).
    "It's for my daughter, Martina Gómez" from that number is someone else: who they are is
    asked, never booked as the parent."""
    if not m.w.known_patient:
        return False
    if not m.s.name:
        return not m.s.for_someone
    given = _plain(m.s.name).split()
    known = _plain(m.w.known_patient[1]).split()
    return (
        bool(given) and bool(known) and _same_first_name(given[0], known[0]) and set(given[1:]) <= set(known)
    )


def _same_first_name(given: str, known: str) -> bool:
    """The name or the short form people use of it: "Lupe" of Guadalupe, "Cata" of Catalina."""
    return given == known or (len(given) >= 4 and (known.startswith(given) or known.endswith(given)))


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class BookFlow:
    """A new appointment: who the patient is (a known number needs no questions), the kind of
    visit, when, a pick from the offered times, then yes."""

    def advance(self, m: Machine) -> None:
        if m.s.patient_id is None and not m.s.availability_first:
            if not _books_for_the_known_patient(m):
                self.identify(m)
                return
            m.set(patient_id=m.w.known_patient[0], patient_name=m.w.known_patient[1])
            m.go(State.IDENTIFY, "known_number")
        self.gather(m)

    def gather(self, m: Machine) -> None:
        """The kind of visit and the time wished for, then a search (book and reschedule)."""
        if not m.s.type_code:
            choices = m.type_choices()
            if len(choices) == 1 and not m.s.type_refused:
                m.set(type_code=choices[0])
            elif not m.s.availability_first or m.s.type_refused:
                m.to(State.PREFERENCES)
                m.ask_type(choices)
                return
        if m.s.pick_waiting and m.s.type_code and m.s.chosen:
            m.set(pick_waiting=False)
            self.pick(m, m.s.chosen)
            return
        if m.s.when is None:
            m.to(State.PREFERENCES)
            m.ask(Asked.WHEN, "ask_when")
            return
        if m.s.chosen and m.s.state == State.IDENTIFY:
            # A time was picked before the patient was identified: who it is comes first.
            self.pick(m, m.s.chosen)
            return
        if m.s.waitlist:
            m.join_waitlist()
            return
        m.search()

    def identify(self, m: Machine) -> None:
        m.to(State.IDENTIFY)
        if m.s.name and m.s.date_of_birth:
            m.effects.append(CreatePatient(m.s.name, m.s.date_of_birth))
        elif m.s.name:
            m.ask(Asked.DATE_OF_BIRTH, "ask_dob", name=m.s.name.split()[0])
        else:
            # Asked again (the answer was something else: "first time"), with an example.
            m.ask(Asked.NAME, "ask_name_again" if m.s.asked == Asked.NAME else "ask_name")

    def pick(self, m: Machine, chosen: Slot) -> None:
        if m.s.patient_id is None and _books_for_the_known_patient(m):
            # An availability answer came first; the number is known, so no questions.
            m.set(patient_id=m.w.known_patient[0], patient_name=m.w.known_patient[1])
        if m.s.patient_id is None:
            self.identify(m)
            return
        m.effects.append(Hold(chosen, m.s.type_code, None))

    def target(self, m: Machine, appointment_id: int) -> None:
        raise AssertionError("a booking has no target appointment")

    def confirmation(self, m: Machine, slot: Slot) -> None:
        m.ask(
            Asked.CONFIRM,
            "confirm_book",
            m.yes_no(),
            summary=m.slot_summary(slot),
            patient=m.s.patient_name or m.s.name or "",
        )

    def confirmed(self, m: Machine) -> None:
        assert m.s.hold_id is not None and m.s.patient_id is not None
        m.effects.append(Book(m.s.hold_id, m.s.patient_id))

    def declined(self, m: Machine) -> None:
        m.release_hold()
        m.set(when=None, offered=(), offset=0)
        m.go(State.PREFERENCES, "declined")
        m.ask(Asked.WHEN, "what_instead")

    def done(self, m: Machine, done: Done) -> None:
        m.set(appointment_id=done.appointment_id, hold_id=None)
        m.go(State.COMPLETE, "booked")
        assert m.s.chosen is not None
        m.say("booked", summary=m.slot_summary(m.s.chosen))


class _ExistingAppointment:
    """Reschedule and cancel start from one of the patient's upcoming appointments."""

    def advance(self, m: Machine) -> None:
        if m.s.appointment_id is None:
            self.pick_target(m)
            return
        self.after_target(m)

    def after_target(self, m: Machine) -> None:
        raise NotImplementedError

    def pick_target(self, m: Machine) -> None:
        upcoming = m.w.upcoming
        m.to(State.IDENTIFY)
        if not m.w.known_patient or not upcoming:
            m.go(State.COMPLETE, "no_upcoming")
            m.say("no_upcoming")
            return
        m.set(patient_id=m.w.known_patient[0])
        if m.s.preset_target in [a.id for a in upcoming]:
            self.target(m, m.s.preset_target)
            return
        if len(upcoming) == 1:
            self.target(m, upcoming[0].id)
            return
        m.to(State.PREFERENCES)
        m.set(targets=tuple(a.id for a in upcoming))
        options = tuple(Option(f"appt:{a.id}", m.summary_line(a.start, a.practitioner_id)) for a in upcoming)
        m.ask(Asked.PICK, "pick_appointment", options)

    def target(self, m: Machine, appointment_id: int) -> None:
        m.set(appointment_id=appointment_id)
        view = self.target_view(m)
        if view.start - m.w.now < timedelta(hours=m.w.cancellation_notice_hours):
            m.late()
            return
        self.targeted(m, view)

    def targeted(self, m: Machine, view: AppointmentView) -> None:
        raise NotImplementedError

    def target_view(self, m: Machine) -> AppointmentView:
        return next(a for a in m.w.upcoming if a.id == m.s.appointment_id)


class RescheduleFlow(_ExistingAppointment, BookFlow):
    """Move an upcoming appointment: same practitioner and kind by default, a new time."""

    def after_target(self, m: Machine) -> None:
        self.gather(m)

    def targeted(self, m: Machine, view: AppointmentView) -> None:
        m.set(type_code=view.type_code, who=m.s.who or (view.practitioner_id,))
        m.advance()

    def pick(self, m: Machine, chosen: Slot) -> None:
        m.effects.append(Hold(chosen, m.s.type_code, m.s.appointment_id))

    def confirmation(self, m: Machine, slot: Slot) -> None:
        old = self.target_view(m)
        m.ask(
            Asked.CONFIRM,
            "confirm_reschedule",
            m.yes_no(),
            old=m.summary_line(old.start, old.practitioner_id),
            new=m.summary_line(slot.start, slot.practitioner_id),
        )

    def confirmed(self, m: Machine) -> None:
        assert m.s.appointment_id is not None and m.s.hold_id is not None
        m.effects.append(Reschedule(m.s.appointment_id, m.s.hold_id))

    def done(self, m: Machine, done: Done) -> None:
        m.set(appointment_id=done.appointment_id, hold_id=None)
        m.go(State.COMPLETE, "rescheduled")
        assert m.s.chosen is not None
        m.say("rescheduled", summary=m.slot_summary(m.s.chosen))


class CancelFlow(_ExistingAppointment):
    """Cancel an upcoming appointment after restating it."""

    def after_target(self, m: Machine) -> None:
        return  # the confirmation was asked when the target was chosen

    def targeted(self, m: Machine, view: AppointmentView) -> None:
        m.to(State.PREFERENCES)
        m.go(State.CONFIRM)
        m.ask(
            Asked.CONFIRM,
            "confirm_cancel",
            m.yes_no(),
            summary=m.summary(view.start, view.practitioner_id, view.location_id, view.type_code),
        )

    def pick(self, m: Machine, chosen: Slot) -> None:
        raise AssertionError("a cancellation offers no times")

    def confirmation(self, m: Machine, slot: Slot) -> None:
        raise AssertionError("a cancellation holds no slot")

    def confirmed(self, m: Machine) -> None:
        assert m.s.appointment_id is not None
        m.effects.append(Cancel(m.s.appointment_id))

    def declined(self, m: Machine) -> None:
        m.go(State.RESET, "declined")
        m.say("kept")

    def done(self, m: Machine, done: Done) -> None:
        view = self.target_view(m)
        m.set(appointment_id=done.appointment_id, hold_id=None)
        m.go(State.COMPLETE, "cancelled")
        m.say(
            "cancelled",
            summary=m.summary(view.start, view.practitioner_id, view.location_id, view.type_code),
        )


FLOWS = {Flow.BOOK: BookFlow(), Flow.RESCHEDULE: RescheduleFlow(), Flow.CANCEL: CancelFlow()}
