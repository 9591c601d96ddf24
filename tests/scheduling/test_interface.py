import pytest

from audit.models import TraceEvent
from scheduling.builtin import BuiltinSchedulingService
from scheduling.exceptions import SlotUnavailable
from scheduling.interface import SchedulingService, scheduling_service
from scheduling.services import Actor
from tests.scheduling.conftest import NOW, local

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_the_factory_returns_the_builtin_service_by_default():
    service = scheduling_service()
    assert isinstance(service, BuiltinSchedulingService)
    assert isinstance(service, SchedulingService)


def test_the_factory_honours_the_setting(settings):
    settings.SCHEDULING_SERVICE = "tests.scheduling.test_interface.Elsewhere"
    assert isinstance(scheduling_service(), Elsewhere)


class Elsewhere(BuiltinSchedulingService):
    pass


def test_a_whole_booking_through_the_interface_is_traced_step_by_step(
    practitioner, consult, patient, conversation
):
    service = scheduling_service(now=NOW)
    [slot] = service.find_slots(appointment_type=consult, limit=1, conversation_id=conversation.pk)
    hold = service.hold(slot=slot, appointment_type=consult, conversation_id=conversation.pk)
    appointment = service.book(hold=hold, patient=patient, actor=Actor.bot(), conversation_id=conversation.pk)
    assert appointment.start == local(23, 9)
    assert service.upcoming(patient=patient) == [appointment]
    calls = list(TraceEvent.objects.filter(conversation=conversation).values_list("payload__call", flat=True))
    assert calls == ["slot_list_available", "slot_hold", "appointment_book"]


def test_a_slot_taken_between_offer_and_hold_raises_slot_unavailable(practitioner, consult, patient):
    service = scheduling_service(now=NOW)
    [slot] = service.find_slots(appointment_type=consult, limit=1)
    service.book(hold=service.hold(slot=slot, appointment_type=consult), patient=patient, actor=Actor.bot())
    with pytest.raises(SlotUnavailable):
        service.hold(slot=slot, appointment_type=consult)
