"""What a generated patient wants, drawn so the clinic can give it: who (a practitioner or a
specialty), the kind of visit, a day, a time bound, who the patient is, and the quirks of
how they will say it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from tests.booking.generated.clinics import MemoryClinic

LANGUAGES = ("en", "es", "pt-BR")
# What each kind of time bound accepts, on the slot's local start time.
PERIODS = {"morning": (time(6), time(12)), "afternoon": (time(12), time(18)), "evening": (time(18), time(22))}


@dataclass(frozen=True)
class Bound:
    kind: str  # morning / afternoon / evening / after / from / before / no_later / none
    hour: int = 0

    def accepts(self, start: time) -> bool:
        if self.kind in PERIODS:
            low, high = PERIODS[self.kind]
            return low <= start < high
        if self.kind in ("after", "from"):
            return start >= time(self.hour)
        if self.kind == "before":
            return start < time(self.hour)
        if self.kind == "no_later":
            return start <= time(self.hour)
        return True


@dataclass(frozen=True)
class Day:
    kind: str  # today / tomorrow / weekday / next_week_weekday / date / next_week / any
    dates: frozenset[date]  # the days a booking may fall on
    target: date | None = None  # the one day meant (None: any of `dates`)
    span: frozenset[date] = frozenset()  # every day the words name ("next week": all seven)

    @property
    def named(self) -> frozenset[date]:
        return self.span or self.dates


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    date_of_birth: date
    relation: str = ""  # "", "son", "daughter"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Goal:
    language: str
    practitioner_ids: frozenset[int]  # whoever of these is as wished
    practitioner_id: int | None  # named by the patient (else a specialty)
    specialty: str | None
    type_code: str
    fallback_type: str | None  # the type a new patient accepts when theirs cannot apply
    day: Day
    bound: Bound
    person: Person
    returning: bool  # a known number with past visits
    quirks: frozenset[str] = field(default_factory=frozenset)
    wrong_day: Day | None = None  # said first, then corrected ("no, I meant Thursday")
    wrong_last: str = ""  # a misspelt surname given first, corrected later

    def accepts_type(self, code: str | None) -> bool:
        return code == self.type_code or (code is not None and code == self.fallback_type)

    def accepts(self, start: datetime, practitioner_id: int) -> bool:
        return (
            practitioner_id in self.practitioner_ids
            and start.date() in self.day.dates
            and self.bound.accepts(start.time())
        )


FIRST = {
    "en": ["Emily", "James", "Olivia", "Michael", "Grace", "Daniel", "Hannah", "Ryan", "Chloe", "Aaron"],
    "es": ["Martina", "Lucas", "Valentina", "Mateo", "Camila", "Joaquín", "Lucía", "Tomás", "Paula", "Iñaki"],
    "pt-BR": [
        "Fernanda",
        "João",
        "Larissa",
        "Thiago",
        "Beatriz",
        "Gustavo",
        "Ana Clara",
        "Rafaela",
        "Caio",
        "Luíza",
    ],
}
LAST = {
    "en": ["Carter", "O'Brien", "Nguyen", "Patel", "Whitaker", "Kim", "Morrison", "Baker", "Lee Hart"],
    "es": ["Gómez", "Fernández Ruiz", "Ibáñez", "Martínez", "de la Cruz", "Sánchez", "Peña", "Quiroga"],
    "pt-BR": [
        "Lima Barros",
        "Gonçalves",
        "Oliveira",
        "Araújo",
        "Nascimento",
        "da Silva",
        "Pereira",
        "Conceição",
    ],
}
QUIRKS = ("typos", "piecemeal", "runon", "noverb", "bare", "day_fix", "name_fix", "accentless", "for_child")


def _dob(rng: random.Random, today: date, *, child: bool) -> date:
    years = rng.randint(2, 15) if child else rng.randint(19, 80)
    return date(today.year - years, rng.randint(1, 12), rng.randint(1, 28))


def _day(rng: random.Random, clinic: MemoryClinic, today: date, practitioner_days: set[int]) -> Day | None:
    """A day the practitioner works, said the way the patient will say it."""
    kinds = ["today", "tomorrow", "weekday", "weekday", "next_week_weekday", "date", "date", "next_week"]
    kind = rng.choice(kinds)
    if kind == "today":
        target = today
    elif kind == "tomorrow":
        target = today + timedelta(days=1)
    elif kind == "weekday":
        target = today + timedelta(days=rng.randint(2, 6))
    elif kind == "next_week_weekday":
        monday = today + timedelta(days=7 - today.weekday())
        target = monday + timedelta(days=rng.randint(0, 5))
    elif kind == "next_week":
        monday = today + timedelta(days=7 - today.weekday())
        week = frozenset(monday + timedelta(days=i) for i in range(7))
        return Day(kind, frozenset(d for d in week if d.weekday() in practitioner_days), None, week)
    else:
        target = today + timedelta(days=rng.randint(3, 30))
    if target.weekday() not in practitioner_days:
        return None
    return Day(kind, frozenset({target}), target)


def _bound(rng: random.Random, starts: list[time], duration: timedelta) -> Bound:
    """A bound the free starts of that day can meet."""
    start = rng.choice(starts)
    kind = rng.choice(
        ["morning", "afternoon", "evening", "after", "from", "before", "no_later", "none", "period"]
    )
    if kind == "period":
        kind = "morning" if start < time(12) else "afternoon" if start < time(18) else "evening"
    if kind in PERIODS:
        bound = Bound(kind)
    elif kind in ("after", "from"):
        hour = start.hour if kind == "from" or start.minute else max(start.hour - 1, 0)
        bound = Bound(kind, hour)
    elif kind in ("before", "no_later"):
        # Early enough that the visit also ends by then: "before 11" read either way.
        ends = (datetime.combine(date.min, start) + duration).time()
        bound = Bound(kind, ends.hour + (1 if ends.minute else 0))
    else:
        bound = Bound("none")
    # Hours that read as either half of the day (7, 8) are said with am/pm by the speech.
    return bound if bound.accepts(start) else Bound("none")


def goal_draw(rng: random.Random, clinic: MemoryClinic, now: datetime) -> Goal | None:
    """A goal the clinic can meet at `now`, or None (the caller draws again)."""
    language = rng.choice(LANGUAGES)
    today = now.astimezone(clinic.zone).date()
    practitioner = rng.choice(list(clinic.practitioners.values()))
    returning = rng.random() < 0.3
    allowed_types = [t for t in practitioner.type_codes if returning or t not in clinic.returning_only]
    wished = rng.choice(practitioner.type_codes)
    fallback = None
    if wished not in allowed_types:
        fallback = rng.choice(allowed_types)
    booked_type = fallback or wished
    by_specialty = rng.random() < 0.35 and bool(practitioner.specialties)
    specialty = practitioner.specialties[0] if by_specialty else None
    candidates = (
        clinic.offering(type_code=booked_type, specialty=specialty) if by_specialty else [practitioner]
    )
    ids = frozenset(p.id for p in candidates)
    days = {r.weekday for p in candidates for r in p.weekly}
    day = _day(rng, clinic, today, days)
    if day is None:
        return None
    free = [
        s
        for d in sorted(day.dates)
        for s in clinic.slots(now=now, type_code=booked_type, ids=tuple(ids), day_from=d, day_to=d)
    ]
    if not free:
        return None
    starts = [s.start.astimezone(clinic.zone).time() for s in free]
    bound = _bound(rng, starts, clinic.durations[booked_type])
    quirks = {q for q in QUIRKS if rng.random() < 0.22}
    child = "for_child" in quirks and not returning
    quirks.discard("for_child")
    person = Person(
        rng.choice(FIRST[language]),
        rng.choice(LAST[language]),
        _dob(rng, today, child=child),
        rng.choice(["son", "daughter"]) if child else "",
    )
    wrong_day = None
    if "day_fix" in quirks:
        other = _day(rng, clinic, today, set(range(7)))
        if other is not None and other.kind not in ("next_week", day.kind) and not (other.dates & day.dates):
            wrong_day = other
        else:
            quirks.discard("day_fix")
    wrong_last = ""
    if "name_fix" in quirks and not returning:
        wrong_last = _misspelt(rng, person.last)
    else:
        quirks.discard("name_fix")
    return Goal(
        language=language,
        practitioner_ids=ids,
        practitioner_id=None if by_specialty else practitioner.id,
        specialty=specialty,
        type_code=wished,
        fallback_type=fallback,
        day=day,
        bound=bound,
        person=person,
        returning=returning,
        quirks=frozenset(quirks),
        wrong_day=wrong_day,
        wrong_last=wrong_last,
    )


def _misspelt(rng: random.Random, last: str) -> str:
    """A surname with one letter changed, the kind of slip people correct at once."""
    letters = [i for i, c in enumerate(last) if c.isalpha()]
    i = rng.choice(letters[1:] or letters)
    replacement = rng.choice([c for c in "aeioulnrst" if c != last[i].lower()])
    return last[:i] + replacement + last[i + 1 :]
