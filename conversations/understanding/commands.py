"""Conversation commands the booking flow honours in any state ("start over", "more
options", "the other doctor", "later", "any day", "put me on the waitlist", and requests
to refuse), from the
registered language packs. Matched on folded text; a pure function of the message."""

import re

from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold

COMMANDS = ("reset", "more", "other", "later", "earlier", "any", "refuse", "waitlist", "waitlist_leave")
_COMPILED: dict[str, list[re.Pattern[str]]] = {
    name: [re.compile(pattern) for pack in PACKS for pattern in pack.commands.get(name, ())]
    for name in COMMANDS
}


def commands_in(text: str) -> frozenset[str]:
    folded = fold(text)
    return frozenset(name for name, patterns in _COMPILED.items() if any(p.search(folded) for p in patterns))
