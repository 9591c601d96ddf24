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


@pytest.mark.parametrize(
    "text",
    [
        "is it safe to take naproxen with my blood pressure pills?",
        "my son ate a battery, what should I do?",
        "how many ml of cough syrup can I give a 3 year old?",
        "my ferritin came back at 8, is that low?",
        "can I drink wine after my tooth extraction?",
        "¿es normal tener la pierna hinchada después del vuelo?",
        "¿cuántas pastillas de magnesio debo tomar?",
        "¿puedo comer mariscos si estoy embarazada?",
        "mi glucosa salió en 130 en ayunas, qué significa?",
        "tá tudo bem se eu tomar losartana com café?",
        "o que significa TGO alterado?",
        "posso dar xarope pro meu bebê de 8 meses?",
        "minha barriga tá inchada faz três dias, o que pode ser?",
        "should I get a tetanus shot after stepping on a nail?",
        "¿es malo usar laxantes seguido?",
    ],
)
def test_a_health_term_with_a_decision_question_is_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "I need an appointment for my back pain",
        "quero marcar dermatologista por causa de uma mancha",
        "necesito una cita con el cardiólogo por la presión alta",
        "should I bring my medication list?",
        "is it ok to bring my baby to the appointment?",
        "can my pregnant wife come with me?",
        "do I need to fast before my cholesterol test?",
        "preciso de jejum pro exame de glicemia?",
        "can I pay for my son's vaccines with card?",
        "what should I do to prepare for my heart ultrasound?",
        "do you have wheelchairs for patients with knee problems?",
        "¿puedo llevar a mi bebé?",
    ],
)
def test_a_booking_or_visit_question_that_names_a_health_term_is_not_clinical(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "my card shows two payments for one visit",
        "please take off the no-show fee",
        "I was charged for a visit I cancelled",
        "no estoy conforme con el cargo de la consulta",
        "¿me pueden condonar el recargo?",
        "dá pra tirar essa taxa de falta?",
        "estou sem emprego, vocês fazem mais barato?",
        "I think I overpaid for my last check-up",
        "la factura está mal, me pusieron dos consultas",
        "a fatura veio errada",
    ],
)
def test_new_wordings_of_billing_disputes_are_recognised(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "can I tomar ibuprofeno?",
        "estoy sick since yesterday",
        "debo take the pills?",
        "qual o normal for tsh?",
    ],
)
def test_a_clinical_question_mixing_languages_is_still_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text", ["¿puedo tomar un cafe before the blood test?", "should I tomar o onibus to the exam?"]
)
def test_taking_a_coffee_or_a_bus_in_a_mixed_question_is_not_clinical(text):
    assert not faq_is_clinical(text)
