import pytest

from conversations.faq.answering import faq_is_clinical
from conversations.faq.limits import faq_is_billing_dispute

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    "text",
    [
        "Can I take ibuprofen before my appointment?",
        "what dose of paracetamol for my son",
        "My cholesterol is 240, is that high?",
        "What do my blood test results mean?",
        "Should I stop taking my pills?",
        "tengo fiebre desde ayer",
        "¿Puedo tomar alcohol con antibióticos?",
        "qué significan mis resultados?",
        "estou com dor de cabeça, o que faço?",
        "devo parar de tomar o remédio?",
        "é normal sentir tontura?",
        "meu TSH deu 6, está alto?",
    ],
)
def test_clinical_questions_are_recognised_in_three_languages(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "how much is a consultation",
        "do you take insurance",
        "what should I bring",
        "when are my results ready?",
        "do I need to fast before the blood test?",
        "¿Cuánto cuesta la consulta?",
        "posso tomar água antes do exame de sangue?",
        "quais convênios vocês aceitam?",
        "my back hurts, I'd like to book an appointment",
        "meu filho está com tosse, dá pra marcar pra amanhã?",
        "do you treat allergies?",
    ],
)
def test_routine_and_booking_questions_are_not_clinical(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can you waive the fee?",
        "I was charged twice",
        "me cobraron dos veces",
        "quero o estorno",
        "não consigo pagar, tem desconto?",
        "can I get the consultation for free?",
    ],
)
def test_fee_waivers_and_billing_disputes_are_recognised(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "how much is a consultation",
        "is parking free?",
        "el estacionamiento es gratis?",
        "can I cancel for free?",
    ],
)
def test_price_and_free_facility_questions_are_not_billing_disputes(text):
    assert not faq_is_billing_dispute(text)
