"""An adaptive patient: plays a goal-driven conversation (tests/blind/booking/*.yaml) against
the real webhook at a given clinic instant and judges the outcome against the goal.

The patient sends its opening, then answers whatever the bot is waiting for (the booking
session's pending question: name, date of birth, kind of visit, when, a pick among the
offered times, a yes) with its own words for it. When times are offered it picks the first
one that meets its goal, in its own style ("{n}", "la de las {time}"), or asks for more.
Replies are read where a patient reads them, at the loopback fake of Twilio's API.

Outcomes: booked as wished; booked but not as wished (the wrong practitioner, type, day or
time: the worst kind); handed to staff (with the reason); stuck (12 turns without an end);
looped (the same bot message three times in a row).
"""

import os
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import time_machine
import yaml

from conversations.understanding.text import fold

# BLIND_SET names a set directory with its own clinic (clinic.yaml, faq.jsonl, booking/);
# without it, BLIND_BOOKING_SET picks a booking set on the demo clinic: "booking" (the
# first, now development) or a later one.
HERE = Path(__file__).parent
SET = HERE / os.environ["BLIND_SET"] if os.environ.get("BLIND_SET") else None
DATA = SET / "booking" if SET else HERE / os.environ.get("BLIND_BOOKING_SET", "booking")
CLINIC = SET / "clinic.yaml" if SET else HERE.parents[1] / "clinic.example.yaml"
_CLINIC_FILE = yaml.safe_load(CLINIC.read_text(encoding="utf-8"))
ZONE = ZoneInfo(_CLINIC_FILE["clinic"]["time_zone"])
MAX_TURNS = 12
THINK = timedelta(seconds=40)
# A known patient is named by their first name, folded: "joao" for João Lima.
KNOWN = {fold(p["name"].split()[0]): str(p["phone"]) for p in _CLINIC_FILE.get("patients") or []}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OPTION = re.compile(r"^(\d+)\. (\S+) (\d{1,2})/(\d{2}) (\d{2}):(\d{2}) · (.+)$", re.M)
# Instants across a week, as the issue asks: every day, early, lunchtime, after closing, 23:50.
INSTANTS = (
    "2026-12-07 08:00",
    "2026-12-08 19:30",
    "2026-12-09 12:30",
    "2026-12-10 07:00",
    "2026-12-11 17:45",
    "2026-12-12 10:00",
    "2026-12-13 23:50",
    "2026-12-14 13:00",
)


_WEEKDAY_NAMES = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "pt-BR": ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"),
}


def conversations() -> list[dict]:
    items = []
    for path in sorted(DATA.glob("*.yaml")):
        items += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return items


@dataclass
class Result:
    id: str
    instant: str
    outcome: str  # as_wished, not_as_wished, staff, stuck, looped
    detail: str = ""
    transcript: list[tuple[str, str]] = field(default_factory=list)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


class Patient:
    def __init__(self, item: dict, *, post_webhook, fake_twilio, now: datetime) -> None:
        self.item = item
        self.post = post_webhook
        self.fake = fake_twilio
        self.now = now
        self.language = item["language"]
        self.goal = item["goal"]
        self.phone = (
            KNOWN[fold(item["known_as"])]
            if item["patient"] == "known"
            else "+1555" + str(uuid.uuid4().int)[:7]
        )
        self.used: Counter[str] = Counter()
        self.transcript: list[tuple[str, str]] = []

    # ---- the conversation ----------------------------------------------------------------

    def play(self) -> Result:
        from booking.models import BookingSession
        from conversations.models import Conversation, Escalation
        from scheduling.models import Appointment

        item_id = self.item["id"]
        with time_machine.travel(self.now, tick=True) as traveller:
            self.traveller = traveller
            self._returning()
            before = set(Appointment.objects.values_list("pk", flat=True))
            replies = []
            for line in _as_list(self.item["opening"]):
                replies = self.send(line)
            resent = False
            for _ in range(MAX_TURNS):
                if self._looped():
                    return self._result("looped", "the same bot message three times in a row")
                conversation = Conversation.objects.filter(channel_user_id=self.phone.lstrip("+")).first()
                booked = Appointment.objects.exclude(pk__in=before).filter(
                    patient__phone_e164=self.phone, status=Appointment.Status.BOOKED
                )
                if booked.exists():
                    return self._judge(booked.first())
                escalation = Escalation.objects.filter(conversation=conversation).first()
                if escalation is not None:
                    return self._result("staff", escalation.reason)
                session = BookingSession.objects.filter(
                    conversation_id=getattr(conversation, "pk", None), state__in=_active()
                ).first()
                if session is None:
                    if tap := self._menu_book("\n".join(replies)):
                        # The bot offered what it can do: the patient taps "Book".
                        replies = self.send(tap)
                        continue
                    if resent:
                        return self._result("stuck", "no booking under way")
                    resent = True
                    replies = self.send(_as_list(self.item["opening"])[-1])
                    continue
                replies = self.answer(session.data.get("asked") or "", "\n".join(replies))
            return self._result("stuck", f"{MAX_TURNS} turns")
        return Result(item_id, "", "stuck")

    def _menu_book(self, reply: str) -> str:
        """The number of the menu's booking option in the bot's reply, once; else ""."""
        from conversations.copy import say

        title = say("menu_book", self.item["language"])
        found = re.search(rf"^(\d)\. {re.escape(title)}$", reply, re.MULTILINE)
        if not found or self.used["menu"]:
            return ""
        self.used["menu"] += 1
        return found.group(1)

    def send(self, text: str) -> list[str]:
        if self.transcript:
            self.traveller.shift(THINK)  # people take a while to read and answer
        before = len(self.fake.requests)
        sid = "SM" + uuid.uuid4().hex
        form = {
            "MessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": f"whatsapp:{self.phone}",
            "To": "whatsapp:+14155238886",
            "WaId": self.phone.lstrip("+"),
            "ProfileName": "Patient",
            "Body": text,
            "NumMedia": "0",
            "MessageType": "text",
        }
        response = self.post("/webhooks/twilio/whatsapp/", urlencode(form))
        assert response.status_code == 200, response.status_code
        replies = [
            r.form.get("Body", "")
            for r in self.fake.requests[before:]
            if r.form.get("To") == f"whatsapp:{self.phone}"
        ]
        self.transcript.append(("patient", text))
        self.transcript += [("bot", reply) for reply in replies]
        return replies

    def answer(self, asked: str, last_reply: str) -> list[str]:
        answers = self.item.get("answers") or {}
        key = {"name": "name", "dob": "date_of_birth", "type": "type", "when": "when", "confirm": "confirm"}
        if asked in key:
            return self._say(key[asked], answers)
        if asked == "option":
            return self.send(self._pick(last_reply, answers.get("pick") or "{n}"))
        if asked == "pick":
            return self.send("1")
        return self._say("when", answers)

    def _say(self, key: str, answers: dict) -> list[str]:
        """The first time, every line of the answer in a row (piecemeal answers and
        corrections: ["Jon Park", "sorry typo, John Park"]); asked again, the last line."""
        lines = _as_list(answers.get(key)) or [""]
        first = self.used[key] == 0
        self.used[key] += 1
        replies: list[str] = []
        for line in lines if first else lines[-1:]:
            replies = self.send(line)
        return replies

    # ---- picking among the offered times ------------------------------------------------

    def _pick(self, reply: str, template: str) -> str:
        options = [
            (int(n), self._offered(day, month, hour, minute), name.strip())
            for n, _, day, month, hour, minute, name in OPTION.findall(reply)
        ]
        good = [(n, start, name) for n, start, name in options if self._meets(start, name)]
        if not good:
            self.used["more"] += 1
            more = re.search(r"^(\d+)\. [^\d\n]*$", reply, re.M)
            return (
                more.group(1)
                if more and self.used["more"] <= 3
                else _as_list(self.item["answers"].get("when"))[-1]
            )
        n, start, _ = good[0]
        if "{" not in template and n != 1:
            template = "{n}"  # "the first one" only fits when the first one is wanted
        hour = start.hour % 12 or 12 if self.language == "en" else start.hour
        return template.format(n=n, time=f"{start:%H:%M}", hour=hour, weekday=self._weekday(start))

    def _offered(self, day: str, month: str, hour: str, minute: str) -> datetime:
        year = self.now.year + (1 if int(month) < self.now.month else 0)
        return datetime(year, int(month), int(day), int(hour), int(minute), tzinfo=ZONE)

    def _weekday(self, start: datetime) -> str:
        return _WEEKDAY_NAMES[self.language][start.weekday()]

    # ---- the goal ---------------------------------------------------------------------------

    def _meets(self, start: datetime, practitioner_name: str, practitioner_code: str | None = None) -> bool:
        from scheduling.models import Practitioner

        practitioner = (
            Practitioner.objects.filter(code=practitioner_code).first()
            if practitioner_code
            else Practitioner.objects.filter(display_name=practitioner_name).first()
        )
        if practitioner is None:
            return False
        goal = self.goal
        if goal.get("practitioner") and practitioner.code != goal["practitioner"]:
            return False
        specialties = {fold(s) for s in practitioner.specialties}
        if (
            not goal.get("practitioner")
            and goal.get("specialty")
            and fold(goal["specialty"]) not in specialties
        ):
            return False
        local_start = start.astimezone(ZONE)
        if goal.get("after") and local_start.time() < time.fromisoformat(goal["after"]):
            return False
        if goal.get("before") and local_start.time() > time.fromisoformat(goal["before"]):
            return False
        return local_start.date() in self._days()

    def _days(self) -> set[date]:
        today = self.now.date()
        rule = self.goal.get("day") or {"relative": "any"}
        monday = today - timedelta(days=today.weekday())
        if "weekday" in rule:
            target = WEEKDAYS.index(rule["weekday"])
            ahead = (target - today.weekday()) % 7
            # Today while it is still possible, else (and also) the next one.
            return {today + timedelta(days=ahead or 7), *([today] if ahead == 0 else [])}
        relative = rule.get("relative", "any")
        if relative == "tomorrow":
            return {today + timedelta(days=1)}
        if relative == "this_week":
            return {today + timedelta(days=i) for i in range(7 - today.weekday())}
        if relative == "next_week":
            return {monday + timedelta(days=7 + i) for i in range(7)}
        return {today + timedelta(days=i) for i in range(120)}

    def _judge(self, appointment) -> Result:
        wrong = []
        if not self._meets(appointment.start, "", appointment.practitioner.code):
            wrong.append(
                f"{appointment.practitioner.code} {appointment.start.astimezone(ZONE):%a %d/%m %H:%M}"
            )
        if appointment.appointment_type.code != self.goal["type"]:
            wrong.append(f"type {appointment.appointment_type.code}, wanted {self.goal['type']}")
        wanted_name = self.goal.get("patient_name")
        if wanted_name and fold(appointment.patient.name) != fold(wanted_name):
            wrong.append(f"patient {appointment.patient.name!r}, wanted {wanted_name!r}")
        return self._result("not_as_wished" if wrong else "as_wished", "; ".join(wrong))

    # ---- bookkeeping ------------------------------------------------------------------------

    def _returning(self) -> None:
        """A known patient has been seen before (a completed visit two months ago)."""
        from scheduling.models import Appointment, AppointmentType, Patient, Practitioner

        if self.item["patient"] != "known":
            return
        patient = Patient.objects.get(phone_e164=self.phone)
        if patient.appointments.filter(status=Appointment.Status.COMPLETED).exists():
            return
        # Seen by the practitioner they ask for, else by anyone of the clinic, for a kind of
        # visit open to new patients (as a first visit was).
        practitioners = Practitioner.objects.filter(working_hours__isnull=False).distinct().order_by("pk")
        if self.goal.get("practitioner"):
            practitioners = practitioners.filter(code=self.goal["practitioner"])
        practitioner = practitioners.first()
        start = self._past_slot(practitioner)
        kind = (
            AppointmentType.objects.filter(new_patients=True, practitioners=practitioner)
            .order_by("pk")
            .first()
        )
        Appointment.objects.create(
            patient=patient,
            practitioner=practitioner,
            location=practitioner.locations.first(),
            appointment_type=kind,
            start=start,
            end=start + kind.duration,
            status=Appointment.Status.COMPLETED,
            source=Appointment.Source.STAFF,
        )

    def _past_slot(self, practitioner) -> datetime:
        hours = practitioner.working_hours.order_by("weekday", "start").first()
        day = self.now.date() - timedelta(days=63)
        while day.weekday() != hours.weekday:
            day -= timedelta(days=1)
        return datetime.combine(day, hours.start, tzinfo=ZONE)

    def _looped(self) -> bool:
        bot = [text for who, text in self.transcript if who == "bot"]
        return len(bot) >= 3 and bot[-1] == bot[-2] == bot[-3]

    def _result(self, outcome: str, detail: str = "") -> Result:
        return Result(self.item["id"], f"{self.now:%a %H:%M}", outcome, detail, list(self.transcript))


def _active() -> list[str]:
    from booking.machine import ACTIVE

    return [str(state) for state in ACTIVE]


def report(results: list[Result]) -> str:
    outcomes = Counter(r.outcome for r in results)
    lines = [f"{len(results)} conversations: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))]
    by_instant: dict[str, Counter] = {}
    for r in results:
        by_instant.setdefault(r.instant, Counter())[r.outcome] += 1
    for instant, counts in by_instant.items():
        total = sum(counts.values())
        lines.append(f"  {instant}: {counts['as_wished']}/{total} as wished")
    by_language: dict[str, Counter] = {}
    for r in results:
        by_language.setdefault(r.id.split("-")[0], Counter())[r.outcome] += 1
    for language, counts in sorted(by_language.items()):
        lines.append(f"  {language}: {counts['as_wished']}/{sum(counts.values())} as wished")
    return "\n".join(lines)
