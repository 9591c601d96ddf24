"""The many-to-many links (a practitioner's locations, an appointment type's practitioners)
are clinic-owned rows like the rest: each names its clinic, on PostgreSQL it cannot join two
clinics, and row security hides another clinic's links from a forgetful query."""

import pytest
from django.db import IntegrityError, connection, transaction

from clinicbot.tenancy import clinic_scope
from scheduling.models import (
    AppointmentType,
    AppointmentTypePractitioner,
    Location,
    Practitioner,
    PractitionerLocation,
)

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's guard")
LINK_TABLES = ("scheduling_practitioner_locations", "scheduling_appointmenttype_practitioners")


def _in(clinic, model, code):
    with clinic_scope(clinic.pk):
        return model.objects.get(code=code)


def _refused(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the keys are deferred to commit


def test_the_clinic_files_links_belong_to_their_practitioners_clinic(two_clinics):
    links = [
        *PractitionerLocation._base_manager.values_list(
            "clinic_id", "practitioner__clinic_id", "location__clinic_id"
        ),
        *AppointmentTypePractitioner._base_manager.values_list(
            "clinic_id", "practitioner__clinic_id", "appointment_type__clinic_id"
        ),
    ]

    assert {clinic for clinic, _, _ in links} == {clinic.pk for clinic in two_clinics}
    assert all(clinic == practitioner == other for clinic, practitioner, other in links)


@on_postgresql
def test_a_practitioner_cannot_work_at_another_clinics_location(two_clinics):
    vista, sol = two_clinics
    doctor = _in(vista, Practitioner, "ana-souza")
    sol_location = _in(sol, Location, "paulista")

    _refused(
        lambda: PractitionerLocation.objects.create(clinic=vista, practitioner=doctor, location=sol_location)
    )
    _refused(
        lambda: PractitionerLocation.objects.create(clinic=sol, practitioner=doctor, location=sol_location)
    )


@on_postgresql
def test_a_practitioner_cannot_offer_another_clinics_appointment_type(two_clinics):
    vista, sol = two_clinics
    doctor = _in(vista, Practitioner, "carlos-mendes")
    sol_checkup = _in(sol, AppointmentType, "checkup")

    _refused(
        lambda: AppointmentTypePractitioner.objects.create(
            clinic=vista, practitioner=doctor, appointment_type=sol_checkup
        )
    )


@on_postgresql
def test_the_same_link_inside_one_clinic_is_accepted(two_clinics):
    vista, _ = two_clinics
    doctor = _in(vista, Practitioner, "carlos-mendes")
    checkup = _in(vista, AppointmentType, "checkup")

    with transaction.atomic():
        AppointmentTypePractitioner.objects.create(
            clinic=vista, practitioner=doctor, appointment_type=checkup
        )
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    assert doctor.appointment_types.filter(code="checkup").exists()


def _clinics_seen() -> dict[str, set[int]]:
    seen = {}
    with connection.cursor() as cursor:
        for table in LINK_TABLES:
            cursor.execute(f"SELECT DISTINCT clinic_id FROM {table}")
            seen[table] = {row[0] for row in cursor.fetchall()}
    return seen


@on_postgresql
def test_an_unfiltered_query_of_the_links_in_one_clinic_returns_none_of_the_others(two_clinics, app_role):
    vista, sol = two_clinics

    with clinic_scope(vista.pk):
        inside = _clinics_seen()
        base_manager = set(PractitionerLocation._base_manager.values_list("clinic_id", flat=True))

    assert inside == {table: {vista.pk} for table in LINK_TABLES}
    assert base_manager == {vista.pk}
    assert _clinics_seen() == {table: {vista.pk, sol.pk} for table in LINK_TABLES}  # unscoped: all
