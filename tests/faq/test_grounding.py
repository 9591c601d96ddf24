import pytest

from conversations.faq.grounding import grounding_problems

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
