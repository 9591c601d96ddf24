"""The waitlist is clinic-owned like every other table: on PostgreSQL its rows are under the
clinic policy, and an entry or an offer cannot point into another clinic."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from booking.models import WaitlistEntry
from clinicbot.tenancy import clinic_scope
from scheduling.models import AppointmentType, Patient, Practitioner

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="row security is PostgreSQL's")


@on_postgresql
@pytest.mark.django_db
def test_the_waitlist_tables_are_under_the_clinic_policy():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relname IN ('booking_waitlistentry', 'booking_waitlistoffer') ORDER BY relname"
        )
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT tablename FROM pg_policies WHERE policyname LIKE 'booking_waitlist%%_clinic' ORDER BY 1"
        )
        policies = [row[0] for row in cursor.fetchall()]
    assert rows == [("booking_waitlistentry", True, True), ("booking_waitlistoffer", True, True)]
    assert policies == ["booking_waitlistentry", "booking_waitlistoffer"]


@on_postgresql
def test_an_entry_cannot_name_another_clinics_practitioner(two_clinics):
    vista, sol = two_clinics
    with clinic_scope(sol.pk):
        sol_doctor = Practitioner.objects.first()
    with clinic_scope(vista.pk):
        patient = Patient.objects.first()
        checkup = AppointmentType.objects.get(code="checkup")
    day = date.today() + timedelta(days=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        WaitlistEntry.objects.create(
            clinic=vista,
            patient=patient,
            practitioner=sol_doctor,
            appointment_type=checkup,
            day_from=day,
            day_to=day,
            expires_at=timezone.now() + timedelta(days=4),
        )
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
