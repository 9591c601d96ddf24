"""Conversations, their messages, escalations, the FAQ and canned replies name their clinic
(issue 19). A sender is one conversation per clinic and channel (the same phone writing to
two clinics has two histories); an FAQ topic is unique per clinic. On PostgreSQL a message,
an escalation or a version belongs to the clinic of its conversation or entry."""

from django.db import migrations, models

from clinicbot.tenancy_migrations import clinic_field, on_postgresql, rows_to_the_clinic, same_clinic_sql

OWNED = (
    "conversation",
    "inboundmessage",
    "outboundmessage",
    "escalation",
    "faqentry",
    "faqversion",
    "unansweredquestion",
    "cannedreply",
)
CREATE, DROP = same_clinic_sql(
    referenced=(
        "conversations_conversation",
        "conversations_inboundmessage",
        "conversations_faqentry",
        "conversations_faqversion",
    ),
    same_clinic=(
        ("conversations_inboundmessage", "conversation_id", "conversations_conversation"),
        ("conversations_outboundmessage", "conversation_id", "conversations_conversation"),
        ("conversations_outboundmessage", "in_reply_to_id", "conversations_inboundmessage"),
        ("conversations_escalation", "conversation_id", "conversations_conversation"),
        ("conversations_unansweredquestion", "conversation_id", "conversations_conversation"),
        ("conversations_unansweredquestion", "resolved_version_id", "conversations_faqversion"),
        ("conversations_faqversion", "entry_id", "conversations_faqentry"),
        ("conversations_faqentry", "approved_version_id", "conversations_faqversion"),
    ),
)


class Migration(migrations.Migration):
    dependencies = [("conversations", "0010_channel_per_conversation"), ("scheduling", "0006_clinic_tenant")]

    operations = [
        migrations.RemoveConstraint(model_name="conversation", name="conversation_unique_sender"),
        *(migrations.AddField(model_name=name, name="clinic", field=clinic_field(null=True)) for name in OWNED),
        migrations.RunPython(rows_to_the_clinic("conversations", OWNED), migrations.RunPython.noop),
        *(migrations.AlterField(model_name=name, name="clinic", field=clinic_field(null=False)) for name in OWNED),
        migrations.AlterField(model_name="faqentry", name="topic", field=models.SlugField(max_length=64)),
        migrations.AddConstraint(
            model_name="conversation",
            constraint=models.UniqueConstraint(
                fields=("clinic", "channel", "channel_user_id"), name="conversation_unique_sender"
            ),
        ),
        migrations.AddConstraint(
            model_name="faqentry",
            constraint=models.UniqueConstraint(fields=("clinic", "topic"), name="faq_entry_topic_per_clinic"),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
