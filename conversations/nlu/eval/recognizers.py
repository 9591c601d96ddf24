"""Score `dates.resolve` on the Recognizers-Text DateTime specs.

The filter (also in docs/nlu.md): `spec == "DateTimeModel"` (the end-to-end model, not
its variant modes), upstream .NET passes the row, a reference time is given, exactly one
expected result, and its type is date, time or datetime, or a daterange of at most
7 days ("this week", "next weekend"). Excluded: durations, sets, time zones, open-ended
values (a `Mod` such as before/after), time-of-day ranges (their hour bounds are a
convention: Recognizers' afternoon is 12-16, a clinic's runs to 18) and ranges longer
than a week (months, years, decades are not booking expressions).

Each row's `Text` span is resolved against its own reference time in UTC. A row counts as
correct when the first reading we return matches one of the expected values: the same day
for a date, the same clock time for a time, both for a datetime, and for a daterange the
same end with our start equal to the expected start (a row whose only value is "not
resolved", such as "feb 30", is correct when we return None) or, where the range contains the
reference time, to the reference day (we never return the past part of a range). For
"from A to B" rows Recognizers ends the range at B while ours includes B (ends at B + 1
day); both count, since they denote the same request.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from conversations.nlu.dates import resolve

TYPES = {"date", "time", "datetime", "daterange"}
LANGUAGES = {"en": "en", "es": "es", "pt": "pt-BR"}


@dataclass(frozen=True)
class Case:
    language: str
    idx: int
    text: str
    reference: datetime
    kind: str
    values: tuple[dict, ...]


def load_cases(root: Path) -> Iterator[Case]:
    for file_lang, language in LANGUAGES.items():
        with open(root / "recognizers_datetime" / f"{file_lang}.jsonl", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                case = _case(row, language)
                if case is not None:
                    yield case


def _case(row: dict, language: str) -> Case | None:
    if row["spec"] != "DateTimeModel" or not row["dotnet_passes"] or not row["reference_datetime"]:
        return None
    if len(row["results"]) != 1:
        return None
    result = row["results"][0]
    kind = (result.get("TypeName") or result.get("Typename") or "").removeprefix("datetimeV2.")
    values = tuple(result["Resolution"]["values"])
    if kind not in TYPES or any("Mod" in v for v in values):
        return None
    if kind == "daterange":
        first = values[0]
        if "start" not in first or "end" not in first:
            return None
        span = date.fromisoformat(first["end"]) - date.fromisoformat(first["start"])
        if span > timedelta(days=7):
            return None
    if any("value" not in v and kind != "daterange" for v in values):
        return None
    reference = datetime.fromisoformat(row["reference_datetime"])
    return Case(language, row["idx"], result["Text"], reference, kind, values)


def is_correct(case: Case) -> bool:
    res = resolve(case.text, language=case.language, now=case.reference, zone="UTC")
    if all(v.get("value") == "not resolved" for v in case.values):
        return res is None  # an impossible date such as "feb 30"
    if res is None or res.start is None or res.end is None:
        return False
    start = res.start.replace(tzinfo=None)
    end = res.end.replace(tzinfo=None)
    stamp = start.strftime("%Y-%m-%d %H:%M:%S")
    for value in case.values:
        if (
            case.kind == "date"
            and res.granularity in ("day", "period")
            and start.date().isoformat() == value["value"]
        ):
            return True
        if case.kind == "time" and res.granularity == "time" and start.strftime("%H:%M:%S") == value["value"]:
            return True
        if case.kind == "datetime" and res.granularity == "time" and stamp == value["value"]:
            return True
        if case.kind == "daterange":
            expected_start = date.fromisoformat(value["start"])
            expected_end = date.fromisoformat(value["end"])
            clipped = max(expected_start, case.reference.date())
            ends = {expected_end}
            if re.search(r"\b(to|until|through|a|al|hasta|ate|y|e|and)\b|-", case.text.lower()):
                # Recognizers closes "from A to B" at B; we include B (end = B + 1 day).
                ends.add(expected_end + timedelta(days=1))
            if end.date() in ends and start.date() in (expected_start, clipped):
                return True
    return False


def score(root: Path) -> dict[str, tuple[int, int, list[Case]]]:
    """language -> (correct, total, failures)"""
    out: dict[str, tuple[int, int, list[Case]]] = {}
    for case in load_cases(root):
        correct, total, failures = out.get(case.language, (0, 0, []))
        if is_correct(case):
            correct += 1
        else:
            failures.append(case)
        out[case.language] = (correct, total + 1, failures)
    return out
