"""A receptionist of two clinics in a real browser: the menu names the clinic the page works
in, and switching to the other clinic shows that clinic's inbox instead."""

import pytest
from playwright.sync_api import Page, expect

from clinicbot.tenancy import clinic_scope
from scheduling.models import ClinicMembership
from tests.browser.test_inbox import waiting
from tests.browser.test_staff_workspace import log_in
from tests.browser.test_unanswered import csp_violations
from tests.staff.factories import receptionist
from tests.tenancy.conftest import load, sol_file, vista_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def vista_and_sol(tmp_path):
    from scheduling.models import Clinic

    load(tmp_path, "vista", vista_file())
    load(tmp_path, "sol", sol_file())
    return Clinic.objects.get(code="vista"), Clinic.objects.get(code="sol")


def test_switching_clinic_in_the_menu_changes_the_inbox(live_server, page: Page, vista_and_sol):
    vista, sol = vista_and_sol
    user = receptionist()
    for clinic in (vista, sol):
        ClinicMembership.objects.create(user=user, clinic=clinic, role=ClinicMembership.Role.RECEPTION)
    with clinic_scope(vista.pk):
        waiting("Priya Vista", said="Quero falar com alguém")
    with clinic_scope(sol.pk):
        waiting("Pablo Sol", said="Quiero hablar con alguien")
    violations = csp_violations(page)
    log_in(page, live_server.url, user.username)
    page.click("nav >> text=Inbox")
    switcher = page.locator("header nav .clinic-switch")
    expect(switcher).to_contain_text("Clinic: Clínica Vista")
    expect(page.locator("main")).to_contain_text("Priya Vista")
    expect(page.locator("main")).not_to_contain_text("Pablo Sol")

    switcher.get_by_role("link", name="Switch to Clínica Sol").click()

    expect(page).to_have_url(f"{live_server.url}/staff/escalations/?clinic=sol")
    expect(switcher).to_contain_text("Clinic: Clínica Sol")
    expect(page.locator("main")).to_contain_text("Pablo Sol")
    expect(page.locator("main")).not_to_contain_text("Priya Vista")
    page.click("nav >> text=Inbox")  # the choice is remembered for the session
    expect(page.locator("main")).to_contain_text("Pablo Sol")
    expect(switcher.get_by_role("link", name="Switch to Clínica Vista")).to_be_visible()
    assert violations == []
