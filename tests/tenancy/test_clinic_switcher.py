"""The staff menu's clinic switcher (only for a user of several clinics, superusers included)
and the membership's role, a choice of the staff roles."""

import pytest
from django.core.exceptions import ValidationError

from scheduling.models import ClinicMembership
from tests.staff.factories import UserFactory, receptionist

pytestmark = pytest.mark.sqlite


def test_a_user_of_one_clinic_gets_no_switcher(client, vista_reception):
    client.force_login(vista_reception)

    page = client.get("/staff/").content.decode()

    assert "clinic-switch" not in page


def test_a_superuser_sees_the_clinic_the_page_works_in_and_a_link_to_each_other(client, two_clinics):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    page = client.get("/staff/?clinic=sol").content.decode()

    assert "Clinic: <strong>Clínica Sol</strong>" in page
    assert 'href="/staff/?clinic=vista"' in page and "Switch to Clínica Vista" in page
    assert "Switch to Clínica Sol" not in page


def test_a_membership_role_is_one_of_the_staff_roles(two_clinics):
    user = receptionist()
    membership = ClinicMembership(user=user, clinic=two_clinics[0], role="Janitor")

    with pytest.raises(ValidationError, match="role"):
        membership.full_clean()
    assert ClinicMembership.Role.values == ["Reception", "Operations lead", "Content admin"]


def test_the_admin_offers_the_roles_as_a_choice(client, two_clinics):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    page = client.get("/admin/scheduling/clinicmembership/add/").content.decode()

    assert '<select name="role"' in page
    for role in ClinicMembership.Role.values:
        assert f'<option value="{role}">' in page
