"""One contender in the double-booking race: hold and book a slot, print the outcome.

Run by test_double_booking.py in a separate process, against the test database.
"""

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path


def main() -> None:
    practitioner_id, type_id, patient_id, start, gate, mode = sys.argv[1:7]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinicbot.settings")
    import django

    django.setup()
    from scheduling.exceptions import SlotUnavailable
    from scheduling.models import AppointmentType, Patient, Practitioner
    from scheduling.services import Actor, appointment_book, appointment_create, slot_hold

    practitioner = Practitioner.objects.get(pk=practitioner_id)
    kind = AppointmentType.objects.get(pk=type_id)
    patient = Patient.objects.get(pk=patient_id)
    start_at = datetime.fromisoformat(start)
    now = datetime.fromisoformat(os.environ["RACE_NOW"])
    # Everything is loaded; say so, then wait for the starting gun.
    gate_dir = Path(gate)
    (gate_dir / f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 60
    while not (gate_dir / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    try:
        if mode == "bot":
            hold = slot_hold(practitioner=practitioner, start=start_at, appointment_type=kind, now=now)
            appointment = appointment_book(hold=hold, patient=patient, actor=Actor.bot(), now=now)
        else:
            appointment = appointment_create(
                patient=patient,
                practitioner=practitioner,
                appointment_type=kind,
                start=start_at,
                actor=Actor(source="api"),
                now=now,
            )
        print(json.dumps({"won": appointment.pk}))
    except SlotUnavailable as exc:
        print(json.dumps({"lost": str(exc)}))


if __name__ == "__main__":
    main()
