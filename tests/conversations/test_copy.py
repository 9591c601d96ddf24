"""The copy catalogues: one per registered language, with the same keys and placeholders."""

import string
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from booking.machine import say as machine_say
from conversations.copy import CATALOGUES, render, say, when_text
from conversations.understanding.languages import CODES

pytestmark = pytest.mark.sqlite
AT = datetime(2026, 12, 1, 14, 30, tzinfo=ZoneInfo("America/Sao_Paulo"))  # a Tuesday


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_registered_language_has_a_catalogue():
    assert set(CATALOGUES) == set(CODES)


def test_every_key_exists_in_every_language():
    keys = {language: set(entries) for language, entries in CATALOGUES.items()}
    assert all(found == keys["en"] for found in keys.values()), {
        language: keys["en"] ^ found for language, found in keys.items()
    }


def test_every_entry_takes_the_same_placeholders_in_every_language():
    different = {
        (language, key)
        for language, entries in CATALOGUES.items()
        for key, text in entries.items()
        if _placeholders(text) != _placeholders(CATALOGUES["en"][key])
    }
    assert different == set()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Tuesday 1 December at 14:30"),
        ("es", "martes 1 de diciembre a las 14:30"),
        ("pt-BR", "terça-feira, 1 de dezembro, às 14:30"),
    ],
)
def test_an_instant_is_written_as_the_language_writes_dates(language, expected):
    assert when_text(AT, language) == expected


def test_a_machine_reply_is_rendered_with_nested_text_and_short_instants():
    option = machine_say("option_slot", start=AT, practitioner="Dra. Ana Souza")
    summary = machine_say(
        "summary", type="Retorno", practitioner="Dra. Ana Souza", when=AT, location="Centro"
    )

    assert render(option, "pt-BR") == "Ter 1/12 14:30 · Dra. Ana Souza"
    assert render(machine_say("booked", summary=summary), "es").startswith(
        "¡Reservada! Retorno con Dra. Ana Souza"
    )


def test_an_unknown_language_falls_back_to_english_and_a_regional_spelling_is_understood():
    assert say("kept", "xx") == CATALOGUES["en"]["kept"]
    assert say("kept", "pt") == CATALOGUES["pt-BR"]["kept"]


@pytest.mark.parametrize(
    "language, reads",
    [
        ("en", "contact our team at the clinic's reception"),
        ("es", "Contacta con nuestro equipo al teléfono de la clínica"),
        ("pt-BR", "Fale com nossa equipe pelo telefone da clínica"),
    ],
)
def test_a_clinic_without_a_phone_is_named_in_words_that_fit_the_sentence(language, reads):
    assert reads in say("faq_unknown", language, contact=say("faq_contact_fallback", language))
