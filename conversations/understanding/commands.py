"""Conversation commands the booking flow honours in any state ("start over", "more
options", "the other doctor", "later", "any day", "put me on the waitlist", and requests
to refuse), from the
registered language packs. Matched on folded text; a pure function of the message."""

import re

from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold

COMMANDS = (
    "reset", "more", "other", "later", "earlier", "any", "soonest", "first_free", "refuse", "waitlist",
    "waitlist_leave",
)  # fmt: skip
_COMPILED: dict[str, list[re.Pattern[str]]] = {
    name: [re.compile(pattern) for pack in PACKS for pattern in pack.commands.get(name, ())]
    for name in COMMANDS
}


def without_soonest(folded: str) -> str:
    """Folded text without its "as soon as possible" ("o quanto antes" asks no price). "The
    earliest slot" stays: it is how a question about free times is asked."""
    for pattern in _COMPILED["soonest"]:
        folded = pattern.sub(" ", folded)
    return folded


def commands_in(text: str) -> frozenset[str]:
    """The commands the message gives. "As soon as possible" and "the first free one" are
    "soonest" and, as a day, "any"."""
    folded = fold(text)
    found = {name for name, patterns in _COMPILED.items() if any(p.search(folded) for p in patterns)}
    if found & {"soonest", "first_free"}:
        found |= {"soonest", "any"}
    found.discard("first_free")
    return frozenset(found)
