"""Questions the bot must not answer: clinical ones, fee waivers and billing disputes.

Pure rules over folded text (see `nlu.emergency.fold`), written for English, Spanish and
Portuguese at once. Recall comes first: a wrongly refused question costs the patient a
call to reception, a clinical answer from a bot can cost far more. Routine questions
about a visit ("how much is a consultation", "do you take insurance", "what should I
bring", "when are my results ready", "do I need to fast for the blood test") never match,
because every rule needs a medication, symptom, dose, result interpretation or advice word.
Nor does a request to book for a symptom ("my back hurts, I'd like an appointment") or a
question about the clinic's services ("do you treat allergies?"), unless it also asks for
advice: the booking flow and the FAQ handle those.
"""

import re

from conversations.nlu.emergency import fold

# Medication, symptoms and conditions: clinical unless the message asks to book or asks
# whether the clinic offers a service ("my back hurts, can I book?", "do you treat allergies?").
_TOPIC_TEXT = r"""
\b(medication|medications|medicine|medicines|meds|pill|pills|tablet|tablets|capsule|drug|drugs|
prescription|prescribe|prescribed|antibiotic\w*|ibuprofen|paracetamol|acetaminophen|tylenol|advil|
aspirin\w*|amoxicillin\w*|amoxicilina|insulin\w*|metformin\w*|dipirona|novalgina|omeprazol\w*|losartan|statin\w*|
antidepressant\w*|contraceptive\w*|birth control|
medicamento\w*|medicina\w*|remedio\w*|pastilla\w*|pildora\w*|comprimido\w*|capsula\w*|receta\w*|
receita\w*|antibiotico\w*|anticoncepcional\w*|anticonceptiv\w*)\b
|\b(symptom\w*|sintoma\w*|pain|painful|hurts?|hurting|ache|aches|aching|headache|migraine|fever|
feverish|cough\w*|rash|itch\w*|swollen|swelling|lump|bleed\w*|nausea|nauseous|vomit\w*|diarrh\w*|
dizz\w*|infection|infected|inflamed|sore|bruise\w*|burning|discharge|spotting|cramp\w*|allerg\w*|
diabet\w*|hypertension|(high|low) blood pressure|blood pressure (is|of|reading)|cholesterol|anxiety|depress\w*|insomnia|
pregnan\w*|miscarriage|std|sti|hiv|cancer|tumou?r|asthma|flu|covid|cold sore|
dolor\w*|duele\w*|fiebre|tos|sarpullido|picaz\w*|hinchad\w*|bulto|sangrado|sangrando|sangra|nause\w*|vomito\w*|
mareo\w*|mareado\w*|diarrea|infeccion\w*|infectad\w*|inflamad\w*|alergi\w*|diabetes|presion alta|
colesterol|ansiedad|depresion|embarazad\w*|embarazo|gripe|resfriado|quiste|
dor|dores|doi|doendo|febre|tosse|coceira|inchad\w*|caroco|sangramento|enjoo|enjoad\w*|
tontura|tonto|tonta|diarreia|infeccao|inflamad\w*|alergia\w*|pressao alta|ansiedade|depressao|
gravida|gravidez|resfriado|cisto|swallow\w*|trago|trague|se trago|engoli\w*|supplement\w*|suplemento\w*|
vitamin\w*|heartburn|acidez|azia|reflux|reflujo|refluxo|heart rate|pulse|frecuencia cardiaca|frequencia cardiaca|
vaccin\w*|vaccine\w*|vacuna\w*|vacunarme|vacina\w*|vacinar\w*|biops\w*|surger\w*|cirugia\w*|cirurgia\w*|
operation|operacion|operacao|menstrua\w*|period pain|periods|regla|constipat\w*|estrenimiento|prisao de ventre|
burn|burns|burned|quemadura\w*|queimadura\w*|queimei|wound|herida\w*|
ferida\w*|injur\w*|lesion\w*|lesao|fracture\w*|fractura|fratura|sprain\w*|esguince|entorse|bite|bitten|
sting|picadura|mordida|mordeu|picada|manchas? (na|no|en la|en el) (pele|piel))\b
"""
# Asking for advice: always clinical, whatever else the message says.
_ADVICE_TEXT = r"""
\b(dose|doses|dosage|dosis|dosagem|mg|milligrams?|miligramos?|miligramas?|overdos\w*|side effects?|
efectos? secundarios?|efeitos? colatera\w*|vaccine\w* (safe|side))\b
|\b(diagnos\w*|prognosis|treatment|treat (my|it|this)|cure|tratamiento|tratamento|tratar (mi|meu|minha|esto|isso)|
curar|cura)\b
|\b(results?|resultados?|levels?|niveis|niveles|exams?|examen(es)?|exames?|test|tests|analisis|analise)\b
.{0,40}\b(mean|means|normal|high|low|bad|good|worr\w*|serious|concern\w*|significa\w*|quiere decir|
quer dizer|alto|alta|bajo|baja|baixo|baixa|malo|mala|ruim|grave|preocup\w*|elevad\w*|positiv\w*|negativ\w*)\b
|\b(mean|means|meaning|interpret\w*|significa\w*|quiere decir|quer dizer)\b.{0,40}\b(results?|resultados?|levels?|niveis|niveles|exams?|examen(es)?|exames?|tests?|analisis|analise)\b
|(?<!no )(?<!nao )(?<!not )\b(is it|is this|is that|es|esto es|eso es|isso e|e|esta|is my \w+) (normal|serious|grave|contagious|contagioso|dangerous|peligroso|perigoso|high|low|too high|too low|alto|alta|bajo|baja|baixo|baixa|elevado|elevada)\b
|\b(glucose|glucosa|glicose|glicemia|sugar level|tsh|t4|hemoglobin|hemoglobina|hba1c|triglycerides?|trigliceridos|triglicerideos|creatinine|creatinina|psa|ferritin|ferritina|platelets|plaquetas|leucocitos|white cells|vitamin d|vitamina d|ldl|hdl)\b.{0,30}(\d|\b(high|low|normal|alt[oa]|baj[oa]|baix[oa]|elevad[oa])\b)
|\b(should i|do i need to|deberia|debo|tengo que|devo|deveria|preciso)\b.{0,30}\b(worry|worried|concerned|
take(?! (my |the |a |an )?(id|documents?|cards?|insurance|exams?|bus|taxi|train|metro|subway|uber|car|parking))|stop taking|stop|keep taking|go to (the )?(er|emergency|hospital)|see a doctor|preocupar\w*|
tomar(?! (un |o |el )?(cafe|agua|desayuno|banho|onibus|metro|taxi|uber))|dejar de|parar de|seguir tomando|continuar tomando|ir a urgencias|ir ao pronto|ir al hospital|ir ao hospital)\b
|\b(can i|could i|is it safe to|puedo|podria|es seguro|posso|poderia|e seguro)\b.{0,30}\b(take(?! (my |the |a |an )?(id|documents?|cards?|bus|taxi|train|metro|subway|uber|car|kids?|children|son|daughter|husband|wife))|keep taking|still take|mix|drink alcohol|
combine|tomar(?! (un |o |el )?(cafe|agua|desayuno|banho|cafe da manha|onibus|metro|taxi|uber))|seguir tomando|continuar tomando|mezclar|misturar|beber alcohol|beber alcool|amamantar|amamentar|breastfeed\w*)\b
|\b(what|which|que|qual|quais|cual) (medicine|medication|pill|cream|ointment|treatment|antibiotic|medicamento|
remedio|crema|pomada|pastilla|antibiotico|tratamiento|tratamento)\w*
|\b(am i|estoy|estou) (sick|ill|enfermo|enferma|doente)\b
|\b(what is|what s|whats|cual es|qual e|qual a|qual o) (a |an |la |el |o )?normal\b
|\b(how (do|can|should|to) (i|we|you)? ?(treat|cure|heal|get rid of|relieve)|como (trato|tratar|curo|curar|alivio|aliviar|
quito|quitar|tiro|tirar)|(keep|still|continue|stop) (taking|using)|(sigo|continuo|sigue|continua|dejo de|paro de) (tomando|usando|tomar|usar))\b
"""
_BOOKING_TEXT = r"""
\b(book|booking|appointment|appt|schedule|slot|consult|consultation|check ?up|follow ?up|see (a|the|him|her|me|someone|somebody)\b|
cita|turno|consulta|agendar|agenda|marcar|horario|hora|me (pueden|puede) ver|me vea|ver al|que me vea|
pode me ver|tem horario|vaga)\b
"""
_SERVICE_TEXT = r"""
\b(do you|does (the clinic|your clinic|the doctor|dr \w+)|do (your|the) doctors|voces|vcs|ustedes)\s+(treat|do|offer|see|handle|
have|tratam|fazem|atendem|oferecem|tratan|hacen|atienden|ofrecen|tienen|tem)\b|^(atienden|tratan|hacen|ofrecen|fazem|tratam|
atendem|oferecem)\b
"""
_BILLING_TEXT = r"""
\b(waive|waived|waiver|exempt\w*|forgive|discount\w*|refund\w*|overcharg\w*|
charged (me )?(twice|double|two times|wrong\w*|too much)|double charg\w*|wrong (charge|amount|bill|invoice)|
dispute\w*|chargeback|money back|pay less|(billed|charged) me\b|can ?t afford|cannot afford|unable to pay|not pay(ing)? (the|this|that)|

descuento\w*|rebaja\w*|devolucion|dinero de vuelta|pagar menos|me facturaron|me cobraron|devuelv\w*|me cobraron (dos veces|de mas|mal)|cobro (indebido|doble)|
cobraron (dos veces|de mas|mal)|no puedo pagar|no tengo (para pagar|dinero)|exonera\w*|condona\w*|perdona\w* (la|el) (multa|tarifa|cargo)|
reclamo\w* (de|por) (la )?factura|
desconto\w*|devolucao|dinheiro de volta|me cobraram|fui cobrad\w*|estorno\w*|devolver (o|meu) dinheiro|cobraram (duas vezes|a mais|errado)|
cobranca (indevida|duplicada|errada)|cobrado (duas vezes|a mais|errado)|nao (consigo|posso|tenho como) pagar|
isen\w*|perdoar (a|o) (multa|taxa)|contestar)\b
"""


def _compile(text: str) -> re.Pattern[str]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return re.compile("".join(line.strip() for line in lines))


TOPIC = _compile(_TOPIC_TEXT)
ADVICE = _compile(_ADVICE_TEXT)
BOOKING = _compile(_BOOKING_TEXT)
SERVICE = _compile(_SERVICE_TEXT)
BILLING = _compile(_BILLING_TEXT)
# "For free" asks for a waiver, unless it is about parking, Wi-Fi or cancelling.
FREE = re.compile(
    r"\b(free of charge|for free|free consult\w*|gratis|gratuit\w*|de graca|sin costo|sem custo)\b"
)
FACILITY = re.compile(
    r"\b(park\w*|estaciona\w*|valet|manobrista|wi ?fi|internet|cancel\w*|desmarc\w*|remarc\w*|reprogram\w*)\b"
)


def faq_is_clinical(text: str) -> bool:
    """True when the message asks for medical advice (medication, symptoms, dose, results,
    "should I..."); such questions are refused and escalated. Pure."""
    folded = fold(text)
    if ADVICE.search(folded):
        return True
    return bool(TOPIC.search(folded)) and not (BOOKING.search(folded) or SERVICE.search(folded))


def faq_is_billing_dispute(text: str) -> bool:
    """True when the message asks for a fee waiver, a discount or disputes a charge. Pure."""
    folded = fold(text)
    return bool(BILLING.search(folded) or (FREE.search(folded) and not FACILITY.search(folded)))
