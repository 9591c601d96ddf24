"""Voice notes: fetched through the patient's door, checked, decoded and transcribed in
memory by a worker of the voice queue, outside the conversation's lock; the transcript
becomes the message's text and the ordinary turn runs (conversations.inbox). The audio is
never written, logged or stored: only the engine's measures are (InboundMessage.voice).
"""

import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from conversations.channels import channel_for
from conversations.channels.base import ChannelError
from conversations.clinic import clinic_context, clinic_directory
from conversations.copy import say
from conversations.models import InboundMessage, VoiceStatus
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.tasks import (
    conversation_process_task,
    task_enqueue,
    voice_note_transcribe_task,
    voice_note_wait_notice_task,
)
from conversations.understanding.languages import language_code
from conversations.understanding.speech import AudioLimits, AudioRejected, TranscriberUnavailable, Transcript
from conversations.understanding.speech import decode as audio_decode
from conversations.understanding.speech.model_files import model_path
from conversations.understanding.speech.vocabulary import vocabularies, whisper_language
from conversations.understanding.speech.whisper import FasterWhisperTranscriber

logger = logging.getLogger(__name__)


@lru_cache(maxsize=2)
def _transcriber(engine: str, model: str, cache_dir: str, threads: int) -> FasterWhisperTranscriber:
    # One per worker process: the model loads with its first note and stays.
    path = model_path(model, cache_dir=Path(cache_dir) if cache_dir else None)
    return FasterWhisperTranscriber(model=model, model_path=path, cpu_threads=threads)


def transcriber() -> FasterWhisperTranscriber | None:
    """The configured engine, or None when STT_ENGINE is off. Raises TranscriberUnavailable."""
    if settings.STT_ENGINE == "off":
        return None
    return _transcriber(
        settings.STT_ENGINE, settings.STT_MODEL, settings.STT_CACHE_DIR, settings.STT_CPU_THREADS
    )


def audio_limits() -> AudioLimits:
    return AudioLimits(max_bytes=settings.STT_MAX_BYTES, max_seconds=settings.STT_MAX_SECONDS)


def transcript_is_clear(transcript: Transcript) -> bool:
    """Whether the engine was sure enough for the words to be acted on."""
    return (
        bool(transcript.text)
        and transcript.avg_logprob >= settings.STT_MIN_AVG_LOGPROB
        and transcript.no_speech_prob <= settings.STT_MAX_NO_SPEECH_PROB
    )


def audio_transcribe(*, content: bytes, content_type: str, language: str | None) -> Transcript:
    """Decode and transcribe one note in memory, primed with the clinic's words, in
    `language` or else the likeliest of the clinic's languages.
    Raises AudioRejected (type, size, length, undecodable) and TranscriberUnavailable."""
    engine = transcriber()
    if engine is None:
        raise TranscriberUnavailable("STT_ENGINE is off")
    decoded = audio_decode(content, content_type=content_type, limits=audio_limits())
    clinic = clinic_context()
    candidates = (language,) if language else tuple(clinic.languages)
    return engine.transcribe(
        decoded.samples,
        duration=decoded.duration,
        languages=tuple(whisper_language(code) for code in candidates),
        vocabulary=vocabularies(clinic_directory(clinic), candidates),
    )


def voice_note_enqueue(*, inbound_id: int) -> None:
    """After commit: the transcription on the voice queue and, with a broker, a notice for
    the patient should no voice worker be free for a while (a short countdown)."""
    queue = settings.CELERY_VOICE_QUEUE
    task_enqueue(voice_note_transcribe_task, inbound_id, queue=queue)
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        task_enqueue(voice_note_wait_notice_task, inbound_id, countdown=settings.STT_NOTICE_AFTER_SECONDS)


def voice_note_transcribe(*, inbound_id: int) -> str:
    """Download, check and transcribe one waiting note; store the transcript as its text
    (or why it could not be heard) and enqueue the conversation's turn. Idempotent: only a
    note still pending is written, so a redelivered task changes nothing. Raises
    ChannelError when the download may succeed later (the task retries); returns the status."""
    inbound = InboundMessage.objects.select_related("conversation").filter(pk=inbound_id).first()
    if inbound is None or inbound.voice_status != VoiceStatus.PENDING:
        return inbound.voice_status if inbound else ""
    conversation = inbound.conversation
    language = conversation.language or None
    media = inbound.media[0] if inbound.media else {}
    try:
        downloaded = channel_for(conversation.channel, address=conversation.address).media_download(media)
        transcript = audio_transcribe(
            content=downloaded.content,
            content_type=downloaded.content_type or media.get("content_type", ""),
            language=language,
        )
    except ChannelError as exc:
        if exc.retryable:
            raise
        return _voice_store(inbound, VoiceStatus.FAILED, {"reason": "download", "code": exc.code})
    except AudioRejected as exc:
        return _voice_store(inbound, VoiceStatus.REJECTED, {"reason": exc.reason})
    except TranscriberUnavailable as exc:
        logger.error("voice note %s not transcribed: %s", inbound_id, exc)
        return _voice_store(inbound, VoiceStatus.FAILED, {"reason": "engine"})
    status = VoiceStatus.TRANSCRIBED if transcript_is_clear(transcript) else VoiceStatus.UNCLEAR
    return _voice_store(inbound, status, transcript.trace(), text=transcript.text)


def voice_note_give_up(*, inbound_id: int, reason: str) -> str:
    """A note that can no longer be transcribed (retries spent, workers down too long) is
    answered as one that failed. Idempotent."""
    inbound = InboundMessage.objects.filter(pk=inbound_id).first()
    if inbound is None or inbound.voice_status != VoiceStatus.PENDING:
        return ""
    return _voice_store(inbound, VoiceStatus.FAILED, {"reason": reason})


def _voice_store(inbound: InboundMessage, status: str, voice: dict, *, text: str = "") -> str:
    with transaction.atomic():
        written = InboundMessage.objects.filter(pk=inbound.pk, voice_status=VoiceStatus.PENDING).update(
            voice_status=status, voice=inbound.voice | voice, text=text[:4096]
        )
        if written:
            conversation_id = inbound.conversation_id
            transaction.on_commit(lambda: task_enqueue(conversation_process_task, conversation_id))
    return status if written else ""


def voice_note_wait_notice(*, inbound_id: int) -> bool:
    """Tell the patient once that their note is being listened to, if it still waits for a
    voice worker; nothing when it was heard meanwhile or the bot is not answering. Idempotent."""
    with transaction.atomic():
        inbound = (
            InboundMessage.objects.select_for_update()
            .select_related("conversation")
            .filter(pk=inbound_id, voice_status=VoiceStatus.PENDING)
            .first()
        )
        if inbound is None or inbound.voice.get("noticed"):
            return False
        conversation = inbound.conversation
        if conversation.opted_out or conversation.handler != conversation.Handler.BOT:
            return False
        inbound.voice = inbound.voice | {"noticed": timezone.now().isoformat()}
        inbound.save(update_fields=["voice"])
        language = conversation.language or clinic_context().default_language
        reply = Reply(say("voice_listening", language), origin=Origin.COPY)
        reply_queue(conversation=conversation, replies=[reply], in_reply_to=inbound)
    return True


def voice_language(inbound: InboundMessage) -> str | None:
    """The language the engine heard in a note, as our code ("pt" -> "pt-BR")."""
    return language_code(inbound.voice.get("language"))
