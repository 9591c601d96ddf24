"""Metrics per clinic, and for the group of clinics a person leads operations at."""

import pytest
from django.urls import reverse

from scheduling.models import ClinicMembership
from tests.staff.factories import operations_lead

pytestmark = pytest.mark.sqlite


@pytest.fixture
def group_lead(client, two_clinics):
    user = operations_lead()
    for clinic in two_clinics:
        ClinicMembership.objects.create(user=user, clinic=clinic, role="Operations lead")
    client.force_login(user)
    return user


def test_each_clinics_metrics_count_its_own_conversations(client, group_lead, sol_world):
    for code in ("vista", "sol"):
        response = client.get(reverse("staff_metrics") + f"?clinic={code}")
        assert response.context["week"].conversations == 1, code
        assert not response.context["group"]


def test_the_groups_metrics_count_every_clinic_the_lead_leads(client, group_lead, sol_world):
    response = client.get(reverse("staff_metrics") + "?group=1")

    assert response.context["week"].conversations == 2
    assert "the group's 2 clinics" in response.content.decode()


def test_the_group_of_a_lead_at_one_clinic_is_that_clinic(client, two_clinics, sol_world):
    user = operations_lead()
    ClinicMembership.objects.create(user=user, clinic=two_clinics[1], role="Operations lead")
    client.force_login(user)

    assert client.get(reverse("staff_metrics") + "?group=1").context["week"].conversations == 1
