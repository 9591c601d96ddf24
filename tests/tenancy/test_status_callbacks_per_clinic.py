"""A provider's status callback names no clinic: it is applied in the clinic of the message it
reports on, so a failed delivery at one of two clinics hands that clinic's chat to its staff."""

import pytest

from conversations.models import Escalation, OutboundMessage
from tests.conftest import fixture_form, meta_fixture
from tests.conversations.factories import OutboundMessageFactory
from tests.tenancy.conftest import SOL_PATIENT

pytestmark = pytest.mark.sqlite
STATUS = "/webhooks/twilio/status/"


def _sent(chat, sid: str) -> OutboundMessage:
    return OutboundMessageFactory(
        conversation=chat,
        clinic_id=chat.clinic_id,
        provider_message_id=sid,
        status=OutboundMessage.Status.SENT,
    )


def test_a_failed_twilio_delivery_at_one_of_two_clinics_escalates_in_that_clinic(sol_world, post_webhook):
    sid = "c" * 32
    message = _sent(sol_world["sol_chat"], f"SM{sid}")

    response = post_webhook(STATUS, fixture_form("status_failed_63016", sid=sid))

    assert response.status_code == 200
    message.refresh_from_db()
    assert (message.status, message.error_code) == (OutboundMessage.Status.FAILED, "63016")
    escalation = Escalation._base_manager.get()
    assert (escalation.clinic_id, escalation.conversation_id) == (
        sol_world["sol_chat"].clinic_id,
        sol_world["sol_chat"].pk,
    )
    assert escalation.reason == Escalation.Reason.WINDOW_CLOSED


def test_a_delivered_twilio_status_at_one_of_two_clinics_is_applied(sol_world, post_webhook):
    sid = "d" * 32
    message = _sent(sol_world["vista_chat"], f"SM{sid}")

    assert post_webhook(STATUS, fixture_form("status_delivered", sid=sid)).status_code == 200

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.DELIVERED
    assert not Escalation._base_manager.exists()


def test_a_failed_meta_delivery_at_one_of_two_clinics_escalates_in_that_clinic(
    sol_world, meta_settings, post_meta
):
    message = _sent(sol_world["sol_chat"], "wamid.SOLFAILED")

    body = meta_fixture(
        "status_failed", id=message.provider_message_id, code="131047", **{"from": SOL_PATIENT}
    )
    response = post_meta(body)

    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    escalation = Escalation._base_manager.get()
    assert (escalation.clinic_id, escalation.conversation_id) == (
        sol_world["sol_chat"].clinic_id,
        sol_world["sol_chat"].pk,
    )
