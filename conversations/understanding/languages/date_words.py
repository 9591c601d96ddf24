"""The words a language writes dates and times with, for `understanding.dates`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DateWords:
    """Filled in by each language pack; every field is plain folded words unless it says
    it holds regular-expression fragments."""
