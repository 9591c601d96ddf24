import pytest
from django.utils import timezone

from conversations.models import OutboundMessage
from conversations.tasks import inbound_sweep, outbound_sweep
from tests.conversations.factories import InboundMessageFactory, OutboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
LONG_AGO = timezone.now() - timezone.timedelta(minutes=30)


def test_inbound_sweep_processes_messages_left_behind():
    stale = InboundMessageFactory(text="hello", received_at=LONG_AGO)
    fresh = InboundMessageFactory(text="just arrived")

    assert inbound_sweep() == 1

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.processed_at is not None
    assert fresh.processed_at is None  # its own task is still on the way
    assert stale.replies.count() == 1


def test_inbound_sweep_does_nothing_when_all_is_processed():
    InboundMessageFactory(received_at=LONG_AGO, processed_at=LONG_AGO)

    assert inbound_sweep() == 0
    assert OutboundMessage.objects.count() == 0


def test_outbound_sweep_resends_a_message_stuck_in_sending():
    stuck = OutboundMessageFactory(status=OutboundMessage.Status.SENDING, attempts=1)
    OutboundMessage.objects.filter(pk=stuck.pk).update(updated_at=LONG_AGO)

    assert outbound_sweep() == 1

    stuck.refresh_from_db()
    assert stuck.status == OutboundMessage.Status.DELIVERED  # the simulator delivered it
    assert stuck.attempts == 2


def test_outbound_sweep_gives_up_after_the_attempt_limit():
    stuck = OutboundMessageFactory(status=OutboundMessage.Status.SENDING, attempts=3)
    OutboundMessage.objects.filter(pk=stuck.pk).update(updated_at=LONG_AGO)

    outbound_sweep()

    stuck.refresh_from_db()
    assert stuck.status == OutboundMessage.Status.FAILED
    assert stuck.conversation.escalations.get().reason == "delivery_failure"
