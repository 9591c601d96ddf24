import json

import pytest

from conversations.understanding import understand
from conversations.understanding.emergency import RULES_VERSION
from conversations.understanding.trace import understanding_trace

pytestmark = pytest.mark.sqlite


def test_an_emergency_trace_records_the_rule_and_its_version(directory, now):
    payload = understanding_trace(understand("no puedo respirar", directory=directory, now=now))
    assert payload["emergency"]["version"] == RULES_VERSION
    assert payload["emergency"]["rule_id"].startswith("breathing.es")


def test_a_trace_is_json_and_keeps_names_and_birth_dates_out(directory, now):
    result = understand("15/04/1985", directory=directory, now=now, expecting="date_of_birth")
    payload = understanding_trace(result)
    assert payload["entities"]["has_date_of_birth"] is True
    assert "1985" not in json.dumps(payload)
