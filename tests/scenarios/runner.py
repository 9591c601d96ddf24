"""Replays scripted WhatsApp conversations through the real webhook.

Each scenario (YAML, in data/) gives the clinic's clock, the patient, the lines they send,
patterns each reply must (or must not) match, and the database state expected at the end:
the patient's appointments, the escalation and the booking session's state. Replies are
read where a patient would see them: at the loopback fake of Twilio's Messages API.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import time_machine
import yaml

DATA = Path(__file__).parent / "data"
ZONE = ZoneInfo("America/Sao_Paulo")  # the demo clinic's zone (clinic.example.yaml)


def scenarios() -> list[dict]:
    items = []
    for path in sorted(DATA.glob("*.yaml")):
        for scenario in yaml.safe_load(path.read_text()) or []:
            scenario["file"] = path.name
            items.append(scenario)
    return items


def local(text: str) -> datetime:
    return datetime.fromisoformat(str(text)).replace(tzinfo=ZONE)


def duration(text: str) -> timedelta:
    """ "15m", "3h", "22h30m", "2d" as a timedelta."""
    units = {"d": "days", "h": "hours", "m": "minutes"}
    return timedelta(**{units[unit]: int(number) for number, unit in re.findall(r"(\d+)([dhm])", text)})


@dataclass
class Outcome:
    name: str
    goal: str
    completed: bool
    fields_expected: int = 0
    fields_matched: int = 0
    failures: list[str] = field(default_factory=list)


class Runner:
    def __init__(self, *, post_webhook, fake_twilio) -> None:
        self.post_webhook = post_webhook
        self.fake = fake_twilio

    def run(self, scenario: dict) -> Outcome:
        from booking.models import BookingSession
        from conversations.models import Conversation, Escalation
        from scheduling.models import Appointment

        outcome = Outcome(scenario["name"], scenario.get("goal", "none"), completed=False)
        phone = scenario.get("phone", "+15550001111")
        with time_machine.travel(local(scenario["now"]), tick=True) as traveller:
            self.setup(scenario.get("setup") or {})
            for number, turn in enumerate(scenario["turns"], start=1):
                if "advance" in turn:
                    traveller.shift(duration(turn["advance"]))
                for action in turn.get("others", []):
                    self.other(action)
                if turn.get("sweep") == "reminders":
                    replies = self.reminders(phone)
                else:
                    replies = self.say(phone, turn, scenario.get("profile", "Patient"))
                text = "\n".join(replies)
                for pattern in turn.get("expect", []):
                    if not re.search(pattern, text, re.IGNORECASE):
                        outcome.failures.append(
                            f"turn {number} ({turn.get('say')!r}): no /{pattern}/ in {text!r}"
                        )
                for pattern in turn.get("expect_not", []):
                    if re.search(pattern, text, re.IGNORECASE):
                        outcome.failures.append(
                            f"turn {number} ({turn.get('say')!r}): /{pattern}/ in {text!r}"
                        )
                if turn.get("silent") and replies:
                    outcome.failures.append(f"turn {number}: expected silence, got {text!r}")
        final = scenario.get("final") or {}
        conversation = Conversation.objects.filter(channel_user_id=phone.lstrip("+")).first()
        actual = list(
            Appointment.objects.filter(patient__phone_e164=phone)
            .order_by("start")
            .values_list("practitioner__code", "appointment_type__code", "start", "status")
        )
        if "appointments" in final:
            expected = [
                (a["practitioner"], a["type"], local(a["start"]), a.get("status", "booked"))
                for a in final["appointments"]
            ]
            if sorted(actual, key=lambda a: a[2]) != sorted(expected, key=lambda a: a[2]):
                outcome.failures.append(f"appointments {actual} != expected {expected}")
            booked = [a for a in expected if a[3] == "booked"]
            for want in booked:
                outcome.fields_expected += 3
                best = max(
                    (
                        sum(x == y for x, y in zip(have[:3], want[:3], strict=True))
                        for have in actual
                        if have[3] == "booked"
                    ),
                    default=0,
                )
                outcome.fields_matched += best
        if "escalation" in final:
            reasons = list(
                Escalation.objects.filter(conversation=conversation).values_list("reason", flat=True)
            )
            want = final["escalation"]
            if (want is None and reasons) or (want is not None and want not in reasons):
                outcome.failures.append(f"escalations {reasons}, expected {want}")
        if "state" in final:
            session = BookingSession.objects.filter(conversation_id=getattr(conversation, "pk", None)).first()
            state = session.state if session else None
            if state != final["state"]:
                outcome.failures.append(f"booking state {state}, expected {final['state']}")
        if "reminders" in final:
            from booking.models import Reminder

            have = sorted(
                Reminder.objects.filter(appointment__patient__phone_e164=phone).values_list("kind", "status")
            )
            want = sorted((r["kind"], r["status"]) for r in final["reminders"])
            if have != want:
                outcome.failures.append(f"reminders {have} != expected {want}")
        outcome.completed = not outcome.failures and outcome.goal != "none"
        return outcome

    def say(self, phone: str, turn: dict, profile: str) -> list[str]:
        before = len(self.fake.requests)
        sid = "SM" + uuid.uuid4().hex
        form = {
            "MessageSid": sid,
            "SmsMessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": f"whatsapp:{phone}",
            "To": "whatsapp:+14155238886",
            "WaId": phone.lstrip("+"),
            "ProfileName": profile,
            "Body": turn.get("say", ""),
            "NumMedia": "0",
            "SmsStatus": "received",
            "MessageType": "text",
            "ApiVersion": "2010-04-01",
        }
        if "button" in turn:
            form |= {
                "MessageType": "button",
                "ButtonPayload": turn["button"],
                "ButtonText": turn.get("say", ""),
            }
        if "media" in turn:
            form |= {
                "NumMedia": "1",
                "MediaUrl0": "https://api.twilio.com/media/ME1",
                "MediaContentType0": turn["media"],
            }
        response = self.post_webhook("/webhooks/twilio/whatsapp/", urlencode(form))
        assert response.status_code == 200, response.status_code
        return [
            r.form.get("Body", "")
            for r in self.fake.requests[before:]
            if r.form.get("To") == f"whatsapp:{phone}"
        ]

    def reminders(self, phone: str) -> list[str]:
        from django.test import TestCase

        from conversations.reminders import reminders_send

        before = len(self.fake.requests)
        with TestCase.captureOnCommitCallbacks(execute=True):
            reminders_send()
        return [
            r.form.get("Body", "") or r.form.get("ContentSid", "")
            for r in self.fake.requests[before:]
            if r.form.get("To") == f"whatsapp:{phone}"
        ]

    def setup(self, setup: dict) -> None:
        for appointment in setup.get("appointments", []):
            self.other({"book": appointment})

    def other(self, action: dict) -> None:
        """Something another patient or the staff did meanwhile (a race, a booking)."""
        from scheduling import services
        from scheduling.models import AppointmentType, Patient, Practitioner

        if "book" in action:
            spec = action["book"]
            patient = Patient.objects.filter(
                phone_e164=spec.get("phone", "+15559990000")
            ).first() or Patient.objects.create(
                name=spec.get("name", "Other Patient"), phone_e164=spec.get("phone", "+15559990000")
            )
            services.appointment_create(
                patient=patient,
                practitioner=Practitioner.objects.get(code=spec["practitioner"]),
                appointment_type=AppointmentType.objects.get(code=spec.get("type", "new")),
                start=local(spec["start"]),
                actor=services.Actor.staff(None),
            )


def summary(outcomes: list[Outcome]) -> str:
    goals = [o for o in outcomes if o.goal in ("book", "reschedule", "cancel")]
    completed = sum(o.completed for o in goals)
    expected = sum(o.fields_expected for o in outcomes)
    matched = sum(o.fields_matched for o in outcomes)
    lines = [f"scenarios: {len(outcomes)} run, {sum(not o.failures for o in outcomes)} passed"]
    if goals:
        lines.append(
            f"task completion: {completed}/{len(goals)} = {completed / len(goals):.1%} "
            f"(book/reschedule/cancel goals)"
        )
    if expected:
        lines.append(
            f"field accuracy: {matched}/{expected} = {matched / expected:.1%} "
            f"(practitioner, type, start of each expected appointment)"
        )
    return "\n".join(lines)
