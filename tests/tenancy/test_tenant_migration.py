"""The tenancy migrations move a one-clinic deployment into the new shape without loss:
migrate back to before them, write rows the old way, migrate forward, read them back."""

from datetime import UTC, datetime, time, timedelta

import pytest

from tests.tenancy.migrating import migrate_to, migrate_to_latest

BEFORE = [
    ("scheduling", "0005_clinic_confirmation_faq"),
    ("booking", "0002_reminder"),
    ("conversations", "0010_channel_per_conversation"),
    ("audit", "0003_reminder_trace_types"),
]
AFTER = [
    ("scheduling", "0006_clinic_tenant"),
    ("booking", "0003_clinic_tenant"),
    ("conversations", "0011_clinic_tenant"),
    ("audit", "0004_clinic_tenant"),
]
OWNED = {
    "scheduling": (
        "Location",
        "Practitioner",
        "AppointmentType",
        "WorkingHours",
        "TimeOff",
        "Patient",
        "Appointment",
        "SlotHold",
    ),
    "booking": ("BookingSession", "Reminder"),
    "conversations": (
        "Conversation",
        "InboundMessage",
        "OutboundMessage",
        "Escalation",
        "FaqEntry",
        "FaqVersion",
        "UnansweredQuestion",
        "CannedReply",
    ),
    "audit": ("TraceEvent", "StaffAction"),
}
START = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
def before_tenancy(transactional_db):
    apps = migrate_to(BEFORE)
    yield apps
    migrate_to_latest()


def _one_of_everything(apps):
    """One row of every clinic-owned model, written as the code before tenancy did."""
    get = apps.get_model
    location = get("scheduling", "Location").objects.create(code="centro", name="Centro")
    doctor = get("scheduling", "Practitioner").objects.create(code="ana", display_name="Dra. Ana")
    kind = get("scheduling", "AppointmentType").objects.create(
        code="consulta", names={"pt-BR": "Consulta"}, duration_minutes=30
    )
    get("scheduling", "WorkingHours").objects.create(
        practitioner=doctor, location=location, weekday=0, start=time(9), end=time(12)
    )
    get("scheduling", "TimeOff").objects.create(start=START, end=START + timedelta(days=1), reason="Natal")
    patient = get("scheduling", "Patient").objects.create(name="João", phone_e164="+5511987654321")
    appointment = get("scheduling", "Appointment").objects.create(
        patient=patient,
        practitioner=doctor,
        location=location,
        appointment_type=kind,
        start=START,
        end=START + timedelta(minutes=30),
        source="whatsapp",
    )
    hold = get("scheduling", "SlotHold").objects.create(
        practitioner=doctor,
        location=location,
        appointment_type=kind,
        start=START,
        end=START + timedelta(minutes=30),
        expires_at=START,
        appointment=appointment,
    )
    conversation = get("conversations", "Conversation").objects.create(channel_user_id="5511987654321")
    get("booking", "BookingSession").objects.create(
        conversation_id=conversation.pk, flow="book", patient=patient, hold=hold, expires_at=START
    )
    get("booking", "Reminder").objects.create(appointment=appointment, kind="24h", status="sent")
    inbound = get("conversations", "InboundMessage").objects.create(
        conversation=conversation, provider_message_id="SM1", kind="text", text="oi"
    )
    get("conversations", "OutboundMessage").objects.create(conversation=conversation, in_reply_to=inbound)
    get("conversations", "Escalation").objects.create(conversation=conversation, reason="emergency")
    entry = get("conversations", "FaqEntry").objects.create(topic="parking")
    version = get("conversations", "FaqVersion").objects.create(entry=entry, number=1)
    get("conversations", "UnansweredQuestion").objects.create(
        conversation=conversation, text="?", resolved_version=version
    )
    get("conversations", "CannedReply").objects.create(language="pt-BR", title="Pronto", text="Pronto.")
    get("audit", "TraceEvent").objects.create(conversation=conversation, type="INCOMING_MESSAGE")
    get("audit", "StaffAction").objects.create(action="claim", conversation_id=conversation.pk)


def _counts(apps):
    return {
        (app, name): apps.get_model(app, name).objects.count()
        for app, names in OWNED.items()
        for name in names
    }


def test_every_row_of_a_one_clinic_deployment_belongs_to_its_clinic_after_the_migration(before_tenancy):
    clinic = before_tenancy.get_model("scheduling", "Clinic").objects.create(
        name="Clínica Sol", time_zone="America/Sao_Paulo"
    )
    _one_of_everything(before_tenancy)
    before = _counts(before_tenancy)

    after = migrate_to(AFTER)

    assert _counts(after) == before
    assert all(count == 1 for count in before.values())
    for (app, name), _ in before.items():
        assert set(after.get_model(app, name).objects.values_list("clinic_id", flat=True)) == {clinic.pk}, (
            name
        )
    migrated = after.get_model("scheduling", "Clinic").objects.get()
    assert (migrated.pk, migrated.code, migrated.placeholder) == (clinic.pk, "clinica-sol", False)


def test_rows_written_before_any_clinic_file_go_to_a_placeholder_clinic(before_tenancy):
    before_tenancy.get_model("conversations", "Conversation").objects.create(channel_user_id="5511987654321")
    before_tenancy.get_model("conversations", "CannedReply").objects.create(
        language="en", title="Ready", text="Ready."
    )

    after = migrate_to(AFTER)

    placeholder = after.get_model("scheduling", "Clinic").objects.get()
    assert (placeholder.code, placeholder.placeholder) == ("default", True)
    assert after.get_model("conversations", "Conversation").objects.get().clinic_id == placeholder.pk
    assert after.get_model("conversations", "CannedReply").objects.get().clinic_id == placeholder.pk


def test_an_empty_deployment_gets_no_clinic_from_the_migration(before_tenancy):
    after = migrate_to(AFTER)

    assert not after.get_model("scheduling", "Clinic").objects.exists()
