"""Conversation commands the booking flow honours in any state ("start over", "more
options", "the other doctor", "later", "any day", "put me on the waitlist", and requests
to refuse), from the
registered language packs. Matched on folded text; a pure function of the message."""

import re

from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold

COMMANDS = (
    "reset", "more", "other", "later", "earlier", "any", "soonest", "refuse", "waitlist", "waitlist_leave",
)  # fmt: skip
_COMPILED: dict[str, list[re.Pattern[str]]] = {
    name: [re.compile(pattern) for pack in PACKS for pattern in pack.commands.get(name, ())]
    for name in COMMANDS
}


def without_soonest(folded: str) -> str:
    """Folded text without its "as soon as possible" ("o quanto antes" asks no price)."""
    for pattern in _COMPILED["soonest"]:
        folded = pattern.sub(" ", folded)
    return folded


def commands_in(text: str) -> frozenset[str]:
    """The commands the message gives; "as soon as possible" is "soonest" and, as a day, "any"."""
    folded = fold(text)
    found = {name for name, patterns in _COMPILED.items() if any(p.search(folded) for p in patterns)}
    return frozenset(found | {"any"} if "soonest" in found else found)
