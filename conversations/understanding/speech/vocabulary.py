"""The words a note from this clinic is likely to hold, to prime the speech engine."""

from conversations.understanding.languages import BY_CODE
from conversations.understanding.types import ClinicDirectory

MAX_CHARS = 600  # Whisper reads at most 224 prompt tokens; the first words matter most


def vocabulary(directory: ClinicDirectory, language: str | None) -> str:
    """The language pack's clinic words, then the clinic's practitioners and kinds of visit
    as they are written ("Dra. Lucía Fernández"); empty for an unknown language."""
    pack = BY_CODE.get(language or "")
    if pack is None:
        return ""
    names = [p.name for p in directory.practitioners]
    kinds = [t.names.get(pack.code, "") for t in directory.appointment_types]
    parts = [pack.voice_vocabulary, ", ".join(filter(None, [*names, *kinds]))]
    return " ".join(part for part in parts if part)[:MAX_CHARS]


def whisper_language(language: str) -> str:
    """Our code as Whisper's: "pt-BR" -> "pt"."""
    return language.split("-")[0].lower()


def vocabularies(directory: ClinicDirectory, languages: tuple[str, ...]) -> dict[str, str]:
    """`vocabulary` per language, keyed by Whisper's code."""
    return {whisper_language(code): vocabulary(directory, code) for code in languages}
