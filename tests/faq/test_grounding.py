import re

import pytest

from conversations.faq.grounding import (
    grounding_problems,
    problem_kinds,
    rephrasing_problems,
    unsupported_words,
)
from tests.faq.conftest import demo_specs

pytestmark = pytest.mark.sqlite

SOURCE = (
    "Private consultations: new patient R$ 350, follow-up R$ 200. Call +55 11 4000-1234. "
    "Open Monday to Friday, 8:00 to 19:00. Results on resultados.clinicavista.com.br."
)


def test_a_faithful_rephrasing_passes():
    reply = "A first visit is R$ 350 and a follow-up R$ 200; we open Monday to Friday from 8:00 to 19:00."
    assert grounding_problems(reply, sources=[SOURCE]) == []


def test_phone_written_without_separators_is_the_same_number():
    assert grounding_problems("Call us on +55 11 40001234.", sources=[SOURCE]) == []


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ("A first visit is R$ 300.", "number 300"),
        ("Call +55 11 4000-9999 to book.", "number 9999"),
        ("We open at 7:30.", "number 7"),
        ("See www.example.com for details.", "link www.example.com"),
        ("We close at twenty hours.", "number 20"),
        ("Payment is also accepted in US$.", "currency us$"),
        ("We also open on Saturday.", "weekday sat"),
    ],
)
def test_a_rephrasing_that_adds_a_fact_is_rejected(reply, problem):
    assert problem in grounding_problems(reply, sources=[SOURCE])


def test_weekdays_and_numbers_in_another_language_than_the_source_are_the_same_facts():
    reply = "Abrimos el sábado y el domingo, a las doce."
    assert grounding_problems(reply, sources=["Open on Saturday and Sunday at 12"]) == []
    assert grounding_problems("Abrimos el lunes.", sources=["Open on Saturday"]) == ["weekday mon"]


PARKING = (
    "At Paulista the building has valet parking (R$ 25 per visit). Centro has no parking of its own; "
    "the nearest car park is at Rua Líbero Badaró, 377."
)


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ("Both locations have free parking.", "word free"),
        ("Both locations have free parking.", "word both"),
        ("We accept any insurer.", "word any"),  # a stop word that still claims something
        ("Yes, Paulista has valet parking.", "word yes"),
        ("Centro has parking of its own.", "negation dropped"),
        ("Stop taking your blood pressure medicine the day before.", "clinical"),
        ("Paulista parking is R$ 30.", "number 30"),
    ],
)
def test_a_rephrasing_is_held_to_every_word_of_its_source(reply, problem):
    assert problem in rephrasing_problems(reply, source=PARKING, language="en")


@pytest.mark.parametrize(
    "reply",
    [
        "Paulista has valet parking, R$ 25 per visit.",
        "Centro has no parking of its own: the nearest car park is at Rua Líbero Badaró, 377.",
        "The building at Paulista has valet parking for R$ 25 a visit.",  # a stop word, stems
        "Valet parking: Paulista, R$ 25 per visit.",
    ],
)
def test_a_faithful_rephrasing_of_one_answer_passes(reply):
    assert rephrasing_problems(reply, source=PARKING, language="en") == []


def test_a_stop_word_of_another_language_is_a_content_word_in_this_one():
    assert unsupported_words("Paulista has valet parking, de R$ 25.", source=PARKING, language="en") == ["de"]
    assert unsupported_words("Paulista tem manobrista, de R$ 25.", source="Paulista tem manobrista (R$ 25).",
                             language="pt-BR") == []  # fmt: skip


def test_problem_kinds_keep_no_words():
    assert problem_kinds(["word free", "word both", "number 30", "clinical"]) == [
        "clinical",
        "number",
        "word",
    ]


LANGUAGES = ("en", "es", "pt-BR")


def test_every_approved_answer_and_each_of_its_sentences_passes_as_its_own_rephrasing():
    refused = [
        (spec.topic, language, part)
        for spec in demo_specs()
        for language in LANGUAGES
        for part in [spec.answers[language], *re.split(r"(?<=[.;])\s+", spec.answers[language])]
        if rephrasing_problems(part, source=spec.answers[language], language=language)
    ]
    assert refused == []


def test_no_approved_answer_passes_as_a_rephrasing_of_another_entry():
    specs = demo_specs()
    passed = [
        (source.topic, other.topic, language)
        for source in specs
        for other in specs
        for language in LANGUAGES
        if other is not source
        and not rephrasing_problems(
            other.answers[language], source=source.answers[language], language=language
        )
    ]
    assert passed == []
