"""Score the local engine on Schema-Guided Dialogue appointment turns (English).

Dates and times: every labelled user turn with an `appointment_date` or `appointment_time`
span. Its gold value is the canonical value of the first later `next_service_call` of the
same dialogue and service whose state still holds that surface form (SGD resolves them
all against an implicit "today" of Friday 2019-03-01). The whole utterance goes through
`understand`, as a patient's message would; the date must equal the gold day, the clock
time the gold time.

Intent: turns whose user acts include INFORM_INTENT BookAppointment must come out as
`book`. Each turn gets the context the booking flow would give: `expecting=Expecting.OPTION` when
the system turn just before it (its frame for the dentist/doctor/therapist service) offered
a provider or slot, told about the one offered, or reported that the booking failed
(acts OFFER, INFORM, INFORM_COUNT, NOTIFY_FAILURE, and no NOTIFY_SUCCESS); otherwise no
context. The counterweight: user turns given that same context whose acts are only
requests, refusals, thanks or goodbyes (REQUEST, REQUEST_ALTS, NEGATE, NEGATE_INTENT,
THANK_YOU, GOODBYE) must not come out as `book`.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conversations.understanding import understand
from conversations.understanding.emergency import emergency_detect
from conversations.understanding.types import ClinicDirectory, Expecting, Intent

ZONE = "America/Los_Angeles"
NOW = datetime(2019, 3, 1, 0, 0, tzinfo=ZoneInfo(ZONE))  # SGD's implicit today, a Friday
DIRECTORY = ClinicDirectory(time_zone=ZONE)
SERVICES = {"Services_2", "Services_3", "Services_4"}
BOOKING_CONTEXT = {"OFFER", "INFORM", "INFORM_COUNT", "NOTIFY_FAILURE"}
NOT_BOOKING_ACTS = {"REQUEST", "REQUEST_ALTS", "NEGATE", "NEGATE_INTENT", "THANK_YOU", "GOODBYE"}


@dataclass
class Slot:
    utterance: str
    surface: str
    gold: str = ""


@dataclass
class SgdScore:
    date_total: int = 0
    date_correct: int = 0
    time_total: int = 0
    time_correct: int = 0
    book_total: int = 0
    book_correct: int = 0
    book_in_context: int = 0  # of book_total, turns given Expecting.OPTION
    book_correct_without_context: int = 0  # the same turns understood with expecting=None
    other_in_context: int = 0  # requests, refusals, thanks given Expecting.OPTION
    other_read_as_book: int = 0
    turns: int = 0
    emergencies: int = 0  # user turns flagged by the emergency rules; none is an emergency
    failures: list[str] = field(default_factory=list)


def _gold_slots(root: Path) -> dict[str, list[Slot]]:
    """slot name -> user mentions with their canonical value."""
    by_dialogue: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with open(root / "sgd_appointments" / "turns.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["service"] in SERVICES:
                by_dialogue[(row["dialogue_id"], row["service"])].append(row)
    out: dict[str, list[Slot]] = {"appointment_date": [], "appointment_time": []}
    for turns in by_dialogue.values():
        turns.sort(key=lambda r: r["turn_idx"])
        pending: dict[str, list[Slot]] = {"appointment_date": [], "appointment_time": []}
        for row in turns:
            for span in row["spans"]:
                if span["slot"] in pending:
                    pending[span["slot"]].append(Slot(row["utterance"], span["value"]))
            call = row.get("next_service_call") or {}
            params = call.get("parameters") or {}
            for slot_name, waiting in pending.items():
                if slot_name not in params:
                    continue
                held = set(row["slot_values"].get(slot_name, []))
                for mention in waiting:
                    if mention.surface in held:
                        mention.gold = params[slot_name]
                out[slot_name].extend(m for m in waiting if m.gold)
                pending[slot_name] = [m for m in waiting if not m.gold]
    return out


def _expecting_by_turn(root: Path) -> dict[tuple[str, int], Expecting]:
    """(dialogue, user turn index) -> Expecting.OPTION where the previous system turn leaves
    the booking flow mid-way with an offer on the table (see the module docstring)."""
    out: dict[tuple[str, int], Expecting] = {}
    with open(root / "sgd_appointments" / "dialogues.jsonl", encoding="utf-8") as handle:
        for line in handle:
            dialogue = json.loads(line)
            turns = dialogue["turns"]
            for index in range(1, len(turns)):
                previous = turns[index - 1]
                if previous["speaker"] != "SYSTEM":
                    continue
                acts = {a[0] for f in previous["frames"] if f["service"] in SERVICES for a in f["acts"]}
                if acts & BOOKING_CONTEXT and "NOTIFY_SUCCESS" not in acts:
                    out[(dialogue["dialogue_id"], index)] = Expecting.OPTION
    return out


def score(root: Path) -> SgdScore:
    out = SgdScore()
    slots = _gold_slots(root)
    for slot_name, mentions in slots.items():
        for mention in mentions:
            result = understand(mention.utterance, directory=DIRECTORY, now=NOW, language_hint="en")
            when = result.entities.when
            if slot_name == "appointment_date":
                out.date_total += 1
                got = str(when.start.date()) if when and when.start else None
                ok = got == mention.gold
                out.date_correct += ok
            else:
                out.time_total += 1
                got = None
                if when and when.start:
                    got = (when.clock_time or when.start.time()).strftime("%H:%M")
                ok = got == mention.gold
                out.time_correct += ok
            if not ok:
                out.failures.append(
                    f"{slot_name} {mention.surface!r} in {mention.utterance!r}: "
                    f"got {got}, gold {mention.gold}"
                )
    context = _expecting_by_turn(root)
    with open(root / "sgd_appointments" / "turns.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            out.turns += 1
            out.emergencies += emergency_detect(row["utterance"]) is not None
            acts = row.get("user_acts") or []
            expecting = context.get((row["dialogue_id"], row["turn_idx"]))
            books = any(a[0] == "INFORM_INTENT" and "BookAppointment" in (a[2] or []) for a in acts)
            other = bool(acts) and {a[0] for a in acts} <= NOT_BOOKING_ACTS
            if not (books or (other and expecting and row["service"] in SERVICES)):
                continue
            result = understand(
                row["utterance"],
                directory=DIRECTORY,
                now=NOW,
                language_hint="en",
                expecting=expecting,
            )
            if not books:
                out.other_in_context += 1
                if result.intent is Intent.BOOK:
                    out.other_read_as_book += 1
                    out.failures.append(f"book (expecting {expecting}) for non-booking {row['utterance']!r}")
                continue
            out.book_total += 1
            out.book_in_context += expecting is not None
            bare = result
            if expecting is not None:
                bare = understand(row["utterance"], directory=DIRECTORY, now=NOW, language_hint="en")
            out.book_correct_without_context += bare.intent is Intent.BOOK
            if result.intent is Intent.BOOK:
                out.book_correct += 1
            else:
                out.failures.append(
                    f"intent {result.intent.value} (expecting {expecting}) for {row['utterance']!r}"
                )
    return out
