"""Emergency guardrail: runs on every message before any understanding engine, and again on
what a model returned.

Rules are regular expressions over *folded* text (lower case, no accents, single spaces),
so "DOR NO PEITO", "dor no peito" and "dôr no peito" all match. Before matching, words one
typo away from a symptom word are corrected ("brethe" -> "breathe", "pehco" -> "pecho"),
and concept pairs catch any word order ("peito ... dor", "swollen throat"). Each rule has
an id and the list a version, both recorded in the EMERGENCY_DETECTED trace. Clinics add
their own phrases through `extra_phrases` (plain words, folded the same way).

When in doubt the guardrail escalates: a false alarm costs a receptionist a minute, a
missed emergency costs far more. Routine requests that merely mention an organ or a
specialty ("a cardiology check-up") do not match, because every rule needs a symptom word.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from conversations.understanding.text import fold

RULES_VERSION = "2026.11.2"


@dataclass(frozen=True)
class EmergencyRule:
    rule_id: str
    category: str
    language: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class EmergencyMatch:
    rule_id: str
    category: str
    language: str
    version: str = RULES_VERSION


_W = r"(?:\w+ ){0,3}"  # up to three filler words between the parts of a phrase

_RAW_RULES: dict[str, dict[str, list[str]]] = {
    "chest_pain": {
        "en": [
            rf"\b(chest|heart) {_W}(pain|hurts?|hurting|pressure|tightness|tight|squeez)",
            rf"\bpain {_W}(in|on|across) (my |his |her )?chest",
            r"\bheart attack",
            r"\bcrushing (pain|feeling)",
            r"\bpain {_W}(left|down my) arm {_W}(chest|sweat)",
        ],
        "es": [
            rf"\bdolor {_W}(de |en el |del )?pecho",
            rf"\bpecho {_W}(duele|dolor|oprim|aprieta|apretado)",
            r"\binfarto",
            r"\bataque (al|de) corazon",
            r"\bopresion en el pecho",
            r"\bme duele el corazon",
        ],
        "pt": [
            rf"\bdor {_W}(no |de |do )?peito",
            rf"\bpeito {_W}(doendo|doi|dor|aperta|apertado)",
            r"\binfarto",
            r"\bataque cardiaco",
            r"\baperto no peito",
            r"\bataque do coracao",
        ],
    },
    "breathing": {
        "en": [
            r"\b(can ?t|cannot|can not|unable to|hard to|struggling to|trouble|difficulty|could not|couldn ?t) (to )?(breathe|breath|breathing)",
            r"\bnot breathing",
            r"\bstopped breathing",
            r"\bshort(ness)? of breath",
            r"\bchoking",
            r"\bsuffocat",
            r"\bgasping",
            r"\bturning blue",
            r"\b(lips|face) (are |is )?(turning )?blue",
            r"\bbarely breath",
        ],
        "es": [
            r"\bno (puedo|puede|podia|logro) respirar",
            r"\bno respira",
            r"\bme ahogo",
            r"\bse ahoga",
            r"\bse esta ahogando",
            r"\bfalta (de )?(aire|respiracion)",
            r"\bdificultad (para|al) respirar",
            r"\basfixi",
            r"\bme falta el aire",
            r"\blabios (morados|azules)",
            r"\bse (puso|pone|esta poniendo) (morado|azul)",
        ],
        "pt": [
            r"\bnao (consigo|consegue|conseguia) respirar",
            r"\bnao (esta )?respira",
            r"\bfalta de ar",
            r"\bsufoca",
            r"\bme afogando",
            r"\bdificuldade (para|de|pra) respirar",
            r"\bengasgad",
            r"\bficando (roxo|roxa|azul)",
            r"\blabios roxos",
            r"\bsem ar\b",
        ],
    },
    "stroke": {
        "en": [
            r"\bstroke\b(?! (rehab|recovery|survivor|prevention|risk|clinic|unit|of luck))",
            rf"\b(face|mouth|smile) {_W}droop",
            r"\bslurred speech",
            r"\bslurring",
            r"\b(can ?t|cannot) (speak|talk|move|feel) (properly|my (arm|leg|face))",
            r"\b(can ?t|cannot) (speak|talk) (properly|right)",
            rf"\bnumb\w* {_W}(one|left|right) side",
            r"\b(one|left|right) side {_W}(numb|weak|paralyz)",
            r"\bsudden (numbness|weakness|confusion)",
        ],
        "es": [
            r"\bderrame cerebral",
            r"\bictus\b",
            r"\b(boca|cara) (torcida|caida|chueca)",
            r"\bno (puede|puedo) hablar bien",
            r"\bno (puede|puedo) mover (el|la|un|una|medio)",
            rf"\b(lado|mitad) del cuerpo {_W}(dormid|paraliz)",
            r"\bhabla (rara|arrastrada|trabada)",
            r"\baccidente cerebro",
        ],
        "pt": [
            r"\bavc\b",
            r"\bderrame\b",
            r"\b(boca|rosto) (torta|torto|caido|caida)",
            r"\bnao (consegue|consigo) (falar|mexer)",
            r"\bfala (enrolada|arrastada)",
            rf"\blado do corpo {_W}(dormente|paralisad)",
            r"\bformigamento (em|de) (um|metade)",
        ],
    },
    "bleeding": {
        "en": [
            rf"\b(bleeding|blood|bleeds?) {_W}(heavily|a lot|won ?t stop|wont stop|will not stop|everywhere|badly|nonstop|non stop|isn ?t stopping)",
            r"\b(heavy|severe|lots of|uncontrolled|massive|profuse) (bleeding|blood)",
            r"\bhemorrhag|\bhaemorrhag",
            r"\bvomiting blood",
            r"\bcoughing (up )?blood",
            r"\bcan ?t stop (the )?bleeding",
            r"\bsoaked in blood",
        ],
        "es": [
            rf"\bsangr\w* {_W}(mucho|sin parar|no para|demasiado|muchisimo|a chorros)",
            r"\bhemorragia",
            r"\bvomit\w* sangre",
            r"\bmucha sangre",
            r"\bno (para|deja) de sangrar",
            r"\btos con sangre",
        ],
        "pt": [
            rf"\bsangr\w* {_W}(muito|sem parar|nao para|demais|muitissimo)",
            r"\bhemorragia",
            r"\bvomit\w* sangue",
            r"\bmuito sangue",
            r"\bnao para de sangrar",
            r"\btossindo sangue",
        ],
    },
    "unconscious": {
        "en": [
            r"\b(unconscious|unresponsive|passed out|fainted|collapsed)\b",
            r"\bwon ?t wake up",
            r"\bnot waking up",
            r"\bseizure",
            r"\bconvuls",
            r"\bnot responding\b",
            r"\bblacked out",
        ],
        "es": [
            r"\binconsciente",
            r"\bse desmayo",
            r"\bdesmayad",
            r"\bno despierta",
            r"\bconvulsi",
            r"\bperdio el conocimiento",
            r"\bno responde\b",
            r"\bse desvanecio",
        ],
        "pt": [
            r"\binconsciente",
            r"\bdesmai",
            r"\bnao acorda",
            r"\bconvuls",
            r"\bperdeu a consciencia",
            r"\bnao responde\b",
            r"\bapagou e nao",
        ],
    },
    "anaphylaxis": {
        "en": [
            rf"\b(throat|tongue|lips?|face) {_W}(swell|swollen|closing)",
            r"\banaphyla",
            r"\bsevere allergic reaction",
            rf"\ballergic reaction {_W}(breath|swell)",
            r"\bepi ?pen",
            r"\b(throat|airway) (is )?closing",
        ],
        "es": [
            rf"\b(garganta|lengua|labios?|cara) {_W}(hinch|cerrando)",
            r"\banafila",
            r"\breaccion alergica (grave|severa|fuerte)",
            r"\bse me cierra la garganta",
        ],
        "pt": [
            rf"\b(garganta|lingua|labios?|rosto) {_W}(inchad|inchand|fechando)",
            r"\banafila",
            r"\breacao alergica (grave|severa|forte)",
            r"\bgarganta fechando",
        ],
    },
    "poisoning": {
        "en": [
            r"\boverdose",
            r"\bpoison",
            r"\b(swallowed|drank|ate) (?:a bunch of |a lot of |lots of |too many |many |all (?:of )?(?:my |the |his |her )?|a whole (?:bottle|pack|box) of |some of (?:my |the |his |her )|(?:my|his|her|the) )?(bleach|pills|poison|batter(y|ies)|detergent|tablets|meds|medication|medicine|sleeping pills|rat poison)",
            r"\b(took|taken|has taken) (too many|a lot of|lots of|a bunch of|all (of )?(my|the|his|her)|a whole (bottle|pack|box) of) (pills|tablets|meds|medication|medicine)",
        ],
        "es": [
            r"\bsobredosis",
            r"\benvenen",
            r"\bintoxica",
            r"\b(tome|tomo|se tomo|trago|se trago) (muchas|demasiadas|todas las|un monton de|una caja de|un frasco de|varias) (pastillas|pildoras|medicinas|medicamentos|capsulas)",
            r"\btrago (lejia|cloro|veneno)",
        ],
        "pt": [
            r"\boverdose",
            r"\benvenen",
            r"\bintoxica",
            r"\b(tomei|tomou|engoli|engoliu) (muitos|muitas|todos os|todas as|um monte de|uma cartela de|uma caixa de|varios|varias) (remedios|comprimidos|pilulas|capsulas)",
            r"\bengoliu (agua sanitaria|veneno|cloro)",
        ],
    },
    "suicidal": {
        "en": [
            r"\b(kill|killing|hurt|hurting|harm|harming|cut|cutting) myself",
            r"\b(want|wanna|going|gonna|feel like|thinking (about|of)) (to )?(die|dying|end it)\b",
            r"\bsuicid",
            r"\bend(ing)? (my (own )?life|it all)\b",
            r"\bending it\b",
            r"\bwant to die",
            r"\bwanna die",
            r"\bdon ?t want to (live|be alive|be here)",
            r"\bself harm",
            r"\bbetter off dead",
            r"\bno reason to live",
            r"\bnot worth living",
            r"\btake my (own )?life",
        ],
        "es": [
            r"\bsuicid",
            r"\bmatarme",
            r"\bme (quiero|voy a) matar",
            r"\bme mato\b",
            r"\bquitarme la vida",
            r"\bquiero morir",
            r"\bno quiero (seguir )?vivir",
            r"\bhacerme dano",
            r"\bcortarme",
            r"\bacabar con (todo|mi vida)",
            r"\bmejor (estaria )?muert",
            r"\bno vale la pena vivir",
        ],
        "pt": [
            r"\bsuicid",
            r"\bme matar",
            r"\bme mato\b",
            r"\btirar (a )?minha (propria )?vida",
            r"\bquero morrer",
            r"\bnao quero (mais )?viver",
            r"\bme machucar",
            r"\bme cortar",
            r"\bacabar com (tudo|a minha vida|minha vida)",
            r"\bmelhor (estaria )?mort",
            r"\bsumir (para|pra) sempre",
        ],
    },
}

# Concept pairs: both parts anywhere in the message, in either order ("peito ... dor").
_PAIRS: dict[str, dict[str, tuple[str, str]]] = {
    "chest_pain": {
        "en": (r"\bchest\b", r"\b(pain|hurts?|hurting|pressure|tight)"),
        "es": (r"\bpecho\b", r"\b(dolor|duele|oprim|aprieta)"),
        "pt": (r"\bpeito\b", r"\b(dor|doi|doendo|aperto|apertad)"),
    },
    "anaphylaxis": {
        "en": (r"\b(throat|tongue|lips?)\b", r"\b(swell|swollen|closing)"),
        "es": (r"\b(garganta|lengua|labios?)\b", r"\b(hinch|cerrando)"),
        "pt": (r"\b(garganta|lingua|labios?)\b", r"\b(inchad|inchand|fechando)"),
    },
    "breathing": {
        "en": (r"\b(breathe|breathing|breath)\b", r"\b(can ?t|cannot|unable|struggling|hard)\b"),
        "es": (r"\brespirar\b", r"\b(no puedo|no puede|cuesta|dificil)\b"),
        "pt": (r"\brespirar\b", r"\b(nao consigo|nao consegue|dificil)\b"),
    },
}

# Words one typo away from these are corrected before matching.
_SYMPTOM_TEXT = """chest heart pain breathe breathing breath unconscious unresponsive fainted collapsed
    seizure bleeding blood heavily suicide suicidal myself overdose poison allergic swollen
    swelling throat tongue choking numbness slurred hemorrhage anaphylaxis
    pecho dolor respirar sangre sangrando hemorragia inconsciente desmayo desmayado convulsion infarto
    derrame suicidio matarme morir alergica hinchada hinchado garganta lengua ahogo asfixia sobredosis
    peito sangue sangrando desmaiou desmaiado convulsao inchada inchado lingua morrer engasgado
    sufocando envenenado"""
_SYMPTOM_WORDS = _SYMPTOM_TEXT.split()
_SYMPTOM_SET = frozenset(_SYMPTOM_WORDS)

RULES: tuple[EmergencyRule, ...] = tuple(
    EmergencyRule(f"{category}.{language}.{index}", category, language, re.compile(pattern))
    for category, by_language in _RAW_RULES.items()
    for language, patterns in by_language.items()
    for index, pattern in enumerate(patterns, start=1)
)
PAIR_RULES: tuple[tuple[str, str, str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (f"{category}.{language}.pair", category, language, re.compile(a), re.compile(b))
    for category, by_language in _PAIRS.items()
    for language, (a, b) in by_language.items()
)

LANGUAGE_CODES = {"en": "en", "es": "es", "pt": "pt-BR"}

CRISIS_COPY = {
    "en": "If you are thinking about ending your life or hurting yourself, you are not alone. "
    "Please call or text 988 (US and Canada) or your local emergency number right now.",
    "es": "Si estás pensando en quitarte la vida o hacerte daño, no estás solo/a. Llama ahora al "
    "024 (España), a la Línea de la Vida 800 911 2000 (México) o al número de emergencias local.",
    "pt-BR": "Se você está pensando em tirar a própria vida ou se machucar, você não está sozinho(a). "
    "Ligue agora para o CVV, 188 (gratuito, 24 horas), ou para o SAMU, 192.",
}


def crisis_copy(match: EmergencyMatch, language: str) -> str | None:
    """The crisis-line message to send with a suicidal-thoughts match, in the patient's language."""
    if match.category != "suicidal":
        return None
    return CRISIS_COPY.get(language) or CRISIS_COPY["en"]


# Real words one letter away from a symptom word: "strike that" is not a stroke.
_NOT_TYPOS_TEXT = (
    "strike stoke heard hears flood chess paint plain bread dolar peita cooking painted breeding "
    "pleading poisson color hecho techo lecho feito jeito leito perto morder"
)
_NOT_TYPOS = frozenset(_NOT_TYPOS_TEXT.split())


@lru_cache(maxsize=4096)
def _correct(token: str) -> str:
    if len(token) < 4 or token in _SYMPTOM_SET or token in _NOT_TYPOS:
        return token
    for word in _SYMPTOM_WORDS:
        if len(token) == 4:
            # Four letters only for swapped letters ("pian"); "paid" must not become "pain".
            if len(word) == 4 and sorted(word) == sorted(token) and OSA.distance(token, word) == 1:
                return word
        elif abs(len(word) - len(token)) <= 1 and OSA.distance(token, word, score_cutoff=1) <= 1:
            return word
    return token


# "I had chest pain last year, I'd like a check-up" is history, not an emergency, unless
# something says it is happening now.
_HISTORY = re.compile(
    r"\b(last (year|month|summer|winter)|years? ago|months? ago|history of|used to (have|get)|"
    r"el ano pasado|hace (un|una|unos|\d+|dos|tres) (anos?|mes|meses)|antecedentes?|"
    r"ano passado|anos? atras|meses atras|historico de|ja tive|"
    r"ha (um|uma|dois|duas|tres|\d+|alguns|algumas) (anos?|mes|meses))\b"
)
_ROUTINE = re.compile(
    r"\b(check ?up|follow ?up|appointment|book|cita|consulta|control|retorno|revision|revisao|agendar|marcar)\b"
)
_NOW = re.compile(
    r"\b(now|again|right now|today|ahora|otra vez|de nuevo|hoy|agora|de novo|hoje|still|todavia|ainda)\b"
)


def emergency_detect(text: str, *, extra_phrases: Iterable[str] = ()) -> EmergencyMatch | None:
    """Return the first emergency rule the text matches, or None. Pure and fast."""
    folded = fold(text)
    if not folded:
        return None
    corrected = " ".join(_correct(token) for token in folded.split())
    historic = bool(_HISTORY.search(folded) and _ROUTINE.search(folded) and not _NOW.search(folded))
    for candidate in dict.fromkeys((folded, corrected)):
        for rule in RULES:
            if rule.pattern.search(candidate) and not (historic and rule.category != "suicidal"):
                return EmergencyMatch(rule.rule_id, rule.category, LANGUAGE_CODES[rule.language])
        for rule_id, category, language, first, second in PAIR_RULES:
            if first.search(candidate) and second.search(candidate) and not historic:
                return EmergencyMatch(rule_id, category, LANGUAGE_CODES[language])
    for index, phrase in enumerate(extra_phrases, start=1):
        folded_phrase = fold(phrase)
        if folded_phrase and re.search(rf"\b{re.escape(folded_phrase)}\b", folded):
            return EmergencyMatch(f"clinic.{index}", "clinic_phrase", "")
    return None
