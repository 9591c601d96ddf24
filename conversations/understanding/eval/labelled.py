"""Score the local engine on our own labelled messages (labelled.jsonl beside this file).

Every message is understood against one fixed clinic (DIRECTORY) at one fixed moment
(NOW, a Wednesday morning in São Paulo), so the expected dates in the file are absolute.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conversations.understanding import understand
from conversations.understanding.types import (
    LOCAL_ENGINE,
    AppointmentTypeRef,
    ClinicDirectory,
    EngineSettings,
    Expecting,
    Intent,
    PractitionerRef,
    Understanding,
)

DATA = Path(__file__).with_name("labelled.jsonl")
# Written after the rules were tuned on labelled.jsonl and never used to tune them since.
HELD_OUT = Path(__file__).with_name("heldout.jsonl")
# Written and committed before it was first scored; only emergency misses were fixed after.
FRESH = Path(__file__).with_name("fresh.jsonl")
ZONE = "America/Sao_Paulo"
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=ZoneInfo(ZONE))
DIRECTORY = ClinicDirectory(
    practitioners=[
        PractitionerRef(1, "Dra. Ana Souza", ["Ana"], ["Dermatology"]),
        PractitionerRef(2, "Dr. Carlos Méndez", [], ["Cardiology"]),
        PractitionerRef(3, "Dr. John Smith", [], ["Pediatrics"]),
        PractitionerRef(4, "Dra. Beatriz Lima", ["Bia"], ["Gynecology"]),
        PractitionerRef(5, "Dr. Paulo Reis", [], ["Psychology", "Psychiatry"]),
    ],
    appointment_types=[
        AppointmentTypeRef("first", {"en": "First visit", "es": "Primera vez", "pt-BR": "Primeira consulta"}),
        AppointmentTypeRef("followup", {"en": "Follow-up", "es": "Retorno", "pt-BR": "Retorno"}),
    ],
    time_zone=ZONE,
    name="Clínica Sol",
)


@dataclass
class LabelledScore:
    total: int = 0
    intent_correct: int = 0
    language_correct: int = 0
    emergencies: int = 0
    emergencies_found: int = 0
    non_emergencies: int = 0
    false_emergencies: int = 0
    hard_negatives: int = 0
    hard_negative_false: int = 0
    entity_checks: int = 0
    entity_correct: int = 0
    failures: list[str] = field(default_factory=list)


def load(path: Path = DATA) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def entity_errors(expected: dict, result: Understanding) -> list[str]:
    e = result.entities
    when = e.when
    errors = []
    for key, value in expected.items():
        if key == "day":
            got = str(when.start.date()) if when and when.start else None
        elif key == "time":
            got = None
            if when and when.start:
                got = (when.clock_time or when.start.time()).strftime("%H:%M")
        elif key == "window":
            got = bool(when and when.granularity in ("range", "period"))
        elif key == "period":
            got = e.period or (when.period if when else None)
            got = got.value if got else None
        elif key in ("option_time", "date_of_birth"):
            raw = getattr(e, key)
            got = raw.isoformat()[:5] if key == "option_time" and raw else (str(raw) if raw else None)
        else:
            got = getattr(e, key)
        if got != value:
            errors.append(f"{key}: expected {value!r}, got {got!r}")
    return errors


def score(engine: EngineSettings = LOCAL_ENGINE, path: Path = DATA) -> LabelledScore:
    out = LabelledScore()
    for row in load(path):
        result = understand(
            row["text"],
            directory=DIRECTORY,
            now=NOW,
            language_hint=None,
            expecting=Expecting(row["expecting"]) if row.get("expecting") else None,
            engine=engine,
        )
        out.total += 1
        expected = Intent(row["intent"])
        ok = result.intent is expected
        out.intent_correct += ok
        out.language_correct += result.language == row["language"]
        flagged = result.intent is Intent.EMERGENCY
        if expected is Intent.EMERGENCY:
            out.emergencies += 1
            out.emergencies_found += flagged
        else:
            out.non_emergencies += 1
            out.false_emergencies += flagged
        if row.get("hard_negative"):
            out.hard_negatives += 1
            out.hard_negative_false += flagged
        errors = entity_errors(row.get("entities", {}), result)
        out.entity_checks += len(row.get("entities", {}))
        out.entity_correct += len(row.get("entities", {})) - len(errors)
        if not ok or errors:
            out.failures.append(
                f"{row['text']!r}: intent {result.intent.value} (expected {expected.value})"
                + (f"; {'; '.join(errors)}" if errors else "")
            )
    return out
