"""The operations lead reads campaigns, their sends and the opt-outs in the admin, and may
lift an opt-out a patient asks to lift (the staff pages run the campaigns themselves)."""

from django.db import migrations

GRANTS = {
    "Operations lead": [
        ("conversations", "campaign", ("view", "change")),
        ("conversations", "campaignsend", ("view",)),
        ("conversations", "campaignoptout", ("view", "delete")),
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

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
            group.permissions.add(
                *permission_model.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("clinicbot", "0004_clinic_row_security"),
        ("conversations", "0014_campaigns"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
