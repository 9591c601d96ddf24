"""Questions other clinics' patients asked, by topic: a second reading for retrieval.

`common_questions.jsonl` holds every ordinary question of our labelled FAQ sets (the demo
clinic's and each blind set's own clinic), with the topic of the entry that answers it,
written by `scripts/faq_common_questions.py`. A clinic's entry takes the questions of its topic
whatever the clinic calls it (`TOPICS`: "telehealth" and "video_consultation" are
"telemedicine"). When retrieval is unsure, the question most like the patient's among them
says which topic it is about; retrieval answers when that topic is its own best entry's
(`retrieval.Match.confident`). Pure: plain data in, plain data out.
"""

import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

PATH = Path(__file__).with_name("common_questions.jsonl")

# A topic and the other names clinics give it.
TOPICS: dict[str, tuple[str, ...]] = {
    "fees": ("self_pay_fees", "prices"),
    "address": ("locations", "directions", "getting_here"),
    "telemedicine": ("telehealth", "video_consultation", "video_consultations"),
    "sick_notes": ("school_work_notes", "certificates"),
    "prescriptions": ("prescription_renewal", "prescription_refills", "repeat_prescriptions"),
    "results": ("lab_tests", "test_results"),
    "minors": ("children_policy", "children_companions"),
    "vaccines": ("vaccinations",),
    "cancellation": ("late_no_show", "cancellations"),
    "what_to_bring": ("documents",),
    "languages": ("interpreters",),
    "payment_methods": ("payment",),
}
_CANONICAL = {alias: topic for topic, aliases in TOPICS.items() for alias in aliases}


def canonical(topic: str) -> str:
    """The shared name of a clinic's topic ("telehealth" -> "telemedicine")."""
    return _CANONICAL.get(topic, topic)


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    """(topic, text, source) of every common question."""
    return tuple(
        (row["topic"], row["text"], row["source"])
        for row in map(json.loads, PATH.read_text(encoding="utf-8").splitlines())
    )


def common_questions(topics: Iterable[str], *, exclude: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(topic, question) for every common question, the topic named as the clinic names it
    (one of `topics`), or "" when the clinic has no entry on it; questions from the sources
    in `exclude` left out (a clinic is scored without its own patients' questions)."""
    local: dict[str, str] = {}
    for topic in sorted(topics, key=lambda t: canonical(t) != t):  # an exact name first
        local.setdefault(canonical(topic), topic)
    return [(local.get(topic, ""), text) for topic, text, source in _rows() if source not in exclude]
