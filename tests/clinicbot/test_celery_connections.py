"""Workers keep their database connection between tasks (CONN_MAX_AGE), instead of Celery's
default of closing it around every task, which opened a PostgreSQL session per message."""

from types import SimpleNamespace

import pytest
from celery.fixups.django import DjangoWorkerFixup
from django.db import connection

from clinicbot.celery import app, database_connections_recycle

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("persistent connections are a PostgreSQL setting here")


def _task(*, eager: bool):
    return SimpleNamespace(request=SimpleNamespace(is_eager=eager))


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_worker_keeps_its_connection_from_one_task_to_the_next(postgres):
    pid = _backend_pid()
    fixup = DjangoWorkerFixup(app)
    task = _task(eager=False)

    for _ in range(3):  # what a worker does around each task
        fixup.on_task_prerun(sender=task)
        database_connections_recycle(task=task)
        fixup.on_task_postrun(sender=task)
        database_connections_recycle(task=task)

    assert _backend_pid() == pid


def test_a_connection_past_its_age_is_replaced_between_tasks(postgres, settings):
    pid = _backend_pid()
    connection.close_at = 0  # as if CONN_MAX_AGE had passed

    database_connections_recycle(task=_task(eager=False))

    assert _backend_pid() != pid


def test_a_broken_connection_is_replaced_between_tasks(postgres):
    pid = _backend_pid()
    connection.connection.close()  # what a database restart does to it
    connection.errors_occurred = True

    database_connections_recycle(task=_task(eager=False))

    assert _backend_pid() != pid
