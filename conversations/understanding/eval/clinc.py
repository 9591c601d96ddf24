"""How often out-of-scope CLINC150 queries would start a booking flow.

Rows: the out-of-scope splits (oos_test, oos_val, oos_train) and the 4,500 in-scope test
queries of the 150 CLINC intents (banking, travel, cars, calendars... all out of scope
for a clinic), minus every row with `health_or_appointment_mention` set (the README's
medical flag; some of those are in scope for us). A row fails when the local engine
says book, reschedule or cancel. Emergencies are counted too: none of these rows is one.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conversations.understanding import understand
from conversations.understanding.types import ClinicDirectory, Intent

FILES = ("oos_test", "oos_val", "oos_train", "in_scope_test")
BOOKING = {Intent.BOOK, Intent.RESCHEDULE, Intent.CANCEL}
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=ZoneInfo("UTC"))
DIRECTORY = ClinicDirectory(time_zone="UTC")


@dataclass
class ClincScore:
    total: dict[str, int] = field(default_factory=dict)
    booking: dict[str, int] = field(default_factory=dict)
    emergencies: int = 0
    failures: list[str] = field(default_factory=list)


def score(root: Path) -> ClincScore:
    out = ClincScore()
    for name in FILES:
        with open(root / "clinc_oos" / f"{name}.jsonl", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("health_or_appointment_mention"):
                    continue
                result = understand(row["text"], directory=DIRECTORY, now=NOW, language_hint="en")
                out.total[name] = out.total.get(name, 0) + 1
                out.emergencies += result.intent is Intent.EMERGENCY
                if result.intent in BOOKING:
                    out.booking[name] = out.booking.get(name, 0) + 1
                    out.failures.append(
                        f"{name} {row.get('intent')}: {row['text']!r} -> {result.intent.value}"
                    )
    return out
