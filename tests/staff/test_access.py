import pytest
from django.contrib.auth.models import AnonymousUser

from clinicbot.access import (
    access_content,
    access_handle_conversations,
    access_metrics,
    access_replay,
    access_staff_area,
)
from tests.staff.factories import UserFactory, content_admin, operations_lead, receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_anonymous_users_have_no_access():
    anonymous = AnonymousUser()

    assert not any(
        check(anonymous)
        for check in (
            access_staff_area,
            access_handle_conversations,
            access_replay,
            access_metrics,
            access_content,
        )
    )


def test_a_user_without_a_role_has_no_access():
    user = UserFactory()

    assert not access_staff_area(user)
    assert not access_handle_conversations(user)


def test_an_inactive_receptionist_has_no_access():
    assert not access_handle_conversations(receptionist(is_active=False))


def test_reception_handles_conversations_and_replays_but_sees_no_metrics_or_content():
    user = receptionist()

    assert access_staff_area(user)
    assert access_handle_conversations(user)
    assert access_replay(user)
    assert not access_metrics(user)
    assert not access_content(user)


def test_operations_lead_sees_metrics_and_replays():
    user = operations_lead()

    assert access_metrics(user)
    assert access_replay(user)
    assert not access_content(user)


def test_content_admin_edits_content_only():
    user = content_admin()

    assert access_content(user)
    assert access_staff_area(user)
    assert not access_handle_conversations(user)
    assert not access_metrics(user)


def test_superusers_pass_every_check():
    user = UserFactory(is_superuser=True)

    assert all(
        check(user)
        for check in (
            access_staff_area,
            access_handle_conversations,
            access_replay,
            access_metrics,
            access_content,
        )
    )


def test_the_roles_are_created_by_a_migration():
    from django.contrib.auth.models import Group

    from clinicbot.access import ROLES

    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


@pytest.mark.parametrize(
    "role, allowed, refused",
    [
        ("Content admin", "/admin/conversations/faqentry/", "/admin/scheduling/appointment/"),
        ("Reception", "/admin/scheduling/appointment/", "/admin/conversations/faqentry/"),
        ("Operations lead", "/admin/audit/traceevent/", "/admin/conversations/faqentry/add/"),
    ],
)
def test_each_role_reaches_its_admin_pages_and_no_others(client, role, allowed, refused):
    client.force_login(UserFactory(roles=[role], is_staff=True))

    assert client.get(allowed).status_code == 200
    assert client.get(refused).status_code == 403
