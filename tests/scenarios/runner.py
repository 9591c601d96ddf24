"""Replays scripted WhatsApp conversations through the real webhook, at every instant of the
clock sweep (clock.INSTANTS).

Each scenario (YAML, in data/) gives the patient, the lines they send, what each reply must
(or must not) say, and the database state expected at the end: the patient's appointments,
the escalation and the booking session's state. Replies are read where a patient would see
them: at the loopback fake of Twilio's Messages API. Nothing names a fixed date; everything
is relative to the conversation's "now", the sweep's instant:

Scenario keys
  name, goal (book/reschedule/cancel/none), phone, profile, lang (en/es/pt: how dates are
  written in replies), setup.appointments, turns, final.
  now: omitted, the sweep's instant; "a1 - 18h" moves the clock, after setup, to 18 hours
  before the first setup appointment (scenarios about one offset: notice periods, reminders).

Days and instants (clock.py)
  A day: today, tomorrow, +Nd, "tue" (the coming Tuesday; said on a Tuesday, today or a week
  on), "next tue" (next week's), "tue after +2d" (the first at least two days on), "from
  today", "from tomorrow". An instant: a day and a time, "thu after +2d 10:00".

Variables
  Each reply's list of times ("1. Tue 24/11 08:00 · Dr. Carlos Mendes") binds o1, o2, ...; a
  pick (the patient sends "2", taps slot:2, or the turn says `pick: 2`) binds `picked`, and
  `last` is the list's last option; setup
  appointments bind a1, a2, ...; `keep: {first: o1}` names one for later turns. A turn's
  checks see the variables as they were before its reply. `{picked.long}` (the long date in
  the scenario's language: "Tuesday 24 November at 08:00"), `.short` ("Tue 24/11 08:00"),
  `.time`, `.dm` ("24/11"), `.day` ("24"), `.weekday` ("Tuesday") are filled into `say`,
  `expect` and `expect_not` (escaped there); `{dm:wed after +8d}` and `{day:...}` fill a day
  expression's "9/12" or "9".

Turn keys
  say, button, media; advance ("15m"); others (another patient books `start: o1` or an
  instant; `cancel: a1` cancels a setup appointment through the staff API) before the line
  is sent; as: another patient's phone speaks (or listens) this turn; a turn with no line
  listens: what reached the phone since the previous turn began (an offer from the
  waitlist); sweep: reminders, waitlist (lapsed offers pass on); expect / expect_not (regular
  expressions); silent; offers: what the list in this reply must hold:
    day: a day expression every option falls on; period: morning/afternoon/evening (the
      understanding's one definition of the periods); from / until: "16:00" bounds;
    at: "11:00" the first option's time; practitioner: code for every option;
    after / before / same_day / exclude: a variable (later than it, ...).
  `offers: none` says the reply lists no times. honest: {day: today, expect: [...]}: when no
  option falls on that day the reply must say so (the patterns), and only then. Every list, checked or not, must lie between
  the clinic's minimum notice and its booking horizon.

Final
  appointments: [{practitioner, type, start: picked | a1 | o2 | an instant, status}].
  waitlist: the states of the patient's waitlist entries, oldest first ([booked]).
"""

import copy
import functools
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlencode

import time_machine
import yaml

from tests.scenarios.clock import Clock, Instant, duration

DATA = Path(__file__).parent / "data"
CLINIC_FILE = Path(__file__).resolve().parents[2] / "clinic.example.yaml"

NAMES = {
    "en": (
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    ),
    "es": (
        ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
    ),
    "pt": (
        ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
        (
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ),
    ),
}
LONG = {
    "en": "{weekday} {day} {month} at {time}",
    "es": "{weekday} {day} de {month} a las {time}",
    "pt": "{weekday}, {day} de {month}, às {time}",
}
OPTION_LINE = re.compile(r"(?m)^\s*(\d+)\.\s+\S+\s+(\d{1,2})/(\d{1,2})\s+(\d{1,2}):(\d{2})\s+·\s+(.+?)\s*$")
PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)\}|\{(dm|day):([^}]+)\}")


def scenarios() -> list[dict]:
    items = []
    for path in sorted(DATA.glob("*.yaml")):
        for scenario in yaml.safe_load(path.read_text()) or []:
            scenario["file"] = path.name
            items.append(scenario)
    return items


def clinic_data() -> dict:
    """The demo clinic file as data (a fresh copy: callers may change it)."""
    return copy.deepcopy(_clinic_file())


@functools.cache
def _clinic_file() -> dict:
    return yaml.load(
        CLINIC_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )


@dataclass(frozen=True)
class Slot:
    start: datetime
    practitioner: str = ""

    def text(self, attribute: str, lang: str) -> str:
        weekdays, months = NAMES[lang]
        weekday = weekdays[self.start.weekday()]
        values = {
            "time": f"{self.start:%H:%M}",
            "dm": f"{self.start.day}/{self.start.month:02d}",
            "day": str(self.start.day),
            "weekday": weekday,
        }
        if attribute == "long":
            return LONG[lang].format(
                weekday=weekday, day=self.start.day, month=months[self.start.month - 1], time=values["time"]
            )
        if attribute == "short":
            return f"{weekday[:3].capitalize()} {values['dm']} {values['time']}"
        return values[attribute]


@dataclass
class Outcome:
    name: str
    goal: str
    completed: bool
    instant: str = ""
    fields_expected: int = 0
    fields_matched: int = 0
    failures: list[str] = field(default_factory=list)


class Runner:
    def __init__(self, *, post_webhook, fake_twilio, instant: Instant) -> None:
        self.post_webhook = post_webhook
        self.fake = fake_twilio
        self.instant = instant
        clinic = clinic_data()
        policies = clinic["clinic"]["policies"]
        self.notice = timedelta(minutes=policies["min_notice_minutes"])
        self.horizon = timedelta(days=policies["max_days_ahead"])
        self.names = {p["name"]: p["code"] for p in clinic["practitioners"]}
        self.vars: dict[str, Slot] = {}
        self.options: list[Slot] = []
        self.lang = "en"
        self.marks = [0, 0]  # where the previous and this turn began in the fake's requests

    @property
    def clock(self) -> Clock:
        from django.utils import timezone

        return Clock(timezone.now().astimezone(self.instant.now.tzinfo))

    def run(self, scenario: dict) -> Outcome:
        outcome = Outcome(
            f"{scenario['file']}:{scenario['name']}", scenario.get("goal", "none"), completed=False
        )
        outcome.instant = self.instant.label
        self.lang = scenario.get("lang", "en")
        phone = scenario.get("phone", "+15550001111")
        with time_machine.travel(self.instant.now, tick=True) as traveller:
            self.setup(scenario.get("setup") or {})
            if scenario.get("now"):
                name, _, offset = scenario["now"].partition(" - ")
                traveller.move_to(self.vars[name.strip()].start - duration(offset))
            for number, turn in enumerate(scenario["turns"], start=1):
                if "advance" in turn:
                    traveller.shift(duration(turn["advance"]))
                self.turn(number, turn, phone, scenario.get("profile", "Patient"), outcome)
            self.final(scenario.get("final") or {}, phone, outcome)
        outcome.completed = not outcome.failures and outcome.goal != "none"
        return outcome

    def turn(self, number: int, turn: dict, phone: str, profile: str, outcome: Outcome) -> None:
        self.marks = [self.marks[1], len(self.fake.requests)]
        said = self.fill(turn.get("say", ""), escape=False)
        self.pick(turn, said)
        for name, var in (turn.get("keep") or {}).items():
            self.vars[name] = self.vars[var]
        for action in turn.get("others", []):
            self.other(action)
        who = turn.get("as", phone)
        if turn.get("sweep") == "reminders":
            replies = self.reminders(phone)
        elif turn.get("sweep") == "waitlist":
            replies = self.waitlist_sweep(who)
        elif not ({"say", "button", "media"} & set(turn)):
            replies = self.sent_to(who, since=self.marks[0])
        else:
            replies = self.say(who, turn, said, profile)
        text = "\n".join(replies)
        where = f"turn {number} ({said!r}) at {self.clock.now:%a %d/%m %H:%M}"
        for pattern in turn.get("expect", []):
            if not re.search(self.fill(pattern), text, re.IGNORECASE):
                outcome.failures.append(f"{where}: no /{self.fill(pattern)}/ in {text!r}")
        for pattern in turn.get("expect_not", []):
            if re.search(self.fill(pattern), text, re.IGNORECASE):
                outcome.failures.append(f"{where}: /{self.fill(pattern)}/ in {text!r}")
        if turn.get("silent") and replies:
            outcome.failures.append(f"{where}: expected silence, got {text!r}")
        options = self.parse_options(text)
        problems = self.check_offers(options, turn.get("offers")) + self.check_honest(
            options, text, turn.get("honest")
        )
        outcome.failures.extend(f"{where}: {problem} in {text!r}" for problem in problems)
        if options:
            self.options = options
            self.vars.update({f"o{n}": slot for n, slot in enumerate(options, start=1)})
            self.vars["last"] = options[-1]

    def fill(self, text: str, *, escape: bool = True) -> str:
        def value(m: re.Match) -> str:
            if m[3]:
                day = self.clock.first_day(m[4])
                found = f"{day.day}/{day.month}" if m[3] == "dm" else str(day.day)
            else:
                if m[1] not in self.vars:
                    raise AssertionError(f"{m[0]}: no {m[1]} yet (have {sorted(self.vars)})")
                found = self.vars[m[1]].text(m[2], self.lang)
            return re.escape(found) if escape else found

        return PLACEHOLDER.sub(value, str(text))

    def pick(self, turn: dict, said: str) -> None:
        number = turn.get("pick")
        if number is None and str(turn.get("button", "")).startswith("slot:"):
            number = turn["button"].split(":")[1]
        if number is None and re.fullmatch(r"\s*\d{1,2}\s*", said) and "button" not in turn:
            number = said
        if number is not None and 1 <= int(number) <= len(self.options):
            self.vars["picked"] = self.options[int(number) - 1]
            self.options = []  # the next number answers another question, until a new list

    def parse_options(self, text: str) -> list[Slot]:
        clock = self.clock
        options = []
        for _, day, month, hour, minute, who in OPTION_LINE.findall(text):
            on = clock.year_of(int(day), int(month))
            start = datetime.combine(on, time(int(hour), int(minute)), tzinfo=clock.zone)
            options.append(Slot(start, self.names.get(who, who)))
        return options

    def check_offers(self, options: list[Slot], spec: dict | str | None) -> list[str]:
        clock = self.clock
        problems = [
            f"{o.start:%a %d/%m %H:%M} is offered inside the notice period or past the horizon"
            for o in options
            if not clock.now + self.notice <= o.start <= clock.now + self.horizon
        ]
        if spec is None:
            return problems
        if spec == "none":
            return problems + ([f"no list expected, got {len(options)} options"] if options else [])
        if not options:
            return [*problems, f"a list of times was expected ({spec})"]
        days = clock.days(spec["day"]) if "day" in spec else None
        lower, upper = self.window(spec)
        for o in options:
            local = o.start.astimezone(clock.zone)
            label = f"{local:%a %d/%m %H:%M} {o.practitioner}"
            if days is not None and local.date() not in days:
                problems.append(f"{label} is not on {spec['day']} ({', '.join(map(str, days))})")
            if "day" in spec and spec["day"].startswith("from tomorrow") and local.date() <= clock.today:
                problems.append(f"{label} is not from tomorrow on")
            if not lower <= local.time() < upper and not (upper == time.max and local.time() >= lower):
                problems.append(f"{label} is outside {lower:%H:%M}-{upper:%H:%M}")
            if "practitioner" in spec and o.practitioner != spec["practitioner"]:
                problems.append(f"{label} is not with {spec['practitioner']}")
            if "after" in spec and not o.start > self.vars[spec["after"]].start:
                problems.append(f"{label} is not after {spec['after']}")
            if "before" in spec and not o.start < self.vars[spec["before"]].start:
                problems.append(f"{label} is not before {spec['before']}")
            if "same_day" in spec and local.date() != self.vars[spec["same_day"]].start.date():
                problems.append(f"{label} is not on the day of {spec['same_day']}")
            if "exclude" in spec and o.start == self.vars[spec["exclude"]].start:
                problems.append(f"{label} is {spec['exclude']}, which should be gone")
        if "at" in spec and f"{options[0].start.astimezone(clock.zone):%H:%M}" != spec["at"]:
            problems.append(f"the first option is not at {spec['at']}")
        return problems

    def check_honest(self, options: list[Slot], text: str, spec: dict | None) -> list[str]:
        """When no option falls on the day the patient named, the reply says so (and only then)."""
        if spec is None:
            return []
        days = self.clock.days(spec["day"]) or ()
        kept = any(o.start.astimezone(self.clock.zone).date() in days for o in options)
        said = [p for p in spec["expect"] if re.search(self.fill(p), text, re.IGNORECASE)]
        if kept and said:
            return [f"times on {spec['day']} are offered, yet the reply says /{said[0]}/"]
        if not kept and len(said) < len(spec["expect"]):
            return [f"nothing on {spec['day']} is offered and the reply does not say so"]
        return []

    @staticmethod
    def window(spec: dict) -> tuple[time, time]:
        from conversations.understanding.types import PERIOD_HOURS, Period

        lower, upper = time.min, time.max
        if "period" in spec:
            start, end = PERIOD_HOURS[Period(spec["period"])]
            lower, upper = time(start), (time(end) if end < 24 else time.max)
        if "from" in spec:
            lower = max(lower, time.fromisoformat(spec["from"]))
        if "until" in spec:
            upper = min(upper, time.fromisoformat(spec["until"]))
        return lower, upper

    def instant_of(self, value: str) -> datetime:
        if value in self.vars:
            return self.vars[value].start
        return self.clock.at(value)

    def final(self, final: dict, phone: str, outcome: Outcome) -> None:
        from booking.models import BookingSession, Reminder
        from conversations.models import Conversation, Escalation
        from scheduling.models import Appointment

        conversation = Conversation.objects.filter(channel_user_id=phone.lstrip("+")).first()
        actual = list(
            Appointment.objects.filter(patient__phone_e164=phone)
            .order_by("start")
            .values_list("practitioner__code", "appointment_type__code", "start", "status")
        )
        if "appointments" in final:
            try:
                expected = [
                    (a["practitioner"], a["type"], self.instant_of(a["start"]), a.get("status", "booked"))
                    for a in final["appointments"]
                ]
            except KeyError as missing:
                outcome.failures.append(f"final: {missing} was never offered or picked")
                expected = []
            if sorted(actual, key=lambda a: a[2]) != sorted(expected, key=lambda a: a[2]):
                outcome.failures.append(f"appointments {actual} != expected {expected}")
            for want in (a for a in expected if a[3] == "booked"):
                outcome.fields_expected += 3
                outcome.fields_matched += max(
                    (
                        sum(x == y for x, y in zip(h[:3], want[:3], strict=True))
                        for h in actual
                        if h[3] == "booked"
                    ),
                    default=0,
                )
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
        if "waitlist" in final:
            from booking.models import WaitlistEntry

            have = list(
                WaitlistEntry.objects.filter(patient__phone_e164=phone)
                .order_by("joined_at", "id")
                .values_list("state", flat=True)
            )
            if have != final["waitlist"]:
                outcome.failures.append(f"waitlist entries {have} != expected {final['waitlist']}")
        if "reminders" in final:
            have = sorted(
                Reminder.objects.filter(appointment__patient__phone_e164=phone).values_list("kind", "status")
            )
            want = sorted((r["kind"], r["status"]) for r in final["reminders"])
            if have != want:
                outcome.failures.append(f"reminders {have} != expected {want}")

    def say(self, phone: str, turn: dict, said: str, profile: str) -> list[str]:
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
            "Body": said,
            "NumMedia": "0",
            "SmsStatus": "received",
            "MessageType": "text",
            "ApiVersion": "2010-04-01",
        }
        if "button" in turn:
            form |= {"MessageType": "button", "ButtonPayload": turn["button"], "ButtonText": said}
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

    def sent_to(self, phone: str, *, since: int) -> list[str]:
        return [
            r.form.get("Body", "") or r.form.get("ContentSid", "")
            for r in self.fake.requests[since:]
            if r.form.get("To") == f"whatsapp:{phone}"
        ]

    def waitlist_sweep(self, phone: str) -> list[str]:
        from django.test import TestCase

        from booking.waitlist import waitlist_expire

        before = len(self.fake.requests)
        with TestCase.captureOnCommitCallbacks(execute=True):
            waitlist_expire()
        return self.sent_to(phone, since=before)

    def cancel(self, name: str) -> None:
        """Reception cancels a setup appointment through the staff JSON API."""
        from django.test import TestCase
        from rest_framework.authtoken.models import Token
        from rest_framework.test import APIClient

        from scheduling.models import Appointment
        from tests.staff.factories import receptionist

        slot = self.vars[name]
        appointment = Appointment.objects.get(
            practitioner__code=slot.practitioner, start=slot.start, status=Appointment.Status.BOOKED
        )
        user = receptionist(username=f"reception-{uuid.uuid4().hex[:8]}")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(
                f"/api/v1/appointments/{appointment.pk}/cancel/", {"reason": "patient called"}, format="json"
            )
        assert response.status_code == 200, response.content

    def setup(self, setup: dict) -> None:
        for number, appointment in enumerate(setup.get("appointments", []), start=1):
            start = self.other({"book": appointment})
            self.vars[f"a{number}"] = Slot(start, appointment["practitioner"])
            if "keep" in appointment:
                self.vars[appointment["keep"]] = self.vars[f"a{number}"]

    def other(self, action: dict) -> datetime:
        """Something another patient or the staff did meanwhile (a race, a booking)."""
        from scheduling import services
        from scheduling.models import AppointmentType, Patient, Practitioner

        if "cancel" in action:
            self.cancel(action["cancel"])
            return self.vars[action["cancel"]].start
        spec = action["book"]
        phone = spec.get("phone", "+15559990000")
        patient = Patient.objects.filter(phone_e164=phone).first() or Patient.objects.create(
            name=spec.get("name", "Other Patient"), phone_e164=phone
        )
        start = self.instant_of(spec["start"])
        services.appointment_create(
            patient=patient,
            practitioner=Practitioner.objects.get(code=spec["practitioner"]),
            appointment_type=AppointmentType.objects.get(code=spec.get("type", "new")),
            start=start,
            actor=services.Actor.staff(None),
        )
        return start


def summary(outcomes: list[Outcome]) -> str:
    goals = [o for o in outcomes if o.goal in ("book", "reschedule", "cancel")]
    completed = sum(o.completed for o in goals)
    expected = sum(o.fields_expected for o in outcomes)
    matched = sum(o.fields_matched for o in outcomes)
    instants = sorted({o.instant for o in outcomes})
    names = {o.name for o in outcomes}
    lines = [
        f"scenarios: {len(outcomes)} run, {sum(not o.failures for o in outcomes)} passed "
        f"({len(names)} scenarios x {len(instants)} instants)"
    ]
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
    for instant in instants:
        at = [o for o in outcomes if o.instant == instant]
        lines.append(f"  at {instant}: {sum(not o.failures for o in at)}/{len(at)} passed")
    return "\n".join(lines)
