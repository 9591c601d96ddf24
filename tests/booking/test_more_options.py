""" "More options" pages through the wished times and then on to the alternatives: a patient
tapping it again and again never gets "I didn't get that", nor the same times twice (the
blind set 3 found the fourth tap refused once the wished morning ran out)."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from tests.conversations.factories import ConversationFactory
from tests.conversations.test_orchestrator import handle

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))
OFFER = re.compile(r"^\d\. (\S+ \d+/\d+ \d\d:\d\d · .+)$", re.M)


def test_more_options_runs_on_past_the_wish_to_its_alternatives():
    call_command("load_clinic", str(CLINIC), verbosity=0)
    conversation = ConversationFactory(language="en", phone_e164="+14155550123")  # Emily Carter
    with time_machine.travel(MONDAY, tick=False):
        replies = handle(
            conversation, "Emily Carter here, a check-up with Dr. Carlos on Tuesday morning please"
        )
        if "date of birth" in replies[-1]:
            replies = handle(conversation, "11/02/1975")
        seen: list[str] = []
        for _ in range(6):
            offered = OFFER.findall("\n".join(replies))
            assert offered, replies
            assert not set(offered) & set(seen), (offered, seen)
            seen += offered
            replies = handle(conversation, "more options")
    # Dr. Carlos's Tuesday morning (08:00-12:00) holds fewer than 18 visits 30 min apart:
    # the later pages are other times.
    assert any("Tue 8/12" not in s or int(s.split()[2][:2]) >= 12 for s in seen)
