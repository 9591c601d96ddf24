"""What the bot says, one catalogue per language: `en.py`, `es.py`, `pt_br.py` beside this
file, one for each registered language pack (conversations.understanding.languages).

`say(key, language, **values)` fills a catalogue entry in; `render(text, language)` does the
same for the booking machine's replies (`booking.machine.Say`), whose values may be instants
(written as the language writes dates) or nested texts. A language without its own entry
never happens: a test checks that every catalogue has every key.
"""

from datetime import datetime
from importlib import import_module
from types import ModuleType
from typing import Any

from booking.machine import Say
from conversations.understanding.languages import FALLBACK, PACKS, language_code

_MODULES: dict[str, ModuleType] = {pack.code: import_module(f"{__name__}.{pack.slug}") for pack in PACKS}
CATALOGUES: dict[str, dict[str, str]] = {code: module.CATALOGUE for code, module in _MODULES.items()}


class _Instant:
    """An instant written the way `language` writes dates: "{when}" long, "{when:short}" short,
    "{when:day}" the day alone, "{when:date}" the date with its year."""

    def __init__(self, value: datetime, language: str) -> None:
        self.value = value
        self.language = language

    def __format__(self, spec: str) -> str:
        module = _MODULES[self.language]
        start = self.value
        weekday = module.WEEKDAYS[start.weekday()]
        key = {"short": "when_short", "day": "when_day", "date": "when_date"}.get(spec, "when")
        return module.CATALOGUE[key].format(
            weekday=weekday,
            weekday_short=weekday_short(start.weekday(), self.language),
            day=start.day,
            month=module.MONTHS[start.month - 1],
            month_num=f"{start.month:02d}",
            time=f"{start:%H:%M}",
            year=start.year,
        )


def weekday_short(weekday: int, language: str | None) -> str:
    """ "Mon", "Lun", "Seg": the day (0 = Monday) as the short dates write it."""
    return _MODULES[_language(language)].WEEKDAYS[weekday][:3].capitalize()


def _language(language: str | None) -> str:
    code = language_code(language)
    return code if code in _MODULES else FALLBACK


def say(key: str, language: str | None, /, **values: Any) -> str:
    """The copy for `key` in `language` (English when the language is unknown), filled in."""
    language = _language(language)
    filled = {name: _value(value, language) for name, value in values.items()}
    return CATALOGUES[language][key].format(**filled)


def render(text: Say | str, language: str | None) -> str:
    """A booking reply (or an option title) as text in `language`."""
    if isinstance(text, str):
        return text
    return say(text.key, language, **text.values)


def when_text(start: datetime, language: str | None) -> str:
    """ "Tuesday 24 November at 08:00", "martes 24 de noviembre a las 08:00", ..."""
    return format(_Instant(start, _language(language)), "")


def _value(value: Any, language: str) -> Any:
    if isinstance(value, Say):
        return render(value, language)
    if isinstance(value, datetime):
        return _Instant(value, language)
    return value
