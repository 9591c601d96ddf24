"""Trace events and staff actions name their clinic (issue 19); on PostgreSQL a trace event
belongs to its conversation's clinic. The append-only trigger is set aside while today's
events are given the clinic, and only then."""

from django.db import migrations

from clinicbot.tenancy_migrations import clinic_field, on_postgresql, rows_to_the_clinic, same_clinic_sql

OWNED = ("traceevent", "staffaction")
CREATE, DROP = same_clinic_sql(
    referenced=(),
    same_clinic=(("audit_traceevent", "conversation_id", "conversations_conversation"),),
)
TRIGGER_OFF = "ALTER TABLE audit_traceevent DISABLE TRIGGER audit_traceevent_append_only;"
TRIGGER_ON = "ALTER TABLE audit_traceevent ENABLE TRIGGER audit_traceevent_append_only;"


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_reminder_trace_types"),
        ("scheduling", "0006_clinic_tenant"),
        ("conversations", "0011_clinic_tenant"),
    ]

    operations = [
        *(migrations.AddField(model_name=name, name="clinic", field=clinic_field(null=True)) for name in OWNED),
        migrations.RunPython(on_postgresql(TRIGGER_OFF), on_postgresql(TRIGGER_ON)),
        migrations.RunPython(rows_to_the_clinic("audit", OWNED), migrations.RunPython.noop),
        migrations.RunPython(on_postgresql(TRIGGER_ON), on_postgresql(TRIGGER_OFF)),
        *(migrations.AlterField(model_name=name, name="clinic", field=clinic_field(null=False)) for name in OWNED),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
