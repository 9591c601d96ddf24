"""Clinics for generated patients, kept in memory: the directory understanding reads, the
world the booking machine decides on, and a calendar searched with the same pure functions
the built-in scheduling service uses (scheduling.availability)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from booking import machine
from booking.services import hours_bound, slots_page
from conversations.understanding import AppointmentTypeRef, ClinicDirectory, PractitionerRef
from conversations.understanding.languages import SPELLINGS
from scheduling import availability
from scheduling.clinic_file import ClinicSpec, clinic_file_read

EXAMPLE = Path(__file__).resolve().parents[3] / "clinic.example.yaml"

# A second clinic nobody tuned the rules on, in a zone that changes its clocks.
MADRID = """
clinic:
  name: Centro Médico Almudena
  time_zone: Europe/Madrid
  languages: [es, en, pt]
  default_language: es
  policies: {min_notice_minutes: 60, max_days_ahead: 45, slot_minutes: 15}
locations:
  - {code: sol, name: Sol, address: "Calle Mayor 12, Madrid"}
appointment_types:
  - code: first
    names: {es: Primera visita, en: First visit, pt: Primeira consulta}
    duration_minutes: 30
  - code: review
    names: {es: Revisión, en: Follow-up appointment, pt: Consulta de retorno}
    duration_minutes: 15
    new_patients: false
  - code: annual
    names: {es: Reconocimiento anual, en: Yearly check-up, pt: Check-up anual}
    duration_minutes: 45
practitioners:
  - code: ruiz
    name: Dr. Martín Ruiz
    aliases: [Martín Ruiz, Doctor Ruiz]
    specialties: [cardiology, cardiología, cardiologia]
    locations: [sol]
    appointment_types: [first, review]
    hours: {mon: ["09:00-14:00", "16:00-20:30"], wed: ["16:00-20:30"], thu: ["09:00-14:00"]}
  - code: oliveira
    name: Dra. Beatriz Oliveira
    aliases: [Beatriz Oliveira, Beatriz]
    specialties: [dermatology, dermatología, dermatologia]
    locations: [sol]
    appointment_types: [first, review]
    hours: {tue: ["08:30-13:30", "15:00-19:00"], fri: ["08:30-14:00"], sat: ["10:00-13:00"]}
  - code: okafor
    name: Dr. Samuel Okafor
    aliases: [Samuel Okafor, Samuel]
    specialties: [general practice, medicina general, clínica geral]
    locations: [sol]
    appointment_types: [first, review, annual]
    hours:
      mon: ["08:00-15:00"]
      tue: ["12:00-20:00"]
      wed: ["08:00-15:00"]
      thu: ["12:00-20:00"]
      fri: ["08:00-15:00"]
  - code: vidal
    name: Dra. Carmen Vidal
    aliases: [Carmen Vidal, Carmen]
    specialties: [pediatrics, pediatría, pediatria]
    locations: [sol]
    appointment_types: [first, review, annual]
    hours: {mon: ["15:00-19:00"], wed: ["09:00-13:00"], fri: ["15:00-19:00"], sat: ["09:00-12:00"]}
time_off:
  - {from: 2026-12-08, to: 2026-12-08, reason: Inmaculada}
"""


@dataclass(frozen=True)
class Practitioner:
    id: int
    name: str
    aliases: tuple[str, ...]
    specialties: tuple[str, ...]
    type_codes: tuple[str, ...]
    weekly: tuple[availability.WeeklyRange, ...]
    off: tuple[availability.Interval, ...]


@dataclass
class MemoryClinic:
    """One clinic's records and calendar; appointments booked in a run make time busy."""

    name: str
    zone: ZoneInfo
    default_language: str
    practitioners: dict[int, Practitioner]
    types: dict[str, dict[str, str]]
    durations: dict[str, timedelta]
    returning_only: frozenset[str]
    locations: dict[int, str]
    rules: availability.Rules
    booked: list[availability.Interval] = field(default_factory=list)

    @classmethod
    def from_spec(cls, spec: ClinicSpec, *, zone: str | None = None) -> MemoryClinic:
        zone_info = ZoneInfo(zone or spec.time_zone)
        location_ids = {loc.code: i for i, loc in enumerate(spec.locations, start=1)}
        policies = spec.policies
        closed = [_interval(off.start, off.end, zone_info) for off in spec.time_off]
        practitioners = {}
        for number, p in enumerate((p for p in spec.practitioners if p.active), start=1):
            weekly = tuple(
                availability.WeeklyRange(h.weekday, h.start, h.end, location_ids[h.location]) for h in p.hours
            )
            off = tuple(closed + [_interval(o.start, o.end, zone_info) for o in p.time_off])
            practitioners[number] = Practitioner(
                number,
                p.name,
                tuple(p.aliases),
                tuple(p.specialties),
                tuple(p.appointment_types),
                weekly,
                off,
            )
        return cls(
            name=spec.name,
            zone=zone_info,
            default_language=spec.default_language,
            practitioners=practitioners,
            types={t.code: dict(t.names) for t in spec.appointment_types},
            durations={t.code: timedelta(minutes=t.duration_minutes) for t in spec.appointment_types},
            returning_only=frozenset(t.code for t in spec.appointment_types if not t.new_patients),
            locations={
                i: f"{loc.name}, {loc.address}".strip(", ")
                for loc in spec.locations
                for i in [location_ids[loc.code]]
            },
            rules=availability.Rules(
                min_notice=timedelta(minutes=policies.get("min_notice_minutes", 120)),
                max_days_ahead=policies.get("max_days_ahead", 60),
                slot_step=timedelta(minutes=policies.get("slot_minutes", 15)),
                buffer=timedelta(minutes=policies.get("buffer_minutes", 0)),
            ),
        )

    def fresh(self) -> MemoryClinic:
        return replace(self, booked=[])

    # ---- what understanding and the machine see ------------------------------------------

    def directory(self) -> ClinicDirectory:
        return ClinicDirectory(
            practitioners=[
                PractitionerRef(p.id, p.name, list(p.aliases), list(p.specialties))
                for p in self.practitioners.values()
            ],
            appointment_types=[AppointmentTypeRef(code, dict(names)) for code, names in self.types.items()],
            time_zone=str(self.zone),
            default_language=self.default_language,
            name=self.name,
        )

    def world(
        self, *, now: datetime, language: str, known: tuple[int, str] | None, returning: bool
    ) -> machine.World:
        return machine.World(
            now=now.astimezone(self.zone),
            language=language,
            clinic_name=self.name,
            practitioners={
                p.id: machine.PractitionerView(p.id, p.name, p.type_codes, p.specialties)
                for p in self.practitioners.values()
            },
            types=self.types,
            locations=self.locations,
            max_days_ahead=self.rules.max_days_ahead,
            known_patient=known,
            returning_patient=returning,
            returning_only_types=self.returning_only,
        )

    # ---- the calendar ----------------------------------------------------------------------

    def offering(self, *, type_code: str | None, ids: tuple[int, ...] = (), specialty: str | None = None):
        wanted = specialty.casefold() if specialty else None
        return [
            p
            for p in self.practitioners.values()
            if (not ids or p.id in ids)
            and (not type_code or type_code in p.type_codes)
            and (wanted is None or wanted in (s.casefold() for s in p.specialties))
        ]

    def slots(
        self,
        *,
        now: datetime,
        type_code: str | None,
        ids: tuple[int, ...] = (),
        specialty: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        window: tuple[time, time] | None = None,
        preference: availability.Preference | None = None,
        limit: int = 5,
    ) -> list[availability.Slot]:
        """Free slots as scheduling.services.slot_list_available finds them."""
        today = now.astimezone(self.zone).date()
        day_from = max(day_from or today, today)
        day_to = min(
            day_to or day_from + timedelta(days=self.rules.max_days_ahead),
            today + timedelta(days=self.rules.max_days_ahead),
        )
        if day_to < day_from:
            return []
        calendars = [
            availability.Calendar(p.id, p.weekly, (*p.off, *self.booked))
            for p in self.offering(type_code=type_code, ids=ids, specialty=specialty)
        ]
        if not calendars:
            return []
        common = dict(
            date_from=day_from,
            date_to=day_to,
            duration=self.durations.get(type_code or "", timedelta(minutes=30)),
            rules=self.rules,
            zone=self.zone,
            now=now.astimezone(UTC),
            window=availability.TimeWindow(*window) if window else None,
            spacing=timedelta(minutes=30),
        )
        if preference is None:
            return availability.slots_between(calendars, **common)
        return availability.best_slots(calendars, preference=preference, limit=limit, **common)

    def find(self, effect: machine.FindSlots, *, now: datetime) -> machine.SlotsFound:
        """booking.services._find on this calendar: the wish first, then the hours wished on
        any day, then any day and time, then colleagues of the same specialty, then anyone
        offering the type."""
        zone = self.zone
        window = effect.window
        prefer_day = effect.prefer.date() if effect.prefer else effect.day_from or now.astimezone(zone).date()
        preference = availability.Preference(
            day=prefer_day, window=availability.TimeWindow(*window) if window else None
        )
        wished = effect.prefer or datetime.combine(prefer_day, window[0] if window else time(9), tzinfo=zone)
        who = [i for i in effect.practitioner_ids if i in self.practitioners] or [None]
        specialty = effect.specialty
        if not specialty and who[0] is not None and self.practitioners[who[0]].specialties:
            specialty = self.practitioners[who[0]].specialties[0]
        attempts = [
            [
                (p, effect.day_from, effect.day_to, window, effect.specialty if p is None else None)
                for p in who
            ],
            [(p, None, None, window, effect.specialty if p is None else None) for p in who]
            if hours_bound(effect)
            else [],
            [(p, None, None, None, effect.specialty if p is None else None) for p in who],
            [(None, None, None, None, specialty)] if specialty else [],
            [(None, None, None, None, None)] if effect.practitioner_ids or effect.specialty else [],
        ]
        for number, attempt in enumerate(attempts):
            found = sorted(
                (
                    s
                    for p, lo, hi, win, spec in attempt
                    for s in self.slots(
                        now=now,
                        type_code=effect.type_code,
                        ids=(p,) if p else (),
                        specialty=spec,
                        day_from=lo,
                        day_to=hi,
                        window=win,
                        preference=preference,
                        limit=effect.offset + effect.count,
                    )
                ),
                key=lambda s: abs(s.start - wished),
            )
            page = slots_page(found, effect=effect, wished=wished, alternatives=number > 0)
            if page:
                return machine.SlotsFound(
                    tuple(
                        machine.Slot(
                            s.start.astimezone(zone), s.end.astimezone(zone), s.practitioner_id, s.location_id
                        )
                        for s in page
                    ),
                    alternatives=number > 0,
                )
        return machine.SlotsFound(())


def _interval(start, end, zone: ZoneInfo) -> availability.Interval:
    if not isinstance(start, datetime):
        start = datetime.combine(start, time(0), tzinfo=zone)
    if not isinstance(end, datetime):
        end = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone)
    return availability.Interval(start.astimezone(UTC), end.astimezone(UTC))


def demo_clinic(*, zone: str | None = None) -> MemoryClinic:
    return MemoryClinic.from_spec(
        clinic_file_read(EXAMPLE.read_text(encoding="utf-8"), languages=SPELLINGS), zone=zone
    )


def madrid_clinic(*, zone: str | None = None) -> MemoryClinic:
    return MemoryClinic.from_spec(clinic_file_read(MADRID, languages=SPELLINGS), zone=zone)
