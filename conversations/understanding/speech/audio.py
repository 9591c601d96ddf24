"""A voice note's bytes, checked and decoded in memory into 16 kHz mono samples.

PyAV carries FFmpeg's decoders inside its wheel, so OGG/Opus (WhatsApp's voice notes),
AMR, MP3, M4A/AAC, WAV and WebM decode with no system ffmpeg and no temporary file.
"""

import io
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16_000
# The types a patient's phone sends for audio, without parameters ("audio/ogg; codecs=opus").
ACCEPTED_TYPES = frozenset(
    {
        "audio/ogg",
        "audio/opus",
        "audio/amr",
        "audio/mpeg",
        "audio/mp3",
        "audio/mp4",
        "audio/m4a",
        "audio/x-m4a",
        "audio/aac",
        "audio/wav",
        "audio/x-wav",
        "audio/wave",
        "audio/webm",
        "video/webm",  # some browsers label an audio-only WebM recording so
    }
)


class AudioRejected(ValueError):
    """The note cannot be listened to; `reason` names why, for the patient's reply."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason  # "type", "size", "duration", "undecodable", "empty"


@dataclass(frozen=True)
class AudioLimits:
    max_bytes: int = 16 * 1024 * 1024
    max_seconds: float = 120.0


@dataclass(frozen=True)
class Decoded:
    samples: np.ndarray  # float32, mono, SAMPLE_RATE
    duration: float


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def decode(content: bytes, *, content_type: str, limits: AudioLimits) -> Decoded:
    """Check the type and size, decode, check the duration. Raises AudioRejected.

    The duration is checked while decoding, so a long note costs no more than the limit."""
    if media_type(content_type) not in ACCEPTED_TYPES:
        raise AudioRejected("type", media_type(content_type))
    if len(content) > limits.max_bytes:
        raise AudioRejected("size", f"{len(content)} bytes")
    if not content:
        raise AudioRejected("empty")
    import av  # FFmpeg's libraries: loaded with the first note, not with understanding

    chunks: list[np.ndarray] = []
    limit = int(limits.max_seconds * SAMPLE_RATE)
    decoded = 0
    try:
        with av.open(io.BytesIO(content), mode="r") as container:
            if not container.streams.audio:
                raise AudioRejected("undecodable", "no audio stream")
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(container.streams.audio[0]):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    decoded += out.samples
                if decoded > limit:
                    raise AudioRejected("duration", f"over {limits.max_seconds:.0f} s")
            chunks.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(None))
    except av.FFmpegError as exc:
        raise AudioRejected("undecodable", type(exc).__name__) from exc
    samples = np.concatenate(chunks).astype(np.float32) / 32768.0 if chunks else np.zeros(0, np.float32)
    if samples.size == 0:
        raise AudioRejected("empty")
    if samples.size > limit:
        raise AudioRejected("duration", f"over {limits.max_seconds:.0f} s")
    return Decoded(samples=samples, duration=samples.size / SAMPLE_RATE)
