"""The scripted conversations about races, refusals, reminders, repairs, robustness and "today", at every instant of the sweep."""

import pytest

from tests.scenarios.sweep import cases, run_at_every_instant

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.mark.parametrize(
    "scenario", cases("races", "refusals_", "reminders", "repair_", "robustness", "today")
)
def test_scenario(scenario, twilio_settings, fake_twilio, post_webhook, request):
    run_at_every_instant(scenario, post_webhook=post_webhook, fake_twilio=fake_twilio, request=request)
