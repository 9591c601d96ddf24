"""Exporting or erasing a patient's data acts in one clinic: with several clinics the command
must name it, and a phone shared by two clinics touches only the chosen clinic's patient."""

import json

import pytest
from django.core.management import CommandError, call_command

from conversations.models import Conversation
from scheduling.models import Patient
from tests.tenancy.conftest import SOL_TWILIO, VISTA_TWILIO, twilio_form

pytestmark = pytest.mark.sqlite
JOAO = "+5511987654321"  # a patient of both clinics


@pytest.fixture
def joao_at_both(two_clinics, post_webhook):
    for number in (VISTA_TWILIO, SOL_TWILIO):
        post_webhook("/webhooks/twilio/whatsapp/", twilio_form(to=number, body="olá", sender=JOAO))
    return two_clinics


@pytest.mark.parametrize("command", ["export_patient_data", "erase_patient_data"])
def test_with_several_clinics_the_command_asks_which_naming_the_codes(joao_at_both, command):
    with pytest.raises(CommandError, match=r"name one with --clinic \(sol, vista\)"):
        call_command(command, "--phone", JOAO, "--yes" if command.startswith("erase") else "--actor=")

    assert Patient.objects.filter(phone_e164=JOAO).count() == 2


def test_an_unknown_clinic_code_is_refused_naming_the_codes(joao_at_both):
    with pytest.raises(CommandError, match=r"no clinic with code 'luna'; the clinics are: sol, vista"):
        call_command("export_patient_data", "--phone", JOAO, "--clinic", "luna")


def test_the_export_holds_only_the_chosen_clinics_patient_and_chats(joao_at_both, tmp_path):
    _, sol = joao_at_both
    output = tmp_path / "joao.json"

    call_command("export_patient_data", "--phone", JOAO, "--clinic", "sol", "--output", str(output))

    data = json.loads(output.read_text(encoding="utf-8"))
    assert [p["clinic"] for p in data["patients"]] == [sol.pk]
    assert [c["clinic"] for c in data["conversations"]] == [sol.pk]
    assert [m["text"] for m in data["conversations"][0]["inbound_messages"]] == ["olá"]


def test_erasing_at_one_clinic_leaves_the_same_phone_at_the_other_untouched(joao_at_both):
    vista, sol = joao_at_both
    patients = {p.clinic_id: p for p in Patient._base_manager.filter(phone_e164=JOAO)}
    chats = {c.clinic_id: c for c in Conversation._base_manager.filter(phone_e164=JOAO)}

    call_command("erase_patient_data", "--phone", JOAO, "--clinic", "sol", "--yes")

    for record in (*patients.values(), *chats.values()):
        record.refresh_from_db()
    assert (patients[vista.pk].phone_e164, patients[vista.pk].name) == (JOAO, "João Lima")
    assert patients[sol.pk].phone_e164 != JOAO and patients[sol.pk].date_of_birth is None
    assert chats[vista.pk].phone_e164 == JOAO
    assert chats[vista.pk].inbound_messages.get().text == "olá"
    assert chats[sol.pk].phone_e164 != JOAO
    assert chats[sol.pk].inbound_messages.get().text == ""


def test_a_patient_id_of_the_other_clinic_is_not_found(joao_at_both):
    vista, _ = joao_at_both
    vista_joao = Patient._base_manager.get(clinic=vista, phone_e164=JOAO)

    with pytest.raises(CommandError, match="no patient with id"):
        call_command("erase_patient_data", "--patient-id", str(vista_joao.pk), "--clinic", "sol", "--yes")

    vista_joao.refresh_from_db()
    assert vista_joao.name == "João Lima"
