"""Reads of the practice calendar."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from django.db import connection
from django.db.models import Q, QuerySet

from scheduling.availability import Calendar, Interval, Rules, WeeklyRange, local_instant
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
    """The deployment's clinic, or None before `load_clinic` ran."""
    return Clinic.objects.order_by("id").first()


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


def practitioner_list(
    *,
    practitioner_ids: Sequence[int] | None = None,
    specialty: str | None = None,
    location: Location | None = None,
    appointment_type: AppointmentType | None = None,
) -> list[Practitioner]:
    """Active practitioners matching every given filter; specialty matches case-blind."""
    qs = Practitioner.objects.filter(active=True)
    if practitioner_ids is not None:
        qs = qs.filter(pk__in=practitioner_ids)
    if location is not None:
        qs = qs.filter(locations=location)
    if appointment_type is not None:
        qs = qs.filter(appointment_types=appointment_type)
    found = list(qs.distinct())
    if specialty:
        wanted = specialty.casefold().strip()
        found = [p for p in found if wanted in (s.casefold() for s in p.specialties)]
    return found


def calendar_list(
    *,
    practitioners: Sequence[Practitioner],
    date_from: date,
    date_to: date,
    zone,
    now: datetime,
    ignore_conversation_id: int | None = None,
    ignore_appointment_id: int | None = None,
    margin: timedelta = timedelta(0),
) -> list[Calendar]:
    """Calendars for the pure availability functions, in two queries whatever the count.

    Busy time: booked appointments, the practitioner's and the clinic's time off, and the
    live holds of everyone except `ignore_conversation_id` (a patient's own hold never
    hides a slot from them). `ignore_appointment_id` is an appointment being rescheduled;
    `margin` (the clinic's buffer) widens the window so neighbours just outside count.
    """
    ids = [p.pk for p in practitioners]
    lo = local_instant(date_from, time(0), zone) - margin
    hi = local_instant(date_to + timedelta(days=1), time(0), zone) + margin
    weekly: dict[int, list[WeeklyRange]] = defaultdict(list)
    for pid, wd, start, end, loc in _rows(
        WorkingHours.objects.filter(practitioner_id__in=ids)
        .order_by()
        .values_list("practitioner_id", "weekday", "start", "end", "location_id")
    ):
        weekly[pid].append(WeeklyRange(wd, _time(start), _time(end), loc))
    overlapping = Q(start__lt=hi, end__gt=lo)
    # Appointments and holds last at most a day (a model constraint), so the (practitioner,
    # start) index can seek to `lo - 1 day` instead of scanning the whole past.
    recent = Q(start__gte=lo - MAX_APPOINTMENT)
    appointments = Appointment.objects.filter(
        overlapping, recent, practitioner_id__in=ids, status=Appointment.Status.BOOKED
    )
    if ignore_appointment_id is not None:
        appointments = appointments.exclude(pk=ignore_appointment_id)
    time_off = TimeOff.objects.filter(
        overlapping, Q(practitioner_id__in=ids) | Q(practitioner__isnull=True)
    )
    holds = SlotHold.objects.filter(
        overlapping, recent, practitioner_id__in=ids, appointment__isnull=True, expires_at__gt=now
    )
    if ignore_conversation_id is not None:
        holds = holds.exclude(conversation_id=ignore_conversation_id)
    columns = ("practitioner_id", "start", "end")
    # One round trip: the search runs on every message that asks for a time.
    union = (
        appointments.order_by()
        .values_list(*columns)
        .union(
            time_off.order_by().values_list(*columns),
            holds.order_by().values_list(*columns),
            all=True,
        )
    )
    busy: dict[int | None, list[Interval]] = defaultdict(list)
    for pid, start, end in _rows(union):
        busy[pid].append(Interval(_utc(start), _utc(end)))
    clinic_wide = busy.get(None, [])
    return [Calendar(pid, weekly.get(pid, []), busy.get(pid, []) + clinic_wide) for pid in ids]


def _rows(queryset: QuerySet) -> list[tuple]:
    """The rows of a values_list query, skipping Django's per-value converters: they cost
    two thirds of a slot search's time, and the two helpers below do the same job."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _utc(value: datetime | str) -> datetime:
    if isinstance(value, str):  # SQLite without a declared type in a UNION
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _time(value: time | str) -> time:
    return time.fromisoformat(value) if isinstance(value, str) else value


def appointment_list(
    *,
    phone: str | None = None,
    practitioner_id: int | None = None,
    start_from: datetime | None = None,
    start_to: datetime | None = None,
    status: str | None = None,
) -> QuerySet[Appointment]:
    qs = Appointment.objects.select_related(
        "patient", "practitioner", "location", "appointment_type"
    )
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
    return appointment_list(start_from=start, start_to=end).order_by(
        "practitioner__display_name", "start"
    )


def patient_list_by_phone(*, phone: str) -> list[Patient]:
    return list(Patient.objects.filter(phone_e164=phone).order_by("id"))


def utc_now() -> datetime:
    return datetime.now(UTC)
