"""The clinic is the tenant: every calendar row names its clinic (issue 19).

Today's rows all belong to the deployment's clinic (the first, as selectors.clinic_get read
it); a deployment that has rows but never loaded a clinic file gets the default clinic. A
code becomes unique per clinic. On PostgreSQL each row's references must point at rows of
the same clinic: a composite foreign key (clinic_id, x_id) -> x (clinic_id, id).
"""

from django.db import migrations, models
from django.utils.text import slugify

from clinicbot.tenancy_migrations import clinic_field, on_postgresql, rows_to_the_clinic, same_clinic_sql

OWNED = (
    "location",
    "practitioner",
    "appointmenttype",
    "workinghours",
    "timeoff",
    "patient",
    "appointment",
    "slothold",
)
CODED = ("location", "practitioner", "appointmenttype")
# (table, column, referenced table): the references that must stay inside one clinic.
SAME_CLINIC = (
    ("scheduling_workinghours", "practitioner_id", "scheduling_practitioner"),
    ("scheduling_workinghours", "location_id", "scheduling_location"),
    ("scheduling_timeoff", "practitioner_id", "scheduling_practitioner"),
    ("scheduling_appointment", "patient_id", "scheduling_patient"),
    ("scheduling_appointment", "practitioner_id", "scheduling_practitioner"),
    ("scheduling_appointment", "location_id", "scheduling_location"),
    ("scheduling_appointment", "appointment_type_id", "scheduling_appointmenttype"),
    ("scheduling_slothold", "practitioner_id", "scheduling_practitioner"),
    ("scheduling_slothold", "location_id", "scheduling_location"),
    ("scheduling_slothold", "appointment_type_id", "scheduling_appointmenttype"),
    ("scheduling_slothold", "appointment_id", "scheduling_appointment"),
)
REFERENCED = (
    "scheduling_location",
    "scheduling_practitioner",
    "scheduling_appointmenttype",
    "scheduling_patient",
    "scheduling_appointment",
    "scheduling_slothold",
)


def clinic_codes(apps, schema_editor):
    clinic_model = apps.get_model("scheduling", "Clinic")
    taken = set()
    for clinic in clinic_model.objects.order_by("id"):
        code = slugify(clinic.name)[:48] or "clinic"
        if code in taken:
            code = f"{code}-{clinic.pk}"
        taken.add(code)
        clinic_model.objects.filter(pk=clinic.pk).update(code=code)


CREATE, DROP = same_clinic_sql(referenced=REFERENCED, same_clinic=SAME_CLINIC)


class Migration(migrations.Migration):
    dependencies = [("scheduling", "0005_clinic_confirmation_faq")]

    operations = [
        migrations.AddField(
            model_name="clinic",
            name="code",
            field=models.SlugField(default="", max_length=64, db_index=False),
            preserve_default=False,
        ),
        migrations.RunPython(clinic_codes, migrations.RunPython.noop),
        migrations.AddField(model_name="clinic", name="placeholder", field=models.BooleanField(default=False)),
        migrations.AlterField(
            model_name="clinic",
            name="code",
            field=models.SlugField(help_text='The clinic file\'s "code"', max_length=64, unique=True),
        ),
        *(
            migrations.AddField(model_name=name, name="clinic", field=clinic_field(null=True))
            for name in OWNED
        ),
        migrations.RunPython(rows_to_the_clinic("scheduling", OWNED), migrations.RunPython.noop),
        *(
            migrations.AlterField(model_name=name, name="clinic", field=clinic_field(null=False))
            for name in OWNED
        ),
        *(
            migrations.AlterField(model_name=name, name="code", field=models.SlugField(max_length=64))
            for name in CODED
        ),
        *(
            migrations.AddConstraint(
                model_name=name,
                constraint=models.UniqueConstraint(fields=("clinic", "code"), name=f"{name}_code_per_clinic"),
            )
            for name in CODED
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
