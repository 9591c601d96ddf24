"""Defence in depth on PostgreSQL (issue 19): row-level security on every clinic-owned table,
keyed by the transaction's `app.clinic_ids`, so a query that forgets its clinic filter inside
a clinic scope still returns no other clinic's rows. SQLite has no row security: there the
query layer (clinicbot.tenancy's scoped manager) is the only guard, and this does nothing."""

from django.db import migrations

from clinicbot.tenancy_migrations import on_postgresql, row_security_sql

TABLES = (
    "scheduling_location",
    "scheduling_practitioner",
    "scheduling_appointmenttype",
    "scheduling_workinghours",
    "scheduling_timeoff",
    "scheduling_patient",
    "scheduling_appointment",
    "scheduling_slothold",
    "booking_bookingsession",
    "booking_reminder",
    "conversations_conversation",
    "conversations_inboundmessage",
    "conversations_outboundmessage",
    "conversations_escalation",
    "conversations_faqentry",
    "conversations_faqversion",
    "conversations_unansweredquestion",
    "conversations_cannedreply",
    "audit_traceevent",
    "audit_staffaction",
)
CREATE, DROP = row_security_sql(tables=TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("clinicbot", "0003_canned_reply_permissions"),
        ("scheduling", "0007_clinic_membership"),
        ("booking", "0003_clinic_tenant"),
        ("conversations", "0012_clinic_numbers"),
        ("audit", "0004_clinic_tenant"),
    ]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False)]
