"""No double booking, ever: the database constraint and real concurrent processes."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction

from scheduling.models import Appointment
from tests.scheduling.conftest import NOW, local
from tests.scheduling.factories import PatientFactory

pytestmark = pytest.mark.integration
WORKER = Path(__file__).with_name("race_worker.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint and row locks are PostgreSQL's")


def appointment(practitioner, consult, start, end, status=Appointment.Status.BOOKED):
    return Appointment.objects.create(
        patient=PatientFactory(),
        practitioner=practitioner,
        location=practitioner.locations.first(),
        appointment_type=consult,
        start=start,
        end=end,
        status=status,
        source="staff",
    )


@pytest.mark.django_db
def test_the_database_refuses_overlapping_booked_appointments(practitioner, consult):
    appointment(practitioner, consult, local(23, 9), local(23, 9, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        appointment(practitioner, consult, local(23, 9, 15), local(23, 9, 45))


@pytest.mark.django_db
def test_the_database_allows_back_to_back_and_cancelled_overlaps(practitioner, consult):
    appointment(practitioner, consult, local(23, 9), local(23, 9, 30))
    appointment(practitioner, consult, local(23, 9, 30), local(23, 10))
    appointment(practitioner, consult, local(23, 9), local(23, 9, 30), status="cancelled")
    assert Appointment.objects.count() == 3


def race(practitioner, consult, patients, mode, gate):
    env = dict(os.environ, RACE_NOW=NOW.isoformat(), PYTHONPATH=str(ROOT))
    db = connection.settings_dict
    env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                str(practitioner.pk),
                str(consult.pk),
                str(p.pk),
                local(23, 9).isoformat(),
                str(gate),
                mode,
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in patients
    ]
    deadline = time.monotonic() + 90
    while len(list(gate.glob("ready-*"))) < len(procs) and time.monotonic() < deadline:
        assert all(p.poll() is None for p in procs), "a contender died while starting"
        time.sleep(0.01)
    (gate / "go").touch()
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
    return outcomes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("mode", ["bot", "api"])
def test_many_processes_confirming_the_same_slot_yield_one_appointment(practitioner, consult, mode, tmp_path):
    patients = [PatientFactory() for _ in range(6)]
    outcomes = race(practitioner, consult, patients, mode, tmp_path)
    winners = [o["won"] for o in outcomes if "won" in o]
    assert len(winners) == 1
    assert sum("lost" in o for o in outcomes) == len(patients) - 1
    assert list(Appointment.objects.values_list("pk", flat=True)) == winners
