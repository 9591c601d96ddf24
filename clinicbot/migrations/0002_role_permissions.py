"""Give each role the admin permissions its work needs (the staff pages check roles
themselves; these are for the Django admin)."""

from django.db import migrations

GRANTS = {
    "Reception": [
        ("scheduling", "appointment", ("view", "add", "change")),
        ("scheduling", "patient", ("view", "add", "change")),
        ("scheduling", "practitioner", ("view",)),
        ("scheduling", "timeoff", ("view", "add", "change")),
        ("conversations", "conversation", ("view",)),
        ("conversations", "escalation", ("view",)),
    ],
    "Operations lead": [
        ("conversations", "conversation", ("view",)),
        ("conversations", "inboundmessage", ("view",)),
        ("conversations", "outboundmessage", ("view",)),
        ("conversations", "escalation", ("view",)),
        ("conversations", "unansweredquestion", ("view", "change")),
        ("audit", "traceevent", ("view",)),
        ("audit", "staffaction", ("view",)),
        ("scheduling", "appointment", ("view",)),
    ],
    "Content admin": [
        ("conversations", "faqentry", ("view", "add", "change")),
        ("conversations", "faqversion", ("view", "add")),
        ("conversations", "unansweredquestion", ("view", "change")),
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; make sure they exist now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, grants in GRANTS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        for app_label, model, actions in grants:
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(*permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("clinicbot", "0001_roles"),
        ("conversations", "0004_faq"),
        ("scheduling", "0003_appointment_type_duration_within_a_day"),
        ("audit", "0003_reminder_trace_types"),
        ("booking", "0002_reminder"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
