"""What the tenancy migrations of every app share: moving rows to the deployment's clinic
and, on PostgreSQL, keeping each reference inside one clinic."""

from collections.abc import Callable, Mapping, Sequence

import django.db.models.deletion
from django.db import models
from django.db.models import OuterRef, Subquery

# (table, column, referenced table): a reference that must stay inside one clinic.
SameClinic = tuple[str, str, str]


def clinic_field(*, null: bool) -> models.ForeignKey:
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="scheduling.clinic",
    )


def rows_to_the_clinic(app_label: str, model_names: Sequence[str]) -> Callable:
    """A RunPython step giving every row of the models the deployment's clinic (the first,
    as one-clinic deployments read it), creating the default clinic when rows exist without one."""

    def run(apps, schema_editor) -> None:
        owned = [apps.get_model(app_label, name) for name in model_names]
        if not any(model.objects.exists() for model in owned):
            return
        clinic_model = apps.get_model("scheduling", "Clinic")
        clinic = clinic_model.objects.order_by("id").first()
        if clinic is None:
            clinic = clinic_model.objects.create(code="default", name="the clinic", placeholder=True)
        for model in owned:
            model.objects.update(clinic=clinic)
        if schema_editor.connection.vendor == "postgresql":
            # Fire the deferred checks now: PostgreSQL alters no table with events pending.
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    return run


def rows_to_the_clinic_of(app_label: str, owners: Mapping[str, str]) -> Callable:
    """A RunPython step giving every row of each model (a key of `owners`) the clinic of the
    row its foreign key (the value) points at: a link table's rows take their owner's clinic."""

    def run(apps, schema_editor) -> None:
        for model_name, via in owners.items():
            model = apps.get_model(app_label, model_name)
            owner = model._meta.get_field(via).related_model
            model.objects.update(
                clinic_id=Subquery(owner.objects.filter(pk=OuterRef(f"{via}_id")).values("clinic_id")[:1])
            )
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as in rows_to_the_clinic

    return run


def same_clinic_sql(*, referenced: Sequence[str], same_clinic: Sequence[SameClinic]) -> tuple[str, str]:
    """PostgreSQL DDL (create, drop): (clinic_id, id) unique on each referenced table and a
    composite foreign key (clinic_id, column) -> table (clinic_id, id) for each reference,
    deferred like Django's own. NULL references are not checked (MATCH SIMPLE)."""
    create = [f"ALTER TABLE {t} ADD CONSTRAINT {t}_clinic_key UNIQUE (clinic_id, id);" for t in referenced]
    create += [
        f"ALTER TABLE {t} ADD CONSTRAINT {t}_{c}_same_clinic FOREIGN KEY (clinic_id, {c}) "
        f"REFERENCES {r} (clinic_id, id) DEFERRABLE INITIALLY DEFERRED;"
        for t, c, r in same_clinic
    ]
    drop = [f"ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {t}_{c}_same_clinic;" for t, c, _ in same_clinic]
    drop += [f"ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {t}_clinic_key;" for t in referenced]
    return "\n".join(create), "\n".join(drop)


def on_postgresql(sql: str) -> Callable:
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql" and sql:
            schema_editor.execute(sql)

    return run


# Row-level security: every clinic-owned table shows a transaction only the rows of the
# clinics its `app.clinic_ids` setting names (clinicbot.tenancy sets it for a clinic scope);
# with the setting empty (a worker's sweep, a migration, a command) every row, as before.
SETTING = "app.clinic_ids"
_VISIBLE = (
    f"coalesce(current_setting('{SETTING}', true), '') = '' "
    f"OR clinic_id = ANY (string_to_array(current_setting('{SETTING}', true), ',')::bigint[])"
)


def row_security_sql(*, tables: Sequence[str]) -> tuple[str, str]:
    """PostgreSQL DDL (create, drop) for the clinic policy on each table. FORCE makes it bind
    the tables' owner too; a superuser or a BYPASSRLS role still escapes it, so the app must
    not connect as one (clinicbot.checks warns)."""
    create = [
        f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY; ALTER TABLE {t} FORCE ROW LEVEL SECURITY; "
        f"CREATE POLICY {t}_clinic ON {t} USING ({_VISIBLE}) WITH CHECK ({_VISIBLE});"
        for t in tables
    ]
    drop = [
        f"DROP POLICY IF EXISTS {t}_clinic ON {t}; ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY; "
        f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY;"
        for t in tables
    ]
    return "\n".join(create), "\n".join(drop)
