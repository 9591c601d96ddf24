"""Defence in depth: inside a request for one clinic, a query that forgets its clinic filter
(raw SQL, or the base manager that skips the scoped one) still returns no other clinic's rows
on PostgreSQL, where row-level security keys every clinic-owned table by the request's
clinic. SQLite has no row security: there the scoped manager is the only guard, as the last
test shows."""

import pytest
from django.db import connection
from django.http import HttpResponse

from clinicbot.middleware import ClinicMiddleware
from conversations.models import Conversation

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="row security is PostgreSQL's")


def _unfiltered(seen: dict):
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT clinic_id FROM conversations_conversation")
            seen["sql"] = {row[0] for row in cursor.fetchall()}
        seen["base manager"] = set(Conversation._base_manager.values_list("clinic_id", flat=True))
        seen["manager"] = set(Conversation.objects.values_list("clinic_id", flat=True))
        return HttpResponse()

    return view


def _request(rf, user):
    request = rf.get("/staff/conversations/")
    request.user, request.session = user, {}
    return request


@on_postgresql
def test_an_unfiltered_query_inside_a_request_returns_no_other_clinics_rows(
    rf, two_clinics, sol_world, vista_reception, app_role
):
    vista, _ = two_clinics
    seen = {}

    ClinicMiddleware(_unfiltered(seen))(_request(rf, vista_reception))

    assert seen == {"sql": {vista.pk}, "base manager": {vista.pk}, "manager": {vista.pk}}


@on_postgresql
def test_outside_any_clinic_the_same_query_sees_every_clinic(two_clinics, sol_world, app_role):
    seen = {}

    _unfiltered(seen)(None)

    assert seen["sql"] == {clinic.pk for clinic in two_clinics}


@on_postgresql
def test_the_request_leaves_the_connection_unscoped(rf, two_clinics, sol_world, vista_reception, app_role):
    ClinicMiddleware(lambda request: HttpResponse())(_request(rf, vista_reception))

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('app.clinic_ids', true)")
        assert cursor.fetchone()[0] in ("", None)
        cursor.execute("SELECT count(DISTINCT clinic_id) FROM conversations_conversation")
        assert cursor.fetchone()[0] == 2


@pytest.mark.sqlite
@pytest.mark.skipif(connection.vendor != "sqlite", reason="what SQLite does")
def test_on_sqlite_only_the_scoped_manager_keeps_the_other_clinic_out(
    rf, two_clinics, sol_world, vista_reception
):
    vista, sol = two_clinics
    seen = {}

    ClinicMiddleware(_unfiltered(seen))(_request(rf, vista_reception))

    assert seen["manager"] == {vista.pk}
    assert seen["sql"] == seen["base manager"] == {vista.pk, sol.pk}  # no row security here
