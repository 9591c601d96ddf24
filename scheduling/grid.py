"""Reception's calendar as a grid: local days (one per practitioner, or one practitioner's
week) cut into the clinic's slot steps, each cell booked, held, time off, free or closed.

Free means what the bot's availability means: the same calendars (scheduling.selectors) and
the same check (availability.slot_problem), with reception's rules, so the notice period and
the slot grid bind the bot and not the desk. Read-only.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from django.db.models import Q

from scheduling import availability
from scheduling.availability import local_instant
from scheduling.models import (
    Appointment,
    AppointmentType,
    Clinic,
    Location,
    Practitioner,
    SlotHold,
    TimeOff,
)
from scheduling.selectors import calendar_list, practitioner_list, rules_for, weekly_hours_map


class CellState(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    TIME_OFF = "time_off"
    FREE = "free"
    PAST = "past"
    BLOCKED = "blocked"  # in working hours but not bookable (the clinic's buffer)
    CLOSED = "closed"


@dataclass(frozen=True)
class Column:
    practitioner: Practitioner
    day: date


@dataclass
class Cell:
    state: CellState
    start: datetime
    end: datetime
    column: Column
    rows: int = 1
    appointment: Appointment | None = None
    note: str = ""  # the time off's reason, or why a slot in working hours is not free

    @property
    def label(self) -> str:
        return {
            CellState.BOOKED: "Booked",
            CellState.HELD: "Held while a patient confirms",
            CellState.TIME_OFF: "Time off",
            CellState.FREE: "Free",
            CellState.PAST: "Past",
            CellState.BLOCKED: "Not bookable",
            CellState.CLOSED: "Closed",
        }[self.state]


@dataclass
class Row:
    at: time
    cells: list[Cell] = field(default_factory=list)  # cells spanning from above are left out


@dataclass
class Grid:
    columns: list[Column]
    rows: list[Row]
    step: timedelta


def calendar_day_grid(
    *,
    clinic: Clinic | None,
    day: date,
    now: datetime,
    location: Location | None = None,
    specialty: str | None = None,
) -> Grid:
    """One column per active practitioner working on `day` (matching the filters)."""
    practitioners = practitioner_list(location=location, specialty=specialty)
    weekly = weekly_hours_map(practitioner_ids=[p.pk for p in practitioners])
    working = [
        p
        for p in practitioners
        if any(r.weekday == day.weekday() and _here(r, location) for r in weekly.get(p.pk, []))
    ]
    return _grid(clinic=clinic, columns=[Column(p, day) for p in working], now=now, location=location)


def calendar_week_grid(
    *, clinic: Clinic | None, practitioner: Practitioner, day: date, now: datetime
) -> Grid:
    """One column per day the practitioner works in the week (Monday first) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    weekdays = {
        r.weekday for r in weekly_hours_map(practitioner_ids=[practitioner.pk]).get(practitioner.pk, [])
    }
    days = [monday + timedelta(days=n) for n in range(7) if n in weekdays]
    return _grid(clinic=clinic, columns=[Column(practitioner, d) for d in days], now=now, location=None)


def _here(weekly_range: availability.WeeklyRange, location: Location | None) -> bool:
    return location is None or weekly_range.location_id == location.pk


def _grid(*, clinic: Clinic | None, columns: list[Column], now: datetime, location: Location | None) -> Grid:
    rules = rules_for(clinic)
    step = rules.slot_step
    if clinic is None or not columns:  # before load_clinic there is no clock to draw on
        return Grid(columns=[], rows=[], step=step)
    zone = clinic.zone
    ids = sorted({c.practitioner.pk for c in columns})
    first, last = min(c.day for c in columns), max(c.day for c in columns)
    weekly = weekly_hours_map(practitioner_ids=ids)
    calendars = {
        cal.practitioner_id: cal
        for cal in calendar_list(
            practitioner_ids=ids, date_from=first, date_to=last, zone=zone, now=now, weekly=weekly
        )
    }
    lo, hi = local_instant(first, time(0), zone), local_instant(last + timedelta(days=1), time(0), zone)
    bookings = _occupying(ids, lo, hi, now)
    ranges = [r for c in columns for r in weekly.get(c.practitioner.pk, []) if r.weekday == c.day.weekday()]
    opening = min(r.start for r in ranges)
    closing = max(r.end for r in ranges)
    times = _times(opening, closing, step)
    by_column: list[list[Cell]] = []
    for column in columns:
        cells = [
            _cell(
                column,
                local_instant(column.day, at, zone),
                step=step,
                calendar=calendars[column.practitioner.pk],
                bookings=bookings,
                rules=rules,
                zone=zone,
                now=now,
                location=location,
            )
            for at in times
        ]
        by_column.append(_merged(cells))
    rows = [Row(at) for at in times]
    for cells in by_column:
        index = 0
        for cell in cells:
            rows[index].cells.append(cell)
            index += cell.rows
    return Grid(columns=columns, rows=rows, step=step)


def _times(opening: time, closing: time, step: timedelta) -> list[time]:
    out, at = [], datetime.combine(date.min, opening)
    end = datetime.combine(date.min, closing)
    while at < end:
        out.append(at.time())
        at += step
    return out


@dataclass(frozen=True)
class _Bookings:
    appointments: list[Appointment]
    holds: list[SlotHold]
    time_off: list[TimeOff]


def _occupying(ids: list[int], lo: datetime, hi: datetime, now: datetime) -> _Bookings:
    overlapping = Q(start__lt=hi, end__gt=lo)
    appointments = list(
        Appointment.objects.filter(overlapping, practitioner_id__in=ids)
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("patient", "appointment_type", "location")
        .order_by("start", "id")
    )
    holds = list(
        SlotHold.objects.filter(
            overlapping, practitioner_id__in=ids, appointment__isnull=True, expires_at__gt=now
        ).order_by("start")
    )
    time_off = list(
        TimeOff.objects.filter(overlapping)
        .filter(Q(practitioner_id__in=ids) | Q(practitioner__isnull=True))
        .order_by("start")
    )
    return _Bookings(appointments, holds, time_off)


def _cell(
    column: Column,
    start: datetime,
    *,
    step: timedelta,
    calendar: availability.Calendar,
    bookings: _Bookings,
    rules: availability.Rules,
    zone,
    now: datetime,
    location: Location | None,
) -> Cell:
    end, pid = start + step, column.practitioner.pk
    for appointment in bookings.appointments:
        if appointment.practitioner_id == pid and appointment.start < end and appointment.end > start:
            return Cell(CellState.BOOKED, start, end, column, appointment=appointment)
    for off in bookings.time_off:
        if off.practitioner_id in (pid, None) and off.start < end and off.end > start:
            return Cell(CellState.TIME_OFF, start, end, column, note=off.reason)
    for hold in bookings.holds:
        if hold.practitioner_id == pid and hold.start < end and hold.end > start:
            return Cell(CellState.HELD, start, end, column)
    problem = availability.slot_problem(
        calendar,
        start=start,
        duration=step,
        rules=rules,
        zone=zone,
        now=now,
        location_id=location.pk if location else None,
        enforce_policy=False,
    )
    if problem is None:
        return Cell(CellState.FREE, start, end, column)
    if problem == "outside working hours":
        return Cell(CellState.CLOSED, start, end, column)
    if problem == "in the past":
        return Cell(CellState.PAST, start, end, column)
    return Cell(CellState.BLOCKED, start, end, column, note=problem)


def _merged(cells: list[Cell]) -> list[Cell]:
    """Neighbouring cells of one appointment, one time off or closed time become one cell."""
    out: list[Cell] = []
    for cell in cells:
        previous = out[-1] if out else None
        if previous is not None and _same_block(previous, cell):
            previous.rows += 1
            previous.end = cell.end
        else:
            out.append(cell)
    return out


def _same_block(a: Cell, b: Cell) -> bool:
    if a.state != b.state or a.state in (CellState.FREE, CellState.PAST):
        return False
    if a.state == CellState.BOOKED:
        return (
            a.appointment is not None and b.appointment is not None and a.appointment.pk == b.appointment.pk
        )
    return a.note == b.note


@dataclass(frozen=True)
class TypeFit:
    appointment_type: AppointmentType
    problem: str | None  # None: it fits at this start


def slot_type_fits(
    *, clinic: Clinic, practitioner: Practitioner, start: datetime, now: datetime
) -> list[TypeFit]:
    """The practitioner's active types and whether each fits at `start` (its whole duration
    free and inside working hours), by reception's rules. Read-only."""
    rules, zone = rules_for(clinic), clinic.zone
    day = start.astimezone(zone).date()
    [calendar] = calendar_list(
        practitioner_ids=[practitioner.pk], date_from=day, date_to=day, zone=zone, now=now
    )
    kinds = practitioner.appointment_types.filter(active=True).order_by("duration_minutes", "id")
    return [
        TypeFit(
            kind,
            availability.slot_problem(
                calendar,
                start=start,
                duration=kind.duration,
                rules=rules,
                zone=zone,
                now=now,
                enforce_policy=False,
            ),
        )
        for kind in kinds
    ]
