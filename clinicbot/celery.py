import os

from celery import Celery
from celery.signals import after_setup_logger, after_setup_task_logger, task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinicbot.settings")

app = Celery("clinicbot")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@after_setup_logger.connect
@after_setup_task_logger.connect
def log_handlers_mask_phones(**kwargs) -> None:
    """A worker replaces the root logger's handlers with its own (and the task logger's),
    so the phone-masking filter goes onto those too: the twilio SDK logs every request's
    parameters, `To: whatsapp:+…` included, at INFO."""
    from clinicbot.logging import mask_every_handler

    mask_every_handler()


@task_prerun.connect
@task_postrun.connect
def database_connections_recycle(task=None, **kwargs) -> None:
    """Keep a worker's database connection between tasks, as web requests keep theirs.

    Celery's Django fixup closes every connection around every task (CELERY_DB_REUSE_MAX
    in the settings turns that off), which made each message open a new PostgreSQL
    session: a backend forked, authenticated and warmed up per task. Instead, Django's
    own rule applies: a connection older than CONN_MAX_AGE, or one that failed its health
    check (CONN_HEALTH_CHECKS, e.g. after a database restart), is closed and reopened.
    Tasks run in-process (eagerly) are left alone: they share their caller's connection.
    """
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()
