"""Voice notes made at test time: Debian's espeak-ng speaks, PyAV encodes the way phones do
(WhatsApp's OGG/Opus by default), all in memory."""

import io
import shutil
import subprocess
from functools import lru_cache

import av

# espeak-ng's voices for our languages.
VOICES = {"en": "en-us", "es": "es", "pt-BR": "pt-br"}
# (container, codec, sample rate) per content type a patient's phone sends.
FORMATS = {
    "audio/ogg": ("ogg", "libopus", 48000),
    "audio/mpeg": ("mp3", "libmp3lame", 44100),
    "audio/mp4": ("mp4", "aac", 44100),
    "audio/webm": ("webm", "libopus", 48000),
    "audio/wav": ("wav", "pcm_s16le", 16000),
}


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


@lru_cache(maxsize=128)
def spoken(text: str, language: str, *, speed: int = 150) -> bytes:
    """`text` said by espeak-ng in `language`, as WAV bytes."""
    done = subprocess.run(
        ["espeak-ng", "-v", VOICES[language], "-s", str(speed), "--stdout", text],
        capture_output=True,
        check=True,
    )
    return done.stdout


def encoded(wav: bytes, content_type: str = "audio/ogg") -> bytes:
    """WAV bytes re-encoded as `content_type` (OGG/Opus: a WhatsApp voice note)."""
    container, codec, rate = FORMATS[content_type]
    out = io.BytesIO()
    with av.open(io.BytesIO(wav)) as source, av.open(out, mode="w", format=container) as target:
        stream = target.add_stream(codec, rate=rate)
        stream.layout = "mono"
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        frames = [f for frame in source.decode(audio=0) for f in resampler.resample(frame)]
        frames += resampler.resample(None)
        for frame in frames:
            for packet in stream.encode(frame):
                target.mux(packet)
        for packet in stream.encode(None):
            target.mux(packet)
    return out.getvalue()


def voice_note(text: str, language: str, content_type: str = "audio/ogg") -> bytes:
    return encoded(spoken(text, language), content_type)


def silence(seconds: float, content_type: str = "audio/ogg", *, noise: float = 0.0) -> bytes:
    """A note with no words: silence, or a hiss of `noise` amplitude (0..1)."""
    import wave

    import numpy as np

    rng = np.random.default_rng(7)
    samples = (rng.uniform(-noise, noise, int(16000 * seconds)) * 32767).astype("<i2")
    raw = io.BytesIO()
    with wave.open(raw, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(samples.tobytes())
    return encoded(raw.getvalue(), content_type)
