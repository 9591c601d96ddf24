"""The understanding as an API, for phone systems and other front doors: a text or an audio
note in; intent, entities resolved to the clinic's records and up to five free slots out,
or the question the bot would ask. Thin views over understanding and scheduling's reads."""

from datetime import time, timedelta

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.utils import timezone
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from conversations.clinic import clinic_context, clinic_directory, understanding_engine
from conversations.copy import say
from conversations.understanding import Intent, Understanding, understand
from conversations.understanding.languages import language_code
from conversations.understanding.speech import AudioRejected, TranscriberUnavailable
from conversations.understanding.types import PERIOD_HOURS
from conversations.voice.intake import audio_transcribe, transcript_is_clear
from scheduling.api import SchedulingAPIView
from scheduling.availability import TimeWindow
from scheduling.models import AppointmentType, Patient, Practitioner
from scheduling.phones import phone_normalize
from scheduling.selectors import clinic_get
from scheduling.services import slot_list_available

SEARCHES = {Intent.BOOK, Intent.AVAILABILITY, Intent.RESCHEDULE}
SURE = 0.6  # below this the caller gets the bot's question, not a guess


class UnderstandIn(serializers.Serializer):
    text = serializers.CharField(max_length=1600)
    language = serializers.CharField(required=False, help_text='"en", "es", "pt-BR"; detected when absent')
    patient_phone = serializers.CharField(required=False, help_text="E.164; a known patient's language")


class UnderstandVoiceIn(serializers.Serializer):
    audio = serializers.FileField(help_text="OGG/Opus, AMR, MP3, M4A, WAV or WebM; held in memory only")
    language = serializers.CharField(required=False)
    patient_phone = serializers.CharField(required=False)


class AudioInMemory(MemoryFileUploadHandler):
    """Keeps an upload up to STT_MAX_BYTES in memory, never in a temporary file; a larger
    one is dropped (the view then answers that the audio is missing or too large)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = content_length <= settings.STT_MAX_BYTES + 64 * 1024


class UnderstandView(SchedulingAPIView):
    """Understand one patient message: intent, confidence, entities with their records, and
    up to five free slots for a booking or availability request, or a clarification.
    Reception and the operations lead, as the calendar API (token or session)."""

    serializer_class = UnderstandIn

    def post(self, request):
        given = UnderstandIn(data=request.data)
        given.is_valid(raise_exception=True)
        return Response(_understood(given.validated_data["text"], given.validated_data))


class UnderstandVoiceView(SchedulingAPIView):
    """The same for an audio note (multipart `audio`), transcribed in this request; the
    transcript and the engine's measures come back beside the understanding."""

    serializer_class = UnderstandVoiceIn
    parser_classes = [MultiPartParser]

    def post(self, request):
        request._request.upload_handlers = [AudioInMemory(request._request)]
        given = UnderstandVoiceIn(data=request.data)
        if not given.is_valid():
            return Response(
                {"error": "invalid", "message": "audio is missing or too large", "fields": given.errors},
                status=400,
            )
        audio, values = given.validated_data["audio"], given.validated_data
        language = _language(values)
        try:
            heard = audio_transcribe(content=audio.read(), content_type=audio.content_type, language=language)
        except AudioRejected as exc:
            return Response({"error": "audio_refused", "reason": exc.reason}, status=422)
        except TranscriberUnavailable:
            return Response({"error": "speech_unavailable"}, status=503)
        voice = heard.trace() | {"text": heard.text, "clear": transcript_is_clear(heard)}
        if not voice["clear"]:
            code = language or language_code(heard.language) or clinic_context().default_language
            return Response({"voice": voice, "clarification": say("voice_unclear", code)})
        return Response({"voice": voice} | _understood(heard.text, values | {"language": language}))


def _language(values: dict) -> str | None:
    """The language asked for, else a known patient's, else None (detected from the words)."""
    if code := language_code(values.get("language")):
        return code
    try:
        phone = phone_normalize(values.get("patient_phone", ""))
    except ValueError:
        return None
    return language_code(Patient.objects.filter(phone_e164=phone).values_list("language", flat=True).first())


def _understood(text: str, values: dict) -> dict:
    clinic = clinic_context()
    now = timezone.now()
    result = understand(
        text.strip(),
        directory=clinic_directory(clinic),
        now=now,
        language_hint=_language(values),
        engine=understanding_engine(),
    )
    entities = _entities(result)
    out = {
        "intent": result.intent.value,
        "confidence": round(result.confidence, 3),
        "language": result.language,
        "entities": entities,
        "slots": [],
        "clarification": None,
    }
    when = result.entities.when
    if result.intent == Intent.EMERGENCY:
        out["emergency"] = result.emergency.category if result.emergency else ""
    elif result.intent == Intent.UNKNOWN or result.confidence < SURE:
        out["clarification"] = say("not_understood", result.language)
    elif when is not None and (when.ambiguous or when.start is None) and result.intent in SEARCHES:
        out["clarification"] = say("ask_when", result.language)
    elif result.intent in SEARCHES:
        out["slots"] = _slots(result, now)
    return out


def _entities(result: Understanding) -> dict:
    found, zone = result.entities, clinic_get().zone
    practitioners = Practitioner.objects.filter(pk__in=found.practitioner_ids).order_by("display_name")
    kind = AppointmentType.objects.filter(code=found.appointment_type_code).first()
    when = found.when
    return {
        "practitioners": [{"id": p.pk, "code": p.code, "name": p.display_name} for p in practitioners],
        "specialty": found.specialty,
        "appointment_type": {"code": kind.code, "names": kind.names} if kind else None,
        "when": None
        if when is None or when.start is None
        else {
            "expression": when.expression,
            "start": when.start.astimezone(zone).isoformat(),
            "end": when.end.astimezone(zone).isoformat() if when.end else None,
            "ambiguous": when.ambiguous,
        },
        "period": (found.period or (when.period if when else None) or "") or None,
    }


def _slots(result: Understanding, now) -> list[dict]:
    found, zone = result.entities, clinic_get().zone
    practitioner = Practitioner.objects.filter(pk__in=found.practitioner_ids[:1]).first()
    when = found.when
    period = found.period or (when.period if when else None)
    window = None
    if period is not None:
        start, end = PERIOD_HOURS[period]
        window = TimeWindow(start=time(start), end=time(23, 59) if end >= 24 else time(end))
    slots = slot_list_available(
        practitioner=practitioner,
        specialty=None if practitioner else found.specialty,
        appointment_type=AppointmentType.objects.filter(code=found.appointment_type_code).first(),
        date_from=when.start.astimezone(zone).date() if when and when.start else None,
        date_to=(when.end - timedelta(microseconds=1)).astimezone(zone).date() if when and when.end else None,
        window=window,
        limit=5,
        now=now,
    )
    names = Practitioner.objects.in_bulk({s.practitioner_id for s in slots})
    return [
        {
            "start": s.start.astimezone(zone).isoformat(),
            "end": s.end.astimezone(zone).isoformat(),
            "practitioner": {"id": s.practitioner_id, "name": names[s.practitioner_id].display_name},
            "location_id": s.location_id,
        }
        for s in slots
    ]
