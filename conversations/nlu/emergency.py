"""Emergency guardrail: runs on every message before any understanding engine.

Rules are regular expressions over *folded* text (lower case, no accents, single spaces),
so "DOR NO PEITO", "dor no peito" and "dôr no peito" all match. Each rule has an id and the
list a version, both recorded in the EMERGENCY_DETECTED trace. Clinics add their own
phrases through `extra_phrases` (plain words, folded the same way).

When in doubt the guardrail escalates: a false alarm costs a receptionist a minute, a
missed emergency costs far more. Routine requests that merely mention an organ or a
specialty ("a cardiology check-up") do not match, because every rule needs a symptom word.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

RULES_VERSION = "2026.11.1"


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


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", stripped).split())


_W = r"(?:\w+ ){0,3}"  # up to three filler words between the parts of a phrase

_RAW_RULES: dict[str, dict[str, list[str]]] = {
    "chest_pain": {
        "en": [
            rf"\b(chest|heart) {_W}(pain|hurts?|pressure|tightness)",
            rf"\bpain {_W}(in|on) (my )?chest",
            r"\bheart attack",
            r"\bcrushing (pain|feeling)",
        ],
        "es": [
            rf"\bdolor {_W}(de |en el )?pecho",
            rf"\bpecho {_W}(duele|oprim|aprieta)",
            r"\binfarto",
            r"\bataque (al|de) corazon",
            r"\bopresion en el pecho",
        ],
        "pt": [
            rf"\bdor {_W}(no |de )?peito",
            rf"\bpeito {_W}(doendo|doi|aperta|apertado)",
            r"\binfarto",
            r"\bataque cardiaco",
            r"\baperto no peito",
        ],
    },
    "breathing": {
        "en": [
            r"\b(can ?t|cannot|can not|unable to|hard to|struggling to) (breathe|breath)",
            r"\bnot breathing",
            r"\bshort(ness)? of breath",
            r"\bchoking",
            r"\bsuffocat",
        ],
        "es": [
            r"\bno (puedo|puede) respirar",
            r"\bno respira",
            r"\bme ahogo",
            r"\bse ahoga",
            r"\bfalta (de )?(aire|respiracion)",
            r"\bdificultad (para|al) respirar",
            r"\basfixi",
        ],
        "pt": [
            r"\bnao (consigo|consegue) respirar",
            r"\bnao (esta )?respira",
            r"\bfalta de ar",
            r"\bsufocando",
            r"\bme afogando",
            r"\bdificuldade (para|de|pra) respirar",
            r"\bengasgad",
        ],
    },
    "stroke": {
        "en": [
            r"\bstroke\b",
            rf"\b(face|mouth) {_W}droop",
            r"\bslurred speech",
            r"\bcan ?t (speak|talk|move)",
            rf"\bnumb {_W}(one|left|right) side",
            r"\b(one|left|right) side {_W}(numb|weak|paralyz)",
        ],
        "es": [
            r"\bderrame cerebral",
            r"\bictus\b",
            r"\bboca torcida",
            r"\bcara (torcida|caida)",
            r"\bno (puede|puedo) hablar",
            rf"\b(lado|mitad) del cuerpo {_W}(dormid|paraliz)",
        ],
        "pt": [
            r"\bavc\b",
            r"\bderrame\b",
            r"\bboca torta",
            r"\brosto (torto|caido)",
            r"\bnao (consegue|consigo) (falar|mexer)",
            r"\bfala enrolada",
            rf"\blado do corpo {_W}(dormente|paralisad)",
        ],
    },
    "bleeding": {
        "en": [
            rf"\b(bleeding|blood) {_W}(heavily|a lot|won ?t stop|wont stop|everywhere|badly)",
            r"\b(heavy|severe|lots of|uncontrolled) (bleeding|blood)",
            r"\bhemorrhag",
            r"\bvomiting blood",
            r"\bcoughing (up )?blood",
        ],
        "es": [
            rf"\bsangr\w* {_W}(mucho|sin parar|no para)",
            r"\bhemorragia",
            r"\bvomit\w* sangre",
            r"\bmucha sangre",
        ],
        "pt": [
            rf"\bsangr\w* {_W}(muito|sem parar|nao para)",
            r"\bhemorragia",
            r"\bvomit\w* sangue",
            r"\bmuito sangue",
        ],
    },
    "unconscious": {
        "en": [
            r"\b(unconscious|unresponsive|passed out|fainted|collapsed)\b",
            r"\bwon ?t wake up",
            r"\bnot waking up",
            r"\bseizure",
            r"\bconvuls",
        ],
        "es": [
            r"\binconsciente",
            r"\bse desmayo",
            r"\bdesmayad",
            r"\bno despierta",
            r"\bconvulsi",
            r"\bperdio el conocimiento",
        ],
        "pt": [
            r"\binconsciente",
            r"\bdesmai",
            r"\bnao acorda",
            r"\bconvuls",
            r"\bperdeu a consciencia",
        ],
    },
    "anaphylaxis": {
        "en": [
            rf"\b(throat|tongue|lips?|face) {_W}(swell|swollen|closing)",
            r"\banaphyla",
            r"\bsevere allergic reaction",
            rf"\ballergic reaction {_W}(breath|swell)",
        ],
        "es": [
            rf"\b(garganta|lengua|labios?|cara) {_W}(hinch|cerrando)",
            r"\banafila",
            r"\breaccion alergica (grave|severa|fuerte)",
        ],
        "pt": [
            rf"\b(garganta|lingua|labios?|rosto) {_W}(inchad|inchand|fechando)",
            r"\banafila",
            r"\breacao alergica (grave|severa|forte)",
        ],
    },
    "poisoning": {
        "en": [r"\boverdose", r"\bpoison", r"\bswallowed (bleach|pills)"],
        "es": [r"\bsobredosis", r"\benvenen", r"\bintoxica"],
        "pt": [r"\boverdose", r"\benvenen", r"\bintoxica"],
    },
    "suicidal": {
        "en": [
            r"\b(kill|hurt|harm) myself",
            r"\bsuicid",
            r"\bend (my|it all)\b",
            r"\bwant to die",
            r"\bdon ?t want to (live|be alive)",
            r"\bself harm",
        ],
        "es": [
            r"\bsuicid",
            r"\bmatarme",
            r"\bquitarme la vida",
            r"\bquiero morir",
            r"\bno quiero vivir",
            r"\bhacerme dano",
        ],
        "pt": [
            r"\bsuicid",
            r"\bme matar",
            r"\btirar (a )?minha (propria )?vida",
            r"\bquero morrer",
            r"\bnao quero (mais )?viver",
            r"\bme machucar",
        ],
    },
}

RULES: tuple[EmergencyRule, ...] = tuple(
    EmergencyRule(f"{category}.{language}.{index}", category, language, re.compile(pattern))
    for category, by_language in _RAW_RULES.items()
    for language, patterns in by_language.items()
    for index, pattern in enumerate(patterns, start=1)
)

LANGUAGE_CODES = {"en": "en", "es": "es", "pt": "pt-BR"}


def emergency_detect(text: str, *, extra_phrases: Iterable[str] = ()) -> EmergencyMatch | None:
    """Return the first emergency rule the text matches, or None. Pure and fast."""
    folded = fold(text)
    if not folded:
        return None
    for rule in RULES:
        if rule.pattern.search(folded):
            return EmergencyMatch(rule.rule_id, rule.category, LANGUAGE_CODES[rule.language])
    for index, phrase in enumerate(extra_phrases, start=1):
        folded_phrase = fold(phrase)
        if folded_phrase and re.search(rf"\b{re.escape(folded_phrase)}\b", folded):
            return EmergencyMatch(f"clinic.{index}", "clinic_phrase", "")
    return None
