"""A note waiting for a voice worker: told once if it waits long, given up on if it never comes,
and never written twice."""

import pytest
from django.utils import timezone

from conversations.copy import CATALOGUES
from conversations.models import Conversation, InboundMessage, OutboundMessage, VoiceStatus
from conversations.tasks import inbound_sweep
from conversations.voice.intake import voice_note_transcribe, voice_note_wait_notice
from tests.conversations.factories import ConversationFactory, InboundMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def pending(**conversation) -> InboundMessage:
    return InboundMessageFactory(
        conversation=ConversationFactory(**conversation),
        kind="media",
        text="",
        media=[{"url": "", "content_type": "audio/ogg"}],
        voice_status=VoiceStatus.PENDING,
    )


def test_a_note_still_waiting_gets_one_listening_notice_in_the_patients_language():
    note = pending(language="es")

    assert voice_note_wait_notice(inbound_id=note.pk) is True
    assert voice_note_wait_notice(inbound_id=note.pk) is False

    assert list(OutboundMessage.objects.values_list("body", flat=True)) == [
        CATALOGUES["es"]["voice_listening"]
    ]


def test_no_notice_once_the_note_was_heard_or_while_staff_own_the_chat():
    heard = pending()
    InboundMessage.objects.filter(pk=heard.pk).update(voice_status=VoiceStatus.TRANSCRIBED)
    staff = pending(handler=Conversation.Handler.STAFF)

    assert voice_note_wait_notice(inbound_id=heard.pk) is False
    assert voice_note_wait_notice(inbound_id=staff.pk) is False
    assert not OutboundMessage.objects.exists()


def test_a_note_never_heard_is_answered_as_failed_by_the_sweep(settings, django_capture_on_commit_callbacks):
    note = pending(language="pt-BR")
    InboundMessage.objects.filter(pk=note.pk).update(
        received_at=timezone.now() - timezone.timedelta(seconds=settings.STT_GIVE_UP_SECONDS + 5)
    )

    with django_capture_on_commit_callbacks(execute=True):
        inbound_sweep()

    note.refresh_from_db()
    assert (note.voice_status, note.voice["reason"]) == (VoiceStatus.FAILED, "timeout")
    assert note.processed_at is not None
    assert list(OutboundMessage.objects.values_list("body", flat=True)) == [
        CATALOGUES["pt-BR"]["voice_failed"]
    ]


def test_a_redelivered_transcription_writes_nothing():
    note = pending()
    InboundMessage.objects.filter(pk=note.pk).update(voice_status=VoiceStatus.TRANSCRIBED, text="hello")

    assert voice_note_transcribe(inbound_id=note.pk) == VoiceStatus.TRANSCRIBED

    note.refresh_from_db()
    assert note.text == "hello"
    assert not OutboundMessage.objects.exists()
