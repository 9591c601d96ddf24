from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_trace_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_traceevent is append-only: %% refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_traceevent_append_only
    BEFORE UPDATE OR DELETE ON audit_traceevent
    FOR EACH ROW EXECUTE FUNCTION audit_trace_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_traceevent_append_only ON audit_traceevent;
DROP FUNCTION IF EXISTS audit_trace_append_only();
"""


def postgres_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(postgres_only(CREATE), postgres_only(DROP))]
