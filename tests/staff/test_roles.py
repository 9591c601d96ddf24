"""Each role sees only the links it can follow, and a refusal is a styled page with the menu."""

import pytest
from django.urls import reverse

from tests.staff.factories import UserFactory, content_admin, operations_lead, receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

MENU = {
    "Inbox": "staff_escalations",
    "Conversations": "staff_conversations",
    "Calendar": "staff_calendar",
    "Metrics": "staff_metrics",
    "Unanswered": "staff_unanswered",
}
ROLES = {
    "reception": (receptionist, {"Inbox", "Conversations", "Calendar"}),
    "operations lead": (operations_lead, {"Inbox", "Conversations", "Calendar", "Metrics"}),
    "content admin": (content_admin, {"Unanswered"}),
}


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_offers_exactly_the_pages_the_role_may_open(client, role):
    make, allowed = ROLES[role]
    client.force_login(make())

    html = client.get(reverse("staff_home")).content.decode()

    for label, name in MENU.items():
        link = f'<a href="{reverse(name)}">{label}</a>'
        assert (link in html) == (label in allowed), label
        assert client.get(reverse(name)).status_code == (200 if label in allowed else 403), label


@pytest.mark.parametrize("role", ROLES)
def test_a_refusal_is_a_styled_page_with_the_menu_and_a_sentence(client, role):
    make, allowed = ROLES[role]
    client.force_login(make())
    forbidden = next(name for label, name in MENU.items() if label not in allowed)

    response = client.get(reverse(forbidden))

    html = response.content.decode()
    assert response.status_code == 403
    assert "css/clinicbot.css" in html and 'class="topbar"' in html
    assert "This page is not part of your work here" in html and "does not open this page" in html
    assert f'<a href="{reverse("staff_home")}">Home</a>' in html


def test_a_user_without_a_role_is_told_so(client):
    client.force_login(UserFactory())

    html = client.get(reverse("staff_home")).content.decode()

    assert "Your account has no ClinicBot role yet" in html
    assert f'href="{reverse("staff_escalations")}"' not in html
