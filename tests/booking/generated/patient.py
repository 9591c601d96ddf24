"""A generated patient: answers whatever the bot is waiting for, from its goal, in its own
words (speech.py), with its quirks: piecemeal or run-on answers, no verb, typos, a day or a
name said wrong and corrected on the next message."""

from __future__ import annotations

import random
from datetime import date

from booking import machine
from conversations.understanding.text import fold
from tests.booking.generated import speech as sp
from tests.booking.generated.clinics import MemoryClinic
from tests.booking.generated.goals import Goal
from tests.booking.generated.speech import Bit


def specialty_key(label: str) -> str:
    first = fold(label).split()[0]
    return {"general": "general", "clinica": "general", "medicina": "general"}.get(first, first)


def type_kind(clinic: MemoryClinic, code: str) -> str:
    if code in clinic.returning_only:
        return "follow_up"
    return "new" if code in ("new", "first") else "checkup"


class Patient:
    def __init__(self, goal: Goal, clinic: MemoryClinic, today: date, rng: random.Random) -> None:
        self.g = goal
        self.clinic = clinic
        self.today = today
        self.rng = rng
        self.language = goal.language
        self.told: set[str] = {"bound"} if goal.bound.kind == "none" else set()
        self.said_day = None  # the Day the patient has asked for so far
        self.fix_day = False
        self.fix_name = False
        self.name_fixed = not goal.wrong_last
        self.rejections = 0
        self.asked_type = False  # the bot asked which kind of visit

    # ---- fragments ----------------------------------------------------------------------

    def who(self) -> list[Bit]:
        self.told.add("who")
        g = self.g
        if g.practitioner_id is not None:
            p = self.clinic.practitioners[g.practitioner_id]
            return sp.practitioner_bits(self.rng, self.language, p.name, p.aliases)
        assert g.specialty is not None
        return sp.specialty_bits(self.rng, self.language, specialty_key(g.specialty))

    def with_who(self) -> list[Bit]:
        who = self.who()
        if self.g.practitioner_id is not None:
            return [Bit(self.rng.choice(sp.WITH[self.language])), *who]
        return who

    def kind(self, code: str | None = None) -> list[Bit]:
        self.told.add("type")
        return sp.type_bits(self.rng, self.language, type_kind(self.clinic, code or self.g.type_code))

    def day(self) -> list[Bit]:
        self.told.add("day")
        if self.g.wrong_day is not None and not self.fix_day and self.said_day is None:
            self.said_day = self.g.wrong_day
            self.fix_day = True
            return sp.day_bits(self.rng, self.language, self.g.wrong_day, self.today)
        if self.said_day is None:
            self.said_day = self.g.day
        return sp.day_bits(self.rng, self.language, self.said_day, self.today)

    def bound(self) -> list[Bit]:
        self.told.add("bound")
        return sp.bound_bits(self.rng, self.language, self.g.bound)

    def name(self) -> list[Bit]:
        self.told.add("name")
        if not self.name_fixed and not self.fix_name:
            self.fix_name = True
            return sp.name_bits(self.rng, self.language, self.g.person, last=self.g.wrong_last)
        return sp.name_bits(self.rng, self.language, self.g.person)

    def dob(self) -> list[Bit]:
        self.told.add("dob")
        return sp.dob_bits(self.rng, self.language, self.g.person)

    def say(self, parts: list[Bit]) -> str:
        quirks = self.g.quirks
        typos = self.rng.choice([1, 1, 2]) if "typos" in quirks and self.rng.random() < 0.7 else 0
        return sp.render(self.rng, parts, typos=typos, accentless="accentless" in quirks)

    @staticmethod
    def joined(groups: list[list[Bit]], rng: random.Random) -> list[Bit]:
        out: list[Bit] = []
        for i, group in enumerate(g for g in groups if g):
            if i and rng.random() < 0.45:
                out.append(Bit(",", typo=False))
            out.extend(group)
        return out

    # ---- messages -----------------------------------------------------------------------

    def opening(self, *, again: bool = False) -> str:
        q, rng, lang = self.g.quirks, self.rng, self.language
        unknown = not self.g.returning
        greet = [Bit(rng.choice(sp.GREETINGS[lang]))] if rng.random() < 0.4 else []
        if "bare" in q and not again:
            return self.say([*greet, *sp.choice_bits(rng, sp.BARE, lang)])
        if "noverb" in q and not again:
            groups = [self.who(), self.kind() if rng.random() < 0.4 else [], self.day(), self.bound()]
            if rng.random() < 0.5:
                groups[0], groups[2] = groups[2], groups[0]
            return self.say(self.joined(groups, rng))
        verb = [Bit(rng.choice(sp.VERBS[lang]))]
        if "runon" in q:
            kind = [Bit(rng.choice(sp.FOR_TYPE[lang])), *self.kind()]
            groups = [greet, verb, kind, self.with_who(), self.day(), self.bound()]
            if unknown and rng.random() < 0.6:
                groups += [self.name(), self.dob()]
            return self.say(self.joined(groups, rng))
        groups = [greet, verb]
        if again or "piecemeal" not in q:
            if rng.random() < 0.4:
                groups.append([Bit(rng.choice(sp.FOR_TYPE[lang])), *self.kind()])
            if rng.random() < 0.75:
                groups.append(self.with_who())
            if rng.random() < 0.6:
                groups += [self.day(), self.bound() if rng.random() < 0.7 else []]
        elif rng.random() < 0.7:
            groups.append(self.with_who())
        return self.say(self.joined(groups, rng))

    def answer(self, session: machine.Session | None, replies: list[machine.Reply]) -> str:
        """The next message, given what the bot is waiting for."""
        rng, lang = self.rng, self.language
        if self.fix_day and self.said_day is not self.g.day:
            self.said_day = self.g.day
            return self.say(sp.day_fix_bits(rng, lang, sp.day_bits(rng, lang, self.g.day, self.today)))
        if self.fix_name and not self.name_fixed:
            self.name_fixed = True
            return self.say(sp.name_fix_bits(rng, lang, self.g.person))
        asked = session.asked if session is not None and session.state in machine.ACTIVE else None
        if asked is None:
            return self.opening(again=True)
        piecemeal = "piecemeal" in self.g.quirks
        if asked == machine.Asked.NAME:
            parts = self.name()
            if not piecemeal and rng.random() < 0.35:
                parts = self.joined([parts, self.dob()], rng)
            return self.say(parts)
        if asked == machine.Asked.DATE_OF_BIRTH:
            return self.say(self.dob())
        if asked == machine.Asked.TYPE:
            return self.say(self.type_answer(session))
        if asked == machine.Asked.WHEN:
            parts = self.day()
            if not piecemeal or "bound" in self.told or rng.random() < 0.3:
                parts = self.joined(
                    [parts, self.bound()] if rng.random() < 0.7 else [self.bound(), parts], rng
                )
            if "who" not in self.told and rng.random() < 0.5:
                parts = self.joined([parts, self.with_who()], rng)
            return self.say(parts)
        if asked == machine.Asked.OPTION:
            return self.say(self.option_answer(session))
        if asked == machine.Asked.CONFIRM:
            return self.say(self.confirm_answer(session))
        return self.opening(again=True)

    def type_answer(self, session: machine.Session) -> list[Bit]:
        self.asked_type = True
        choices = list(session.type_choices)
        wanted = self.g.type_code if self.g.type_code in choices else self.g.fallback_type
        lead: list[Bit] = []
        if wanted != self.g.type_code:
            lead = [Bit(self.rng.choice(sp.TYPE_INSTEAD[self.language]))]
        if wanted in choices and self.rng.random() < 0.4:
            self.told.add("type")
            return [*lead, Bit(str(choices.index(wanted) + 1), typo=False)]
        return [*lead, *self.kind(wanted)]

    def option_answer(self, session: machine.Session) -> list[Bit]:
        rng, lang, g = self.rng, self.language, self.g
        fits = [i for i, s in enumerate(session.offered, start=1) if g.accepts(s.start, s.practitioner_id)]
        if fits:
            index = fits[0]
            chosen = session.offered[index - 1].start
            # A weekday with the time says which only when no other offered time shares both.
            alike = [
                s
                for s in session.offered
                if (s.start.weekday(), s.start.time()) == (chosen.weekday(), chosen.time())
            ]
            weekday = sp.WEEKDAYS[lang][chosen.weekday()] if len(alike) == 1 else None
            return sp.pick_bits(rng, lang, index, chosen.time(), weekday=weekday)
        missing = [f for f in ("who", "day", "bound") if f not in self.told]
        if missing:
            groups = {"who": self.with_who, "day": self.day, "bound": self.bound}
            return self.joined([groups[f]() for f in missing], rng)
        self.rejections += 1
        if self.rejections == 1 and rng.random() < 0.5:
            return sp.choice_bits(rng, sp.MORE, lang)
        restate = [self.day(), self.bound()]
        if rng.random() < 0.5:
            restate.insert(0, self.with_who())
        return self.joined(
            [sp.choice_bits(rng, sp.NONE_FIT, lang), sp.choice_bits(rng, sp.NEED, lang), *restate], rng
        )

    def confirm_answer(self, session: machine.Session) -> list[Bit]:
        rng, lang, g = self.rng, self.language, self.g
        chosen = session.chosen
        slot_ok = chosen is not None and g.accepts(chosen.start, chosen.practitioner_id)
        type_ok = session.type_code == g.type_code or (
            session.type_code == g.fallback_type and (self.asked_type or "type" not in self.told)
        )
        named = session.patient_name or session.name or ""
        name_ok = g.returning or fold(named) == fold(g.person.name)
        if slot_ok and type_ok and name_ok:
            return sp.choice_bits(rng, sp.YES, lang)
        no = sp.choice_bits(rng, sp.NO, lang)
        if not type_ok:
            return [*no, *self.kind()]
        if not slot_ok:
            return self.joined([no, self.day(), self.bound()], rng)
        return [*no, *sp.name_fix_bits(rng, lang, g.person)]
