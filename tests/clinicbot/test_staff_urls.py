"""The staff pages' public addresses: every URL name and path, pinned in one table.

Other tests and templates reach the pages by name (reverse, {% url %}); this table is the
one place that says what those names mean, so moving a view between apps cannot change
an address people have bookmarked."""

import pytest
from django.urls import resolve, reverse

pytestmark = pytest.mark.sqlite

STAFF_URLS = [
    ("staff_home", [], "/staff/"),
    ("staff_escalations", [], "/staff/escalations/"),
    ("staff_escalation_claim", [7], "/staff/escalations/7/claim/"),
    ("staff_conversations", [], "/staff/conversations/"),
    ("staff_conversation", [3], "/staff/conversations/3/"),
    ("staff_reply", [3], "/staff/conversations/3/reply/"),
    ("staff_take_over", [3], "/staff/conversations/3/take-over/"),
    ("staff_hand_back", [3], "/staff/conversations/3/hand-back/"),
    ("staff_replay", [3], "/staff/conversations/3/replay/"),
    ("staff_metrics", [], "/staff/metrics/"),
    ("staff_day", [], "/staff/day/"),
    ("staff_calendar", [], "/staff/calendar/"),
    ("staff_calendar_week", [4], "/staff/calendar/week/4/"),
    ("staff_calendar_book", [], "/staff/calendar/book/"),
    ("staff_desk_book", [], "/staff/calendar/book/confirm/"),
    ("staff_calendar_appointment", [5], "/staff/calendar/appointments/5/"),
    ("staff_appointment_mark", [5], "/staff/appointments/5/mark/"),
    ("staff_undo", [9], "/staff/undo/9/"),
    ("staff_appointment_book", [3], "/staff/conversations/3/appointments/book/"),
    ("staff_appointment_cancel", [3, 5], "/staff/conversations/3/appointments/5/cancel/"),
    ("staff_appointment_reschedule", [3, 5], "/staff/conversations/3/appointments/5/reschedule/"),
]


@pytest.mark.parametrize("name, args, path", STAFF_URLS)
def test_each_staff_url_name_keeps_its_path(name, args, path):
    assert reverse(name, args=args) == path
    assert resolve(path).url_name == name
