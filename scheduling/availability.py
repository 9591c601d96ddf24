"""Free slots as pure functions: dataclasses in, slots out, the clock passed in.

Instants are aware UTC datetimes; working hours are local times in the clinic's zone, so
a 09:00 start stays 09:00 on both sides of a daylight-saving change. Busy intervals are
merged once per calendar, then each day is walked on the slot grid, jumping over busy
blocks, so a week costs a few hundred comparisons.
"""

import heapq
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class WeeklyRange:
    weekday: int  # Monday is 0
    start: time
    end: time
    location_id: int


@dataclass(frozen=True)
class Rules:
    min_notice: timedelta = timedelta(hours=2)
    max_days_ahead: int = 60
    slot_step: timedelta = timedelta(minutes=15)
    buffer: timedelta = timedelta(0)


@dataclass(frozen=True)
class TimeWindow:
    """A local time-of-day window, e.g. mornings 08:00-12:00; a slot must lie inside it."""

    start: time
    end: time


@dataclass(frozen=True)
class Preference:
    """What the patient asked for; slots are ranked by closeness to it, never filtered."""

    day: date
    window: TimeWindow | None = None
    # Cost of a slot outside the wished window, as if it were this much further away.
    outside_window_penalty: timedelta = timedelta(days=1)


@dataclass
class Calendar:
    """One practitioner's week and everything that makes time busy for them."""

    practitioner_id: int
    weekly: Sequence[WeeklyRange]
    busy: Iterable[Interval] = ()  # appointments, time off, other people's live holds
    _merged: list[Interval] = field(init=False, repr=False)
    _ends: list[datetime] = field(init=False, repr=False)
    _by_weekday: dict[int, list[WeeklyRange]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_weekday = {}
        for r in sorted(self.weekly, key=lambda r: (r.weekday, r.start)):
            day = self._by_weekday.setdefault(r.weekday, [])
            # Overlapping ranges at one location are one range, or slots would repeat.
            same = [i for i, o in enumerate(day) if o.location_id == r.location_id and o.end >= r.start]
            if same:
                o = day[same[-1]]
                day[same[-1]] = WeeklyRange(r.weekday, o.start, max(o.end, r.end), o.location_id)
            else:
                day.append(r)
        self._merged = merge(self.busy)
        self._ends = [i.end for i in self._merged]

    def ranges_on(self, day: date) -> list[WeeklyRange]:
        return self._by_weekday.get(day.weekday(), [])


@dataclass(frozen=True, order=True)
class Slot:
    start: datetime
    end: datetime
    practitioner_id: int
    location_id: int


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping union; touching intervals are joined."""
    out: list[Interval] = []
    for i in sorted(intervals, key=lambda i: i.start):
        if i.end <= i.start:
            continue
        if out and i.start <= out[-1].end:
            if i.end > out[-1].end:
                out[-1] = Interval(out[-1].start, i.end)
        else:
            out.append(i)
    return out


def weekly_next_opening(ranges: Iterable[WeeklyRange], *, now: datetime, zone: ZoneInfo) -> datetime | None:
    """When the weekly ranges next begin after `now`, in `zone`; None while one of them holds
    `now` (open) or when there are none. Pure."""
    local = now.astimezone(zone)
    ranges = list(ranges)
    starts = []
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        for r in ranges:
            if r.weekday != day.weekday():
                continue
            start = datetime.combine(day, r.start, tzinfo=zone)
            if offset == 0 and r.start <= local.time() < r.end:
                return None
            if start > local:
                starts.append(start)
    return min(starts, default=None)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def day_slots(
    calendar: Calendar,
    *,
    day: date,
    duration: timedelta,
    rules: Rules,
    zone: ZoneInfo,
    now: datetime,
    window: TimeWindow | None = None,
    location_ids: frozenset[int] | None = None,
    spacing: timedelta | None = None,
    skip_range: Callable[[date, datetime, datetime], bool] | None = None,
) -> Iterator[Slot]:
    """Free slots of one practitioner on one local day, in time order; with `spacing`,
    each offered start at least that long after the previous one (varied choices).
    `skip_range(day, start, end)` lets a caller pass over ranges it knows are useless."""
    earliest = now + rules.min_notice
    latest_start = now + timedelta(days=rules.max_days_ahead)
    step = rules.slot_step
    merged, ends, buffer = calendar._merged, calendar._ends, rules.buffer
    for r in calendar.ranges_on(day):
        if location_ids is not None and r.location_id not in location_ids:
            continue
        range_start = local_instant(day, r.start, zone)
        range_end = local_instant(day, r.end, zone)
        if skip_range is not None and skip_range(day, range_start, range_end):
            continue
        low, high = max(range_start, earliest), range_end
        if window is not None:
            low = max(low, local_instant(day, window.start, zone))
            high = min(high, local_instant(day, window.end, zone))
        start = _on_grid(low, origin=range_start, step=step)
        while start + duration <= high and start <= latest_start:
            end = start + duration
            # The first busy block ending after our start (minus buffer) is the only one
            # that can overlap, because merged blocks are sorted by both start and end.
            k = bisect_right(ends, start - buffer)
            if k < len(merged) and merged[k].start < end + buffer:
                start = _on_grid(merged[k].end + buffer, origin=range_start, step=step)
                continue
            yield Slot(start, end, calendar.practitioner_id, r.location_id)
            start = start + step if not spacing else _on_grid(start + spacing, origin=range_start, step=step)


def _on_grid(at: datetime, *, origin: datetime, step: timedelta) -> datetime:
    if at <= origin:
        return origin
    steps = -(-(at - origin) // step)  # ceiling division of timedeltas
    return origin + steps * step


def slots_between(
    calendars: Sequence[Calendar],
    *,
    date_from: date,
    date_to: date,
    duration: timedelta,
    rules: Rules,
    zone: ZoneInfo,
    now: datetime,
    window: TimeWindow | None = None,
    location_ids: frozenset[int] | None = None,
    spacing: timedelta | None = None,
) -> list[Slot]:
    """Every free slot of these calendars between two local days (inclusive), by time."""
    out: list[Slot] = []
    day = date_from
    while day <= date_to:
        for cal in calendars:
            out.extend(
                day_slots(
                    cal,
                    day=day,
                    duration=duration,
                    rules=rules,
                    zone=zone,
                    now=now,
                    window=window,
                    location_ids=location_ids,
                    spacing=spacing,
                )
            )
        day += timedelta(days=1)
    out.sort()
    return out


def slot_cost(slot: Slot, *, preference: Preference, zone: ZoneInfo) -> timedelta:
    """How far a slot is from the wish: distance to the wished window, plus a penalty
    when it lies outside that window (so "Tuesday morning" prefers Wednesday morning to
    Tuesday evening, but Tuesday afternoon to next week's morning)."""
    anchor_start, anchor_end = _anchor(preference, zone)
    if slot.start < anchor_start:
        distance = anchor_start - slot.start
    elif slot.end > anchor_end:
        distance = slot.end - anchor_end
    else:
        distance = timedelta(0)
    if preference.window is not None:
        local = slot.start.astimezone(zone)
        inside = preference.window.start <= local.time() and (
            (slot.end.astimezone(zone)).time() <= preference.window.end or preference.window.end == time(0)
        )
        if not inside:
            distance += preference.outside_window_penalty
    return distance


@lru_cache(maxsize=64)
def _anchor(preference: Preference, zone: ZoneInfo) -> tuple[datetime, datetime]:
    window = preference.window or TimeWindow(time(0), time(0))
    start = local_instant(preference.day, window.start, zone)
    end_day = preference.day if window.end > window.start else preference.day + timedelta(days=1)
    return start, local_instant(end_day, window.end, zone)


def best_slots(
    calendars: Sequence[Calendar],
    *,
    preference: Preference,
    date_from: date,
    date_to: date,
    duration: timedelta,
    rules: Rules,
    zone: ZoneInfo,
    now: datetime,
    limit: int = 5,
    window: TimeWindow | None = None,
    location_ids: frozenset[int] | None = None,
    spacing: timedelta | None = None,
) -> list[Slot]:
    """The `limit` free slots closest to the preference, best first: by cost, then
    practitioner, then start (equally good times stay with one practitioner, in time order),
    so that the best N are always the head of the best N + k ("more options" pages never
    shift or repeat, whatever order the calendars come in).

    Days are visited outwards from the wished day; the search stops once no later day
    can hold a slot cheaper than the worst one kept.
    """
    kept: list[tuple[tuple, Slot]] = []  # max-heap by (cost, practitioner, start), through negation

    def hopeless(day: date, start: datetime, end: datetime) -> bool:
        # A range that can at best tie on cost may still win on its practitioner or start: only a
        # dearer one is skipped.
        return len(kept) >= limit and _span_lower_bound(day, start, end, preference, zone) > -kept[0][0][0]

    for day in _days_outwards(preference.day, date_from, date_to):
        if len(kept) >= limit and day_lower_bound(day, preference, zone) > -kept[0][0][0]:
            break
        for cal in calendars:
            for slot in day_slots(
                cal,
                day=day,
                duration=duration,
                rules=rules,
                zone=zone,
                now=now,
                window=window,
                location_ids=location_ids,
                spacing=spacing,
                skip_range=hopeless,
            ):
                cost = slot_cost(slot, preference=preference, zone=zone)
                key = (-cost, -slot.practitioner_id, -slot.start.timestamp(), -slot.location_id)
                if len(kept) < limit:
                    heapq.heappush(kept, (key, slot))
                elif key > kept[0][0]:
                    heapq.heapreplace(kept, (key, slot))
    return [slot for _, slot in sorted(kept, key=lambda item: item[0], reverse=True)]


def _days_outwards(center: date, first: date, last: date) -> Iterator[date]:
    center = min(max(center, first), last)
    yield center
    offset = 1
    while center - timedelta(days=offset) >= first or center + timedelta(days=offset) <= last:
        for day in (center + timedelta(days=offset), center - timedelta(days=offset)):
            if first <= day <= last:
                yield day
        offset += 1


def _span_lower_bound(
    day: date, start: datetime, end: datetime, preference: Preference, zone: ZoneInfo
) -> timedelta:
    """No slot between `start` and `end` (on local `day`) can cost less than this."""
    anchor_start, anchor_end = _anchor(preference, zone)
    if end <= anchor_start:
        bound = anchor_start - end
    elif start >= anchor_end:
        bound = start - anchor_end
    else:
        bound = timedelta(0)
    wish = preference.window
    if wish is not None:
        wish_start = local_instant(day, wish.start, zone)
        wish_end = local_instant(day + timedelta(days=1) if wish.end == time(0) else day, wish.end, zone)
        if end <= wish_start or start >= wish_end:
            bound += preference.outside_window_penalty
    return bound


def day_lower_bound(day: date, preference: Preference, zone: ZoneInfo) -> timedelta:
    """No slot on `day` can cost less than the gap between that day and the wished window."""
    anchor_start, anchor_end = _anchor(preference, zone)
    day_start = local_instant(day, time(0), zone)
    day_end = local_instant(day + timedelta(days=1), time(0), zone)
    if day_end <= anchor_start:
        return anchor_start - day_end
    if day_start >= anchor_end:
        return day_start - anchor_end
    return timedelta(0)


def slot_problem(
    calendar: Calendar,
    *,
    start: datetime,
    duration: timedelta,
    rules: Rules,
    zone: ZoneInfo,
    now: datetime,
    location_id: int | None = None,
    enforce_policy: bool = True,
) -> str | None:
    """Why this exact slot cannot be taken, or None when it can.

    Staff may book off the grid and inside the notice period (enforce_policy=False); working
    hours and busy time bind everyone.
    """
    end = start + duration
    day = start.astimezone(zone).date()
    inside = [
        r
        for r in calendar.ranges_on(day)
        if local_instant(day, r.start, zone) <= start
        and end <= local_instant(day, r.end, zone)
        and (location_id is None or r.location_id == location_id)
    ]
    if not inside:
        return "outside working hours"
    k = bisect_right(calendar._ends, start - rules.buffer)
    if k < len(calendar._merged) and calendar._merged[k].start < end + rules.buffer:
        return "already taken"
    if enforce_policy:
        if start < now + rules.min_notice:
            return "too soon (minimum notice)"
        if start > now + timedelta(days=rules.max_days_ahead):
            return "too far ahead"
        origin = local_instant(day, inside[0].start, zone)
        if (start - origin) % rules.slot_step:
            return "not on the slot grid"
    elif start < now:
        return "in the past"
    return None
