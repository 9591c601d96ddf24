"""Benchmark: free-slot search over a busy practice.

30 practitioners, 60 days ahead, calendars 70% full. Measures, through the real service
(database reads included):
  * best5: the 5 slots closest to a typical wish ("day D, mornings"), any practitioner;
  * week:  every free slot of one practitioner over 7 days.
Each is compared with a baseline measured in the same run:
  * best5 baseline: load the whole 60-day range and rank every free slot;
  * week baseline:  a naive check of every grid point against every busy interval.
Prints p50/p95, the share of time spent in the database and the baseline ratio.

Runs on DATABASE_URL's PostgreSQL server in a throw-away database, otherwise on a
throw-away SQLite file (never DATABASE_URL's SQLite file).
Usage: python bench/availability.py [--rounds N] [--seed S]
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinicbot.settings")
# PostgreSQL: a throw-away database on that server. Anything else: a throw-away SQLite
# file, never the one DATABASE_URL names (that may be someone's development data).
SCRATCH: Path | None = None
if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    SCRATCH = Path(tempfile.mkdtemp(prefix="clinicbot-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH / 'bench.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

PRACTITIONERS = 30
DAYS = 60
FULL = 0.70
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # a Sunday; the search starts Monday


class DatabaseTimer:
    """Adds up the wall time spent in the database: each query's execution and the
    fetching of its rows (cursors are wrapped so fetchall counts too)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started

    def install(self) -> None:
        from django.db.backends import utils

        # CursorWrapper hands fetch* to the driver's cursor through __getattr__.
        for name in ("fetchall", "fetchmany", "fetchone"):

            def timed(wrapper, *args, _name=name, **kwargs):
                started = time.perf_counter()
                try:
                    return getattr(wrapper.cursor, _name)(*args, **kwargs)
                finally:
                    self.seconds += time.perf_counter() - started

            setattr(utils.CursorWrapper, name, timed)


def build(rng: random.Random) -> None:
    from scheduling.availability import local_instant
    from scheduling.models import (
        Appointment,
        AppointmentType,
        Clinic,
        Location,
        Patient,
        Practitioner,
        WorkingHours,
    )

    clinic = Clinic.objects.create(
        name="Bench Clinic",
        time_zone="America/Sao_Paulo",
        languages=["pt-BR"],
        default_language="pt-BR",
        policies={"min_notice_minutes": 120, "max_days_ahead": DAYS, "slot_minutes": 15},
    )
    zone = clinic.zone
    locations = [Location.objects.create(code=f"l{i}", name=f"Location {i}") for i in range(2)]
    consult = AppointmentType.objects.create(code="consult", names={"en": "Consult"}, duration_minutes=30)
    patients = Patient.objects.bulk_create(
        Patient(name=f"P{i}", phone_e164=f"+55119{i:08d}") for i in range(500)
    )
    specialties = ["general practice", "cardiology", "pediatrics", "dermatology", "gynecology"]
    ranges = [(clock(8), clock(12)), (clock(13), clock(18))]
    appointments = []
    for n in range(PRACTITIONERS):
        p = Practitioner.objects.create(
            code=f"p{n}", display_name=f"Dr. {n}", specialties=[specialties[n % len(specialties)]]
        )
        location = locations[n % 2]
        p.locations.add(location, through_defaults={"clinic": clinic})
        consult.practitioners.add(p, through_defaults={"clinic": clinic})
        WorkingHours.objects.bulk_create(
            WorkingHours(practitioner=p, location=location, weekday=d, start=a, end=b)
            for d in range(5)
            for a, b in ranges
        )
        for offset in range(DAYS + 2):
            day = NOW.date() + timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for a, b in ranges:
                # 70% of the half-hour blocks of each range are booked.
                blocks = list(range((b.hour - a.hour) * 2))
                for k in rng.sample(blocks, round(len(blocks) * FULL)):
                    start = local_instant(day, a, zone) + timedelta(minutes=30 * k)
                    appointments.append(
                        Appointment(
                            patient=rng.choice(patients),
                            practitioner=p,
                            location=location,
                            appointment_type=consult,
                            start=start,
                            end=start + timedelta(minutes=30),
                            source="staff",
                        )
                    )
    Appointment.objects.bulk_create(appointments, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would have, in a clinic that ran for a while
    print(f"built: {PRACTITIONERS} practitioners, {len(appointments)} appointments over {DAYS} days")


def measure(fn, rounds: int, timer: DatabaseTimer) -> tuple[list[float], float]:
    samples, db_before = [], timer.seconds
    for i in range(rounds):
        started = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - started)
    return samples, (timer.seconds - db_before) / sum(samples)


def naive_week(practitioner, day_from: date, duration: timedelta, now: datetime) -> list:
    """Every grid point of the working hours, checked against every busy interval."""
    from scheduling.availability import local_instant
    from scheduling.models import Appointment, Clinic

    clinic = Clinic.objects.get()
    zone, policy = clinic.zone, clinic.policy
    lo = local_instant(day_from, clock(0), zone)
    hi = lo + timedelta(days=7)
    busy = list(
        Appointment.objects.filter(
            practitioner=practitioner, status="booked", start__lt=hi, end__gt=lo
        ).values_list("start", "end")
    )
    hours = list(practitioner.working_hours.all())
    free = []
    for offset in range(7):
        day = day_from + timedelta(days=offset)
        for h in hours:
            if h.weekday != day.weekday():
                continue
            start, end = local_instant(day, h.start, zone), local_instant(day, h.end, zone)
            while start + duration <= end:
                if start >= now + policy.min_notice and not any(
                    b0 < start + duration and start < b1 for b0, b1 in busy
                ):
                    free.append(start)
                start += timedelta(minutes=policy.slot_minutes)
    return free


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    vendor = connection.vendor
    if vendor == "postgresql":
        connection.settings_dict["TEST"]["NAME"] = "clinicbot_bench_availability"
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    else:
        call_command("migrate", verbosity=0)
        test_name = connection.settings_dict["NAME"]
    try:
        build(rng)
        run(args, rng, vendor, test_name)
    finally:
        if vendor == "postgresql":
            connection.creation.destroy_test_db(test_name, verbosity=0)
        elif SCRATCH is not None:
            connection.close()
            shutil.rmtree(SCRATCH, ignore_errors=True)


def run(args, rng: random.Random, vendor: str, db_name) -> None:
    from scheduling import availability
    from scheduling.availability import Preference, TimeWindow, slot_cost
    from scheduling.models import AppointmentType, Clinic, Practitioner
    from scheduling.selectors import calendar_list, practitioner_list, rules_for
    from scheduling.services import slot_list_available

    consult = AppointmentType.objects.get(code="consult")
    practitioners = list(Practitioner.objects.all())
    zone = Clinic.objects.get().zone
    wishes = [
        Preference(
            day=NOW.date() + timedelta(days=rng.randint(1, 30)),
            window=rng.choice([TimeWindow(clock(8), clock(12)), TimeWindow(clock(13), clock(18))]),
        )
        for _ in range(args.rounds)
    ]
    weeks = [
        (rng.choice(practitioners), NOW.date() + timedelta(days=rng.randint(1, DAYS - 7)))
        for _ in range(args.rounds)
    ]

    def best5(i):
        return slot_list_available(appointment_type=consult, preference=wishes[i], limit=5, now=NOW)

    def best5_baseline(i):
        clinic = Clinic.objects.get()
        found = practitioner_list(appointment_type=consult)
        lo, hi = NOW.date(), NOW.date() + timedelta(days=DAYS)
        ids = [p.pk for p in found]
        calendars = calendar_list(practitioner_ids=ids, date_from=lo, date_to=hi, zone=zone, now=NOW)
        slots = availability.slots_between(
            calendars,
            date_from=lo,
            date_to=hi,
            duration=consult.duration,
            rules=rules_for(clinic),
            zone=zone,
            now=NOW,
        )
        return sorted(slots, key=lambda s: slot_cost(s, preference=wishes[i], zone=zone))[:5]

    def week(i):
        p, day = weeks[i]
        return slot_list_available(
            appointment_type=consult,
            practitioner=p,
            date_from=day,
            date_to=day + timedelta(days=6),
            limit=None,
            now=NOW,
        )

    def week_baseline(i):
        p, day = weeks[i]
        return naive_week(p, day, consult.duration, NOW)

    # The fast paths must agree with the baselines before their speed means anything.
    for i in range(10):
        cost = [slot_cost(s, preference=wishes[i], zone=zone) for s in best5(i)]
        assert cost == [slot_cost(s, preference=wishes[i], zone=zone) for s in best5_baseline(i)]
        assert [s.start for s in week(i)] == week_baseline(i)

    timer = DatabaseTimer()
    timer.install()
    print(f"database: {vendor}; rounds: {args.rounds}")
    print(f"{'case':<16}{'p50 ms':>9}{'p95 ms':>9}{'db share':>10}{'x baseline':>12}{'goal p95':>10}")
    with connection.execute_wrapper(timer):
        for name, fast, slow, rounds, goal in (
            ("best5", best5, best5_baseline, args.rounds, 15),
            ("week", week, week_baseline, args.rounds, 5),
        ):
            fast(0), slow(0)  # warm caches and connections
            samples, db_share = measure(fast, rounds, timer)
            base, base_db = measure(slow, max(rounds // 5, 10), timer)
            p50, p95 = _pct(samples, 50), _pct(samples, 95)
            ratio = statistics.median(base) / statistics.median(samples)
            verdict = "ok" if p95 * 1000 <= goal else "MISSED"
            print(
                f"{name:<16}{p50 * 1000:>9.2f}{p95 * 1000:>9.2f}{db_share:>9.0%}{ratio:>11.1f}x"
                f"{goal:>7} ms {verdict}"
            )
            b50, b95 = _pct(base, 50) * 1000, _pct(base, 95) * 1000
            print(f"{name + ' baseline':<16}{b50:>9.2f}{b95:>9.2f}{base_db:>9.0%}{1.0:>11.1f}x")


def _pct(samples: list[float], p: int) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
