"""Reads of the practice calendar."""

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet, Subquery

from clinicbot.tenancy import ClinicNotChosen, clinic_scoped_id
from scheduling.availability import Calendar, Interval, Rules, WeeklyRange, local_instant, weekly_next_opening
from scheduling.models import (
    MAX_APPOINTMENT,
    Appointment,
    AppointmentType,
    Clinic,
    Location,
    Patient,
    Practitioner,
    SlotHold,
    TimeOff,
    WorkingHours,
)


def clinic_get() -> Clinic | None:
    """The current clinic: the enclosing clinic scope's, else the deployment's only clinic;
    None before `load_clinic` ran (no clinic, or only its placeholder). Raises
    ClinicNotChosen outside a scope when the deployment has several clinics."""
    scoped = clinic_scoped_id()
    if scoped is not None:
        clinics = list(Clinic.objects.filter(pk=scoped))
    else:
        clinics = list(Clinic.objects.order_by("id")[:2])
        if len(clinics) > 1:
            raise ClinicNotChosen("several clinics share this deployment; no clinic scope is set")
    return clinics[0] if clinics and not clinics[0].placeholder else None


def rules_for(clinic: Clinic | None) -> Rules:
    policy = clinic.policy if clinic else None
    if policy is None:
        return Rules()
    return Rules(
        min_notice=policy.min_notice,
        max_days_ahead=policy.max_days_ahead,
        slot_step=timedelta(minutes=policy.slot_minutes),
        buffer=timedelta(minutes=policy.buffer_minutes),
    )


def _practitioners(
    *,
    practitioner_ids: Sequence[int] | None,
    location: Location | None,
    appointment_type: AppointmentType | None,
) -> QuerySet[Practitioner]:
    qs = Practitioner.objects.filter(active=True)
    if practitioner_ids is not None:
        qs = qs.filter(pk__in=practitioner_ids)
    if location is not None:
        qs = qs.filter(locations=location)
    if appointment_type is not None:
        qs = qs.filter(appointment_types=appointment_type)
    return qs  # each filter matches one related row: no duplicates


def _speaks(specialties: list[str], wanted: str | None) -> bool:
    return not wanted or wanted.casefold().strip() in (s.casefold() for s in specialties)


def practitioner_list(
    *,
    practitioner_ids: Sequence[int] | None = None,
    specialty: str | None = None,
    location: Location | None = None,
    appointment_type: AppointmentType | None = None,
) -> list[Practitioner]:
    """Active practitioners matching every given filter; specialty matches case-blind."""
    qs = _practitioners(
        practitioner_ids=practitioner_ids, location=location, appointment_type=appointment_type
    )
    return [p for p in qs if _speaks(p.specialties, specialty)]


def calendar_list(
    *,
    practitioner_ids: Sequence[int],
    date_from: date,
    date_to: date,
    zone,
    now: datetime,
    ignore_conversation_id: int | None = None,
    ignore_appointment_id: int | None = None,
    margin: timedelta = timedelta(0),
    weekly: dict[int, list[WeeklyRange]] | None = None,
) -> list[Calendar]:
    """Calendars for the pure availability functions, in two queries whatever the count.

    Busy time: booked appointments, the practitioner's and the clinic's time off, and the
    live holds of everyone except `ignore_conversation_id` (a patient's own hold never
    hides a slot from them). `ignore_appointment_id` is an appointment being rescheduled;
    `margin` (the clinic's buffer) widens the window so neighbours just outside count.
    `weekly` (from weekly_hours_map) saves reading the hours again in a widening search.
    """
    ids = list(practitioner_ids)
    lo = local_instant(date_from, time(0), zone) - margin
    hi = local_instant(date_to + timedelta(days=1), time(0), zone) + margin
    if weekly is None:
        weekly = weekly_hours_map(practitioner_ids=ids)
    busy: dict[int | None, list[Interval]] = defaultdict(list)
    busy_sql, params = _busy_sql(
        ids=ids,
        lo=lo,
        hi=hi,
        now=now,
        ignore_conversation_id=ignore_conversation_id,
        ignore_appointment_id=ignore_appointment_id,
    )
    with connection.cursor() as cursor:
        cursor.execute(busy_sql, params)
        for pid, start, end in cursor.fetchall():
            busy[pid].append(Interval(datetime.fromtimestamp(start, UTC), datetime.fromtimestamp(end, UTC)))
    clinic_wide = busy.get(None, [])
    return [Calendar(pid, weekly.get(pid, []), busy.get(pid, []) + clinic_wide) for pid in ids]


@dataclass(frozen=True)
class WeekPart:
    """Days of the week with the same hours at one location: "Tue, Wed 14:00-19:00 (Paulista)"."""

    weekdays: tuple[int, ...]  # Monday is 0
    hours: tuple[tuple[time, time], ...]
    location: str


def weekly_hours_grouped(*, practitioner_ids: Sequence[int]) -> dict[int, list[WeekPart]]:
    """Each practitioner's week as patients read it: consecutive listed days with the same
    hours and location together, in weekday order; practitioners without hours are absent."""
    names = dict(Location.objects.values_list("pk", "name"))
    out: dict[int, list[WeekPart]] = {}
    for pid, ranges in weekly_hours_map(practitioner_ids=practitioner_ids).items():
        by_day: dict[int, list[WeeklyRange]] = defaultdict(list)
        for r in sorted(ranges, key=lambda r: (r.weekday, r.start)):
            by_day[r.weekday].append(r)
        parts: list[WeekPart] = []
        for weekday, rs in by_day.items():
            hours, location = tuple((r.start, r.end) for r in rs), names.get(rs[0].location_id, "")
            if parts and (parts[-1].hours, parts[-1].location) == (hours, location):
                parts[-1] = WeekPart((*parts[-1].weekdays, weekday), hours, location)
            else:
                parts.append(WeekPart((weekday,), hours, location))
        out[pid] = parts
    return out


def weekly_hours_map(
    *,
    practitioner_ids: Sequence[int] | None = None,
    specialty: str | None = None,
    location: Location | None = None,
    appointment_type: AppointmentType | None = None,
) -> dict[int, list[WeeklyRange]]:
    """Weekly ranges (local times) of the active practitioners matching every filter, by
    practitioner id; practitioners without hours are absent. Filters as practitioner_list.

    One hand-written query: the slot search runs for every patient asking for a time, and
    the ORM's query building and time converters were a third of it.
    """
    if practitioner_ids is not None and not practitioner_ids:
        return {}
    q = connection.ops.quote_name
    as_text = "{}::text" if connection.vendor == "postgresql" else "({} || '')"
    hours, people = WorkingHours._meta.db_table, Practitioner._meta.db_table
    sql = (
        f"SELECT h.practitioner_id, h.weekday, {as_text.format('h.' + q('start'))},"
        f" {as_text.format('h.' + q('end'))}, h.location_id, p.specialties"
        f" FROM {hours} h JOIN {people} p ON p.id = h.practitioner_id WHERE p.active = %s"
    )
    params: list = [True]
    if practitioner_ids is not None:
        sql += f" AND p.id IN ({', '.join(['%s'] * len(practitioner_ids))})"
        params += list(practitioner_ids)
    for m2m, value in (
        (AppointmentType.practitioners.field, appointment_type),
        (Practitioner.locations.field, location),
    ):
        if value is None:
            continue
        through = m2m.remote_field.through._meta
        # For practitioners->locations the practitioner is the "own" side of the table.
        own, other = (
            (m2m.m2m_column_name(), m2m.m2m_reverse_name())
            if m2m.model is Practitioner
            else (m2m.m2m_reverse_name(), m2m.m2m_column_name())
        )
        sql += f" AND EXISTS (SELECT 1 FROM {through.db_table} t WHERE t.{own} = p.id AND t.{other} = %s)"
        params.append(value.pk)
    # Slots of equal cost keep the practitioners' order: by id, not PostgreSQL's heap order.
    sql += " ORDER BY h.practitioner_id, h.id"
    weekly: dict[int, list[WeeklyRange]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    speaks: dict[int, bool] = {}
    for pid, wd, start, end, loc, specialties in rows:
        if pid not in speaks:
            listed = specialties if isinstance(specialties, list) else json.loads(specialties or "[]")
            speaks[pid] = _speaks(listed, specialty)
        if speaks[pid]:
            weekly[pid].append(WeeklyRange(wd, time.fromisoformat(start), time.fromisoformat(end), loc))
    return dict(weekly)


def _busy_sql(
    *,
    ids: list[int],
    lo: datetime,
    hi: datetime,
    now: datetime,
    ignore_conversation_id: int | None,
    ignore_appointment_id: int | None,
) -> tuple[str, list]:
    """Hand-written SQL for the slot search's busy time.

    The search runs for every patient asking for a time, and through the ORM it spent
    three quarters of its time compiling queries and converting timestamps; instants
    come back as epoch seconds and local times as text, both parsed in C.
    """
    q = connection.ops.quote_name
    if connection.vendor == "postgresql":
        epoch = "EXTRACT(EPOCH FROM {})::float8"
    else:  # SQLite stores "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC
        epoch = "round((julianday({}) - 2440587.5) * 86400.0, 3)"
    start, end = q("start"), q("end")
    columns = f"practitioner_id, {epoch.format(start)}, {epoch.format(end)}"
    in_ids = ", ".join(["%s"] * len(ids))
    when = connection.ops.adapt_datetimefield_value
    overlap = f"{start} < %s AND {end} > %s"
    # Appointments and holds last at most a day (a model constraint), so the (practitioner,
    # start) index can seek to `lo - 1 day` instead of scanning the whole past.
    recent = f"{start} >= %s"
    appointments = (
        f"SELECT {columns} FROM {Appointment._meta.db_table} WHERE practitioner_id IN ({in_ids})"
        f" AND status = %s AND {overlap} AND {recent}"
    )
    params = [*ids, Appointment.Status.BOOKED, when(hi), when(lo), when(lo - MAX_APPOINTMENT)]
    if ignore_appointment_id is not None:
        appointments += " AND id <> %s"
        params.append(ignore_appointment_id)
    time_off = (
        f"SELECT {columns} FROM {TimeOff._meta.db_table}"
        f" WHERE (practitioner_id IN ({in_ids}) OR practitioner_id IS NULL) AND {overlap}"
    )
    params += [*ids, when(hi), when(lo)]
    holds = (
        f"SELECT {columns} FROM {SlotHold._meta.db_table} WHERE practitioner_id IN ({in_ids})"
        f" AND appointment_id IS NULL AND expires_at > %s AND {overlap} AND {recent}"
    )
    params += [*ids, when(now), when(hi), when(lo), when(lo - MAX_APPOINTMENT)]
    if ignore_conversation_id is not None:
        holds += " AND (conversation_id IS NULL OR conversation_id <> %s)"
        params.append(ignore_conversation_id)
    return f"{appointments} UNION ALL {time_off} UNION ALL {holds}", params


def appointment_list(
    *,
    phone: str | None = None,
    practitioner_id: int | None = None,
    start_from: datetime | None = None,
    start_to: datetime | None = None,
    status: str | None = None,
) -> QuerySet[Appointment]:
    qs = Appointment.objects.select_related("patient", "practitioner", "location", "appointment_type")
    if phone:
        qs = qs.filter(patient__phone_e164=phone)
    if practitioner_id is not None:
        qs = qs.filter(practitioner_id=practitioner_id)
    if start_from is not None:
        qs = qs.filter(start__gte=start_from)
    if start_to is not None:
        qs = qs.filter(start__lt=start_to)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("start", "id")


def appointment_list_for_day(*, day: date, zone) -> QuerySet[Appointment]:
    """One local day's appointments of every status, for the reception day view."""
    start = local_instant(day, time(0), zone)
    end = local_instant(day + timedelta(days=1), time(0), zone)
    return appointment_list(start_from=start, start_to=end).order_by("practitioner__display_name", "start")


def patient_list_by_phone(*, phone: str) -> list[Patient]:
    return list(Patient.objects.filter(phone_e164=phone).order_by("id"))


def clinic_next_opening(*, now: datetime) -> datetime | None:
    """When the clinic next opens (the first working hours of any active practitioner after
    `now`, in the clinic's time zone); None while it is open or before any hours are loaded."""
    clinic = clinic_get()
    if clinic is None:
        return None
    ranges = [r for rows in weekly_hours_map().values() for r in rows]
    return weekly_next_opening(ranges, now=now, zone=ZoneInfo(clinic.time_zone))


def utc_now() -> datetime:
    return datetime.now(UTC)


def specialty_choices() -> list[str]:
    """Each active practitioner's first specialty (how the clinic file names it), sorted:
    the calendar's filter offers these and matches them as practitioner_list does."""
    named = {p.specialties[0] for p in Practitioner.objects.filter(active=True) if p.specialties}
    return sorted(named, key=str.casefold)


def appointment_inside_notice(*, appointment: Appointment, clinic: Clinic | None, now: datetime) -> bool:
    """The appointment starts within the clinic's cancellation notice: the bot would refuse
    to change it, and reception overrides only with a reason."""
    notice = (clinic.policy if clinic else Clinic().policy).cancellation_notice
    return appointment.start - now < notice


def patient_list_due_for_recall(
    *,
    now: datetime,
    months: int,
    appointment_type_id: int | None = None,
    practitioner_id: int | None = None,
) -> QuerySet[Patient]:
    """Patients whose last completed appointment of the type and/or with the practitioner
    started more than `months` months before `now`, with no booked appointment ahead; the
    longest-waiting first, each annotated with that `last_visit`."""
    visits = Appointment.objects.filter(patient=OuterRef("pk"), status=Appointment.Status.COMPLETED)
    if appointment_type_id is not None:
        visits = visits.filter(appointment_type_id=appointment_type_id)
    if practitioner_id is not None:
        visits = visits.filter(practitioner_id=practitioner_id)
    upcoming = Appointment.objects.filter(
        patient=OuterRef("pk"), status=Appointment.Status.BOOKED, start__gt=now
    )
    return (
        Patient.objects.annotate(last_visit=Subquery(visits.order_by("-start").values("start")[:1]))
        .filter(last_visit__lt=months_before(now, months))
        .exclude(Exists(upcoming))
        .order_by("last_visit", "pk")
    )


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when it
    is shorter: 31 March less one month is 28 or 29 February)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    first_of_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return moment.replace(
        year=year, month=month + 1, day=min(moment.day, (first_of_next - timedelta(days=1)).day)
    )
