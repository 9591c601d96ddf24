"""The local engine: rules and dictionaries for English, Spanish and Brazilian Portuguese.

No network, no model files; a few hundred microseconds per message. Each intent has
phrase patterns over folded text (no accents, lower case) written for all three
languages at once, since patients mix them. Confidence is high when a strong phrase
matched, lower when only a weak cue did, which is what the hybrid policy keys on.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from rapidfuzz.distance import OSA

from conversations.understanding import entities as ent
from conversations.understanding.dates import resolve
from conversations.understanding.text import fold
from conversations.understanding.types import ClinicDirectory, Entities, Intent, Understanding

CONFIDENT = 0.85  # at or above this the hybrid policy does not ask the model


@dataclass(frozen=True)
class IntentRule:
    rule_id: str
    intent: Intent
    pattern: re.Pattern[str]
    confidence: float


_BOOK_NOUN = r"(?:appointment|appt|reservation|reserva|appoinment|apointment|appointement|consult|consultation|check ?up|follow ?up|(?:a |an |the |my |office |clinic |doctor s )visit|cita|turno|consulta|horario|hora|consultas|citas|control|chequeo|revision|revisao|retorno|(?:pressure|bp|mole|skin|eye|heart|blood) (?:check|test)|exame|examen|(?:physical|medical|eye|annual|routine) exam)"
_MY_APPT = rf"(?:my|the|mi|la|el|minha|meu|a|o|esa|essa|this|that)?\s*(?:\w+\s+)?{_BOOK_NOUN}"

_RAW_INTENTS: list[tuple[Intent, float, list[str]]] = [
    (
        Intent.HUMAN,
        0.95,
        [
            r"^(agent|human|operator|receptionist|a person|person|persona|humano|atendente|recepcion|recepcao|recepcionista)( please| por favor| pls)?$",
            r"\b(connect|transfer|put) me (to|through to|with)\b",
            r"\b(pasame|paseme|comuniqueme|me pasa|me passa|me transfere|transfiere|transfira)\b.{0,25}\b(humano|persona|pessoa|recepcion|recepcao|atendente|alguien|alguem|secretaria)",
            r"\b(alguien|alguem) (de|da|en|na) (recepcion|recepcao)",
            r"\b(don t|do not|dont) want (a |to talk to a )?(bot|robot|machine)",
            r"\b(talk|speak|chat)\w*\s+(to|with)\s+(a |an |the |some |someone|somebody|real |actual )*(person|human|agent|someone|somebody|receptionist|staff|operator|representative|secretary|nurse)",
            r"\b(real|actual) (person|human)",
            r"\bhuman (agent|please|being)",
            r"\b(agent|operator|receptionist) please",
            r"\b(hablar|comunicarme|comunicar)\w*\s+(con|a)\s+(una |un |alguien|la |el )*(persona|humano|agente|recepcion|recepcionista|secretaria|operador|alguien)",
            r"\b(falar|conversar)\s+(com|a)\s+(uma |um |alguem|a |o )*(pessoa|humano|atendente|recepcao|recepcionista|secretaria|alguem)",
            r"\b(quiero|quero|prefiero|prefiro|want|need)\s+(un |uma |um |a )?(humano|atendente|human|person|persona|pessoa)\b",
            r"\bnot (a |talking to a )?(bot|robot|machine)",
            r"\b(no|nao) (quiero|quero) (hablar|falar) con? (un |uma |um )?(bot|robot|robo|maquina)",
            r"\b(atendente|atendimento humano|recepcionista)\b",
            r"\bcall me( back)?\b",
            r"\b(llamenme|liguem para mim|me liga|me llamen)\b",
        ],
    ),
    (
        Intent.RESCHEDULE,
        0.92,
        [
            r"\bre ?schedul",
            r"\breprogram",
            r"\bremarc",
            r"\breagend",
            r"\bpostpone",
            r"\bposponer|\bpostergar|\badiar\b",
            rf"\b(change|move|switch|push|shift)\w*\s+(?:the\s+(?:date|time|day)\s+of\s+)?{_MY_APPT}",
            rf"\b(cambiar|mover|pasar|correr)\w*\s+(de\s+)?(?:la\s+fecha\s+de\s+)?{_MY_APPT}",
            rf"\b(mudar|trocar|alterar|passar)\w*\s+(o\s+|a\s+)?(?:data\s+d[ao]\s+|horario\s+d[ao]\s+)?{_MY_APPT}",
            r"\b(change|cambiar|mudar|trocar|alterar)\w* (the |la |el |o |a )?(date|time|day|fecha|hora|dia|horario|data)\b",
            r"\b(another|different|other|otro|otra|outro|outra) (day|time|date|dia|hora|fecha|horario|data)\b",
            r"\bcan (i|we) (change|move)",
            r"\bmove (it|my)\b",
        ],
    ),
    (
        Intent.CANCEL,
        0.92,
        [
            r"\bcancel",
            r"\bdesmarc",
            r"\banul",
            r"\bdar de baja",
            r"\b(can ?t|cannot|won ?t|will not|wont|not able to|unable to)( be able to)? (make it|come|go|attend)",
            r"\bcall off\b",
            r"\bno (voy a|podre|puedo) (ir|asistir|acudir)",
            r"\b(don t|do not|dont|no longer|not) (need|want|in need of) (my|the|this|that) (appointment|reservation|booking)",
            r"\bya no (necesito|quiero) (mi |la |el )?(cita|turno|consulta|reserva)",
            r"\bnao (preciso|quero) mais (da|a|de) (consulta|reserva)",
            r"\bnao (vou|posso|poderei) (ir|comparecer)",
            r"\b(eliminar|borrar|delete|remove) (mi |my |the |la )?(cita|appointment|turno)",
        ],
    ),
    (
        Intent.AVAILABILITY,
        0.88,
        [
            r"\b(any|have|got|are there|is there)\b.{0,30}\b(availab\w*|openings?|slots?|free time|space|spots?)\b",
            r"\bavailab",
            r"\b(do you have|have you got|got|is there) (anything|something|any time|room|space)\b",
            # "Anything with Dra. Ana on Friday?", "¿Hay algo con el Dr. Carlos?", "Tem algo com a Dra. Ana?"
            r"^(anything|something|hay algo|tienen algo|algo|tem algo|teria algo|alguma coisa)\b.{0,40}\b(with|con|com)\b",
            r"\bwhen (is|are|can)\b.{0,30}\b(free|see me|available|open)",
            r"\bwhat (times|days|dates|slots)\b",
            r"\bfree (slots?|times?|spots?)\b",
            r"\bnext (available|free|open)",
            r"\bearliest\b",
            r"\bdisponib",
            r"\b(hay|tienen|tiene|tenes) (hora|horas|turnos?|citas?|lugar|espacio|horarios?|cupos?)\b",
            r"\bque (horarios|dias|horas) (hay|tienen|tiene|tem)\b",
            r"\b(que|quais|what|which) (dias|days|horarios|times|hours) (atiende|atende|trabaja|trabalha|does|is|do)\b",
            r"\b(tem|tens|teria|ha) (horario|vaga|vagas|hora|horarios)\b",
            r"\b(horarios?|vagas?|huecos?|cupos?) (livres?|libres?|disponiveis|disponibles|abiertos)\b",
            r"\bquando (o|a) (dr|dra|doutor|doutora)\b.{0,30}\b(atende|tem)",
            r"\bcuando (atiende|puede|tiene)",
            r"\b(atende|atiende)\b.{0,25}\?",
            r"\bmas cedo\b|\bmas temprano\b|\bmais cedo\b|\bprimer hueco\b",
        ],
    ),
    (
        Intent.BOOK,
        0.9,
        [
            r"\b(book|booking|bookin|schedule|make|set|arrange|get|need|want|like|request|reserve|fix|confirm|go ahead)\w*\b.{0,30}\b"
            + _BOOK_NOUN
            + r"\b",
            r"(^|\b(to|please|pls|can you|could you|can i|let s|lets|i ll|gotta|wanna|and|then|now|just)\s+)(book|schedule)\b(?! (of|list|club|store|about|by|on amazon|titled))",
            r"\b(book|schedule) (me|it|us|him|her|one|an?|the|that|this|for|with|in|on|at)\b(?! (book|copy|list))",
            r"\bbook(ing|ed)? (me|it|us|him|her|one|for|with|in|on|at|again|an?) ",
            r"\b(see|visit|consult) (a |an |the |my |that |this |dr |dra |doctor )?(doctor|dr|dra|doc|dentist|specialist|physician|nurse|someone|somebody|gp|therapist|pediatrician|\w+ologist|\w+iatrist)\b",
            r"\b(need|want) (a doctor|a check ?up|to be seen)",
            r"\b(need|want|preciso|preciso de|necesito|quero|quiero|busco|procuro) (?:de )?(?:um|uma|un|una|a|an) "
            r"(medico|medica|doctor|doutor|doutora|doctora|dentista|dentist|terapeuta|therapist|psicologo|psicologa|"
            r"psychologist|pediatra|pediatrician)\b",
            rf"\b(looking|searching|hoping|trying) (for|to get|to book) (an?|one|some) {_BOOK_NOUN}\b",
            r"\b(try|make it|set it|put me down)\b.{0,60}\b(\d|morning|afternoon|evening|noon|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|next)",
            r"\b(find\w*|search\w*|looking for|look for|locate|busco|buscar|procuro|procurar|encontrar)\b.{0,20}\b(doctor|dentist|therapist|specialist|physician|gp|pediatrician|psychologist|psychiatrist|\w+ologist|medico|dentista|terapeuta)s?\b",
            r"\b(reserve|reservar|reserva)\b",
            r"\b(pedir|sacar|reservar|agendar|programar|solicitar|hacer|quiero|quisiera|necesito|queria|me gustaria|necesitaria)\b.{0,30}\b"
            + _BOOK_NOUN
            + r"\b",
            r"\b(agendar|marcar|reservar|quero|queria|gostaria de|preciso de|preciso|pode marcar|consigo)\b.{0,30}\b("
            + _BOOK_NOUN
            + r"|atendimento)\b",
            r"\b(agendar|marcar|marca|reservar|agenda|agende|marque)\b",
            r"\b(una|uma) (cita|consulta)\b",
            r"\bnew appointment\b",
            r"\b(quiero|quisiera|quero|queria|gostaria de|necesito|preciso) (ver|pasar con|ser atendid|consultar|una cita|uma consulta|ir ao|ir al)\b",
            r"\b(ser atendid|ser visto|be seen)\b",
            r"\b(me pueden|me puede|me podrian|podem me|pode me|me podem|me pode) (ver|atender|examinar|encaixar)",
            r"\b(can you|could you|can someone|can the doctor|can anyone) (see|fit|squeeze|examine) me\b",
            r"\b(want|need|like)\b.{0,40}\b(with|see|to) (the |a |my )?(doctor|dr|dra|doc|medico)\b",
            r"\b(llevar|levar|take|bring) (a |al |o |a minha |mi |my )?\w+ (al|ao|a la|to the|to a|na|no) (pediatr|doctor|medico|dentist|dermatolog|ginecolog)",
        ],
    ),
    (
        Intent.BOOK,
        0.6,  # a bare noun ("appointment", "consulta") is only a cue
        [r"\bappointment\b", r"\b(cita|consulta|turno)\b"],
    ),
    (
        Intent.FAQ,
        0.85,
        [
            r"\b(where|address|location|located|directions|how do i get|parking|park)\b",
            r"\b(donde|direccion|ubicacion|ubicados|estacionamiento|aparcamiento|como llego)\b",
            r"\b(onde|endereco|localizacao|fica|estacionamento|como chego)\b",
            r"\b(price|cost|how much|fee|fees|charge|pay|payment|insurance|accept|cover|covered|credit card|cash)\b",
            r"\b(precio|cuesta|cuanto|costo|tarifa|pagar|pago|seguro|obra social|aceptan|prepaga|tarjeta|efectivo)\b",
            r"\b(preco|custa|quanto|valor|pagar|pagamento|convenio|plano de saude|aceitam|aceita|cartao|dinheiro|pix)\b",
            r"\b(opening hours|open on|open at|are you open|what time do you (open|close)|hours of operation|office hours|close on)\b",
            r"\b(horario de atencion|a que hora (abren|cierran)|abren|cierran|estan abiertos)\b",
            r"\b(horario de funcionamento|que horas (abre|fecha|abrem|fecham)|abre|fecha aos|funcionam|atendem aos)\b",
            r"\b(bring|traer|levar|trazer|prepare|preparar|fast|fasting|ayuno|ayunas|jejum|documents|documentos|documentacao)\b",
            r"\b(do you (do|offer|have|treat|see)|hacen|atienden|fazem|voces atendem|ofrecen|oferecem)\b",
            r"\b(how long|cuanto dura|quanto tempo|duration|duracion|duracao)\b",
            r"\b(phone number|telefono|telefone|email|website|pagina web|site)\b",
            r"\b(covid|vaccin\w*|vacunas?|vacinas?|results?|resultados?|recetas?|prescriptions?|receitas?|certificates?|certificados?|atestados?)\b",
            r"\b(que horas|what time|a que hora)\b.{0,20}\b(abrem|abre|fecham|open|close|abren|cierran)\b",
        ],
    ),
    (
        Intent.GREETING,
        0.9,
        [
            r"^(hi|hello|hey|heya|hiya|howdy|good (morning|afternoon|evening|day)|hola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|oi|ola|opa|bom dia|boa tarde|boa noite|e ai|alo|hallo|yo)\b(?!.*\b(book|appointment|cita|consulta|cancel|reschedul|remarc|agend|marc|turno)\w*)",
        ],
    ),
    (
        Intent.GOODBYE,
        0.9,
        [
            r"^(thanks|thank you|thank u|thx|ty|cheers|bye|goodbye|see you|see ya|have a (good|nice) (day|one)|gracias|muchas gracias|mil gracias|chau|chao|adios|hasta luego|hasta pronto|nos vemos|obrigad[oa]|muito obrigad[oa]|valeu|tchau|ate logo|ate mais|falou|brigad[oa])\b(?!.*\b(but|pero|mas|porem|book|cita|consulta|cancel)\b)",
            r"\b(bye|goodbye|see you( then| soon)?|tchau|chau|adios|hasta luego|ate logo)\s*$",
            r"^(\w+ )?(thanks|thank you|thx|ty|gracias|obrigad[oa]|valeu|brigad[oa])( a lot| so much| very much| mil| muito)?$",
            r"\b(that s all|thats all|nothing else|eso es todo|nada mas|e so isso|so isso|era isso|ya esta|listo gracias|that will be all)\b",
        ],
    ),
    (
        Intent.AFFIRM,
        0.95,
        [
            r"^(yes|yeah|yep|yup|ya|yas|sure|ok|okay|okey|okk|k|alright|all right|correct|right|exactly|perfect|great|sounds good|that works|works for me|confirm|confirmed|go ahead|do it|please do|absolutely|definitely|of course|that s right|thats right|si|sip|sii|claro|vale|dale|perfecto|correcto|exacto|de acuerdo|esta bien|confirmo|confirmado|por supuesto|sim|isso|isso mesmo|certo|pode ser|pode|beleza|blz|fechado|combinado|perfeito|exato|com certeza|claro que sim|confirmo|ta bom|ta|uhum|aham|s)\b(?!.*\b(but|pero|mas|porem|cancel|change|cambiar|mudar)\b)",
        ],
    ),
    (
        Intent.DENY,
        0.95,
        [
            r"^(no|nope|nah|not really|no thanks|no thank you|negative|wrong|incorrect|not that|don t|dont|neither|none|no gracias|para nada|incorrecto|ninguno|ninguna|nao|nao obrigad[oa]|negativo|errado|nenhum|nenhuma|n)\b(?!.*\b(book|appointment|cita|consulta|agend|cancel|reschedul|remarc|cambiar|mudar|quiero|quero|want)\w*)",
            r"^(that s not|thats not|eso no|no es|nao e|nao era) ",
        ],
    ),
]

INTENT_RULES: tuple[IntentRule, ...] = tuple(
    IntentRule(f"intent.{intent.value}.{i}", intent, re.compile(pattern), confidence)
    for intent, confidence, patterns in _RAW_INTENTS
    for i, pattern in enumerate(patterns, start=1)
)
_PRIORITY = [
    Intent.HUMAN,
    Intent.RESCHEDULE,
    Intent.CANCEL,
    Intent.AVAILABILITY,
    Intent.BOOK,
    Intent.FAQ,
]
_SOCIAL = [Intent.GOODBYE, Intent.AFFIRM, Intent.DENY, Intent.GREETING]
_WANT = re.compile(
    r"\b(need|want|would like|d like|looking for|quiero|quisiera|necesito|necesita|busco|quero|queria|"
    r"gostaria|preciso|precisa|procuro|llevar|levar|vea|ver|see)\b"
)
_EXPLICIT_BOOKING = re.compile(
    r"\b(book|booking|schedule|agend\w*|marc\w*|reserv\w*|pedir|sacar|make (me )?an appointment)\b"
)
_QUESTION = re.compile(
    r"\?|^(do|does|is|are|can|how|what|where|when|which|que|qual|quanto|cuanto|donde|onde|como|preciso|tengo que|hay que|se puede|aceptan|aceitam)\b"
)
_EMOJI = {
    "👍": " yes ",
    "👌": " ok ",
    "✅": " yes ",
    "🙆": " yes ",
    "👎": " no ",
    "❌": " no ",
    "🙅": " no ",
}
# Common misspellings of the words intents hang on; longer words are corrected by edit distance.
_TYPOS = {
    "kiero": "quiero",
    "qiero": "quiero",
    "kero": "quero",
    "qero": "quero",
    "sita": "cita",
    "zita": "cita",
    "kancelar": "cancelar",
    "kansel": "cancel",
    "apointment": "appointment",
    "appt": "appointment",
    "resched": "reschedule",
    "pls": "please",
    "plz": "please",
    "q": "que",
    "vc": "voce",
    "vcs": "voces",
    "pq": "porque",
    "tb": "tambem",
    "tbm": "tambem",
    "hj": "hoje",
    "amn": "amanha",
}
# Short words ("quiero", "preciso", "marcar") are left to _TYPOS: one edit away from them
# lie real words of the other languages ("precio").
_KEYWORDS = [
    "appointment",
    "reschedule",
    "cancel",
    "schedule",
    "available",
    "availability",
    "consultation",
    "consulta",
    "cancelar",
    "remarcar",
    "reagendar",
    "reprogramar",
    "disponible",
    "disponivel",
    "disponibilidad",
    "horario",
    "quisiera",
    "gostaria",
    "necesito",
    "receptionist",
    "recepcion",
    "atendente",
]
_OFF_TOPIC = re.compile(
    r"\b(car|oil change|flights?|hotel|restaurant|table for|a table|the table|tee time|golf|boat|place to stay|conference room|"
    r"reservation for \d+\b(?!\s*(?:am|pm|:|o clock|in the))|reservation for \w+ at\b|reservation at [a-z]+|subscription|money|401k|credit (limit|card)|talking voice|your name|input|that request|"
    r"the task|whisper|flat tire|insurance plan|haircut|hair salon|uber|taxi|pizza|bank|credit score|song|movie|weather|recipe|"
    r"coche|vuelo|peluqueria|restaurante|mesa para|carro|voo|cabeleireiro|mecanico|mechanic|dinner|cena|jantar|meeting|reunion|reuniao)\b"
)
_MEDICAL_WORDS = re.compile(
    r"\b(doctor|dr|dra|medic|clinic|clinica|dentist|dentista|doutor|doutora|médico)\b"
)


def _button(payload: str) -> Understanding | None:
    key = fold(payload).replace(" ", "_")
    if not key:
        return None
    if m := re.fullmatch(r"(?:option|slot|opt)_?(\d{1,2})", key):
        return Understanding(
            Intent.CHOOSE_OPTION,
            1.0,
            "",
            Entities(option=int(m.group(1))),
            rule_ids=["button.option"],
        )
    if key in ("yes", "confirm", "si", "sim", "ok"):
        return Understanding(Intent.AFFIRM, 1.0, "", Entities(yes_no=True), rule_ids=["button.yes"])
    if key in ("no", "nao", "deny", "decline"):
        return Understanding(Intent.DENY, 1.0, "", Entities(yes_no=False), rule_ids=["button.no"])
    intent_name = key.removeprefix("intent_")
    if intent_name in Intent._value2member_map_:
        return Understanding(Intent(intent_name), 1.0, "", rule_ids=["button.intent"])
    return None


def understand_local(
    text: str,
    *,
    directory: ClinicDirectory,
    now: datetime,
    language: str,
    button_payload: str = "",
    expecting: str | None = None,
) -> Understanding:
    """Rules and dictionaries; pure and fast. The caller has already run the emergency rules."""
    if button_payload and (tapped := _button(button_payload)):
        tapped.language = language
        return tapped
    for emoji, word in _EMOJI.items():
        text = text.replace(emoji, word)
    folded = _correct_typos(fold(text))
    entities = _entities(text, folded, directory=directory, now=now, language=language, expecting=expecting)
    matched = [rule for rule in INTENT_RULES if rule.pattern.search(folded)]
    if not matched:
        # "oii", "bom diaa", "graciasss": squeeze repeated letters and try again.
        squeezed = " ".join(
            re.sub(r"(\w)\1+", r"\1", token) if len(set(token)) > 1 else token for token in folded.split()
        )
        matched = [rule for rule in INTENT_RULES if rule.pattern.search(squeezed)]
    rule_ids = [rule.rule_id for rule in matched]
    by_intent: dict[Intent, float] = {}
    for rule in matched:
        by_intent[rule.intent] = max(by_intent.get(rule.intent, 0.0), rule.confidence)
    asks_about = Intent.FAQ in by_intent and _QUESTION.search(folded + ("?" if "?" in text else ""))
    if asks_about and not _EXPLICIT_BOOKING.search(folded):
        # "How much is a consultation?" asks about booking; it does not book.
        by_intent.pop(Intent.BOOK, None)
        by_intent[Intent.FAQ] = 0.88

    if by_intent.get(Intent.BOOK, 0) >= 0.85 and _EXPLICIT_BOOKING.search(folded):
        # "Book me a dentist on the 8th; anything at 2:15?" asks in order to book.
        by_intent.pop(Intent.AVAILABILITY, None)
    intent, confidence = _decide(folded, by_intent, entities, expecting)
    if (
        intent in (Intent.BOOK, Intent.AVAILABILITY, Intent.RESCHEDULE, Intent.CANCEL)
        and _OFF_TOPIC.search(folded)
        and not _MEDICAL_WORDS.search(folded)
    ):
        intent, confidence = Intent.UNKNOWN, 0.6
        rule_ids.append("scope.off_topic")
    if intent is Intent.AFFIRM:
        entities.yes_no = True
    elif intent is Intent.DENY:
        entities.yes_no = False
    return Understanding(intent, confidence, language, entities, engine="local", rule_ids=rule_ids)


def _decide(
    folded: str, by_intent: dict[Intent, float], entities: Entities, expecting: str | None
) -> tuple[Intent, float]:
    if expecting == "yes_no":
        for social in (Intent.AFFIRM, Intent.DENY):
            if social in by_intent:
                return social, 0.97
    if expecting == "option" and (entities.option is not None or entities.option_time is not None):
        return Intent.CHOOSE_OPTION, 0.97
    if expecting == "booking" and (mid_booking := _mid_booking(folded, by_intent, entities)):
        return mid_booking, 0.9
    wants_someone = bool(entities.specialty or entities.practitioner_ids) and _WANT.search(folded)
    strong = [i for i in _PRIORITY if by_intent.get(i, 0) >= 0.85 and i is not Intent.FAQ]
    if wants_someone and not strong:
        # "Preciso de um dermatologista": a need plus a who is a booking.
        return Intent.BOOK, 0.88
    for intent in _PRIORITY:
        if intent in by_intent and by_intent[intent] >= 0.85:
            # "No, I want to cancel" is a cancel, not a deny; a booking verb beats a bare greeting.
            return intent, by_intent[intent]
    if entities.option is not None and len(folded.split()) <= 6:
        return Intent.CHOOSE_OPTION, 0.9
    if entities.option_time is not None and expecting in (None, "option") and len(folded.split()) <= 5:
        return Intent.CHOOSE_OPTION, 0.85
    for intent in _SOCIAL:
        if intent in by_intent:
            return intent, by_intent[intent]
    for intent in _PRIORITY:
        if intent in by_intent:
            return intent, by_intent[intent]
    has_info = any(
        [
            entities.when,
            entities.practitioner_ids,
            entities.specialty,
            entities.appointment_type_code,
            entities.full_name,
            entities.date_of_birth,
            entities.period,
        ]
    )
    only_when = entities.when is not None and not any(
        [
            entities.practitioner_ids,
            entities.specialty,
            entities.appointment_type_code,
            entities.full_name,
            entities.date_of_birth,
        ]
    )
    vague_day = (
        entities.when is not None and entities.when.granularity == "day" and not re.search(r"\d", folded)
    )
    if only_when and not expecting and (entities.when.past or (vague_day and len(folded.split()) > 5)):
        # "Who won the match yesterday?" carries a date but gives us nothing to book with.
        return Intent.UNKNOWN, 0.4
    if has_info:
        return Intent.GIVE_INFO, 0.8 if expecting else 0.7
    return Intent.UNKNOWN, 0.3


# Said while a booking is under way (the bot offered a practitioner or a slot, or the slot
# was taken): taking the offer, asking for a time, or trying again continues the booking.
_ACCEPT = re.compile(
    r"\b(sounds? (good|great|fine|perfect|nice|ok)|looks? (good|great|fine)|(that|this|it) (will|would|should) "
    r"(do|work)|(this|that) one|i accept|go with|let s go|i (like|want|ll take) (him|her|them|this|that)|"
    r"(visit|see|meet|go to) (them|him|her|this|that|there)|go there|proceed|that s (fine|good|great|perfect)|"
    r"that is (fine|good|great|perfect)|(fine|good|great|perfect) for me|works for me|me sirve|me parece bien|"
    r"(ese|esa|esse|essa) (mismo|misma|mesmo|mesma)|pode ser|quiero (ese|esa|a ese|a esa)|"
    r"quero (esse|essa|ele|ela)|gostei (dele|dela|desse|dessa)|try (again|for|at)|intenta|tenta)\b"
)
# A real change of an existing appointment, as opposed to "try another time" mid-booking.
_RESCHEDULE_VERB = re.compile(
    r"\b(re ?schedul\w*|reprogram\w*|remarc\w*|reagend\w*|postpone|posponer|postergar|adiar|my appointment|"
    r"mi cita|minha consulta|existing)\b"
)
_ALTERNATIVES = re.compile(
    r"\b(other|another|different|else|more options|otro|otra|otros|otras|outro|outra|outros|outras|mas opciones|"
    r"mais opcoes)\b"
)
# Questions about the one offered ("what's their address?") and closings ("thanks, that's all").
_ASKS_DETAILS = re.compile(
    r"\b(address|phone|number|rating|ratings|reviews?|contact|where are they|where is it|direccion|telefono|"
    r"endereco|telefone|numero)\b"
)
_CLOSING = re.compile(
    r"\b(thank|thanks|thx|gracias|obrigad[oa]|that s all|that is all|that was all|that s everything|"
    r"no problem|no worries|never mind|nevermind|eso es todo|nada mas|e so isso|deixa pra la|olvidalo)\b"
)


def _mid_booking(folded: str, by_intent: dict[Intent, float], entities: Entities) -> Intent | None:
    """With expecting="booking" (the bot offered a practitioner or a slot, or the slot was
    taken): BOOK when the message takes the offer, names a time or tries again; AVAILABILITY
    when it asks for other offers; None to decide as usual."""
    if any(i in by_intent for i in (Intent.HUMAN, Intent.CANCEL, Intent.DENY, Intent.GOODBYE)):
        return None
    if Intent.RESCHEDULE in by_intent and _RESCHEDULE_VERB.search(folded):
        return None
    has_when = entities.when is not None or entities.period is not None
    if not has_when and (_CLOSING.search(folded) or _ASKS_DETAILS.search(folded)):
        return None
    if _ALTERNATIVES.search(folded) and not has_when and Intent.RESCHEDULE not in by_intent:
        return Intent.AVAILABILITY  # "find me another dentist" asks for other offers
    if Intent.AFFIRM in by_intent or Intent.RESCHEDULE in by_intent or _ACCEPT.search(folded):
        return Intent.BOOK
    if by_intent.get(Intent.BOOK, 0) >= 0.85:
        return Intent.BOOK
    if has_when and not (set(by_intent) - {Intent.AVAILABILITY, Intent.BOOK, Intent.FAQ}):
        return Intent.BOOK
    return None


def _correct_typos(folded: str) -> str:
    return " ".join(_correct(token) for token in folded.split())


@lru_cache(maxsize=8192)
def _correct(token: str) -> str:
    if token in _TYPOS:
        return _TYPOS[token]
    if len(token) < 6 or token in _KEYWORDS:
        return token
    for word in _KEYWORDS:
        if token.startswith(word) or word.startswith(token):
            continue  # an inflection ("horarios", "cancelled"), not a typo
        if abs(len(word) - len(token)) <= 1 and OSA.distance(token, word, score_cutoff=1) <= 1:
            return word
    return token


def _entities(
    text: str,
    folded: str,
    *,
    directory: ClinicDirectory,
    now: datetime,
    language: str,
    expecting: str | None,
) -> Entities:
    entities = Entities()
    # None: the bot asked for something else (a date, a name), so bare numbers are not options.
    expecting_option = (
        None if expecting in ("date", "time", "name", "date_of_birth") else expecting == "option"
    )
    entities.option = ent.option_choice(text, expecting_option=expecting_option)
    short = len(folded.split()) <= 5
    entities.option_time = (
        ent.option_time(text, bare=expecting_option is True)
        if entities.option is None and (short or expecting_option)
        else None
    )
    if entities.option is None and entities.option_time is None:
        when = resolve(text, language=language, now=now, zone=directory.time_zone)
        if when is not None:
            entities.when = when
            entities.period = when.period
    entities.practitioner_ids = ent.practitioner_match(text, directory)
    entities.specialty = ent.specialty_match(text, directory)
    entities.appointment_type_code = ent.appointment_type_match(text, directory.appointment_types)
    entities.full_name = ent.full_name(text, expecting_name=expecting == "name")
    if expecting == "date_of_birth" or re.search(
        r"\b(born|birth|nacimiento|naci|nasci|nascimento|dob)\b", folded
    ):
        entities.date_of_birth = ent.date_of_birth(text, language=language, today=now.date())
    elif entities.when and entities.when.past and re.search(r"\b(19|20)\d\d\b", folded):
        # A full date with a year long gone is a birth date, not an appointment.
        entities.date_of_birth = ent.date_of_birth(text, language=language, today=now.date())
    if entities.date_of_birth is not None:
        entities.when = None
    return entities
