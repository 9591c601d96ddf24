"""Turns an `Understanding` into the booking conversation's `Signal` (plain data)."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from booking.machine import Signal
from conversations.understanding.commands import commands_in
from conversations.understanding.dates import names_weekday
from conversations.understanding.types import PERIOD_HOURS, TimeResolution, Understanding


def booking_signal(result: Understanding, *, text: str, button: str) -> Signal:
    e = result.entities
    day_from = day_to = prefer = window = None
    past = around = False
    when = e.when
    week_on = _week_on(when)
    if when is not None:
        past = when.past
        # The wish as said ("Thursday", the whole day), not clipped to what is left of today:
        # the same window is searched a week on.
        said = replace(when, start=when.readings[0].start, end=when.readings[0].end) if week_on else when
        day_from, day_to, window, prefer = _span(said)
        around = window is not None and _said_alone(said)
        if when.through and window:
            day_to = when.through
    period = e.period or (when.period if when else None)
    if window is None and period in PERIOD_HOURS:
        start, end = PERIOD_HOURS[period]
        window = (time(start), time(23, 59) if end == 24 else time(end))
    commands = set(commands_in(text))
    if button in ("more", "waitlist"):
        commands.add(button)
    intent, yes_no = result.intent.value, _yes_no(e.yes_no, button)
    if result.engine == "claude" and not button:
        # A booking is committed on a yes our code recognises (a button, an option number, a
        # yes word), never on a model's reading of "hmm, I'd rather wait": the model is only
        # asked when the rules found no yes or no at all.
        yes_no = None
        intent = "unknown" if intent in ("affirm", "deny") else intent
    return Signal(
        intent=intent,
        option=e.option,
        option_time=e.option_time,
        yes_no=yes_no,
        day_from=day_from,
        day_to=day_to,
        day_named=when is not None and when.day is not None and when.day_stated,
        weekday_said=when is not None and when.day is not None and names_weekday(text),
        window=window,
        window_around=around,
        prefer=prefer,
        week_on=week_on,
        past=past,
        practitioner_ids=tuple(e.practitioner_ids),
        specialty=e.specialty,
        type_code=e.appointment_type_code,
        full_name=e.full_name,
        for_someone=e.for_someone,
        date_of_birth=e.date_of_birth,
        button=button,
        commands=frozenset(commands),
    )


def _week_on(when: TimeResolution | None) -> date | None:
    """A weekday named on that very weekday reads as today or a week on (see dates.days): the
    week-on day, searched when today has nothing left for the wish."""
    if when is None or when.day is None or not when.ambiguous:
        return None
    week_on = when.day + timedelta(days=7)
    return week_on if any(r.start.date() == week_on for r in when.readings) else None


def _yes_no(value: bool | None, button: str) -> bool | None:
    if button in ("yes", "no"):
        return button == "yes"
    return value


def _span(when: TimeResolution):
    """(first day, last day, time window, preferred instant) of a resolved expression."""
    if when.start is None or when.end is None:
        if when.clock_time is not None:
            return None, None, _hour_around(when.clock_time), None
        return None, None, None, None
    last = when.end - timedelta(microseconds=1)
    day_from, day_to = when.start.date(), last.date()
    window = None
    if when.granularity == "time" or (when.clock_time is not None and day_from == day_to):
        window = _hour_around(when.start.time())
    elif day_from == day_to and (when.start.time() != time(0) or when.end.time() != time(0)):
        window = (when.start.time(), last.time())
    prefer = when.start if isinstance(when.start, datetime) else None
    return day_from, day_to, window, prefer


def _said_alone(when: TimeResolution) -> bool:
    """The window `_span` gives is the hour around a time said alone ("at 10")."""
    if when.start is None or when.end is None:
        return when.clock_time is not None
    last = when.end - timedelta(microseconds=1)
    return when.granularity == "time" or (when.clock_time is not None and when.start.date() == last.date())


def _hour_around(at: time) -> tuple[time, time]:
    end = (datetime.combine(datetime.min, at) + timedelta(hours=1)).time()
    return at, end if end > at else time(23, 59)
