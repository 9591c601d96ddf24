"""Simulated patients for the fault drill and the load bench.

A script decides a patient's next message and judges the reply it got. The drill and the
load bench only need every message to get exactly one reply; booking flows can be dropped
in later as another script (turn number in, text out; sent text and reply in, verdict out).
"""

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
    LINES = ("hello there, good morning", "hi, good afternoon to you", "hello again, good evening")

    def next_message(self, turn: int) -> str:
        return self.LINES[turn % len(self.LINES)]

    def reply_ok(self, sent: str, reply: str) -> bool:
        return reply.startswith("Hello! I'm the assistant")


SCRIPTS: dict[str, type] = {OptOutToggle.name: OptOutToggle, Greetings.name: Greetings}
