from pathlib import Path

import pytest
from django.core.management import call_command

from tests.voice.speech import espeak_available

CLINIC = Path(__file__).resolve().parents[1] / "fixtures" / "voice" / "clinic.yaml"
# The sentence of issue 18 and its twins, as a patient would say them.
SENTENCES = {
    "en": "I'd like an appointment with the dermatologist on Thursday afternoon",
    "es": "Quisiera una cita con el dermatólogo el jueves por la tarde",
    "pt-BR": "Eu queria uma consulta com o dermatologista na quinta à tarde",
}


@pytest.fixture(scope="session", autouse=True)
def espeak_installed():
    # make test installs it (scripts/services.sh); a missing voice must fail, not skip.
    assert espeak_available(), "espeak-ng is missing: apt-get install espeak-ng"


@pytest.fixture
def voice_clinic(db):
    call_command("load_clinic", str(CLINIC), verbosity=0)
