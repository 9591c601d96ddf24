"""The transcriber boundary: audio samples in, text and the engine's doubt out."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str  # what the engine heard ("en", "es", "pt"), which may differ from the hint
    avg_logprob: float  # the mean log-probability of the words, weighted by their length; 0 is sure
    no_speech_prob: float  # the engine's belief that there was no speech at all
    duration: float  # seconds of audio
    engine: str
    model: str

    def trace(self) -> dict:
        """What the trace and staff keep: the measures, never the audio."""
        return {
            "engine": self.engine,
            "model": self.model,
            "language": self.language,
            "duration": round(self.duration, 2),
            "avg_logprob": round(self.avg_logprob, 3),
            "no_speech_prob": round(self.no_speech_prob, 3),
        }


class TranscriberUnavailable(RuntimeError):
    """The engine cannot run here (model missing, library absent); no retry changes that."""


class Transcriber(Protocol):
    engine: str
    model: str

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        duration: float,
        languages: tuple[str, ...],
        vocabulary: Mapping[str, str] | None = None,
    ) -> Transcript:
        """Transcribe 16 kHz mono float32 samples. `languages` are Whisper's codes ("en",
        "es", "pt"): one is the conversation's, several the clinic's (the engine picks the
        likeliest of them), none lets it tell freely. `vocabulary` primes the engine with the
        clinic's words (names, specialties, weekdays), per language."""
        ...
