"""Answers from the clinic's directory: who works here, who sees a specialty and on which days
(the question is read by `understanding.directory`). The text is the clinic file's own data,
in the patient's language, with a button per practitioner that starts a booking with them
("book:<id>", at most WhatsApp's three buttons).

A list of the team is always answered from the directory, which is current by construction;
an approved FAQ answer listing doctors would go stale the day one leaves.
"""

from conversations.copy import say, weekday_short
from conversations.understanding import ClinicDirectory
from conversations.understanding.directory import TEAM, DirectoryQuestion, specialty_label
from scheduling.selectors import WeekPart, weekly_hours_grouped

MAX_BUTTONS = 3  # WhatsApp's reply buttons
BUTTON_CHARS = 20  # WhatsApp's limit on a button's title
BOOK_PREFIX = "book:"


def directory_answer(
    question: DirectoryQuestion, directory: ClinicDirectory, language: str
) -> tuple[str, list[dict[str, str]]]:
    """The reply text and its buttons (id, title) for a directory question read against
    `directory` (the one the question was read with)."""
    people = {p.id: p for p in directory.practitioners}
    ids = [i for i in question.practitioner_ids if i in people]
    weekly = weekly_hours_grouped(practitioner_ids=ids)
    lines = []
    for i in ids:
        days = _days(weekly[i], language) if i in weekly else say("directory_no_hours", language)
        person = people[i]
        if question.kind == TEAM and person.specialties:
            line = say(
                "directory_person_specialty",
                language,
                name=person.name,
                specialty=specialty_label(person.specialties, language),
                days=days,
            )
        else:
            line = say("directory_person", language, name=person.name, days=days)
        lines.append(f"• {line}")
    text = say(f"directory_{question.kind}", language, people="\n".join(lines))
    buttons = [{"id": f"{BOOK_PREFIX}{i}", "title": _title(people[i].name, language)} for i in ids]
    return text, buttons if len(buttons) <= MAX_BUTTONS else []


def _title(name: str, language: str) -> str:
    """ "Book Dr. Rafael Costa" when it fits a button, else the name alone."""
    title = say("directory_book", language, name=name)
    return title if len(title) <= BUTTON_CHARS else name[:BUTTON_CHARS]


def booking_button(payload: str) -> int | None:
    """The practitioner a directory answer's button books with, or None."""
    rest = payload[len(BOOK_PREFIX) :] if payload.startswith(BOOK_PREFIX) else ""
    return int(rest) if rest.isdigit() else None


def _days(parts: list[WeekPart], language: str) -> str:
    """ "Mon 09:00–12:00 and 14:00–18:00; Wed 09:00–13:00 (Centro)": each location named once
    when there is one."""
    joiner = say("directory_and", language)
    texts = [
        ", ".join(weekday_short(d, language) for d in part.weekdays)
        + " "
        + joiner.join(f"{start:%H:%M}–{end:%H:%M}" for start, end in part.hours)
        for part in parts
    ]
    if len({part.location for part in parts}) == 1:
        return f"{'; '.join(texts)} ({parts[0].location})" if parts[0].location else "; ".join(texts)
    return "; ".join(f"{text} ({part.location})" for text, part in zip(texts, parts, strict=True))
