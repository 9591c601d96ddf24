"""Booking sessions and reminders name their clinic (issue 19); on PostgreSQL their
patient, hold and appointment belong to the same clinic."""

from django.db import migrations

from clinicbot.tenancy_migrations import clinic_field, on_postgresql, rows_to_the_clinic, same_clinic_sql

OWNED = ("bookingsession", "reminder")
CREATE, DROP = same_clinic_sql(
    referenced=(),
    same_clinic=(
        ("booking_bookingsession", "patient_id", "scheduling_patient"),
        ("booking_bookingsession", "hold_id", "scheduling_slothold"),
        ("booking_bookingsession", "appointment_id", "scheduling_appointment"),
        ("booking_reminder", "appointment_id", "scheduling_appointment"),
    ),
)


class Migration(migrations.Migration):
    dependencies = [("booking", "0002_reminder"), ("scheduling", "0006_clinic_tenant")]

    operations = [
        *(migrations.AddField(model_name=name, name="clinic", field=clinic_field(null=True)) for name in OWNED),
        migrations.RunPython(rows_to_the_clinic("booking", OWNED), migrations.RunPython.noop),
        *(migrations.AlterField(model_name=name, name="clinic", field=clinic_field(null=False)) for name in OWNED),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
