"""Date and time resolution: a pure function of (expression, language, clinic now, zone).

The local engine and the Claude engine both hand the words the patient wrote to
`resolve`; nothing here reads the clock. Conventions (documented in docs/nlu.md):

* Nothing resolves silently into the past. Ranges that contain `now` start at `now`;
  a bare weekday, day number or month-day means the next one that is not past; an
  expression that can only mean a past instant ("yesterday", "today at 9" at 10:00)
  comes back with `past=True` set on the resolution so the bot can say so.
* "next Tuesday" is the Tuesday of next week. Said early in the week it could also mean
  the coming Tuesday, so then the result is ambiguous with both readings.
* A bare hour without am/pm or a period follows clinic hours: 7-11 morning, 12 noon,
  1-6 afternoon. 7 and 8 stay ambiguous (07:00 or 19:00).
* en numeric dates are month/day, es and pt day/month; "04/05" in en is ambiguous.
"""

from conversations.understanding.dates.birth import date_of_birth
from conversations.understanding.dates.days import names_weekday
from conversations.understanding.dates.numbers import normalize
from conversations.understanding.dates.resolution import resolve

__all__ = ["date_of_birth", "names_weekday", "normalize", "resolve"]
