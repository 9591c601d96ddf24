"""scheduling 0009 turns the two many-to-many link tables into clinic-owned rows in place:
every link written before it is kept and takes its practitioner's clinic, and it can be
migrated back."""

import pytest
from django.db import connection

from tests.tenancy.migrating import migrate_to, migrate_to_latest

BEFORE = [("scheduling", "0008_membership_role_choices")]
AFTER = [("scheduling", "0009_clinic_owned_links")]


@pytest.fixture
def before_links(transactional_db):
    apps = migrate_to(BEFORE)
    yield apps
    migrate_to_latest()


def _clinic_with_links(apps, code: str) -> tuple[int, int]:
    """A clinic whose two practitioners work at its two locations and offer its type, linked
    as the code before 0009 did; returns (clinic id, number of links)."""
    get = apps.get_model
    clinic = get("scheduling", "Clinic").objects.create(code=code, name=code)
    places = [get("scheduling", "Location").objects.create(clinic=clinic, code=c, name=c) for c in ("a", "b")]
    kind = get("scheduling", "AppointmentType").objects.create(
        clinic=clinic, code="consult", names={"en": "Consult"}, duration_minutes=30
    )
    for n in range(2):
        doctor = get("scheduling", "Practitioner").objects.create(
            clinic=clinic, code=f"d{n}", display_name=f"D{n}"
        )
        doctor.locations.add(*places[: n + 1])
        kind.practitioners.add(doctor)
    return clinic.pk, 5


def _links() -> dict[str, list[tuple]]:
    """The rows of the two link tables, read by their columns: the same before and after."""
    found = {}
    with connection.cursor() as cursor:
        for table, columns in (
            ("scheduling_practitioner_locations", "practitioner_id, location_id"),
            ("scheduling_appointmenttype_practitioners", "appointmenttype_id, practitioner_id"),
        ):
            cursor.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2")
            found[table] = cursor.fetchall()
    return found


def test_every_link_keeps_its_row_and_takes_its_practitioners_clinic(before_links):
    vista, vista_links = _clinic_with_links(before_links, "vista")
    sol, sol_links = _clinic_with_links(before_links, "sol")
    before = _links()

    after = migrate_to(AFTER)

    assert _links() == before
    assert sum(len(rows) for rows in before.values()) == vista_links + sol_links
    for name in ("PractitionerLocation", "AppointmentTypePractitioner"):
        rows = after.get_model("scheduling", name).objects.values_list("clinic_id", "practitioner__clinic_id")
        assert sorted({clinic for clinic, _ in rows}) == [vista, sol]
        assert all(clinic == owner for clinic, owner in rows), name


def test_migrating_back_keeps_every_link(before_links):
    _clinic_with_links(before_links, "vista")
    before = _links()
    migrate_to(AFTER)

    migrate_to(BEFORE)

    assert _links() == before
