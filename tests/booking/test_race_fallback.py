"""After a race took the wished slot, the alternatives lead with the wished day (issue 13)."""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from booking import machine
from booking.services import _find, _world
from scheduling import services as calendar
from scheduling.interface import scheduling_service
from scheduling.models import AppointmentType, Patient, Practitioner
from scheduling.selectors import clinic_get
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
ZONE = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZONE)  # Monday; Dra. Ana works Mon, Wed and Fri
WEDNESDAY = date(2026, 11, 25)


def test_when_the_wished_hour_is_gone_the_alternatives_start_with_the_rest_of_the_wished_day(time_machine):
    time_machine.move_to(NOW)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    ana = Practitioner.objects.get(code="ana-souza")
    checkup = AppointmentType.objects.get(code="checkup")
    someone = Patient.objects.create(name="Paula Peña", phone_e164="+5511900000001")
    # Wednesday is full but for 12:30: the 10:00 the patient wished for went to someone else.
    for half_hour in range(7):
        start = datetime.combine(WEDNESDAY, time(9), tzinfo=ZONE) + timedelta(minutes=30 * half_hour)
        calendar.appointment_create(
            patient=someone,
            practitioner=ana,
            appointment_type=checkup,
            start=start,
            actor=calendar.Actor.staff(None),
        )
    conversation = ConversationFactory(channel_user_id="5511900000002")
    world = _world(
        clinic=clinic_get(), phone="+5511900000002", language="en", now=NOW, conversation_id=conversation.pk
    )
    wish = machine.FindSlots(
        type_code="checkup",
        practitioner_ids=(ana.pk,),
        specialty=None,
        day_from=WEDNESDAY,
        day_to=WEDNESDAY,
        window=(time(10), time(11)),
        prefer=datetime.combine(WEDNESDAY, time(10), tzinfo=ZONE),
        replacing_id=None,
        window_around=True,  # "Wednesday at 10"
    )

    found = _find(wish, world=world, conversation_id=conversation.pk, service=scheduling_service(now=NOW))

    assert found.alternatives
    assert found.slots[0].start == datetime.combine(WEDNESDAY, time(12, 30), tzinfo=ZONE)
    assert [s.start.date() for s in found.slots[1:]] == sorted(s.start.date() for s in found.slots[1:])


def test_hours_wished_on_a_day_with_nothing_are_kept_on_the_nearest_other_days(time_machine):
    """ "Thursday after 6pm, I work late": nobody works Thursday evenings, so the evenings of
    the days around it, not Thursday afternoon (the hours were a bound)."""
    time_machine.move_to(NOW)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    conversation = ConversationFactory(channel_user_id="5511900000003")
    world = _world(
        clinic=clinic_get(), phone="+5511900000003", language="en", now=NOW, conversation_id=conversation.pk
    )
    thursday = date(2026, 11, 26)
    wish = machine.FindSlots(
        type_code="new",
        practitioner_ids=(),
        specialty=None,
        day_from=thursday,
        day_to=thursday,
        window=(time(18), time(23, 59)),
        prefer=datetime.combine(thursday, time(18), tzinfo=ZONE),
        replacing_id=None,
    )

    found = _find(wish, world=world, conversation_id=conversation.pk, service=scheduling_service(now=NOW))

    assert found.alternatives and found.slots
    assert all(s.start.astimezone(ZONE).time() >= time(18) for s in found.slots)


@pytest.mark.parametrize("around", [False, True])
def test_an_hour_wide_bound_is_kept_on_other_days_but_an_hour_said_alone_is_not(time_machine, around):
    """ "Early, until 9" on a day with nothing before 9 bounds the hours: 8 to 9 on the days
    around it. "Today at 8" is a time on that day: its alternatives are any time nearest it."""
    time_machine.move_to(NOW)
    call_command("load_clinic", str(CLINIC), verbosity=0)
    conversation = ConversationFactory(channel_user_id="5511900000004")
    world = _world(
        clinic=clinic_get(), phone="+5511900000004", language="en", now=NOW, conversation_id=conversation.pk
    )
    today = NOW.date()  # two hours' notice: nothing before 10 today
    wish = machine.FindSlots(
        type_code="new",
        practitioner_ids=(),
        specialty=None,
        day_from=today,
        day_to=today,
        window=(time(8), time(9)),
        prefer=datetime.combine(today, time(8), tzinfo=ZONE),
        replacing_id=None,
        window_around=around,
    )

    found = _find(wish, world=world, conversation_id=conversation.pk, service=scheduling_service(now=NOW))

    assert found.alternatives and found.slots
    early = [time(8) <= s.start.astimezone(ZONE).time() < time(9) for s in found.slots]
    assert all(early) if not around else not all(early)
