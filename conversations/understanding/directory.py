"""Questions the clinic's own directory answers: who works here, who sees a specialty, and on
which days a practitioner works ("quais médicos vocês têm?", "tem pediatra?", "qué días
atiende la Dra. Helena?"). The answer is the clinic's configured data, never advice, so the
bot can give it and offer to book.

Pure: the question is read from the text and the entities already extracted for it; which
practitioners answer it comes from the `ClinicDirectory`. Deciding whether the FAQ answers
the question better is the caller's (an approved answer wins over the directory).
"""

import re
from dataclasses import dataclass

from conversations.understanding.dates.lexicon import ALL as DATE_WORDS
from conversations.understanding.entities import specialty_key
from conversations.understanding.language import detect
from conversations.understanding.languages import PACKS
from conversations.understanding.text import fold
from conversations.understanding.types import ClinicDirectory, Entities

TEAM, SPECIALTY, DAYS = "team", "specialty", "days"


def _pattern(name: str) -> re.Pattern:
    fragments = dict.fromkeys(f for pack in PACKS for f in getattr(pack, name))
    return re.compile(rf"\b({'|'.join(sorted(fragments, key=len, reverse=True))})\b")


_TEAM = _pattern("directory_team")
_DAYS = _pattern("directory_days")
# A weekday named, plural or not ("on saturdays", "los sábados"): when someone works.
_WEEKDAY = re.compile(
    rf"\b({'|'.join(sorted({w for d in DATE_WORDS for day in d.weekdays for w in day}, key=len, reverse=True))})s?\b"
)


@dataclass(frozen=True)
class DirectoryQuestion:
    kind: str  # TEAM: the whole team; SPECIALTY: who sees it; DAYS: when these work
    practitioner_ids: tuple[int, ...]


def without_directory_words(text: str, directory: ClinicDirectory) -> str:
    """`text` folded, without the words that name the clinic's practitioners and specialties:
    what is left says what a question asks about them ("quanto custa o pediatra?" asks a
    price, which the FAQ may answer)."""
    return " ".join(
        word
        for word in fold(text).split()
        if word.strip("?!.,¿¡") not in directory.name_words and specialty_key(word) is None
    )


def without_booking_words(text: str, directory: ClinicDirectory) -> str:
    """`without_directory_words`, and without the words of the clinic's kinds of visit: what
    is left is what a message asks beside who and what to book ("Can I get a physio
    assessment? early morning" asks nothing of the FAQ, whose price list names assessments)."""
    type_words = {
        word
        for appointment_type in directory.appointment_types
        for name in appointment_type.names.values()
        for word in fold(name).split()
        if len(word) >= 4
    }
    return " ".join(
        word for word in without_directory_words(text, directory).split() if word not in type_words
    )


def directory_question(text: str, entities: Entities, directory: ClinicDirectory) -> DirectoryQuestion | None:
    """The directory question `text` asks, given its entities; None when it asks none (it
    names a day or time to book, or names nobody and no specialty)."""
    if entities.when is not None or not directory.practitioners:
        return None
    folded = fold(text)
    if entities.practitioner_ids:
        if _DAYS.search(folded):
            return DirectoryQuestion(DAYS, tuple(entities.practitioner_ids))
        return None
    if entities.specialty:
        key = specialty_key(entities.specialty) or fold(entities.specialty)
        ids = tuple(
            p.id
            for p in directory.practitioners
            if any(s == entities.specialty or specialty_key(s) == key for s in p.specialties)
        )
        if not ids:
            return None
        # "do you have a gynecologist on saturdays?" asks when they work, as a name would.
        return DirectoryQuestion(DAYS if _DAYS.search(folded) or _WEEKDAY.search(folded) else SPECIALTY, ids)
    if _TEAM.search(folded):
        return DirectoryQuestion(TEAM, tuple(p.id for p in directory.practitioners))
    return None


def specialty_label(labels: list[str] | tuple[str, ...], language: str) -> str:
    """Of a practitioner's specialty labels ("general practice", "clínica geral", "medicina
    general"), the one written in `language`, else the first."""
    for hint in (None, language):
        for label in labels:
            if detect(label, hint=hint) == language:
                return label
    return labels[0]
