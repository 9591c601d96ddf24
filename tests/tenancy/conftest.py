"""Two clinics in one deployment, each loaded from its own clinic file with its own numbers:
Clínica Vista (São Paulo, the example file) and Clínica Sol (Madrid, Spanish and English,
its own doctors and fees)."""

import os
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from django.core.management import call_command

EXAMPLE = Path(__file__).resolve().parents[2] / "clinic.example.yaml"
VISTA_TWILIO, VISTA_META = "+14155238886", "123456123"
SOL_TWILIO = "+34911000001"
PATIENT = "+447700900123"


def sol_file() -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["clinic"] |= {
        "code": "sol",
        "name": "Clínica Sol",
        "time_zone": "Europe/Madrid",
        "languages": ["es", "en"],
        "default_language": "es",
        "phone": "+34 911 000 000",
        "emergency_number": "112",
        "emergency_copy": {"es": "Llame al 112.", "en": "Call 112."},
    }
    data["clinic"].pop("confirmation_faq")
    for practitioner, name in zip(
        data["practitioners"],
        ("Dr. Pablo Ruiz", "Dra. Marta Gil", "Dr. Luis Vega", "Dra. Eva Sanz", "Dr. Raúl Mora"),
        strict=False,
    ):
        practitioner["name"], practitioner["aliases"] = name, [name.split()[1]]
    data["patients"] = [p for p in data["patients"] if p["language"] != "pt"] + [
        {"name": "João Lima", "phone": "+5511987654321", "date_of_birth": "1980-05-17", "language": "es"}
    ]
    for entry in data["faq"]:
        entry["questions"] = {k: v for k, v in entry["questions"].items() if k in ("es", "en")}
        entry["answers"] = {k: v for k, v in entry["answers"].items() if k in ("es", "en")}
    fees = next(e for e in data["faq"] if e["topic"] == "fees")
    fees["answers"] = {"es": "La consulta cuesta 60 €.", "en": "A consultation costs €60."}
    data["channels"] = [{"provider": "twilio", "number": SOL_TWILIO}]
    return data


def vista_file() -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["clinic"]["code"] = "vista"
    data["channels"] = [
        {"provider": "twilio", "number": VISTA_TWILIO},
        {"provider": "meta", "phone_number_id": VISTA_META},
    ]
    return data


def load(tmp_path: Path, name: str, data: dict) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    call_command("load_clinic", str(path), verbosity=0)


@pytest.fixture
def two_clinics(db, tmp_path):
    from scheduling.models import Clinic

    load(tmp_path, "vista", vista_file())
    load(tmp_path, "sol", sol_file())
    return Clinic.objects.get(code="vista"), Clinic.objects.get(code="sol")


_sid = iter(range(1, 10**6))


def twilio_form(*, to: str, body: str, sender: str = PATIENT) -> str:
    """An inbound Twilio form as the fixtures have it, to one of the clinics' numbers."""
    sid = f"SM{next(_sid):032x}"
    return urlencode(
        {
            "MessageSid": sid,
            "SmsMessageSid": sid,
            "AccountSid": "AC00000000000000000000000000000000",
            "From": f"whatsapp:{sender}",
            "To": f"whatsapp:{to}",
            "WaId": sender.lstrip("+"),
            "ProfileName": "Priya",
            "Body": body,
            "NumMedia": "0",
        }
    )


SOL_PATIENT = "+447700900999"


@pytest.fixture
def sol_world(two_clinics, post_webhook):
    """A chat and a booked appointment at Clínica Sol, and a chat at Clínica Vista."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from clinicbot.tenancy import clinic_scope
    from conversations.models import Conversation
    from scheduling import services
    from scheduling.models import AppointmentType, Patient, Practitioner

    vista, sol = two_clinics
    post_webhook("/webhooks/twilio/whatsapp/", twilio_form(to=VISTA_TWILIO, body="hola"))
    post_webhook("/webhooks/twilio/whatsapp/", twilio_form(to=SOL_TWILIO, body="hola", sender=SOL_PATIENT))
    monday = datetime.now(ZoneInfo("Europe/Madrid")).replace(hour=10, minute=0, second=0, microsecond=0)
    monday += timedelta(days=7 - monday.weekday())
    with clinic_scope(sol.pk):
        appointment = services.appointment_create(
            patient=Patient.objects.get(phone_e164="+5511987654321"),
            practitioner=Practitioner.objects.get(code="ana-souza"),
            appointment_type=AppointmentType.objects.get(code="checkup"),
            start=monday,
            actor=services.Actor.bot(),
        )
    return {
        "vista_chat": Conversation._base_manager.get(clinic=vista),
        "sol_chat": Conversation._base_manager.get(clinic=sol),
        "sol_appointment": appointment,
    }


@pytest.fixture
def vista_reception(two_clinics):
    """Reception at Clínica Vista only (the group gives the admin's permissions; the
    membership, the clinic)."""
    from scheduling.models import ClinicMembership
    from tests.staff.factories import receptionist

    user = receptionist(is_staff=True)
    ClinicMembership.objects.create(user=user, clinic=two_clinics[0], role="Reception")
    return user


@pytest.fixture
def app_role():
    """Connect as the app should: a role that is no superuser and does not bypass row security
    (the test database's own role is a superuser, which no policy binds)."""
    from django.db import connection

    role = f"clinicbot_app_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS")
        cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
        cursor.execute(f"SET ROLE {role}")
    yield role
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
