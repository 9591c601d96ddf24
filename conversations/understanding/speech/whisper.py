"""The built-in engine: Whisper through faster-whisper (CTranslate2), int8 on the CPU.

One model per process, loaded with the first note (a worker that never hears one never
pays for it). Segments' measures are combined weighted by their length, so one short
unsure word does not sink a clear sentence, nor a clear word lift a mumble.
"""

import threading
from collections.abc import Mapping

import numpy as np

from conversations.understanding.speech.transcript import TranscriberUnavailable, Transcript

ENGINE = "faster_whisper"
PADDING = 8_000  # samples at 16 kHz
SURE_LANGUAGE = 0.5  # the detector's probability above which its pick among the candidates stands


class FasterWhisperTranscriber:
    engine = ENGINE

    def __init__(self, *, model: str, model_path: str, cpu_threads: int = 0, beam_size: int = 5) -> None:
        self.model = model
        self.model_path = model_path
        self.cpu_threads = cpu_threads
        self.beam_size = beam_size
        self._loaded = None
        self._lock = threading.Lock()

    def _whisper(self):
        with self._lock:
            if self._loaded is None:
                try:
                    from faster_whisper import WhisperModel

                    self._loaded = WhisperModel(
                        self.model_path, device="cpu", compute_type="int8", cpu_threads=self.cpu_threads
                    )
                except (ImportError, OSError, RuntimeError, ValueError) as exc:
                    raise TranscriberUnavailable(f"{self.model}: {exc}") from exc
            return self._loaded

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        duration: float,
        languages: tuple[str, ...],
        vocabulary: Mapping[str, str] | None = None,
    ) -> Transcript:
        if len(languages) <= 1:
            return self._transcribe(samples, duration, languages[0] if languages else None, vocabulary)
        # Only the clinic's languages are candidates. When the model's guess among them is
        # weak (a short, accented or synthetic voice can sound likelier Latin or Czech than
        # Portuguese to it), each is tried and the surest reading wins.
        padded = np.concatenate([np.zeros(PADDING, dtype=np.float32), samples])
        _, _, likelihoods = self._whisper().detect_language(padded)
        allowed = sorted(((p, code) for code, p in likelihoods if code in languages), reverse=True)
        if allowed and allowed[0][0] >= SURE_LANGUAGE:
            return self._transcribe(samples, duration, allowed[0][1], vocabulary)
        readings = [self._transcribe(samples, duration, code, vocabulary) for code in languages]
        return max(readings, key=lambda t: (bool(t.text), t.avg_logprob))

    def _transcribe(
        self, samples: np.ndarray, duration: float, language: str | None, vocabulary: Mapping[str, str] | None
    ) -> Transcript:
        # Half a second of silence around the words: Whisper tends to drop the first ones
        # of a note that starts speaking at its very first sample.
        padding = np.zeros(PADDING, dtype=np.float32)
        segments, info = self._whisper().transcribe(
            np.concatenate([padding, samples, padding]),
            language=language,
            beam_size=self.beam_size,
            initial_prompt=(vocabulary or {}).get(language or "") or None,
            # A note is one thought: each window is read afresh, so one misheard
            # window cannot lead the next astray.
            condition_on_previous_text=False,
            vad_filter=False,
        )
        segments = list(segments)
        text = " ".join(segment.text.strip() for segment in segments).strip()
        weights = [max(segment.end - segment.start, 0.01) for segment in segments]
        total = sum(weights) or 1.0
        return Transcript(
            text=text,
            language=info.language,
            avg_logprob=sum(s.avg_logprob * w for s, w in zip(segments, weights, strict=True)) / total
            if segments
            else -10.0,
            no_speech_prob=max((segment.no_speech_prob for segment in segments), default=1.0)
            if not text
            else sum(s.no_speech_prob * w for s, w in zip(segments, weights, strict=True)) / total,
            duration=duration,
            engine=self.engine,
            model=self.model,
        )
