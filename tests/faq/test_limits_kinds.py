"""Kinds of question the limits must place, in each language (issue 14): health information
about a condition whatever its name, texting forms, things taken along, disputed charges."""

import pytest

from conversations.faq.limits import faq_is_billing_dispute, faq_is_clinical

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    "text",
    [
        "What are the symptoms of Coloboma?",  # a condition no list names
        "how to prevent amblyopia",
        "Is Huntington disease inherited?",
        "cuáles son los síntomas de la diabetes?",
        "como se previene la gripe?",
        "quais são os sintomas da dengue?",
        "me pica mucho el cuero cabelludo y se me cae el pelo, q será",
        "apareceram umas manchas vermelhas na pele q coçam, q pomada eu passo",
        "My mole has changed colour, is it cancer?",
        # The result said first, what it means asked at the end of a long sentence.
        "o resultado do meu preventivo veio escrito ASC-US, o que significa?",
        "my blood test results came back with a high ferritin of 480, what does that mean",
    ],
)
def test_health_questions_are_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "What do I need to take with me?",
        "what should i take with me to the appointment",
        "necesito llevar la lista de remedios q tomo o no hace falta?",
        "what are the treatments you offer?",
        "what causes the delay in results?",
        "how to prevent flu, can I book a vaccine?",
        "vcs abrem sabado?",
        "oi, meu convênio não é nenhum desses q vcs atendem, consigo recibo pra pedir reembolso depois?",
    ],
)
def test_visit_questions_are_not_clinical(text):
    assert not faq_is_clinical(text)
    assert not faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "why was I billed R$ 350 if it was just a follow-up?? that's wrong",
        "cancelei com 3 dias de antecedência e mesmo assim cobraram, como faço pra reaver?",
    ],
)
def test_disputed_charges_are_billing(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "what is fibromyalgia?",  # a medical ending, no stem
        "tell me about lymphoma",
        "do you have information about statins?",  # shaped like a service question
        "what causes dry mouth at night?",
        "are there special precautions with metformin?",
        "what are the brand names of lisinopril?",  # a medicine no list names
        "how effective is ginkgo for memory?",
        "what research is being done on this disease?",
        "¿qué es la leucemia?",
        "¿qué provoca la neuropatía?",
        "¿hay interacciones entre el ibuprofeno y el alcohol?",
        "o que é fibromialgia?",
        "o que causa anemia?",
        "vocês têm informações sobre doenças da tireoide?",
    ],
)
def test_asking_what_a_condition_or_medicine_is_or_does_is_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "what is the address?",
        "what is the price of an ultrasound?",
        "do you have information about parking?",
        "what is the password of the wifi?",
        "¿qué es el chequeo anual?",
        "o que é o retorno?",
        "what is the preparation for a blood test?",
    ],
)
def test_asking_what_a_clinic_thing_is_is_not_clinical(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "there is a payment from your clinic on my card I do not recognize",
        "my insurer rejected the reimbursement, what now",
        "the receipt you gave me is wrong, they won't pay",
        "me sale un cobro de ustedes que no reconozco",
        "la prepaga rechazó mi reintegro por el recibo",
        "me debitaron dos veces la consulta",
        "tem um débito de vocês no cartão que eu não reconheço",
        "o plano recusou o reembolso, o recibo está errado",
    ],
)
def test_an_unknown_charge_or_a_refused_claim_is_a_billing_dispute(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "la psicóloga cobró la sesión entera y avisé con tiempo, es un abuso",
        "tengo un recargo de 5 mil por no ir pero la doctora me canceló, no corresponde",
        "compré el bono de 5 sesiones y solo usé 2, quiero que me reintegren el resto",
        "there is a no-show fee on my account but I did call, can you take it off?",
        "a clínica cobrou a sessão inteira e eu avisei antes, um absurdo",
    ],
)
def test_a_charge_called_unfair_or_money_asked_back_is_a_billing_dispute(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "it was a follow up, I paid 180k instead of 120k. I want the difference back",
        "cancelé la teleconsulta a tiempo y no me han devuelto la plata",
        "foi retorno, paguei 180 mil em vez de 120, quero a diferença",
    ],
)
def test_money_not_returned_or_paid_instead_of_the_right_price_is_a_billing_dispute(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    ["I'd rather come at 3 instead of 4", "what's the difference between a first visit and a follow up?"],
)
def test_instead_of_and_difference_alone_dispute_nothing(text):
    assert not faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    ["do you give a receipt so I can claim reimbursement?", "vcs dao recibo pra pedir reembolso do plano?"],
)
def test_asking_for_a_receipt_for_the_insurer_is_no_dispute(text):
    assert not faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "do you give the flu vaccine to adults?",
        "ustedes ponen la antitetánica?",
        "vcs aplicam vacina contra gripe?",
    ],
)
def test_asking_whether_the_clinic_gives_a_vaccine_is_no_clinical_question(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "do you give antibiotics for an ear infection?",
        "ustedes dan algo para la migraña?",
        "vcs dão remédio pra dor de garganta?",
    ],
)
def test_asking_what_the_clinic_gives_for_a_complaint_is_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have ringing in my ears since a concert, will it go away on its own?",
        "how many days off work does someone usually need for a slipped disc?",
        "me torcí la rodilla y se me hinchó, ¿le pongo hielo o calor?",
        "¿cuántos días de incapacidad dan por una hernia discal?",
        "to com zumbido no ouvido desde sábado, passa sozinho?",
        "meu filho ronca muito, precisa tirar a adenoide?",
    ],
)
def test_whether_it_heals_alone_ice_or_heat_and_days_of_rest_are_clinical_decisions(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    ["how long is the wait to get results?", "how many days a week do you open?", "¿atienden los sábados?"],
)
def test_waiting_and_opening_questions_ask_no_clinical_decision(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿El Dr. Restrepo hace cirugía láser para quitarse las gafas?",
        "o Dr. Restrepo faz cirurgia a laser pra miopia?",
    ],
)
def test_whether_a_named_doctor_performs_a_procedure_asks_about_the_service(text):
    assert not faq_is_clinical(text)


def test_a_service_question_with_a_decision_beside_it_is_still_clinical():
    assert faq_is_clinical("o Dr. Paulo faz cirurgia? devo operar meu joelho?")


@pytest.mark.parametrize(
    "text",
    [
        "my statement says I owe for a lab I never had done. can someone check it",
        "why did my insurance get billed for a new patient visit when I've been coming for years",
        "me llego una cuenta por un laboratorio que nunca me hicieron, quien me puede ayudar?",
        "en mi estado de cuenta aparece una consulta del 15 de octubre y yo no fui ese dia",
        "pague dos veces el copago por error, como me regresan el dinero?",
        "tem um exame de laboratorio na minha conta que eu nunca fiz, quem pode ver isso?",
        "recebi uma conta de 210 dolares mas meu plano cobria o check-up, pq to sendo cobrada?",
        "paguei o copay duas vezes sem querer, como peço reembolso?",
    ],
)
def test_a_charge_for_something_never_had_or_paid_twice_is_a_billing_dispute(text):
    assert faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "I never had a physical before, do I need one?",
        "nunca me hicieron un chequeo, cuanto cuesta?",
        "paguei a consulta, vcs mandam o recibo por email?",
    ],
)
def test_never_having_had_a_visit_or_having_paid_disputes_nothing(text):
    assert not faq_is_billing_dispute(text)


@pytest.mark.parametrize(
    "text",
    [
        "running low on my metformin, how do I get Dr Garza to send a refill to the CVS?",
        "ya se me estan acabando las pastillas de la presion, como le hago para que me las vuelvan a recetar?",
        "meu remedio de pressao ta acabando, como faço pra renovar a receita com a dra Patel?",
        "minha filha faltou na escola por causa de febre, da pra pegar uma declaraçao pra escola?",
        "as vacinas do meu bebe de 2 meses sao feitas ai mesmo?",
    ],
)
def test_a_refill_a_note_or_where_vaccines_are_given_is_an_errand_not_advice(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "should I refill my inhaler early if I used it a lot?",
        "my son has a fever, do I need a doctors note or should I give him tylenol?",
        "¿puedo tomar ibuprofeno mientras me renuevan la receta?",
    ],
)
def test_a_decision_asked_beside_an_errand_is_still_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "What should my A1C be? mine came back 7.2",
        "a mi niña le salieron unos granitos rojos en la panza, eso se pega? la puedo mandar a la escuela?",
        "me puedo poner la vacuna del covid y la de la gripa el mismo dia si estoy tomando prednisona?",
        "meu filho ta com umas manchinhas vermelhas no corpo, isso pega? pode ir pra creche?",
        "is it ok to switch my 1 year old from formula to whole milk now or should I wait?",
    ],
)
def test_contagion_a_level_s_target_and_a_medicine_taken_meanwhile_are_advice(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "if I am on vacation can I reschedule?",
        "my results came back, can I pick them up?",
        "se estou tomando conta do meu pai posso levar ele?",
        "necesito renovar la formula de los lentes de contacto, ¿cuánto dura la que me dieron?",
    ],
)
def test_being_away_results_ready_or_taking_care_of_someone_is_no_advice(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        # Is it a bad sign; do you think I have it; how much should someone sleep or eat.
        "my eyesight got worse in a year, is that a bad sign?",
        "a visão piorou muito num ano, isso é mau sinal?",
        "la vista me empeoró en un año, ¿es mala señal?",
        "acha que eu tô com burnout? ando exausta",
        "¿crees que tengo burnout? estoy agotada",
        "how many hours should a 4 year old sleep?",
        "cuántas horas debería dormir un bebé de un año?",
        "quantas horas deve dormir uma criança de 5 anos?",
        # A medicine by a brand no list names, given to a child; a recommendation about it.
        "posso dar ben-u-ron ao meu filho de 2 anos?",
        "le puedo dar dalsy a mi hijo de 3 años?",
        "qué dieta me recomiendas para bajar el azúcar?",
        "que dieta me recomenda para baixar o açúcar?",
        # Portugal's progressive form; a stutter that may go away on its own.
        "posso levar a vacina se estou a tomar antibiótico?",
        "mi hijo tartamudea desde hace un mes, se le quitará solo?",
        "o meu filho começou a gaguejar, passa sozinho?",
        "my son started to stutter, will it pass on its own? is it a bad sign",
    ],
)
def test_asking_what_a_sign_means_or_what_someone_should_take_is_clinical(text):
    assert faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "my insurer wants an itemised receipt with the treatment code",
        "could the receipt show the treatment codes for my claim?",
    ],
)
def test_codes_on_paperwork_are_no_clinical_question(text):
    assert not faq_is_clinical(text)


@pytest.mark.parametrize(
    "text",
    [
        "I got hit with the no-show fee but I cancelled two days before, I want it taken off",
        "no pude ir porque estaba en el hospital, por favor no me lo cobren",
        "estuve internada, que me quiten la multa por favor",
        "a taxa de falta é um abuso, peço que a retirem",
        "não me cobrem a falta, eu estava internado",
    ],
)
def test_asking_for_a_fee_to_go_is_a_billing_dispute(text):
    assert faq_is_billing_dispute(text)


def test_asking_how_to_move_without_being_charged_is_no_dispute():
    assert not faq_is_billing_dispute("how late can I move my appointment without being charged?")


def test_an_illness_given_as_the_reason_a_fee_should_go_is_billing(index):
    from conversations.faq.answering import BILLING, faq_classify

    kind, _ = faq_classify(
        "a taxa de falta é um abuso, o meu filho estava com febre, peço que a retirem", index=index
    )

    assert kind == BILLING
