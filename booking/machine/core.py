"""The machine behind `transition`: plumbing, the message handler, and the results of effects.

What the pending question accepts lives in `questions.py` (one handler per `Asked`), what
differs between booking, rescheduling and cancelling in `flows.py`. Every state change goes
through `Machine.go`, which checks it against ALLOWED.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from booking.machine import flows, questions
from booking.machine.messages import (
    PAGE,
    ChangeFailed,
    Done,
    Effect,
    Escalate,
    Event,
    FindSlots,
    HoldFailed,
    HoldPlaced,
    JoinWaitlist,
    Option,
    PatientCreated,
    Release,
    RenamePatient,
    Reply,
    Say,
    Signal,
    SlotsFound,
    Step,
    WaitlistJoined,
    World,
    say,
)
from booking.machine.session import ALLOWED, Asked, Flow, Session, Slot, State, When

MAX_MISUNDERSTOOD = 2
# A waitlist wish with no days waits this many days from today (within the booking horizon).
WAITLIST_DAYS = 14
ORDER = [State.START, State.IDENTIFY, State.PREFERENCES, State.SELECT, State.CONFIRM]
REASK = {
    Asked.OPTION: "reask_option",
    Asked.PICK: "reask_option",
    Asked.TYPE: "reask_option",
    Asked.CONFIRM: "reask_yes_no",
    Asked.NAME: "ask_name_again",
    Asked.DATE_OF_BIRTH: "dob_invalid",
    Asked.WHEN: "ask_when",
    Asked.WAITLIST: "reask_yes_no",
}


class IllegalTransition(Exception):
    pass


def _minutes(value: time) -> time:
    return time(value.hour, value.minute)


class Machine:
    def __init__(self, session: Session, world: World) -> None:
        self.s = session
        self.w = world
        self.flow = flows.FLOWS[session.flow]
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []
        self.reason = ""

    # ---- plumbing ----------------------------------------------------------------------

    def set(self, **changes: Any) -> None:
        self.s = replace(self.s, **changes)

    def go(self, state: State, reason: str = "") -> None:
        if state != self.s.state and state not in ALLOWED[self.s.state]:
            raise IllegalTransition(f"{self.s.state} -> {state}")
        self.s = replace(self.s, state=state)
        self.reason = reason or self.reason

    def to(self, state: State) -> None:
        """Move forward through the states in order (a no-op when already there)."""
        if self.s.state == state:
            return
        if self.s.state in ORDER and state in ORDER and ORDER.index(state) > ORDER.index(self.s.state) + 1:
            for middle in ORDER[ORDER.index(self.s.state) + 1 : ORDER.index(state)]:
                self.go(middle)
        self.go(state)

    def say(self, key: str, options: tuple[Option, ...] = (), **values: Any) -> None:
        self.replies.append(Reply(say(key, **values), options))

    def ask(self, asked: Asked, key: str, options: tuple[Option, ...] = (), **values: Any) -> None:
        self.set(asked=asked)
        self.say(key, options, **values)

    def step(self) -> Step:
        return Step(self.s, tuple(self.replies), tuple(self.effects), self.reason)

    def release_hold(self) -> None:
        if self.s.hold_id:
            self.effects.append(Release(self.s.hold_id))
            self.s = replace(self.s, hold_id=None)

    def yes_no(self) -> tuple[Option, Option]:
        return (Option("yes", say("yes")), Option("no", say("no")))

    # ---- events --------------------------------------------------------------------------

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
                self.flow.done(self, event)
            case ChangeFailed():
                self.on_change_failed(event)
            case PatientCreated():
                self.set(patient_id=event.patient_id, patient_name=event.name)
                self.advance()
            case WaitlistJoined():
                self.on_waitlist_joined(event)
        return self.step()

    def on_message(self, sig: Signal) -> None:
        if "reset" in sig.commands:
            self.release_hold()
            self.go(State.RESET, "reset")
            self.say("reset_done")
            return
        if sig.intent == "human":
            self.escalate("asked_for_person")
            return
        if "refuse" in sig.commands:
            self.say("refused")
            if self.s.state == State.START:
                # Nothing was gathered yet: the refused request ends here, nothing is kept.
                self.go(State.RESET, "refused")
                return
            self.reask()
            return
        if self.renamed(sig):
            return
        if sig.past and self.s.asked not in (Asked.DATE_OF_BIRTH, Asked.NAME):
            # Keep who and what was asked for; only the time is refused. (Asked for a date of
            # birth, a date in the past is the answer, not a wish.)
            self.absorb(replace(sig, day_from=None, day_to=None, window=None, prefer=None, past=False))
            self.say("past_refused")
            self.set(asked=Asked.WHEN)
            return
        if self.wants_waitlist(sig):
            # "Put me on the waitlist", or its option under the alternatives: the wish as
            # gathered so far (and anything this message adds) joins it; nothing is searched.
            self.absorb(sig)
            self.release_hold()
            self.set(waitlist=True, waitlist_option=False, offered=(), chosen=None, misunderstood=0)
            self.advance()
            return
        browsing = self.s.offered and self.s.state in (State.SELECT, State.CONFIRM)
        if "more" in sig.commands and browsing:
            self.release_hold()
            self.set(offset=self.s.offset + PAGE, misunderstood=0)
            self.search(reason="more_options")
            return
        if "other" in sig.commands and browsing:
            self.other_practitioner()
            return
        if self.s.asked == Asked.OPTION and (named := questions.offered_named(self, sig)):
            # A time from the bot's own list picks it, before it could read as a new wish.
            self.set(misunderstood=0)
            questions.take(self, named)
            return
        if self.s.asked == Asked.OPTION and (several := questions.offered_several(self, sig)):
            if len(on_wished_day := [s for s in several if self.on_wished_day(s)]) == 1:
                # "18:00" over two Tuesdays' 18:00 after "el martes": the one on the day wished.
                self.set(misunderstood=0)
                questions.take(self, on_wished_day[0])
                return
            if self.s.narrowed and len(several) == len(self.s.offered):
                # The same time again when asked which: with any day wished, any of them
                # will do (the first); with a day wished, never one chosen for the patient.
                if self.s.when is not None and self.s.when.day_from is not None:
                    self.reask()
                    return
                self.set(misunderstood=0)
                questions.take(self, several[0])
                return
            # "12:00 is fine" with 12:00 on two of the days offered: which day, those offered
            # alone, not a new search.
            self.offer(several, "offer_which_day", alternatives=False)
            self.set(narrowed=True)
            return
        changed = self.absorb(sig)
        if self.s.state == State.START:
            self.advance()
            return
        if changed and self.s.asked in (Asked.NAME, Asked.DATE_OF_BIRTH):
            # "No, I meant Thursday" while asked who the patient is: noted; the question stands.
            self.say("wish_noted")
            self.set(misunderstood=0)
            self.advance()
            return
        if changed and self.s.state == State.CONFIRM and sig.yes_no is not True and sig.intent != "affirm":
            # "No, Wednesday" changes the wish rather than declining the booking.
            handled = False
        else:
            handled = questions.answer(self, sig)
        if handled:
            self.set(misunderstood=0)
        if changed and not handled:
            if self.s.state in (State.SELECT, State.CONFIRM, State.PREFERENCES):
                # A repair ("actually Wednesday", "the other doctor"): search again with it.
                self.release_hold()
                self.set(offset=0)
            self.set(misunderstood=0)
            self.advance()
            return
        if (
            not handled
            and browsing
            and not self.s.alternatives
            and self.s.asked == Asked.OPTION
            and (sig.day_from or sig.window)
        ):
            # The wish said again over the times offered for it ("in the morning, before 11"
            # once more): none of these suit, so the next times for it, as "more options".
            # (Said again over alternatives, it insists on what is not free: asked again.)
            self.release_hold()
            self.set(offset=self.s.offset + PAGE, misunderstood=0)
            self.search(reason="more_options")
            return
        if not handled:
            self.misunderstood()

    def wants_waitlist(self, sig: Signal) -> bool:
        if self.s.flow != Flow.BOOK:
            return False
        if "waitlist" in sig.commands or sig.button == "waitlist":
            return True
        # Its number: the option after "more options" under the alternatives.
        return (
            self.s.waitlist_option
            and self.s.asked == Asked.OPTION
            and not sig.button
            and sig.option == len(self.s.offered) + 2
        )

    def absorb(self, sig: Signal) -> bool:
        """Take every preference the message carries; True when something changed."""
        before = self.s
        if self.s.asked in (Asked.NAME, Asked.DATE_OF_BIRTH) and (
            sig.full_name or sig.date_of_birth or sig.past
        ):
            # "Lucía Gómez" answers who the patient is; it is not a wish for Dra. Lucía.
            return False
        if self.s.asked in (Asked.NAME, Asked.DATE_OF_BIRTH):
            # No practitioner then: a name may sound like one. The kind of visit ("first
            # time") and the specialty are never a name, so they are taken.
            sig = replace(sig, practitioner_ids=())
        if sig.for_someone and not self.s.name and self.s.patient_id is None:
            # "para mi hija martina" from a known number: who the patient is gets asked.
            self.set(for_someone=True)
        if sig.full_name and not self.s.name and self.s.patient_id is None and self.w.known_patient:
            # "It's for my daughter, Martina Gómez" from a known number, before anyone asked:
            # the visit may be for someone other than the number's patient.
            self.set(name=sig.full_name)
        if sig.type_code and sig.type_code in self.w.types:
            if self.w.returning_patient or sig.type_code not in self.w.returning_only_types:
                self.set(type_code=sig.type_code, type_refused=None)
            elif sig.type_code != self.s.type_code:
                # Never booked silently as another kind: the patient is told and asked (also
                # when "no, a follow-up" comes after another kind was settled).
                self.set(type_refused=sig.type_code, type_code=None)
        if sig.practitioner_ids:
            self.set(who=tuple(sig.practitioner_ids), specialty=None)
        elif sig.specialty:
            self.set(specialty=sig.specialty, who=())
        if self.s.type_code and (offered := self.offered_types()) and self.s.type_code not in offered:
            # "Um check-up do coração" read as the well-child check: the cardiologist offers no
            # such kind, so it is asked among theirs, never booked with whoever offers it.
            self.set(type_code=None)
        if sig.day_from or sig.window:
            previous = self.s.when
            # "Actually Wednesday" changes the day only: the time of day asked for stays.
            window = sig.window or (previous.window if previous else None)
            around = sig.window_around if sig.window else bool(previous and previous.around)
            day_from, day_to, prefer = sig.day_from, (sig.day_to or sig.day_from), sig.prefer
            week_on = sig.week_on if sig.day_from else None
            if sig.window and not sig.day_named and previous is not None and previous.day_from:
                # "Depois das 16h" alone changes the time: the day already chosen stays.
                day_from, day_to, week_on = previous.day_from, previous.day_to, previous.week_on
                prefer = datetime.combine(day_from, sig.window[0], tzinfo=self.w.now.tzinfo)
            if sig.window and not sig.day_named and "any" in sig.commands:
                # "After 6pm, any day": the hours on every day, not what is left of today.
                day_from = day_to = prefer = week_on = None
            self.set(
                when=When(
                    day_from=day_from,
                    day_to=day_to if day_from else None,
                    window=(_minutes(window[0]), _minutes(window[1])) if window else None,
                    prefer=prefer,
                    week_on=week_on,
                    around=around and window is not None,
                )
            )
        elif "any" in sig.commands and self.s.asked == Asked.WHEN:
            self.set(when=When(anytime=True))
        elif "soonest" in sig.commands and self.s.when is None and not self.s.offered:
            # "Dermato o quanto antes" says when before it is asked: the first free time. Over
            # a day already said, "the first you have" is the first on that day.
            self.set(when=When(anytime=True))
        # "Tuesday, 10am or later" says which day itself; "10am or later" which hours.
        said_when = sig.day_named or sig.window is not None
        if ("later" in sig.commands or "earlier" in sig.commands) and self.s.offered and not said_when:
            pivot = self.s.offered[0].start
            top = pivot.replace(minute=0)
            start, end = (
                (top + timedelta(hours=1), pivot.replace(hour=23, minute=59))
                if "later" in sig.commands
                else (pivot.replace(hour=0, minute=0), top)
            )
            day = pivot.date()
            self.set(when=When(day, day, (_minutes(start.time()), _minutes(end.time()))))
        return self.s != before

    def renamed(self, sig: Signal) -> bool:
        """ "No, the name is wrong, it's X": a repair of who the patient is, in any state; the
        record this conversation created takes the new name and the question stands."""
        if not sig.full_name or not self.s.name or self.s.asked in (Asked.NAME, Asked.DATE_OF_BIRTH):
            return False
        if sig.full_name.casefold() == self.s.name.casefold():
            return False
        self.set(name=sig.full_name, misunderstood=0)
        if self.s.patient_id is not None:
            self.effects.append(RenamePatient(self.s.patient_id, sig.full_name))
            self.set(patient_name=sig.full_name)
        self.say("name_updated", name=sig.full_name)
        if self.s.asked == Asked.CONFIRM and self.s.chosen is not None:
            self.flow.confirmation(self, self.s.chosen)
        else:
            self.reask()
        return True

    def other_practitioner(self) -> None:
        """ "No, the other doctor": someone else of the same specialty (anyone offering the type
        when no specialty was asked for), the rest of the wish unchanged."""
        current = (
            {self.s.chosen.practitioner_id}
            if self.s.chosen
            else {slot.practitioner_id for slot in self.s.offered}
        )
        specialties = {self.s.specialty} if self.s.specialty else set()
        known = [self.w.practitioners[p] for p in self.s.who if p in self.w.practitioners]
        specialties |= {sp for p in known for sp in p.specialties}
        others = tuple(
            p.id
            for p in self.w.practitioners.values()
            if p.id not in current
            and (not self.s.type_code or self.s.type_code in p.type_codes)
            and (not specialties or specialties & set(p.specialties))
        )
        if not others:
            self.say("no_other_practitioner")
            self.reask()
            return
        self.release_hold()
        self.set(who=others, specialty=None, offset=0, misunderstood=0)
        self.search(reason="other_practitioner")

    # ---- progress ------------------------------------------------------------------------

    def advance(self) -> None:
        """Ask for the next missing piece, or act when nothing is missing."""
        self.flow.advance(self)

    def ask_type(self, choices: list[str]) -> None:
        if self.s.type_refused:
            self.say("type_returning_only", type=self.type_name(self.s.type_refused))
        self.set(type_choices=tuple(choices), type_refused=None)
        options = tuple(Option(f"type:{c}", self.type_name(c)) for c in choices)
        self.ask(Asked.TYPE, "ask_type", options)

    def search(self, *, reason: str = "", intro: str = "") -> None:
        when = self.s.when or When()
        self.set(search_intro=intro, pick_waiting=False)
        self.reason = reason or self.reason
        self.effects.append(
            FindSlots(
                type_code=self.s.type_code,
                practitioner_ids=self.s.who,
                specialty=self.s.specialty,
                day_from=when.day_from,
                day_to=when.day_to,
                window=when.window,
                prefer=when.prefer,
                replacing_id=self.s.appointment_id if self.s.flow == Flow.RESCHEDULE else None,
                offset=self.s.offset,
                week_on=when.week_on,
                window_around=when.around,
            )
        )

    def settle_week_on(self, slots: tuple[Slot, ...]) -> None:
        """A weekday named on that weekday means the day whose times were offered: the wish
        keeps to it from now on (a race, more options, "later"), as the list restated it."""
        when = self.s.when
        if not (when and when.week_on):
            return
        days = {slot.start.date() for slot in slots}
        if days == {when.week_on}:
            prefer = when.prefer + timedelta(days=7) if when.prefer else None
            self.set(
                when=replace(when, day_from=when.week_on, day_to=when.week_on, prefer=prefer, week_on=None)
            )
        elif when.day_from in days:
            self.set(when=replace(when, week_on=None))

    def on_slots(self, found: SlotsFound) -> None:
        if not found.slots:
            self.set(offered=())
            self.release_hold()
            if self.s.flow == Flow.BOOK:
                # Nothing free for the wish: the waitlist for it, before anyone is troubled.
                self.to_preferences("no_availability")
                self.ask(Asked.WAITLIST, "waitlist_ask", self.yes_no(), wish=self.wish())
                return
            self.no_availability()
            return
        self.settle_week_on(found.slots)
        intro = self.s.search_intro or ("offer_alternatives" if found.alternatives else "offer")
        self.set(search_intro="")
        self.offer(found.slots, intro, alternatives=found.alternatives)

    def on_wished_day(self, slot: Slot) -> bool:
        """The slot is on the day (or days) the wish names, or the weekday's next one."""
        when = self.s.when
        if when is None or when.day_from is None:
            return False
        day = slot.start.date()
        return when.day_from <= day <= (when.day_to or when.day_from) or day == when.week_on

    def offer(self, found: tuple[Slot, ...], intro: str, *, alternatives: bool) -> None:
        """Offer `found` to choose from, with the waitlist beside alternatives."""
        self.set(offered=found, narrowed=False)
        self.to(State.SELECT)
        slots = tuple(
            Option(
                f"slot:{i}",
                say("option_slot", start=s.start, practitioner=self.practitioner(s.practitioner_id)),
            )
            for i, s in enumerate(found, start=1)
        )
        waitlist = alternatives and self.s.flow == Flow.BOOK
        self.set(waitlist_option=waitlist, alternatives=alternatives)
        extra = (Option("waitlist", say("waitlist_join_option")),) if waitlist else ()
        self.ask(Asked.OPTION, intro, (*slots, Option("more", say("offer_more")), *extra))

    def to_preferences(self, reason: str = "") -> None:
        """Back to (or on to) gathering the wish, from wherever the search was made."""
        if self.s.state in (State.START, State.IDENTIFY):
            self.to(State.PREFERENCES)
        else:
            self.go(State.PREFERENCES, reason)

    def no_availability(self) -> None:
        self.go(State.ESCALATED, "no_availability")
        self.say("no_slots", days=self.w.max_days_ahead)
        self.effects.append(Escalate("no_availability", f"{self.s.flow}: nothing free for the wish"))

    # ---- the waitlist ------------------------------------------------------------------------

    def waitlist_days(self) -> tuple[date, date]:
        """The local days a waitlist entry for the wish covers: the wished days, or the next
        WAITLIST_DAYS; never past the booking horizon."""
        when = self.s.when or When()
        today = self.w.now.date()
        horizon = today + timedelta(days=self.w.max_days_ahead)
        first = max(when.day_from or today, today)
        last = when.day_to or first + timedelta(days=WAITLIST_DAYS - 1)
        return first, max(min(last, horizon), first)

    def join_waitlist(self) -> None:
        if self.s.patient_id is None:
            known = self.w.known_patient
            if known and not self.s.name and not self.s.for_someone:
                self.set(patient_id=known[0], patient_name=known[1])
            else:
                self.flow.identify(self)
                return
        when = self.s.when or When()
        first, last = self.waitlist_days()
        self.effects.append(
            JoinWaitlist(
                patient_id=self.s.patient_id,
                type_code=self.s.type_code,
                practitioner_ids=self.s.who,
                specialty=self.s.specialty,
                day_from=first,
                day_to=last,
                window=when.window,
            )
        )

    def on_waitlist_joined(self, joined: WaitlistJoined) -> None:
        self.set(waitlist=False)
        self.to_preferences()
        self.go(State.COMPLETE, "waitlist_joined")
        self.say("waitlist_joined", wish=self.wish(days=(joined.day_from, joined.day_to)))

    def wish(self, *, days: tuple[date, date] | None = None) -> Say:
        """The wish restated: kind, who, days and hours ("a follow-up with Dra. Ana, Mon 14
        Dec to Fri 18 Dec, between 14:00 and 18:00")."""
        first, last = days or self.waitlist_days()
        zone = self.w.now.tzinfo
        start, end = (datetime.combine(d, time(12), tzinfo=zone) for d in (first, last))
        if len(self.s.who) == 1:
            who: Say | str = self.practitioner(self.s.who[0])
        elif self.s.specialty:
            who = say("waitlist_any_of", specialty=self.s.specialty)
        else:
            who = say("waitlist_anyone")
        span = (
            say("waitlist_day", day=start) if first == last else say("waitlist_days", first=start, last=end)
        )
        window = (self.s.when.window if self.s.when else None) or None
        hours = say("waitlist_hours", start=f"{window[0]:%H:%M}", end=f"{window[1]:%H:%M}") if window else ""
        return say("waitlist_wish", type=self.type_name(self.s.type_code), who=who, days=span, hours=hours)

    def on_hold(self, placed: HoldPlaced) -> None:
        self.set(hold_id=placed.hold_id, chosen=placed.slot)
        self.to(State.CONFIRM)
        self.flow.confirmation(self, placed.slot)

    def on_change_failed(self, failed: ChangeFailed) -> None:
        if failed.reason == "late":
            self.late()
            return
        if failed.reason == "invalid":
            self.escalate("not_understood")
            return
        if failed.reason == "upcoming_limit":
            # The clinic's cap on upcoming bot bookings: say why, and let staff decide.
            self.release_hold()
            self.go(State.ESCALATED, "upcoming_limit")
            self.say("upcoming_limit")
            self.effects.append(
                Escalate("upcoming_limit", f"{self.s.flow}: upcoming appointments at the cap")
            )
            return
        self.set(hold_id=None, offset=0)
        self.search(reason="slot_taken", intro="slot_gone")

    def late(self) -> None:
        self.release_hold()
        self.go(State.ESCALATED, "late_change")
        self.say("late_change", hours=self.w.cancellation_notice_hours)
        self.effects.append(Escalate("late_cancellation", f"{self.s.flow} inside the notice period"))

    # ---- failure paths -------------------------------------------------------------------

    def escalate(self, reason: str) -> None:
        self.release_hold()
        self.go(State.ESCALATED, reason)
        self.say("handoff")
        self.effects.append(Escalate(reason, f"during {self.s.flow} at {self.s.state}"))

    def misunderstood(self) -> None:
        count = self.s.misunderstood + 1
        self.set(misunderstood=count)
        if count >= MAX_MISUNDERSTOOD:
            self.escalate("not_understood")
            return
        self.reask()

    def reask(self) -> None:
        self.say(REASK.get(self.s.asked, "not_understood") if self.s.asked else "not_understood")

    # ---- what the clinic calls things ----------------------------------------------------

    def offered_types(self) -> list[str]:
        """The types the practitioners wished for (by name or specialty) offer; empty when
        none is wished for."""
        if not (self.s.who or self.s.specialty):
            return []
        who = set(self.s.who)
        offered: list[str] = []
        for practitioner in self.w.practitioners.values():
            if who and practitioner.id not in who:
                continue
            if self.s.specialty and self.s.specialty not in practitioner.specialties:
                continue
            offered += [c for c in practitioner.type_codes if c not in offered]
        return offered

    def type_choices(self) -> list[str]:
        offered = self.offered_types() or [
            c for practitioner in self.w.practitioners.values() for c in practitioner.type_codes
        ]
        allowed = [
            c for c in self.w.types if self.w.returning_patient or c not in self.w.returning_only_types
        ]
        return [c for c in allowed if c in offered] or allowed

    def type_name(self, code: str | None) -> str:
        names = self.w.types.get(code or "", {})
        return names.get(self.w.language) or names.get("en") or (code or "")

    def practitioner(self, practitioner_id: int) -> str:
        view = self.w.practitioners.get(practitioner_id)
        return view.name if view else ""

    def summary(self, start: datetime, practitioner_id: int, location_id: int, type_code: str | None) -> Say:
        return say(
            "summary",
            type=self.type_name(type_code),
            practitioner=self.practitioner(practitioner_id),
            when=start.astimezone(self.w.now.tzinfo),
            location=self.w.locations.get(location_id, ""),
        )

    def slot_summary(self, slot: Slot) -> Say:
        return self.summary(slot.start, slot.practitioner_id, slot.location_id, self.s.type_code)

    def summary_line(self, start: datetime, practitioner_id: int) -> Say:
        return say(
            "summary_line",
            when=start.astimezone(self.w.now.tzinfo),
            practitioner=self.practitioner(practitioner_id),
        )
