"""Questions the bot must not answer: clinical ones, fee waivers and billing disputes.

Pure rules over folded text (see `nlu.emergency.fold`), written for English, Spanish and
Portuguese at once. Recall comes first: a wrongly refused question costs the patient a
call to reception, a clinical answer from a bot can cost far more. Routine questions
about a visit ("how much is a consultation", "do you take insurance", "what should I
bring", "when are my results ready", "do I need to fast for the blood test") never match,
because every rule needs a medication, symptom, dose, result interpretation or advice word.
"""

import re

from conversations.nlu.emergency import fold

_CLINICAL_TEXT = r"""
# medication and treatment
\b(medication|medications|medicine|medicines|meds|pill|pills|tablet|tablets|capsule|drug|drugs|
prescription|prescribe|prescribed|antibiotic\w*|ibuprofen|paracetamol|acetaminophen|tylenol|advil|
aspirin\w*|amoxicillin|insulin|metformin|dipirona|novalgina|omeprazol\w*|losartan|statin\w*|
antidepressant\w*|contraceptive\w*|birth control|vaccine\w* (safe|side)|side effects?|
medicamento\w*|medicina\w*|remedio\w*|pastilla\w*|pildora\w*|comprimido\w*|capsula\w*|receta\w*|
receita\w*|antibiotico\w*|anticoncepcional\w*|anticonceptiv\w*|efectos? secundarios?|efeitos? colatera\w*)\b
# dose
|\b(dose|doses|dosage|dosis|dosagem|mg|milligrams?|miligramos?|miligramas?|overdos\w*)\b
# symptoms and conditions
|\b(symptom\w*|sintoma\w*|pain|painful|hurts?|hurting|ache|aches|aching|headache|migraine|fever|
feverish|cough\w*|rash|itch\w*|swollen|swelling|lump|bleed\w*|nausea|nauseous|vomit\w*|diarrh\w*|
dizz\w*|infection|infected|inflamed|sore|bruise\w*|burning|discharge|spotting|cramp\w*|allerg\w*|
diabet\w*|hypertension|blood pressure (is|of|reading)|cholesterol|anxiety|depress\w*|insomnia|
pregnan\w*|miscarriage|std|sti|hiv|cancer|tumou?r|asthma|flu|covid|cold sore|
dolor\w*|duele\w*|fiebre|tos|sarpullido|picaz\w*|hinchad\w*|bulto|sangrado|sangrando|sangra|nause\w*|vomito\w*|
mareo\w*|mareado\w*|diarrea|infeccion\w*|infectad\w*|inflamad\w*|alergi\w*|diabetes|presion alta|
colesterol|ansiedad|depresion|embarazad\w*|embarazo|gripe|resfriado|quiste|
dor|dores|doi|doendo|febre|tosse|coceira|inchad\w*|caroco|sangramento|enjoo|enjoad\w*|
tontura|tonto|tonta|diarreia|infeccao|inflamad\w*|alergia\w*|pressao alta|ansiedade|depressao|
gravida|gravidez|resfriado|cisto|manchas? (na|no|en la|en el) (pele|piel))\b
# diagnosis, results interpretation, advice
|\b(diagnos\w*|prognosis|treatment|treat (my|it|this)|cure|tratamiento|tratamento|tratar (mi|meu|minha|esto|isso)|
curar|cura)\b
|\b(results?|resultados?|levels?|niveis|niveles|exams?|examen(es)?|exames?|test|tests|analisis|analise)\b
.{0,40}\b(mean|means|normal|high|low|bad|good|worr\w*|serious|concern\w*|significa\w*|quiere decir|
quer dizer|alto|alta|bajo|baja|baixo|baixa|malo|mala|ruim|grave|preocup\w*|elevad\w*|positiv\w*|negativ\w*)\b
|\b(is it|is this|es|esto es|isso e|e) (normal|serious|grave|contagious|contagioso|dangerous|peligroso|perigoso)\b
|\b(should i|do i need to|deberia|debo|tengo que|devo|deveria|preciso)\b.{0,30}\b(worry|worried|concerned|
take(?! (my |the |a |an )?(id|documents?|cards?|insurance|exams?|bus|taxi|train|metro|subway|uber|car|parking))|stop taking|stop|keep taking|go to (the )?(er|emergency|hospital)|see a doctor|preocupar\w*|
tomar(?! (un |o |el )?(cafe|agua|desayuno|banho|onibus|metro|taxi|uber))|dejar de|parar de|seguir tomando|continuar tomando|ir a urgencias|ir ao pronto|ir al hospital|ir ao hospital)\b
|\b(can i|could i|is it safe to|puedo|podria|es seguro|posso|poderia|e seguro)\b.{0,30}\b(take(?! (my |the |a |an )?(id|documents?|cards?|bus|taxi|train|metro|subway|uber|car|kids?|children|son|daughter|husband|wife))|mix|drink alcohol|
combine|tomar(?! (un |o |el )?(cafe|agua|desayuno|banho|cafe da manha|onibus|metro|taxi|uber))|mezclar|misturar|beber alcohol|beber alcool|amamantar|amamentar|breastfeed\w*)\b
|\b(what|which) (medicine|medication|pill|cream|treatment) \w*
|\b(am i|estoy|estou) (sick|ill|enfermo|enferma|doente)\b
"""
_BILLING_TEXT = r"""
\b(waive|waived|waiver|exempt\w*|forgive|discount\w*|refund\w*|overcharg\w*|
charged (me )?(twice|double|two times|wrong\w*|too much)|double charg\w*|wrong (charge|amount|bill|invoice)|
dispute\w*|chargeback|can ?t afford|cannot afford|unable to pay|not pay(ing)? (the|this|that)|
free of charge|for free|
descuento\w*|rebaja\w*|devolucion|devuelv\w*|me cobraron (dos veces|de mas|mal)|cobro (indebido|doble)|
cobraron (dos veces|de mas|mal)|no puedo pagar|no tengo (para pagar|dinero)|exonera\w*|condona\w*|perdona\w* (la|el) (multa|tarifa|cargo)|
reclamo\w* (de|por) (la )?factura|gratis|sin costo|
desconto\w*|devolucao|estorno\w*|devolver (o|meu) dinheiro|cobraram (duas vezes|a mais|errado)|
cobranca (indevida|duplicada|errada)|cobrado (duas vezes|a mais|errado)|nao (consigo|posso|tenho como) pagar|
isen\w*|perdoar (a|o) (multa|taxa)|de graca|sem custo|contestar)\b
"""


def _compile(text: str) -> re.Pattern[str]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return re.compile("".join(line.strip() for line in lines))


CLINICAL = _compile(_CLINICAL_TEXT)
BILLING = _compile(_BILLING_TEXT)


def faq_is_clinical(text: str) -> bool:
    """True when the message asks for medical advice (medication, symptoms, dose, results,
    "should I..."); such questions are refused and escalated. Pure."""
    return bool(CLINICAL.search(fold(text)))


def faq_is_billing_dispute(text: str) -> bool:
    """True when the message asks for a fee waiver, a discount or disputes a charge. Pure."""
    return bool(BILLING.search(fold(text)))
