"""System checks, one per integration: misconfiguration shows at start-up, not at 3 a.m."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=False)
def public_url_check(app_configs, **kwargs) -> list:
    if (
        not settings.DEBUG
        and settings.PUBLIC_BASE_URL
        and not settings.PUBLIC_BASE_URL.startswith("https://")
    ):
        return [Error("PUBLIC_BASE_URL must be https when DEBUG is off", id="clinicbot.E004")]
    return []


@register(Tags.security)
def secret_key_check(app_configs, **kwargs) -> list:
    """Start-up refuses these already (clinicbot.settings); this covers settings changed later."""
    from clinicbot.settings import secret_key_problem

    if not settings.DEBUG and (problem := secret_key_problem(settings.SECRET_KEY)):
        return [Error(f"SECRET_KEY must be set when DEBUG is off: {problem}", id="clinicbot.E005")]
    return []


@register(Tags.compatibility)
def anthropic_check(app_configs, **kwargs) -> list:
    if settings.NLU_ENGINE in ("claude", "hybrid") and not settings.ANTHROPIC_API_KEY:
        return [Error(f"NLU_ENGINE={settings.NLU_ENGINE} needs ANTHROPIC_API_KEY", id="clinicbot.E006")]
    return []


@register(Tags.compatibility)
def celery_check(app_configs, **kwargs) -> list:
    if not settings.DEBUG and settings.CELERY_TASK_ALWAYS_EAGER:
        return [
            Warning(
                "CELERY_BROKER_URL is unset: tasks run inside web requests",
                hint="Set it to a Redis URL in production.",
                id="clinicbot.W001",
            )
        ]
    return []


@register(Tags.database)
def row_security_check(app_configs, databases=None, **kwargs) -> list:
    """Row-level security (clinicbot/migrations/0004) binds every role but a superuser's or a
    BYPASSRLS one's: connected as such, a query that forgets its clinic sees every clinic."""
    from django.db import connection

    if not databases or "default" not in databases or connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    if row and row[0]:
        return [
            Warning(
                "the database role bypasses row-level security (a superuser or BYPASSRLS): "
                "connect as a role that owns the tables and is neither",
                id="clinicbot.W020",
            )
        ]
    return []
