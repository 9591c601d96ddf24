import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models

from audit.models import StaffAction, TraceEvent
from conversations.models import Conversation, InboundMessage, OutboundMessage
from conversations.privacy import PatientNotFound, patient_data_erase, patient_data_export
from scheduling.models import Appointment, Patient
from tests.privacy.conftest import DOB, NAME, PHONE, SECRETS

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def stored_text_holding(needles: list[str]) -> list[str]:
    """Every (model, field) whose stored text or JSON contains one of the needles."""
    found = []
    for model in apps.get_models():
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField | models.DateField)
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*[f.attname for f in fields]):
            for field, value in zip(fields, row, strict=True):
                text = json.dumps(value, default=str, ensure_ascii=False)
                found += [f"{model.__name__}.{field.name}: {n}" for n in needles if n.lower() in text.lower()]
    return found


def test_the_scan_sees_the_patient_before_erasure(patient_history):
    found = stored_text_holding(SECRETS)

    for where in [
        "Conversation.phone_e164",
        "Conversation.profile_name",
        "InboundMessage.text",
        "InboundMessage.raw_payload",
        "InboundMessage.media",
        "Patient.name",
        "Patient.date_of_birth",
        "StaffAction.detail",
        "LogEntry.object_repr",
    ]:
        assert any(line.startswith(where) for line in found), where


def test_after_erasure_no_table_holds_the_phone_number_or_the_name(patient_history):
    patient_data_erase(phone=PHONE, actor_user_id=patient_history["staff"].pk)

    assert stored_text_holding(SECRETS) == []


def test_erasure_keeps_appointments_and_conversations_as_anonymous_history(patient_history):
    counts = patient_data_erase(phone=PHONE, actor_user_id=None)

    # Handoff, the notice that a person will reply (the photo came while waiting), staff's
    # hello and the hand-back.
    assert counts == {"patients": 1, "appointments": 1, "conversations": 1, "inbound": 2, "outbound": 4}
    appointment = Appointment.objects.get(pk=patient_history["appointment"].pk)
    assert appointment.status == Appointment.Status.CANCELLED
    assert appointment.practitioner_id == patient_history["appointment"].practitioner_id
    assert appointment.start == patient_history["appointment"].start
    patient = Patient.objects.get(pk=patient_history["patient"].pk)
    assert (patient.name, patient.date_of_birth, patient.external_id) == ("Erased patient", None, "")
    conversation = Conversation.objects.get(pk=patient_history["conversation"].pk)
    assert conversation.channel_user_id.startswith("erased-")
    assert InboundMessage.objects.filter(conversation=conversation).count() == 2
    assert TraceEvent.objects.filter(conversation=conversation).count() > 0


def test_the_pseudonym_is_stable_and_a_second_erasure_is_harmless(patient_history):
    patient_data_erase(phone=PHONE, actor_user_id=None)
    first = Conversation.objects.get(pk=patient_history["conversation"].pk).channel_user_id

    patient_data_erase(patient_id=patient_history["patient"].pk, actor_user_id=None)

    assert Conversation.objects.get(pk=patient_history["conversation"].pk).channel_user_id == first


def test_the_patient_writing_again_after_erasure_starts_a_new_conversation(patient_history, post_webhook):
    from tests.privacy.conftest import WEBHOOK, inbound_form

    patient_data_erase(phone=PHONE, actor_user_id=None)
    post_webhook(WEBHOOK, inbound_form(99, body="START"))

    assert Conversation.objects.count() == 2
    assert OutboundMessage.objects.filter(conversation__phone_e164=PHONE).count() == 1


def test_erasure_is_audited_without_the_phone_number(patient_history):
    staff = patient_history["staff"]

    patient_data_erase(phone=PHONE, actor_user_id=staff.pk)

    action = StaffAction.objects.get(action="patient_data_erase")
    assert action.user_id == staff.pk
    assert action.detail["conversation_ids"] == [patient_history["conversation"].pk]
    assert action.detail["patient_ids"] == [patient_history["patient"].pk]
    assert "447700900123" not in json.dumps(action.detail)


def test_export_holds_everything_about_the_patient_and_is_audited(patient_history):
    staff = patient_history["staff"]

    data = patient_data_export(phone="whatsapp:+44 7700 900123", actor_user_id=staff.pk)

    assert [p["name"] for p in data["patients"]] == [NAME]
    assert data["patients"][0]["date_of_birth"] == DOB.isoformat()
    assert [a["id"] for a in data["appointments"]] == [patient_history["appointment"].pk]
    [conversation] = data["conversations"]
    assert conversation["phone_e164"] == PHONE
    assert len(conversation["inbound_messages"]) == 2
    assert conversation["inbound_messages"][1]["media"][0]["content_type"] == "image/jpeg"
    assert len(conversation["outbound_messages"]) == 4
    assert conversation["escalations"][0]["reason"] == "asked_for_person"
    assert {t["type"] for t in conversation["trace_events"]} >= {"INCOMING_MESSAGE", "HANDED_BACK"}
    assert any(a["action"] == "hand_back" for a in data["staff_actions"])
    assert StaffAction.objects.filter(action="patient_data_export", user=staff).count() == 1


def test_export_by_patient_id_finds_the_conversation_through_the_phone(patient_history):
    data = patient_data_export(patient_id=patient_history["patient"].pk, actor_user_id=None)

    assert [c["id"] for c in data["conversations"]] == [patient_history["conversation"].pk]


def test_export_leaves_other_patients_out(patient_history, post_webhook):
    from tests.privacy.conftest import WEBHOOK, inbound_form

    post_webhook(WEBHOOK, inbound_form(50, body="hello", phone="+447700900999", name="Someone Else"))

    data = patient_data_export(phone=PHONE, actor_user_id=None)

    assert "Someone Else" not in json.dumps(data)
    assert len(data["conversations"]) == 1


def test_an_unknown_patient_is_a_clear_error(db):
    with pytest.raises(PatientNotFound):
        patient_data_export(phone="+447700900555", actor_user_id=None)
    with pytest.raises(PatientNotFound):
        patient_data_erase(patient_id=424242, actor_user_id=None)


def test_export_command_writes_json_to_a_file(patient_history, tmp_path):
    output = tmp_path / "export.json"

    staff = patient_history["staff"]
    call_command("export_patient_data", "--phone", PHONE, "--output", str(output), "--actor", staff.username)

    data = json.loads(output.read_text())
    assert data["patients"][0]["name"] == NAME
    assert StaffAction.objects.get(action="patient_data_export").user_id == staff.pk


def test_erase_command_requires_confirmation(patient_history):
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase_patient_data", "--phone", PHONE)

    assert Patient.objects.get(pk=patient_history["patient"].pk).name == NAME


def test_erase_command_erases_and_prints_counts(patient_history, capsys):
    call_command("erase_patient_data", "--patient-id", str(patient_history["patient"].pk), "--yes")

    assert "patients 1" in capsys.readouterr().out
    assert Patient.objects.get(pk=patient_history["patient"].pk).name == "Erased patient"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--phone", "+447700900555", "--yes"], "nothing is stored"),
        (["--patient-id", "999999", "--yes"], "no patient with id 999999"),
        (["--phone", "not a number", "--yes"], "not a phone number"),
        (["--phone", PHONE, "--yes", "--actor", "nobody"], "no user named 'nobody'"),
    ],
)
def test_erase_command_explains_what_it_could_not_find(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("erase_patient_data", *arguments)
