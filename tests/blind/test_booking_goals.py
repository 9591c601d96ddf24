"""The booking blind set (tests/blind/booking/): goal-driven patients nobody here scripted,
played at eight instants across a week. Run with `pytest -m blind tests/blind -p no:xdist -s`
(BLIND_BOOKING_SET=booking2 plays the second set; BLIND_SET=set3 a set with its own clinic); the figures are printed per instant and
per language."""

import os
from dataclasses import asdict

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.blind.goals import CLINIC, INSTANTS, ZONE, Patient, Result, conversations, report

pytestmark = [pytest.mark.django_db, pytest.mark.blind]


class _Rollback(Exception):
    pass


@pytest.mark.parametrize("instant", INSTANTS)
def test_blind_booking_conversations(instant, twilio_settings, fake_twilio, post_webhook, request):
    from datetime import datetime

    call_command("load_clinic", str(CLINIC), verbosity=0)
    now = datetime.fromisoformat(instant).replace(tzinfo=ZONE)
    results: list[Result] = []
    for item in conversations():
        try:
            with transaction.atomic():
                patient = Patient(item, post_webhook=post_webhook, fake_twilio=fake_twilio, now=now)
                results.append(patient.play())
                raise _Rollback
        except _Rollback:
            pass
    request.node.user_properties += [("blind_result", asdict(r)) for r in results]
    print("\n" + report(results))
    show = set(os.environ.get("BLIND_SHOW", "").split(","))
    for r in results:
        if r.outcome != "as_wished":
            print(f"  {r.id} {r.instant} {r.outcome}: {r.detail}")
        if r.id in show or (show == {"unsupported"} and r.detail == "unsupported"):
            print("\n".join(f"    {who}: {text}" for who, text in r.transcript))
    # Every conversation reaches an outcome a patient would see (no crash, no silence).
    assert len(results) == len(conversations())
