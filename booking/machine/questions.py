"""One handler per question the bot can have asked. Each returns True when the message
answers it (and acts on the answer), False when it does not, so the caller can treat the
message as a repair or as not understood."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from booking.machine.messages import PAGE, CreatePatient, Signal
from booking.machine.session import Asked, Flow, Slot, When

if TYPE_CHECKING:
    from booking.machine.core import Machine


def answer(m: Machine, sig: Signal) -> bool:
    """Answer the pending question; False when the message does not answer it."""
    handler = HANDLERS.get(m.s.asked) if m.s.asked else None
    return handler(m, sig) if handler else False


def _name(m: Machine, sig: Signal) -> bool:
    if not sig.full_name or sig.day_from or sig.window or sig.option:
        return False
    m.set(name=sig.full_name)
    if sig.date_of_birth and sig.date_of_birth < m.w.now.date():
        # "Joaquín Sánchez, nací el 14/10/81": both answers in one message.
        m.set(date_of_birth=sig.date_of_birth)
        m.effects.append(CreatePatient(sig.full_name, sig.date_of_birth))
        return True
    m.ask(Asked.DATE_OF_BIRTH, "ask_dob", name=sig.full_name.split()[0])
    return True


def _date_of_birth(m: Machine, sig: Signal) -> bool:
    if sig.full_name and not sig.date_of_birth and sig.full_name != m.s.name:
        # "Sorry, typo: John Park" corrects the name just given; say so, ask the date again.
        m.set(name=sig.full_name)
        m.say("name_updated", name=sig.full_name)
        m.ask(Asked.DATE_OF_BIRTH, "ask_dob", name=sig.full_name.split()[0])
        return True
    if sig.date_of_birth and sig.date_of_birth < m.w.now.date():
        m.set(date_of_birth=sig.date_of_birth)
        m.effects.append(CreatePatient(m.s.name or "", sig.date_of_birth))
        return True
    m.say("dob_invalid")
    return True


def _type(m: Machine, sig: Signal) -> bool:
    codes = m.s.type_choices
    if sig.button.startswith("type:") and sig.button[5:] in codes:
        m.set(type_code=sig.button[5:])
    elif sig.type_code in codes:
        # "control de niño sano, el del primer año": the kind named wins over an ordinal in it.
        m.set(type_code=sig.type_code)
    elif sig.option and 1 <= sig.option <= len(codes):
        m.set(type_code=codes[sig.option - 1])
    else:
        return False
    m.advance()
    return True


def _when(m: Machine, sig: Signal) -> bool:
    if "any" in sig.commands or sig.day_from or sig.window:
        m.advance()
        return True
    return False


def _pick(m: Machine, sig: Signal) -> bool:
    targets = m.s.targets
    button = sig.button[5:] if sig.button.startswith("appt:") else ""
    if button.isdigit() and int(button) in targets:
        m.flow.target(m, int(button))
        return True
    if sig.option and 1 <= sig.option <= len(targets):
        m.flow.target(m, targets[sig.option - 1])
        return True
    return False


def _option(m: Machine, sig: Signal) -> bool:
    """Which of the offered times: a button, a number, "more", or a time said aloud."""
    offered = m.s.offered
    chosen = None
    if sig.button.startswith("slot:") and sig.button[5:].isdigit():
        index = int(sig.button[5:])
        chosen = offered[index - 1] if 1 <= index <= len(offered) else None
    elif sig.option and 1 <= sig.option <= len(offered):
        chosen = offered[sig.option - 1]
    elif sig.option == len(offered) + 1 and "more" not in sig.commands:
        m.set(offset=m.s.offset + PAGE)
        m.search(reason="more_options")
        return True
    elif sig.option_time:
        matches = [s for s in offered if s.start.time().replace(second=0) == sig.option_time]
        chosen = matches[0] if len(matches) == 1 else None
        if not matches and offered:
            # A time that was not offered: look around it on the day being offered.
            at = datetime.combine(offered[0].start.date(), sig.option_time, tzinfo=offered[0].start.tzinfo)
            until = min(at + timedelta(hours=1), at.replace(hour=23, minute=59))
            m.set(when=When(at.date(), at.date(), (at.time(), until.time()), at), offset=0)
            m.release_hold()
            m.search()
            return True
    if chosen is None:
        return False
    take(m, chosen)
    return True


def offered_named(m: Machine, sig: Signal) -> Slot | None:
    """The one offered time a message names by its clock time, and by its day when it names
    one: "13:00 works", "ok monday at 09:00", "1:30 is fine" (13:30). None otherwise."""
    matches = _offered_matching(m, sig)
    return matches[0] if len(matches) == 1 else None


def offered_several(m: Machine, sig: Signal) -> tuple[Slot, ...]:
    """The offered slots sharing the time the message names, when more than one does (on
    different days, or with different practitioners); else nothing."""
    matches = _offered_matching(m, sig)
    return tuple(matches) if len(matches) > 1 else ()


def _offered_matching(m: Machine, sig: Signal) -> list[Slot]:
    if not m.s.offered or sig.option or sig.button:
        return []
    said = sig.option_time
    if said is None and sig.prefer is not None and sig.window and _is_point(sig.window, sig.prefer.time()):
        said = sig.prefer.time()
    if said is None:
        return []
    said = said.replace(second=0, microsecond=0)
    other_half = said.replace(hour=(said.hour + 12) % 24)
    matches = [
        s for s in m.s.offered if s.start.time().replace(second=0, microsecond=0) in (said, other_half)
    ]
    if sig.day_named and sig.day_from:
        # "Lunes 18:00" said on a Monday over today's and next Monday's 18:00: today's, while it
        # is offered (a weekday said that day means today while still possible).
        matches = (
            [s for s in matches if s.start.date() == sig.day_from]
            or [s for s in matches if s.start.date() == sig.week_on]
            or [s for s in matches if sig.weekday_said and _same_weekday(m, s.start.date(), sig.day_from)]
        )
    return matches


def _same_weekday(m: Machine, offered: date, said: date) -> bool:
    """ "Tuesday at 14:00" said on a Monday over a list of next week's (or a later) Tuesday:
    the weekday names the offered day, as read from the list (alone it is the coming one)."""
    return offered.weekday() == said.weekday() and said - m.w.now.date() <= timedelta(days=7)


def _is_point(window: tuple[time, time], at: time) -> bool:
    """The hour around a time said alone ("at 10"), as opposed to a range ("after 10")."""
    start, end = (datetime.combine(date.min, t) for t in window)
    return window[0] == at and (end - start == timedelta(hours=1) or window[1] == time(23, 59))


def take(m: Machine, chosen: Slot) -> None:
    """The patient chose one of the offered times."""
    m.set(chosen=chosen)
    if m.s.flow == Flow.BOOK and not m.s.type_code:
        # An availability answer showed times before the kind of visit was known: ask it now,
        # for what the chosen practitioner offers, then take the pick.
        practitioner = m.w.practitioners.get(chosen.practitioner_id)
        offers = practitioner.type_codes if practitioner else ()
        choices = [c for c in m.type_choices() if c in offers] or m.type_choices()
        if len(choices) > 1 or m.s.type_refused:
            m.set(pick_waiting=True)
            m.ask_type(choices)
            return
        m.set(type_code=choices[0])
    m.flow.pick(m, chosen)


def _confirm(m: Machine, sig: Signal) -> bool:
    if sig.yes_no is not None:
        yes = sig.yes_no
    elif sig.intent in ("affirm", "deny"):
        yes = sig.intent == "affirm"
    elif sig.option in (1, 2):  # the numbered Yes / No options
        yes = sig.option == 1
    else:
        return False
    if yes:
        m.flow.confirmed(m)
    else:
        m.flow.declined(m)
    return True


def _waitlist(m: Machine, sig: Signal) -> bool:
    """Nothing was free: join the waitlist for the wish (yes), or hand over as before (no)."""
    if sig.yes_no is not None:
        yes = sig.yes_no
    elif sig.intent in ("affirm", "deny"):
        yes = sig.intent == "affirm"
    elif sig.option in (1, 2):
        yes = sig.option == 1
    else:
        return False
    if yes:
        m.set(waitlist=True)
        m.advance()
    else:
        m.no_availability()
    return True


HANDLERS: dict[Asked, Callable[[Machine, Signal], bool]] = {
    Asked.NAME: _name,
    Asked.DATE_OF_BIRTH: _date_of_birth,
    Asked.TYPE: _type,
    Asked.WHEN: _when,
    Asked.PICK: _pick,
    Asked.OPTION: _option,
    Asked.CONFIRM: _confirm,
    Asked.WAITLIST: _waitlist,
}
