"""The number a patient writes to decides the clinic: its answers, its doctors, its history;
a number no clinic lists is kept and refused, never answered as some clinic."""

import logging

import pytest

from conversations.models import Conversation, OutboundMessage, UnroutedMessage
from scheduling.models import Patient
from tests.tenancy.conftest import PATIENT, SOL_TWILIO, VISTA_TWILIO, twilio_form

pytestmark = pytest.mark.sqlite
WEBHOOK = "/webhooks/twilio/whatsapp/"


def _ask(post_webhook, *, to: str, body: str) -> str:
    assert post_webhook(WEBHOOK, twilio_form(to=to, body=body)).status_code == 200
    return OutboundMessage._base_manager.order_by("-id").first().body


def test_each_number_answers_with_its_own_clinics_approved_fees(two_clinics, post_webhook):
    vista = _ask(post_webhook, to=VISTA_TWILIO, body="¿Cuánto cuesta la consulta?")
    sol = _ask(post_webhook, to=SOL_TWILIO, body="¿Cuánto cuesta la consulta?")

    assert "R$ 350" in vista and "€" not in vista
    assert "60 €" in sol and "R$" not in sol


def test_each_number_greets_as_its_own_clinic(two_clinics, post_webhook):
    assert "Clínica Vista" in _ask(post_webhook, to=VISTA_TWILIO, body="hola")
    assert "Clínica Sol" in _ask(post_webhook, to=SOL_TWILIO, body="hola")


def test_the_same_phone_at_two_clinics_has_two_separate_histories(two_clinics, post_webhook):
    vista, sol = two_clinics
    _ask(post_webhook, to=VISTA_TWILIO, body="hola")
    _ask(post_webhook, to=SOL_TWILIO, body="¿Hay estacionamiento?")

    chats = {c.clinic_id: c for c in Conversation.objects.filter(channel_user_id=PATIENT.lstrip("+"))}
    assert set(chats) == {vista.pk, sol.pk}
    assert [m.text for m in chats[vista.pk].inbound_messages.all()] == ["hola"]
    assert [m.text for m in chats[sol.pk].inbound_messages.all()] == ["¿Hay estacionamiento?"]
    assert chats[sol.pk].address == SOL_TWILIO


def test_the_same_patient_in_both_clinic_files_is_two_patients(two_clinics):
    vista, sol = two_clinics
    joao = Patient.objects.filter(phone_e164="+5511987654321")

    assert sorted(joao.values_list("clinic_id", "language")) == sorted([(vista.pk, "pt-BR"), (sol.pk, "es")])


def test_each_clinics_doctors_come_from_its_own_file(two_clinics):
    from scheduling.directory import directory_get

    vista, sol = two_clinics
    assert "Dra. Ana Souza" in {p.name for p in directory_get(clinic_id=vista.pk).practitioners}
    assert {p.name for p in directory_get(clinic_id=sol.pk).practitioners} >= {
        "Dr. Pablo Ruiz",
        "Dra. Marta Gil",
    }
    assert "Dra. Ana Souza" not in {p.name for p in directory_get(clinic_id=sol.pk).practitioners}


def test_a_number_no_clinic_lists_is_kept_logged_and_never_answered(two_clinics, post_webhook, caplog):
    with caplog.at_level(logging.WARNING, logger="conversations.routing"):
        response = post_webhook(WEBHOOK, twilio_form(to="+19995550100", body="hola"))

    assert response.status_code == 200  # acknowledged, so the provider does not retry
    kept = UnroutedMessage.objects.get()
    assert (kept.channel, kept.address, kept.channel_user_id) == (
        "twilio",
        "+19995550100",
        PATIENT.lstrip("+"),
    )
    assert not Conversation.objects.exists()
    assert not OutboundMessage.objects.exists()
    assert "no clinic has this number" in caplog.text  # (numbers are masked in logs)


def test_a_retried_webhook_to_an_unknown_number_is_kept_once(two_clinics, post_webhook):
    body = twilio_form(to="+19995550100", body="hola")
    post_webhook(WEBHOOK, body)
    post_webhook(WEBHOOK, body)

    assert UnroutedMessage.objects.count() == 1
