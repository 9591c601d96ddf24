"""The scripted conversations about the waitlist for freed slots, at every instant of the sweep."""

import pytest

from tests.scenarios.sweep import cases, run_at_every_instant

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.mark.parametrize("scenario", cases("waitlist_"))
def test_scenario(scenario, twilio_settings, fake_twilio, post_webhook, request):
    run_at_every_instant(scenario, post_webhook=post_webhook, fake_twilio=fake_twilio, request=request)
