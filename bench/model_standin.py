"""A stand-in for the model in the fault drill: it answers the Claude engine's tool call the
way the local engine reads the message, so booking conversations go on through the real
Claude code path (SDK, tool schema, validation, fallback) while the drill breaks things.

It measures nothing about understanding: the drill tests delivery under faults, and a fake
that answered every message "greeting" would stop patients from booking at all.
"""

import re
from typing import Any

_ASKED = re.compile(r"The assistant just asked the patient for: (\w+)\.")


def standin_responder() -> Any:
    """The FakeAnthropic responder: request body in, tool input out (Django set up)."""
    from django.utils import timezone

    from conversations.clinic import clinic_context, clinic_directory
    from conversations.understanding import language as language_mod
    from conversations.understanding.local import understand_local

    directory = clinic_directory(clinic_context())

    def respond(body: dict[str, Any]) -> dict[str, Any]:
        text = body["messages"][-1]["content"]
        if not isinstance(text, str):
            text = " ".join(block.get("text", "") for block in text)
        system = body.get("system", "")
        system = system if isinstance(system, str) else " ".join(b.get("text", "") for b in system)
        asked = _ASKED.search(system)
        expecting = "booking" if "A booking is under way" in system else (asked.group(1) if asked else None)
        language = language_mod.detect(text, hint=directory.default_language, hint_weight=0.75)
        local = understand_local(
            text, directory=directory, now=timezone.now(), language=language, expecting=expecting
        )
        entities = local.entities
        return {
            "intent": local.intent.value,
            "confidence": max(local.confidence, 0.9),
            "language": local.language,
            "date_time_expression": entities.when.expression if entities.when else None,
            "period": entities.period.value if entities.period else None,
            "practitioner_ids": list(entities.practitioner_ids),
            "specialty": entities.specialty,
            "appointment_type_code": entities.appointment_type_code,
            "option": entities.option,
            "option_time": entities.option_time.strftime("%H:%M") if entities.option_time else None,
            "yes_no": entities.yes_no,
            "full_name": entities.full_name,
            "date_of_birth": entities.date_of_birth.isoformat() if entities.date_of_birth else None,
            "emergency": False,
        }

    return respond
