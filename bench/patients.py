"""Simulated patients for the fault drill and the load bench.

A script decides a patient's next message and judges the reply it got. The drill's
scripts write on a schedule whatever the replies (turn number in, text out; sent text and
reply in, verdict out) and expect exactly one reply per message. The load bench's patients
hold a conversation: each waits for the bot's reply and answers it (BookingCycle).
"""

import random
import re
from typing import Protocol


class PatientScript(Protocol):
    name: str

    def next_message(self, turn: int) -> str:
        """The text this patient sends on its `turn`-th message (0-based)."""

    def reply_ok(self, sent: str, reply: str) -> bool:
        """Whether `reply` is a right answer to `sent`."""


class OptOutToggle:
    """STOP, START, STOP, ...: WhatsApp's opt-out keywords always get exactly one reply,
    whoever owns the chat and even after a delivery failure escalated it."""

    name = "stop-start"
    single_reply = True

    def next_message(self, turn: int) -> str:
        return "STOP" if turn % 2 == 0 else "START"

    def reply_ok(self, sent: str, reply: str) -> bool:
        if sent == "STOP":
            return "won't receive any more messages" in reply
        return reply.startswith("Welcome back!")


class Greetings:
    """Greetings in English: each one is understood (by the model when NLU_ENGINE=claude)
    and answered with exactly one greeting, so a model that hangs shows up as latency,
    never as a lost or doubled reply."""

    name = "greetings"
    single_reply = True
    LINES = ("hello there, good morning", "hi, good afternoon to you", "hello again, good evening")

    def next_message(self, turn: int) -> str:
        return self.LINES[turn % len(self.LINES)]

    def reply_ok(self, sent: str, reply: str) -> bool:
        return reply.startswith("Hello! I'm the assistant")


SCRIPTS: dict[str, type] = {OptOutToggle.name: OptOutToggle, Greetings.name: Greetings}


# ---- booking conversations (the load bench) -------------------------------------------------

BOOKING_LINES = {
    "en": {
        "book": "Hi, I'd like to book an appointment",
        "reschedule": "I need to move my appointment to another day",
        "cancel": "please cancel my appointment",
        "yes": "yes",
        "days": ["next Monday", "next Tuesday", "next Wednesday", "next Thursday", "next Friday"],
    },
    "es": {
        "book": "Hola, quiero pedir una cita",
        "reschedule": "necesito cambiar mi cita a otro día",
        "cancel": "quiero cancelar mi cita",
        "yes": "sí",
        "days": ["el próximo lunes", "el próximo martes", "el próximo miércoles", "el próximo jueves"],
    },
    "pt-BR": {
        "book": "Oi, quero marcar uma consulta",
        "reschedule": "preciso remarcar minha consulta para outro dia",
        "cancel": "quero cancelar minha consulta",
        "yes": "sim",
        "days": ["segunda que vem", "terça que vem", "quarta que vem", "quinta que vem"],
    },
}
NAMES = ["Ana Lima", "Bruno Costa", "Carla Dias", "Diego Rocha", "Elena Ruiz", "Felipe Souza", "Gina Torres"]

# What the patient answers to each kind of bot message; "next" moves on to the next task
# of the cycle book -> reschedule -> cancel -> book ...
ANSWERS = {
    "ask_name": "name",
    "ask_dob": "dob",
    "dob_invalid": "dob",
    "ask_type": "1",
    "ask_who": "1",
    "pick_appointment": "1",
    "ask_when": "day",
    "what_instead": "day",
    "past_refused": "day",
    "offer": "pick",
    "offer_alternatives": "pick",
    "slot_gone": "pick",
    "reask_option": "pick",
    "confirm_book": "yes",
    "confirm_cancel": "yes",
    "confirm_reschedule": "yes",
    "reask_yes_no": "yes",
    "booked": "reschedule",
    "rescheduled": "cancel",
    "cancelled": "book",
    "no_upcoming": "book",
    "kept": "book",
    "reset_done": "book",
    "greeting": "book",
    "not_understood": "book",
}
# After these the chat is with staff and the bot rightly says nothing more.
HANDED_OVER = {"handoff", "no_slots", "late_change"}


def _markers() -> list[tuple[str, str]]:
    """(text every message of that kind contains, kind) for every booking message in every
    language, longest first so a specific message wins over a generic one."""
    from conversations.copy import CATALOGUES

    found = []
    for catalogue in CATALOGUES.values():
        for key, template in catalogue.items():
            if key in ANSWERS or key in HANDED_OVER:
                literal = max(re.split(r"\{[^}]*\}", template), key=len).strip()
                found.append((literal, key))
    return sorted(found, key=lambda pair: -len(pair[0]))


class BookingCycle:
    """A patient who books, then moves the appointment, then cancels it, and starts again,
    answering whatever the bot asks on the way (name, date of birth, type, day, which of
    the offered times, yes) in their own language. A reply it cannot place sends it back to
    booking, as a confused person would; a chat handed to staff ends its conversation."""

    name = "booking"
    single_reply = False

    def __init__(self, language: str, seed: int) -> None:
        self.language = language
        self.random = random.Random(seed)
        self.lines = BOOKING_LINES[language]
        self.person = self.random.choice(NAMES)
        self.markers = _MARKERS

    def kind(self, reply: str) -> str | None:
        return next((key for literal, key in self.markers if literal in reply), None)

    def first_message(self) -> str:
        return self.lines["book"]

    def answer(self, reply: str) -> str | None:
        """The next message after the bot's `reply`; None once the chat is with staff."""
        kind = self.kind(reply)
        if kind in HANDED_OVER:
            return None
        move = ANSWERS.get(kind or "", "book")
        if move == "name":
            return self.person
        if move == "dob":
            return "12/03/1985"
        if move == "day":
            return self.random.choice(self.lines["days"])
        if move == "pick":
            # One of the offered times (not "More options"); a person reads the list.
            numbers = [
                number
                for number, title in re.findall(r"^(\d+)\. (.*)$", reply, flags=re.MULTILINE)
                if title not in _MORE_OPTIONS
            ]
            return self.random.choice(numbers[:3] or ["1"])
        if move in ("book", "reschedule", "cancel", "yes"):
            return self.lines[move]
        return move

    def reply_ok(self, sent: str, reply: str) -> bool:
        return self.kind(reply) is not None


_MARKERS: list[tuple[str, str]] = []
_MORE_OPTIONS: set[str] = set()


def booking_markers_load() -> None:
    """Read the bot's booking catalogue (needs Django's settings importable)."""
    from conversations.copy import CATALOGUES

    _MARKERS[:] = _markers()
    _MORE_OPTIONS.update(catalogue["offer_more"] for catalogue in CATALOGUES.values())
