"""A blind FAQ set (tests/blind/faq_blind*.jsonl) played end to end: each question is the
first message of a new conversation through the real webhook, on the demo clinic, and the
reply a patient would read (at the loopback fake of Twilio's API) is judged.

Run with `pytest -m blind tests/blind/test_faq_questions.py -p no:xdist -s`; BLIND_FAQ_SET
names the file (faq_blind7.jsonl by default), or BLIND_SET a set directory with its own
clinic (tests/blind/set3: clinic.yaml and faq.jsonl). The phones rotate over Brazil, Spain and the
United States whatever the question's language, so the phone's country is no help.

What a reply can be: the approved answer of an entry (in some language), the clinical or
billing refusal, "I don't have that information" with the contact, an emergency reply, or
anything else (a booking question, not understood). Figures: right entry on ordinary
questions, wrong entry (on any question), clinical refused, billing handed over, false
refusals (an ordinary or unanswerable question refused as clinical or billing),
unanswerable given the contact, and the reply in the question's language.
"""

import json
import os
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.blind.goals import CLINIC, SET

pytestmark = [pytest.mark.django_db, pytest.mark.blind]
HERE = Path(__file__).parent
COUNTRIES = ("+5511", "+3461", "+1415")
REFUSALS = ("faq_clinical", "faq_billing", "faq_unknown", "emergency", "emergency_crisis")


class _Rollback(Exception):
    pass


def _prefix(template: str) -> str:
    return template.split("{", 1)[0].strip()


def judge(reply: str, answers: dict[str, dict[str, str]]) -> tuple[str, str | None]:
    """(what the reply is, its language): a topic, or clinical / billing / unknown /
    emergency / other."""
    from conversations.copy import CATALOGUES

    for topic, by_language in answers.items():
        for language, text in by_language.items():
            if text and text.strip() in reply:
                return topic, language
    for key in REFUSALS:
        for language, catalogue in CATALOGUES.items():
            if _prefix(catalogue[key]) and _prefix(catalogue[key]) in reply:
                return {"faq_clinical": "clinical", "faq_billing": "billing", "faq_unknown": "unknown"}.get(
                    key, "emergency"
                ), language
    # Anything else is the bot's own copy (a greeting, a booking question): long, clean text
    # whose language the identifier reads without doubt.
    from conversations.understanding.language import detect

    return "other", detect(reply) if reply.strip() else None


def test_blind_faq_questions_end_to_end(twilio_settings, fake_twilio, post_webhook):
    from conversations.models import FaqEntry

    path = SET / "faq.jsonl" if SET else HERE / os.environ.get("BLIND_FAQ_SET", "faq_blind7.jsonl")
    rows = [json.loads(line) for line in path.open() if line.strip()]
    call_command("load_clinic", str(CLINIC), verbosity=0)
    answers = {
        entry.topic: entry.approved_version.answers
        for entry in FaqEntry.objects.exclude(approved_version=None).select_related("approved_version")
    }
    tally: Counter[str] = Counter()
    misses = []
    for n, row in enumerate(rows):
        phone = COUNTRIES[n % 3] + str(uuid.uuid4().int)[:7]
        before = len(fake_twilio.requests)
        try:
            with transaction.atomic():
                form = {
                    "MessageSid": "SM" + uuid.uuid4().hex,
                    "AccountSid": "AC" + "0" * 32,
                    "From": f"whatsapp:{phone}",
                    "To": "whatsapp:+14155238886",
                    "WaId": phone.lstrip("+"),
                    "ProfileName": "Patient",
                    "Body": row["text"],
                    "NumMedia": "0",
                    "MessageType": "text",
                }
                assert post_webhook("/webhooks/twilio/whatsapp/", urlencode(form)).status_code == 200
                raise _Rollback
        except _Rollback:
            pass
        reply = "\n".join(
            r.form.get("Body", "")
            for r in fake_twilio.requests[before:]
            if r.form.get("To") == f"whatsapp:{phone}"
        )
        got, language = judge(reply, answers)
        expect = row["expect"]
        kind = expect if expect in ("clinical", "billing", "none") else "ordinary"
        tally[f"{kind} questions"] += 1
        right = {
            "ordinary": got == expect,
            "clinical": got in ("clinical", "emergency"),
            "billing": got == "billing",
            "none": got == "unknown",
        }[kind]
        tally[f"{kind} right"] += right
        tally["wrong entry"] += got in answers and got != expect
        tally["false refusal"] += kind in ("ordinary", "none") and got in ("clinical", "billing")
        tally["reply in the question's language"] += language == row["language"]
        if not right or language != row["language"]:
            misses.append(
                f"  {expect:16} got {got}/{language} [{row['language']}] {row['text'][:90]!r} -> {reply[:70]!r}"
            )
    print("\n" + "\n".join(f"{key:36} {value}" for key, value in sorted(tally.items())))
    print("\n".join(misses))
    assert sum(tally[f"{k} questions"] for k in ("ordinary", "clinical", "billing", "none")) == len(rows)
