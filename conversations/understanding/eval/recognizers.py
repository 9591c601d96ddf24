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

Reading direction: the resolver reads forward by default (a booking bot never resolves into
the past). A row whose every expected value lies before its reference day ("martes 25" said
on Friday the 28th, "15 april of 87") is resolved with `prefer="past"`, the backward reading
`dates.resolve` implements; every other row with the default. `score` counts those rows.
"""

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from conversations.understanding.dates import resolve
from conversations.understanding.languages import CODES
from conversations.understanding.text import fold

TYPES = {"date", "time", "datetime", "daterange"}


@dataclass(frozen=True)
class Case:
    language: str
    idx: int
    text: str
    reference: datetime
    kind: str
    values: tuple[dict, ...]

    @property
    def past_only(self) -> bool:
        """Every expected value lies before the reference day."""
        firsts = [v.get("start") or v.get("value") or "" for v in self.values]
        if self.kind == "time" or not all(re.match(r"\d{4}-\d\d-\d\d", f) for f in firsts):
            return False
        return all(date.fromisoformat(f[:10]) < self.reference.date() for f in firsts)


@dataclass
class LanguageScore:
    correct: int = 0
    total: int = 0
    past_rows: int = 0  # scored with prefer="past"
    past_correct: int = 0
    failures: list[tuple[Case, str]] = field(default_factory=list)
    removed: Counter = field(default_factory=Counter)  # filter rule -> rows it removed


def load_cases(root: Path, removed: dict[str, Counter] | None = None) -> Iterator[Case]:
    """The filtered rows; `removed[language][rule]` counts the rows each rule drops
    (DateTimeModel rows only; the first rule that fails is counted)."""
    for language in CODES:
        path = root / "recognizers_datetime" / f"{language.split('-')[0]}.jsonl"  # pt.jsonl is pt-BR
        if not path.exists():
            continue  # the upstream specs cover only some languages
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row["spec"] != "DateTimeModel":
                    continue
                case = _case(row, language)
                if isinstance(case, Case):
                    yield case
                elif removed is not None:
                    removed.setdefault(language, Counter())[case] += 1


def _case(row: dict, language: str) -> Case | str:
    """The case, or the name of the filter rule that removes the row."""
    if not row["dotnet_passes"]:
        return ".NET fails upstream"
    if not row["reference_datetime"]:
        return "no reference time"
    if len(row["results"]) != 1:
        return "not exactly one result (negatives, several spans)"
    result = row["results"][0]
    kind = (result.get("TypeName") or result.get("Typename") or "").removeprefix("datetimeV2.")
    values = tuple(result["Resolution"]["values"])
    if kind not in TYPES:
        return f"type {kind}"
    if any("Mod" in v for v in values):
        return "open-ended (Mod before/after/since)"
    if kind == "daterange":
        first = values[0]
        if "start" not in first or "end" not in first:
            return "open-ended (Mod before/after/since)"
        span = date.fromisoformat(first["end"]) - date.fromisoformat(first["start"])
        if span > timedelta(days=7):
            return "daterange longer than 7 days"
    if any("value" not in v and kind != "daterange" for v in values):
        return "no value"
    reference = datetime.fromisoformat(row["reference_datetime"])
    return Case(language, row["idx"], result["Text"], reference, kind, values)


def is_correct(case: Case) -> bool:
    return _judge(case)[0]


def _judge(case: Case) -> tuple[bool, str]:
    """(correct, what we returned)"""
    prefer = "past" if case.past_only else "future"
    res = resolve(case.text, language=case.language, now=case.reference, zone="UTC", prefer=prefer)
    if all(v.get("value") == "not resolved" for v in case.values):
        return res is None, str(res and res.start)  # an impossible date such as "feb 30"
    if res is None or res.start is None or res.end is None:
        return False, "None"
    got = f"{res.start:%Y-%m-%d %H:%M:%S}..{res.end:%Y-%m-%d %H:%M} {res.granularity}"
    return _matches(case, res), got


def _matches(case: Case, res) -> bool:
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
            # The specs' range words (to/until/a/hasta/até/y/e): judging their data, not parsing.
            if "-" in case.text or re.search(
                r"\b(to|until|through|a|al|hasta|ate|y|e|and)\b", fold(case.text)
            ):
                # Recognizers closes "from A to B" at B; we include B (end = B + 1 day).
                ends.add(expected_end + timedelta(days=1))
            if end.date() in ends and start.date() in (expected_start, clipped):
                return True
    return False


def score(root: Path) -> dict[str, LanguageScore]:
    removed: dict[str, Counter] = {}
    out: dict[str, LanguageScore] = {}
    for case in load_cases(root, removed):
        lang = out.setdefault(case.language, LanguageScore())
        ok, got = _judge(case)
        lang.total += 1
        lang.correct += ok
        if case.past_only:
            lang.past_rows += 1
            lang.past_correct += ok
        if not ok:
            lang.failures.append((case, got))
    for language, counts in removed.items():
        out.setdefault(language, LanguageScore()).removed = counts
    return out


def describe(case: Case, got: str) -> str:
    expected = [v.get("value") or f"{v.get('start')}..{v.get('end')}" for v in case.values]
    reading = "past " if case.past_only else ""
    return (
        f"{case.language} #{case.idx} {case.kind} {reading}ref={case.reference:%Y-%m-%d %a %H:%M} "
        f"{case.text!r}: expected {expected}, got {got}"
    )
