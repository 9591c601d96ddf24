from dataclasses import asdict
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.scenarios.runner import Runner, scenarios

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


@pytest.fixture
def demo_clinic():
    call_command("load_clinic", str(CLINIC), verbosity=0)


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda s: f"{s['file']}:{s['name']}")
def test_scenario(scenario, demo_clinic, twilio_settings, fake_twilio, post_webhook, request):
    outcome = Runner(post_webhook=post_webhook, fake_twilio=fake_twilio).run(scenario)
    # Reported through the test report so the totals survive pytest-xdist workers.
    request.node.user_properties.append(("scenario_outcome", asdict(outcome)))

    assert not outcome.failures, "\n".join(outcome.failures)
