"""The clinic file's country, emergency number, crisis line and confirmation FAQ: defaults by
country, and a problem that names the field."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from conversations.understanding.languages import SPELLINGS
from scheduling.clinic_file import ClinicFileError, clinic_file_parse
from scheduling.helplines import Helplines
from scheduling.models import Clinic

pytestmark = [pytest.mark.sqlite]
EXAMPLE = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


def example(**clinic) -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for key, value in clinic.items():
        if value is None:
            data["clinic"].pop(key, None)
        else:
            data["clinic"][key] = value
    return data


def problems(data: dict) -> list[str]:
    with pytest.raises(ClinicFileError) as error:
        clinic_file_parse(data, languages=SPELLINGS)
    return error.value.problems


@pytest.mark.django_db
def test_the_example_clinic_gets_brazils_lines_and_its_confirmation_faq():
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    clinic = Clinic.objects.get()

    assert clinic.country == "BR"
    assert clinic.crisis_line == ""  # the country's, read when the bot answers
    assert clinic.helplines == Helplines("192", "188", "CVV")
    assert clinic.confirmation_faq == "what_to_bring"


def test_without_a_phone_the_time_zone_tells_the_country():
    data = example(phone=None, time_zone="Europe/Lisbon", emergency_number=None, emergency_copy=None)

    spec = clinic_file_parse(data, languages=SPELLINGS)

    assert spec.country == "PT"
    assert Clinic(country=spec.country).helplines == Helplines(
        "112", "1411", "Linha Nacional de Prevenção do Suicídio"
    )


def test_an_explicit_country_wins_over_the_phones():
    spec = clinic_file_parse(example(country="pt"), languages=SPELLINGS)

    assert spec.country == "PT"


def test_the_files_own_lines_are_kept_as_written():
    spec = clinic_file_parse(
        example(crisis_line="(011) 5275-1135", crisis_line_name="CAS"), languages=SPELLINGS
    )

    assert (spec.emergency_number, spec.crisis_line, spec.crisis_line_name) == (
        "192",
        "(011) 5275-1135",
        "CAS",
    )


@pytest.mark.parametrize(
    ("clinic", "problem"),
    [
        ({"country": "XX"}, 'clinic.country: "XX" is not a country code'),
        ({"emergency_number": "19-2"}, 'clinic.emergency_number: "19-2" is not a short number'),
        ({"emergency_number": "1921921921"}, 'clinic.emergency_number: "1921921921" is not a short number'),
        (
            {"crisis_line": "call the CVV"},
            'clinic.crisis_line: "call the CVV" is not a phone number as dialled',
        ),
        ({"crisis_line": "18"}, 'clinic.crisis_line: "18" is not a phone number as dialled'),
        ({"crisis_line_name": "CVV"}, "clinic.crisis_line_name: names no line: set clinic.crisis_line too"),
        (
            {"country": "IT"},
            "clinic.crisis_line: is required: no default is known for IT (AR, BR, ES, GB, MX, PT, US have one)",
        ),
        (
            {
                "country": "IT",
                "emergency_number": None,
                "emergency_copy": None,
                "crisis_line": "02 2327 2327",
            },
            "clinic.emergency_number: is required: no default is known for IT",
        ),
        (
            {"phone": None, "time_zone": "UTC", "emergency_copy": None},
            "clinic.crisis_line: is required: the country cannot be told from clinic.phone or clinic.time_zone",
        ),
        ({"emergency_number": "112"}, "clinic.emergency_copy.pt-BR: does not name the emergency number 112"),
        (
            {"confirmation_faq": "arrival"},
            'clinic.confirmation_faq: "arrival" is not a topic of this file\'s faq',
        ),
        (
            {"confirmation_faq": "What to bring"},
            'clinic.confirmation_faq: "What to bring" is not a FAQ topic',
        ),
    ],
)
def test_a_bad_value_is_reported_with_its_field(clinic, problem):
    found = problems(example(**clinic))

    assert any(problem in p for p in found), found


def test_a_confirmation_faq_outside_the_file_is_accepted_without_a_faq_section():
    data = example(confirmation_faq="arrival")
    data.pop("faq")

    assert clinic_file_parse(data, languages=SPELLINGS).confirmation_faq == "arrival"
