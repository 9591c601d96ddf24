"""Questions the bot must not answer: clinical ones, fee waivers and billing disputes.

Pure rules over folded text (see `nlu.emergency.fold`), written for English, Spanish and
Portuguese at once. Recall comes first: a wrongly refused question costs the patient a
call to reception, a clinical answer from a bot can cost far more.

A message is clinical when it names a health term (a stem list: symptoms, body parts,
conditions, medicines, doses, test values, pregnancy, babies, injuries) and asks for a
decision or an interpretation ("should I", "is it normal", "can I take", "what does it
mean", "¿debo?", "posso tomar?"), whatever else it says; or when it matches an advice
pattern (dose, side effects, "what do my results mean"); or when it names a health term
without asking to book, asking about a service, or asking about the visit itself. So a
request to book for a symptom ("my back hurts, I'd like an appointment") and routine
questions ("how much is a consultation", "do I need to fast for the blood test", "can my
pregnant wife come with me?") never match.
"""

import re

from conversations.understanding.text import fold

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
\b(waive|waived|waiver|exempt\w*|forgiv\w*|discount\w*|refund\w*|overcharg\w*|
charged (me )?(twice|double|two times|wrong\w*|too much)|double charg\w*|wrong (charge|amount|bill|invoice)|
dispute\w*|chargeback|money back|pay less|(billed|charged) me\b|can ?t afford|cannot afford|unable to pay|not pay(ing)? (the|this|that)|

descuento\w*|rebaja\w*|devolucion|dinero de vuelta|pagar menos|me facturaron|me cobraron|devuelv\w*|me cobraron (dos veces|de mas|mal)|cobro (indebido|doble)|
cobraron (dos veces|de mas|mal)|no puedo pagar|no tengo (para pagar|dinero)|exonera\w*|condona\w*|perdona\w* (la|el) (multa|tarifa|cargo)|
reclamo\w* (de|por) (la )?factura|
desconto\w*|devolucao|dinheiro de volta|me cobraram|fui cobrad\w*|estorno\w*|devolver (o|meu) dinheiro|cobraram (duas vezes|a mais|errado)|
cobranca (indevida|duplicada|errada)|cobrado (duas vezes|a mais|errado)|nao (consigo|posso|tenho como) pagar|
isen\w*|perdoar (a|o) (multa|taxa)|contestar)\b
|\b(two|2|double|duplicate\w*|extra) (charges|payments|transactions)\b|\b(dos|2) (cargos|cobros|pagos)\b|\b(duas|2) (cobrancas|transacoes)\b
|\b(drop|remove|cancel|take off|skip|forgive|waive|get rid of) (the|that|this|my|your)( \w+){0,2} (fee|charge|penalty|fine)\b
|\b(quitar|sacar|anular|perdonar|eliminar|condonar)(me)? (la|el|esa|ese|esta|este)( \w+){0,2} (multa|cargo|cobro|recargo|tarifa)\b
|\b(tirar|retirar|cancelar|perdoar|anular|isentar|tira) (a|o|essa|esse|esta|este)( \w+){0,2} (multa|taxa|cobranca)\b
|\b(charged|billed|cobraron|cobraram|cobro|cobrou)( \w+){0,3} (twice|double|two times|dos veces|duas vezes)\b
|\b(contest\w*|impugn\w*)\b
|\b(overpaid|paid too much|pague de mas|paguei a mais|paguei demais|precio especial|preco especial|special price)\b
|\b(no (puedo|tengo como|me alcanza para) pagar)\b
|\b(cobro|cargo|cobranca|factura|fatura|bill|charge|invoice)\b.{0,25}\b(esta mal|errad\w*|equivocad\w*|incorrect\w*|wrong)\b|\b(was|were|got|been|being) (billed|charged)\b
|\b(de acuerdo|concordo|conforme)\b.{0,30}\b(cobr\w*|valor|factura|cuenta|cargo|precio|preco|conta)\b
|\b(devuelvan|devolvam|devolva|return my money)\b
|\b(make it|hacer|hace|fazer|faz|deixar) (mais |mas |a bit |un poco |um pouco )?(barat\w*|cheaper)\b
|\b(unemployed|desemplead\w*|desempregad\w*|sin trabajo|sem emprego|no money|sin plata|sem grana)\b
"""


def _compile(text: str) -> re.Pattern[str]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return re.compile("".join(line.strip() for line in lines))


# The general rule: a health term together with a request for a decision or an
# interpretation is clinical, whatever else the message says (a booking included).
# Health terms are stems matched at the start of a folded word (stems of five letters or
# more) or whole words (shorter ones), so new wording of a known idea still matches:
# "amoxicilina", "amoxicillin"; "inchado", "inchaço"; "embarazada", "embarazo".
_HEALTH_STEMS = """
    sympt sintom pain painf hurt hurts hurting ache aches aching headach migrain fever
    cough rash itchy itchi itch swell swoll lump bleed bruis nause vomit diarrh dizzi dizzy faint
    numb tingl ringing sneez congest runny wheez breathl palpit seizur tremor insomn fatigu tired
    cramp spott discharg constip sore burning blister pimpl acne eczema psoria dandruff wart
    dolor duele duelen fiebre tos picaz comezon hinch hinchaz bulto sangrado sangrando mareo
    mareado mareada nausea vomito diarrea estrenim moreton zumb pitido entumec hormigu desmay
    convuls temblor cansanc fatiga ardor ardenc granito espinill verruga lunar nodulo quiste
    dor dores doi doendo febre tosse coceir cocand inchad inchac caroc sangramento sangrand
    tontur enjoo enjoad diarreia prisao hematom formig dormenc desmai convulsa tremedeir
    cansac fadiga queimac espinha pinta cisto manchas mancha calafri escalofr
    diabet hypertens asthma asma cancer tumor tumour covid flu gripe influenz infect infecc
    infeccao infecao allerg alergi anemi anaemi thyroid tiroid tireoid depress depresi depressao
    anxiet ansied hpv vph hiv aids herpes uti cistit otitis otite sinusit bronquit bronchit
    pneumon neumon dengue zika chikung colic reflux refluj refluxo heartburn acidez azia gastrit
    ulcer hemorr varices varizes arthrit artrit artros osteopor cholest colest obesi
    melanom mole moles std stds sti stis ets ist
    medic remedi remed pill pills pildor pilula pastill comprimid tablet capsul drug drugs syrup
    jarabe xarope cream crema pomada ointm drops gotas gotita inhaler inhalad bombinha injecc
    inyecc injec vaccin vacun vacin antibiot antiinfl anti-infl analges antihist antiac antacid
    ibuprof paracetam acetamin tylenol advil motrin aspirin dipiron novalg dorflex buscopan
    amoxic azitro azithro cefalex ciproflox metronid omepraz pantopraz ranitid losart metform
    insulin levotirox levothyrox synthroid sertral fluoxet escitalop clonazep rivotril diazep
    alprazol zolpidem melaton benadryl loratad desloratad fexofen allegra predniso cortico
    corticoid dexamet warfar clopidog atorvast sinvast simvast rosuvast statin estatin
    contracep anticoncep anticonce iud diu viagra sildenaf tadalaf ozempic semaglut wegovy
    vitamin vitamina suppleme supleme iron hierro ferro zinc zinco magnes calcium calcio
    omega probiot creatin colagen collagen antidepres antidepr
    alcohol alcool beer cerveza cerveja wine vino vinho
    dose doses dosage dosis dosagem posolog mg mcg ml ui iu milligr miligr overdos
    glucos glucosa glicos glicem sugar pressure presion pressao ldl hdl triglyc trigli tsh t3 t4
    hemoglob hba1c glicada glicosil creatinin ferritin potass potasio sodium sodio psa pcr crp
    vhs esr platelet plaquet leucocit hematocr urea ureia uric urico bilirrub tgo tgp
    enzym enzima hormon testost estrogen estradi progest prolact hcg bhcg ultrasound ecograf
    ultrass ultrasson mammogr mamogr xray radiograf tomograf resonan ressonan mri biops
    papanic urine urina orina heces fezes stool alterad abnormal elevated elevad
    pregnan embaraz gravid gestant lactan amament amamant breastf baby babies bebe bebes
    toddler infant newborn nenem neonat
    swallow trago trague traguo tragou trago engoli engoliu bleach lejia cloro sanitaria
    poison veneno envenen intoxic fractur broken sprain esguince entorse torci torce
    burn burns burned quemad queimad queimei cortad corte wound herida ferida bite bitten
    mordi mordeu picad sting stung
    surger cirug cirurg operac operat postop anesthes anestes stitch sutur puntos pontos
    temperat heart corazon coracao chest pecho peito stomach tummy belly estomag barriga
    barrig throat gargant ear ears oido oidos ouvido ouvidos eye eyes ojo ojos olho olhos
    nose nariz skin piel pele knee rodill joelh tooth teeth diente dente muela gum encia
    gengiv headach cabeza cabeca neck cuello pescoco spine columna coluna hip cadera quadril
    kidney rinon rim rins liver higado figado lung pulmon pulmao period periods menstru
    regla ovul ovari uterus utero pene penis vagin breast seno prostat testic
    urinat pee orinar urinar poop sleep sleeping dormir duerme dorme weight
    shot shots meningit hepatit measles sarampo sarampion tetan hernia laxant laxat
    sick ill enfermo enferma doente arm arms brazo braco leg legs pierna perna hand foot feet
    azucar acucar cardiac cardiaca cardiaco pulse pulso
"""
_SHORT_HEALTH = re.compile(r"^[a-z0-9-]{1,4}$")
_STEMS = _HEALTH_STEMS.split()
HEALTH_WORDS = frozenset(s for s in _STEMS if _SHORT_HEALTH.match(s))
HEALTH_PREFIXES = tuple(s for s in _STEMS if not _SHORT_HEALTH.match(s))
# Words that start like a health stem but are not one.
_NOT_HEALTH = frozenset(
    {
        *("medicina", "medical", "medico", "medica", "medicos", "medicas", "medio", "media", "mediodia"),
        *("pillow", "periodo", "periodos", "periodico", "periodica", "sugarcane", "heartly"),
    }
)


def has_health_term(folded: str) -> bool:
    """True when a folded text names a symptom, body part, condition, medicine, dose,
    test value, pregnancy or injury. Pure."""
    for word in re.findall(r"[a-z0-9]+", folded):
        if word in _NOT_HEALTH:
            continue
        if word in HEALTH_WORDS or word.startswith(HEALTH_PREFIXES):
            return True
    return bool(
        re.search(
            r"\b(birth control|blood (sugar|pressure|count)|x ray|raio x|morning after|(ate|drank|swallowed|ingested|put) (a|an|some|the|his|her|my)|(se )?(comio|bebio) (un|una|el|la)|(comeu|bebeu|engoliu|tomou) (um|uma|o|a)|the pill|ct scan|pap smear|by mouth)\b",
            folded,
        )
    )


# Visit logistics that follow a decision word without making it a clinical question:
# "should I bring my medication list?", "do I need to bring my old exams?".
_ADMIN_VERBS = (
    r"(bring|book|arrive|come|pay|call|cancel|park|schedule|reschedule|wear|fill|print|send|"
    r"register|check in|show|wait|leave|sign|fast|prepare|preparar|levar|trazer|pagar|chegar|agendar|marcar|"
    r"desmarcar|remarcar|cancelar|llevar|traer|llegar|reservar|sacar|ir en ayunas|estar em jejum|"
    r"fazer jejum|ficar em jejum|hacer ayuno)\b"
)
_DECISION_TEXT = rf"""
\bshould (i|we|he|she|they|my \w+|a \w+)\b(?! {_ADMIN_VERBS})
|\bis (it|this|that|my \w+|his \w+|her \w+|the \w+|\w+)( \w+)? (normal|safe|ok|okay|alright|all right|bad|dangerous|serious|
harmful|risky|a problem|a concern|worrying|contagious|too high|too low|too much|high|low|fine)\b(?! (to|for) {_ADMIN_VERBS})
|\b(normal|abnormal|unsafe|dangerous|harmful|risky|worr\w*|concern\w*|afraid|scared|bad for|good for)\b
|\b(can|could|may) (i|we|he|she|they|my \w+|a \w+|you) (still )?(take|eat|drink|mix|give|use|combine|skip|stop|double|fly|
exercise|work out|go to the gym|swim|travel|have sex|breastfeed)\b
|\bwhat (does|do|did|is|would) .{{0,50}}\bmeans?\b|\bmeaning of\b
|\bwhat (could|might|can|would) (it|this|that|cause|be)\b|\bwhat s wrong\b|\bwhat is wrong\b
|\bwhat (should|do|can|must|shall) (i|we) (do|take|give|use|eat|drink|apply)\b|\bwhat to (do|take|give)\b
|\bhow (much|many|often|long)\b.{{0,40}}\b(should|can|may|must|to take|to give|per day|a day|daily)\b
|\bam i (protected|pregnant|sick|ill|at risk|contagious|infected|ok|okay)\b|\bis there a (risk|chance)\b
|\bwhy (do|does|is|am|are|did|would) \w+\b
|\b(give|gave) (him|her|them|my \w+|a \w+|the \w+)\b
|\b(debo|deberia)\b(?! {_ADMIN_VERBS})
|\b(es|esta|sera) (normal|seguro|peligroso|peligrosa|grave|malo|mala|mucho|poco|alto|alta|bajo|baja|preocupante|
contagioso|riesgoso|bueno|buena)\b|\b(peligros\w*|riesgo\w*|preocup\w*|hace mal|hacer mal|me hace dano)\b
|\b(puedo|podria|puede|pueden|se puede|podemos) (tomar|comer|beber|mezclar|dar|darle|usar|combinar|hacer ejercicio|viajar|
volar|nadar|amamantar|seguir)\b|\b(le|les) (puedo )?(doy|dar|das|damos)\b
|\bque (hago|debo|puedo hacer|hacemos|tomo|le doy|puede ser|sera|significa\w*|quiere decir|me recomienda\w*|recomienda\w*)\b
|\b(cuant[oa]s?|que cantidad)\b.{{0,40}}\b(debo|puedo|tomo|le doy|dar|tomar|al dia|por dia)\b
|\b(corro|hay) (riesgo|peligro)\b|\bestoy protegid\w*\b|\bpor que (me|le|tengo|mi|el|la)\b
|\b(devo|deveria)\b(?! {_ADMIN_VERBS})
|\be (normal|seguro|perigoso|perigosa|grave|ruim|muito|pouco|alto|alta|baixo|baixa|preocupante|contagioso|arriscado|bom)\b
|\b(perigos\w*|risco\w*|faz mal|fazer mal)\b
|\b(posso|poderia|pode|podem|da pra|da para|consigo|podemos) (tomar|comer|beber|misturar|dar|usar|combinar|malhar|viajar|
voar|nadar|amamentar|continuar|seguir)\b|\b(dou|dar pro|dar pra|dar para)\b
|\bo? ?que (eu )?(faco|devo|posso fazer|fazemos|tomo|dou|pode ser|sera|significa\w*|quer dizer|recomenda\w*)\b
|\b(quant[oa]s?|que quantidade)\b.{{0,40}}\b(devo|posso|tomo|dou|dar|tomar|ao dia|por dia)\b
|\b(corro|tem|ha) (risco|perigo)\b|\bestou protegid\w*\b|\bpor que (eu|me|meu|minha|o|a)\b
|\b(ta|esta|tudo) (tudo )?bem (se|tomar|eu)\b|\bsera que\b
|\b(is|are|esta|estan|e|es|ta|sao|son|deu|dio|salio) (\w+ )?(high|low|alt[oa]s?|baj[oa]s?|baix[oa]s?|elevad\w*)\b
|\b\d+\w* (is )?(high|low|alt[oa]|baj[oa]|baix[oa])\b
|\btoo (high|low|fast|slow|much|little|long|often|many|few|big|small)\b
|\b(what now|and now what|what next|y ahora que|e agora)\b
|\b(que|o que) (le |me |lhe |eu )?(pongo|pones|paso|passo|aplico|uso|unto|ponho|como|bebo|como agora)\b
|\b(could it be|can it be|puede ser|pode ser|sera|seria)\b|\b(a|un|uma|um) problema?$
|\b(is|es|e) (it|this|that|esto|eso|isso|isto)? ?(a|un|uma|um) problema?\b
|\b(what|which|que|qual|quais|cual|cuales) (\w+ )?(is it|do i have|tengo|eu tenho|serve|sirve|works?|funciona|helps?|ayuda|ajuda)\b
|\bhow (do|can|should|to) (i|we)? ?(treat|cure|heal|stop|get rid|relieve|help|lower|raise|reduce|increase)\b
|\bcomo (trato|curo|alivio|bajo|subo|baixo|aumento|reduzo|reduzco|controlo|evito|paro|melhoro|mejoro)\b
|\b(tomo|take|tomar) .{{0,25}}\b(double|doble|dobrado|another|otra|outra|again)\b
|\b(es|e|is it) \w+$|\b(serious|grave|serio|seria)\b
|\b(keep|still|continue|stop) (taking|using)\b|\b(sigo|continuo|paro|dejo) (de )?(tomando|usando|tomar|usar)\b
|\b(hacer|hago|fazer|faco|praticar|do|play) (deporte|deportes|esporte|esportes|exercicio|exercicios|sports?)\b
|\b(puedo|posso|can i|pode|puede) (ir|go|volver|voltar|trabajar|trabalhar|manejar|dirigir|drive|work)\b
"""
DECISION = _compile(_DECISION_TEXT)
# Visit logistics: a health word in a question about these is not a clinical question
# ("can my pregnant wife come with me?", "can I pay for my son's vaccines by card?").
ADMIN = re.compile(
    r"\b(bring|brings|levar|levo|trazer|trago|llevar|llevo|traer|traigo|list|lista|pay|paying|pagar|pago|"
    r"price|cost|costs|cuesta|custa|fee|park\w*|estaciona\w*|fast|fasting|jejum|ayun\w*|come with|"
    r"accompany|acompanh\w*|acompan\w*|wheelchairs?|cadeira|silla|insurance|convenio|seguro|plano|open|abre\w*|"
    r"cancel\w*|desmarc\w*|remarc\w*|reschedul\w*|ready|pronto|listos?|wifi|toilet|banheiro|bano|elevator|"
    r"elevador|ascensor|lift|ramp|rampa)\b"
)
# "What should I do to prepare for my heart ultrasound?" is the exam-preparation entry.
PREPARATION = re.compile(r"\b(prepar\w*|preparo)\b")
# Needing something is a decision too, unless the message asks to book
# ("necesito receta para mi medicamento, quiero cita").
NEED = re.compile(
    rf"\b((do|does) (i|we|he|she|they|my \w+) (really )?need|tengo que|hay que|necesito|necesita|"
    rf"preciso|precisa|tenho que)\b(?! (to )?{_ADMIN_VERBS})"
)


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
    if DECISION.search(folded) and has_health_term(folded) and not PREPARATION.search(folded):
        return True
    if BOOKING.search(folded) or SERVICE.search(folded) or ADMIN.search(folded):
        return False
    return bool(TOPIC.search(folded) or (NEED.search(folded) and has_health_term(folded)))


def faq_is_billing_dispute(text: str) -> bool:
    """True when the message asks for a fee waiver, a discount or disputes a charge. Pure."""
    folded = fold(text)
    return bool(BILLING.search(folded) or (FREE.search(folded) and not FACILITY.search(folded)))
