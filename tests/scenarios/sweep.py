"""What the sweep's test modules share: the clinic at an instant's zone, and one test body.

One test per scripted conversation runs it at every instant in clock.INSTANTS. The clinic
file is loaded once per zone and each instant runs inside a savepoint that is rolled back,
so the instants of one scenario share the load (the slowest part of a short conversation)
and never see each other's bookings. The scenarios are split over two modules only so
that pytest-xdist (--dist loadfile) gives each worker about half of the sweep.
"""

from dataclasses import asdict
from itertools import groupby

import pytest
from django.db import transaction

from tests.scenarios.clock import INSTANTS
from tests.scenarios.runner import Runner, clinic_data, scenarios


def clinic_at(zone: str) -> None:
    """The demo clinic file, loaded with its time zone switched to `zone`."""
    from conversations.faq.clinic_file import faq_file_parse
    from conversations.faq.services import faq_load
    from conversations.understanding.languages import SPELLINGS
    from scheduling.clinic_file import clinic_file_parse
    from scheduling.clinic_load import clinic_load

    data = clinic_data()
    data["clinic"]["time_zone"] = zone
    spec = clinic_file_parse(data, languages=SPELLINGS)
    clinic_load(spec=spec)
    faq_load(specs=faq_file_parse(spec.faq, languages=spec.languages))


def cases(*files: str) -> list:
    return [
        pytest.param(scenario, id=f"{scenario['file']}:{scenario['name']}")
        for scenario in scenarios()
        if scenario["file"].startswith(files)
    ]


def run_at_every_instant(scenario: dict, *, post_webhook, fake_twilio, request) -> None:
    from scheduling.directory import directory_invalidate

    failures = []
    for zone, instants in groupby(INSTANTS, key=lambda instant: instant.zone):
        with transaction.atomic():
            clinic_at(zone)
            for instant in instants:
                with transaction.atomic():
                    directory_invalidate()
                    outcome = Runner(post_webhook=post_webhook, fake_twilio=fake_twilio, instant=instant).run(
                        scenario
                    )
                    transaction.set_rollback(True)
                # Reported through the test report so the totals survive pytest-xdist workers.
                request.node.user_properties.append(("scenario_outcome", asdict(outcome)))
                failures += [f"at {instant.label}: {failure}" for failure in outcome.failures]
            transaction.set_rollback(True)
        directory_invalidate()
    assert not failures, "\n".join(failures)
