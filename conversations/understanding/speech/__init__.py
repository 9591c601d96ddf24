"""Speech to text for voice notes, free of Django like the rest of understanding.

`audio.decode` checks and decodes a note in memory (PyAV: OGG/Opus, AMR, MP3, M4A, WAV,
WebM; no file, no ffmpeg binary); a `Transcriber` turns the samples into a `Transcript`
with the engine's own measures of doubt. The built-in engine is faster-whisper on the
CPU (`whisper.FasterWhisperTranscriber`); `model_files.model_path` finds its model by
path, by packaged name (reassembled once into a cache directory) or by hub name.
The conversation's code decides what a doubtful transcript means (conversations.voice.intake).
"""

from conversations.understanding.speech.audio import (
    ACCEPTED_TYPES,
    AudioLimits,
    AudioRejected,
    Decoded,
    decode,
)
from conversations.understanding.speech.transcript import Transcriber, TranscriberUnavailable, Transcript

__all__ = [
    "ACCEPTED_TYPES",
    "AudioLimits",
    "AudioRejected",
    "Decoded",
    "Transcriber",
    "TranscriberUnavailable",
    "Transcript",
    "decode",
]
