"""Generated patients (issue 13): thousands of conversations composed from goals and many
ways of saying each part, at clock instants across the week, a late evening and two
days when the clocks change, through the pure path the webhook takes. Every one must end
booked exactly as wished or with staff and a reason, never loop, never book silently wrong.

GENERATED_PATIENTS=20000 runs more; GENERATED_SEED picks another deterministic sample."""

import os
import random
from collections import Counter
from datetime import datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

from booking import machine
from tests.booking.generated import driver
from tests.booking.generated.clinics import demo_clinic, madrid_clinic
from tests.booking.generated.goals import goal_draw

COUNT = int(os.environ.get("GENERATED_PATIENTS", "2400"))
SEED = int(os.environ.get("GENERATED_SEED", "13"))


def instants():
    """(clinic, now): each day of the week, early, lunchtime, after closing, 23:50, and the
    days clocks go back in Madrid (2026-10-25) and New York (2026-11-01)."""
    demo, madrid, new_york = demo_clinic(), madrid_clinic(), demo_clinic(zone="America/New_York")
    sao_paulo = ZoneInfo("America/Sao_Paulo")
    return [
        (demo, datetime(2026, 12, 7, 7, 10, tzinfo=sao_paulo)),  # Monday, before opening
        (demo, datetime(2026, 12, 8, 12, 30, tzinfo=sao_paulo)),  # Tuesday lunchtime
        (demo, datetime(2026, 12, 9, 19, 40, tzinfo=sao_paulo)),  # Wednesday after closing
        (demo, datetime(2026, 12, 10, 23, 50, tzinfo=sao_paulo)),  # Thursday 23:50
        (demo, datetime(2026, 12, 11, 9, 5, tzinfo=sao_paulo)),  # Friday morning
        (demo, datetime(2026, 12, 12, 10, 0, tzinfo=sao_paulo)),  # Saturday
        (demo, datetime(2026, 12, 13, 16, 0, tzinfo=sao_paulo)),  # Sunday
        (madrid, datetime(2026, 10, 24, 23, 50, tzinfo=madrid.zone)),  # the night before the change
        (madrid, datetime(2026, 10, 25, 9, 30, tzinfo=madrid.zone)),  # clocks went back at 03:00
        (madrid, datetime(2026, 10, 26, 13, 15, tzinfo=madrid.zone)),  # Monday lunchtime after it
        (madrid, datetime(2026, 10, 30, 20, 45, tzinfo=madrid.zone)),  # Friday after closing
        (new_york, datetime(2026, 11, 1, 1, 30, tzinfo=new_york.zone)),  # the repeated hour, first pass
        (new_york, datetime(2026, 10, 31, 18, 0, tzinfo=new_york.zone)),  # Saturday before the change
    ]


def generate(count: int, seed: int) -> list[driver.Outcome]:
    rng = random.Random(seed)
    points = instants()
    outcomes = []
    original = machine.Machine.go

    def recording(self, state, reason=""):
        if state != self.s.state:
            driver.HOPS.append((self.s.state, state))
        original(self, state, reason)

    with patch.object(machine.Machine, "go", recording):
        for i in range(count):
            clinic, now = points[i % len(points)]
            goal = None
            while goal is None:
                goal = goal_draw(rng, clinic, now)
            outcomes.append(driver.converse(goal, clinic, now, rng))
    return outcomes


# Never, in any generated conversation: a move the machine does not allow, the same bot
# message three times in a row, a booking other than the one wished, an end that is neither
# a booking nor staff.
NEVER = (
    "illegal_transition",
    "transition ",
    "state changed",
    "same_message_three_times",
    "wrong_booking",
    "ended_",
)
# Still found (issue 13, left open): a weekday slip as near to two days as "Thuesday"
# (Tuesday, Thursday) reads as neither, so "Thuesday next week" searches the whole week. The
# share reached (1 of 2,400 at seed 13; was 18 of 2,400) is the ceiling; it may only go down.
STILL_FOUND = 0.0005


def test_generated_patients_end_booked_as_wished_or_with_staff_and_never_break_an_invariant():
    outcomes = generate(COUNT, SEED)
    print("\n" + driver.summary(outcomes))
    broken = [o for o in outcomes if o.violations]
    never = [o for o in broken if any(v.startswith(NEVER) for v in o.violations)]
    kinds = Counter(v.split(":")[0] for o in broken for v in o.violations)
    shown = "\n\n".join(
        f"{o.violations} at {o.now:%a %Y-%m-%d %H:%M %Z} goal={o.goal}\n  " + "\n  ".join(o.transcript)
        for o in (never or broken)[:8]
    )
    assert not never, f"{len(never)} conversations broke an invariant: {dict(kinds)}\n\n{shown}"
    assert len(broken) <= STILL_FOUND * len(outcomes), f"{len(broken)} misread: {dict(kinds)}\n\n{shown}"
    assert len(outcomes) >= 2000
