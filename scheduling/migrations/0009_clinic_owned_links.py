"""The clinic is the tenant, its last gap (issue 19): the two many-to-many link tables,
Practitioner.locations and AppointmentType.practitioners, become models of their own that
carry the clinic, each row its practitioner's. The tables keep their names, columns and rows;
Django's state alone learns of the new models. On PostgreSQL both ends of a link stay in the
link's clinic, and the link tables are under the clinic policy like every clinic-owned table
(clinicbot/migrations/0004_clinic_row_security.py). The referenced tables' (clinic_id, id)
keys exist since 0006_clinic_tenant.

A link joining two clinics (none should exist: every writer works in one clinic's scope)
stops the migration on PostgreSQL at the composite key, naming the row.
"""

import django.db.models.deletion
from django.db import migrations, models

from clinicbot.tenancy_migrations import (
    clinic_field,
    on_postgresql,
    row_security_sql,
    rows_to_the_clinic_of,
    same_clinic_sql,
)

LINKS = {"practitionerlocation": "practitioner", "appointmenttypepractitioner": "practitioner"}
TABLES = ("scheduling_practitioner_locations", "scheduling_appointmenttype_practitioners")
SAME_CLINIC, NO_SAME_CLINIC = same_clinic_sql(
    referenced=(),
    same_clinic=(
        ("scheduling_practitioner_locations", "practitioner_id", "scheduling_practitioner"),
        ("scheduling_practitioner_locations", "location_id", "scheduling_location"),
        ("scheduling_appointmenttype_practitioners", "appointmenttype_id", "scheduling_appointmenttype"),
        ("scheduling_appointmenttype_practitioners", "practitioner_id", "scheduling_practitioner"),
    ),
)
ROW_SECURITY, NO_ROW_SECURITY = row_security_sql(tables=TABLES)


def _link(name: str, ends: list[tuple[str, models.ForeignKey]], table: str) -> migrations.CreateModel:
    return migrations.CreateModel(
        name=name,
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            *ends,
        ],
        options={"db_table": table, "unique_together": {tuple(end for end, _ in ends)}},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0008_membership_role_choices"),
        ("clinicbot", "0004_clinic_row_security"),
    ]

    operations = [
        # The tables as Django made them for the plain fields, now named as models.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                _link(
                    "PractitionerLocation",
                    [
                        (
                            "practitioner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="scheduling.practitioner"
                            ),
                        ),
                        (
                            "location",
                            models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="scheduling.location"),
                        ),
                    ],
                    "scheduling_practitioner_locations",
                ),
                migrations.AlterField(
                    model_name="practitioner",
                    name="locations",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="practitioners",
                        through="scheduling.PractitionerLocation",
                        to="scheduling.location",
                    ),
                ),
                _link(
                    "AppointmentTypePractitioner",
                    [
                        (
                            "appointment_type",
                            models.ForeignKey(
                                db_column="appointmenttype_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                to="scheduling.appointmenttype",
                            ),
                        ),
                        (
                            "practitioner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="scheduling.practitioner"
                            ),
                        ),
                    ],
                    "scheduling_appointmenttype_practitioners",
                ),
                migrations.AlterField(
                    model_name="appointmenttype",
                    name="practitioners",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="appointment_types",
                        through="scheduling.AppointmentTypePractitioner",
                        to="scheduling.practitioner",
                    ),
                ),
            ],
        ),
        *(migrations.AddField(model_name=name, name="clinic", field=clinic_field(null=True)) for name in LINKS),
        migrations.RunPython(rows_to_the_clinic_of("scheduling", LINKS), migrations.RunPython.noop),
        *(migrations.AlterField(model_name=name, name="clinic", field=clinic_field(null=False)) for name in LINKS),
        *(migrations.AlterUniqueTogether(name=name, unique_together=set()) for name in LINKS),
        migrations.AddConstraint(
            model_name="practitionerlocation",
            constraint=models.UniqueConstraint(fields=("practitioner", "location"), name="practitioner_location_once"),
        ),
        migrations.AddConstraint(
            model_name="appointmenttypepractitioner",
            constraint=models.UniqueConstraint(
                fields=("appointment_type", "practitioner"), name="appointment_type_practitioner_once"
            ),
        ),
        migrations.RunPython(on_postgresql(SAME_CLINIC), on_postgresql(NO_SAME_CLINIC), elidable=False),
        migrations.RunPython(on_postgresql(ROW_SECURITY), on_postgresql(NO_ROW_SECURITY), elidable=False),
    ]
