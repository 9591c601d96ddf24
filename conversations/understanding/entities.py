"""Entity extraction against the clinic's records: practitioners, specialties,
appointment types, option choices, names and dates of birth. Pure functions over folded text.
"""

import re
from datetime import time

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from conversations.understanding.dates import date_of_birth, normalize  # noqa: F401 (local.py)
from conversations.understanding.text import fold
from conversations.understanding.types import AppointmentTypeRef, ClinicDirectory, PractitionerRef

HONORIFICS = {
    "dr",
    "dra",
    "dr.",
    "doctor",
    "doctora",
    "doutor",
    "doutora",
    "doc",
    "medico",
    "medica",
    "prof",
    "professor",
    "professora",
    "sr",
    "sra",
    "senor",
    "senora",
    "senhor",
    "senhora",
    "mr",
    "mrs",
    "ms",
    "miss",
    "lic",
    "licenciada",
    "licenciado",
}
_STOP = {
    "a",
    "o",
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "da",
    "do",
    "com",
    "con",
    "with",
    "the",
    "and",
    "y",
    "e",
    "to",
    "for",
    "para",
    "por",
    "pra",
    "see",
    "ver",
    "quiero",
    "quero",
    "want",
    "i",
    "me",
    "my",
    "mi",
    "meu",
    "minha",
    "una",
    "uma",
    "um",
    "un",
    "an",
    "cita",
    "consulta",
    "appointment",
    "at",
    "on",
    "in",
    "en",
    "em",
    "no",
    "na",
    "is",
    "es",
    "am",
    "pm",
}

# Stems match every form in the three languages: "dermatolog" covers dermatology,
# dermatologist, dermatólogo and dermatologista.
SPECIALTY_STEMS: dict[str, tuple[str, ...]] = {
    "cardiology": ("cardiolog", "heart doctor", "corazon doctor"),
    "dermatology": ("dermatolog", "skin doctor", "medico de la piel", "medico de pele"),
    "pediatrics": ("pediatr", "paediatr", "children s doctor", "kids doctor"),
    "gynecology": ("ginecolog", "gynecolog", "gynaecolog", "obgyn", "ob gyn", "gyn"),
    "ophthalmology": ("oftalmolog", "ophthalmolog", "eye doctor", "oculist"),
    "otorhinolaryngology": ("otorrino", "ent specialist", "ear nose", "ent doctor"),
    "psychology": ("psicolog", "psycholog", "therapist", "terapeuta", "counselor", "counsellor"),
    "psychiatry": ("psiquiatr", "psychiatr"),
    "orthopedics": ("ortoped", "orthoped", "orthopaed", "traumatolog"),
    "dentistry": ("dentist", "dentista", "odontolog", "dental"),
    "nutrition": ("nutricionista", "nutritionist", "nutrolog", "dietitian", "dietista"),
    "neurology": ("neurolog",),
    "endocrinology": ("endocrin",),
    "urology": ("urolog",),
    "general_practice": (
        "general practi",
        "medico general",
        "medicina general",
        "clinico geral",
        "clinica general",
        "family doctor",
        "medico de familia",
        "gp",
        "clinico general",
    ),
}

_FIRST_VISIT = (
    "primera vez",
    "primera consulta",
    "primer consulta",
    "first visit",
    "first time",
    "first appointment",
    "new patient",
    "paciente nuevo",
    "paciente nueva",
    "primeira vez",
    "primeira consulta",
    "paciente novo",
    "paciente nova",
    "nueva consulta",
)
_FOLLOW_UP = (
    "retorno",
    "follow up",
    "followup",
    "follow-up",
    "seguimiento",
    "revision",
    "control",
    "check back",
    "revisao",
    "reconsulta",
    "consulta de retorno",
    "segunda consulta",
    "return visit",
)
_CHECKUP = ("check up", "checkup", "check-up", "chequeo", "annual exam", "exame de rotina")


def _name_variants(practitioner: PractitionerRef) -> list[str]:
    variants = [practitioner.name, *practitioner.aliases]
    out: list[str] = []
    for variant in variants:
        tokens = [t for t in fold(variant).split() if t not in HONORIFICS]
        if tokens:
            out.append(" ".join(tokens))
            out.extend(t for t in tokens if len(t) >= 3)
    return list(dict.fromkeys(out))


def practitioner_match(text: str, directory: ClinicDirectory) -> list[int]:
    """Ids of practitioners the text names; honorifics, accents, case and small typos ignored."""
    tokens = fold(text).split()
    if not tokens or not directory.practitioners:
        return []
    honorific_next = {i + 1 for i, t in enumerate(tokens) if t in HONORIFICS}
    scored: dict[int, float] = {}
    for practitioner in directory.practitioners:
        best = 0.0
        for variant in _name_variants(practitioner):
            width = len(variant.split())
            for i in range(len(tokens) - width + 1):
                window = tokens[i : i + width]
                if width == 1 and window[0] in _STOP:
                    continue
                candidate = " ".join(window)
                # OSA counts a swapped pair of letters ("smtih") as one edit.
                score = 100 * OSA.normalized_similarity(candidate, variant)
                short = len(variant) < 5
                threshold = 100 if short else (75 if i in honorific_next else 80)
                if score >= threshold:
                    # A bare first name needs an honorific or an exact match to count.
                    bonus = 5 if i in honorific_next else 0
                    if width == 1 and score < 100 and i not in honorific_next:
                        continue
                    best = max(best, score + bonus + width)
        if best:
            scored[practitioner.id] = best
    if not scored:
        return []
    top = max(scored.values())
    return [pid for pid, score in scored.items() if score >= top - 1]


def specialty_key(text: str) -> str | None:
    folded = fold(text)
    padded = f" {folded} "
    for key, stems in SPECIALTY_STEMS.items():
        for stem in stems:
            if " " in stem or len(stem) <= 3:
                if f" {stem} " in padded or (len(stem) > 3 and stem in folded):
                    return key
            elif re.search(rf"\b{stem}", folded):
                return key
    for token in folded.split():
        if len(token) < 7:
            continue
        for key, stems in SPECIALTY_STEMS.items():
            for stem in stems:
                if " " not in stem and len(stem) >= 6 and fuzz.ratio(token[: len(stem)], stem) >= 85:
                    return key
    return None


def specialty_match(text: str, directory: ClinicDirectory) -> str | None:
    """The directory's own label for the specialty the text asks for, or None."""
    key = specialty_key(text)
    if key is None:
        return None
    labels = {s for p in directory.practitioners for s in p.specialties}
    for label in sorted(labels):
        if specialty_key(label) == key or fold(label).replace(" ", "_") == key:
            return label
    return key if not labels else None


def appointment_type_match(text: str, types: list[AppointmentTypeRef]) -> str | None:
    folded = fold(text)
    for appointment_type in types:
        for name in appointment_type.names.values():
            if (n := fold(name)) and re.search(rf"\b{re.escape(n)}\b", folded):
                return appointment_type.code
    groups = [
        (_FIRST_VISIT, ("first", "primera", "primeira", "new", "nuevo", "novo", "initial")),
        (_FOLLOW_UP, ("follow", "retorno", "return", "seguimiento", "revision", "control")),
        (_CHECKUP, ("check", "chequeo")),
    ]
    for phrases, code_words in groups:
        if any(re.search(rf"\b{re.escape(fold(p))}\b", folded) for p in phrases):
            for appointment_type in types:
                haystack = fold(" ".join([appointment_type.code, *appointment_type.names.values()]))
                if any(word in haystack for word in code_words):
                    return appointment_type.code
    return None


_ORDINALS = {
    1: ("first", "primera", "primero", "primer", "primeira", "primeiro"),
    2: ("second", "segunda", "segundo"),
    3: ("third", "tercera", "tercero", "terceira", "terceiro"),
    4: ("fourth", "cuarta", "cuarto", "quarta", "quarto"),
    5: ("fifth", "quinta", "quinto"),
    6: ("sixth", "sexta", "sexto"),
}
_PT_WEEKDAY_ORDINALS = {"segunda", "quarta", "quinta", "sexta"}
_ORDINAL_WORD = {w: n for n, words in _ORDINALS.items() for w in words}
_ORDINAL_RE = "|".join(sorted(_ORDINAL_WORD, key=len, reverse=True))
_CARDINALS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "quatro": 4,
}
_OPTION_NOUN = r"(?:option|opcion|opcao|opt|number|numero|num|choice|alternativa|#)"


def option_choice(text: str, *, expecting_option: bool | None) -> int | None:
    """1-based option number: "2", "the second one", "la segunda", "a opção 2"."""
    folded = fold(text.replace("#", " # "))
    if expecting_option is None:
        # Asked for a date, a name or a birth date: only "option 2" names an option.
        m = re.search(rf"\b{_OPTION_NOUN}\s*(\d{{1,2}})\b", folded)
        return int(m.group(1)) if m else None
    if m := re.fullmatch(
        r"(?:(?:la|el|a|o|the|option|opcion|opcao|numero|number)\s+)?(\d{1,2})(?:\s*(?:please|por favor|porfa|pf|pls))?",
        folded,
    ):
        number = int(m.group(1))
        if 1 <= number <= 20 and (expecting_option or number <= 9):
            return number
    if m := re.search(rf"\b{_OPTION_NOUN}\s*(\d{{1,2}}|{'|'.join(_CARDINALS)})\b", folded):
        value = m.group(1)
        return int(value) if value.isdigit() else _CARDINALS[value]
    filler = r"(?:i want |i ll take |i d like |quiero |prefiero |quero |prefiro |me quedo con |fico com )?"
    article = r"(?:the |la |el |a |o |with the |com a |com o |con la |con el )?"
    noun = r"(?: one| option| opcion| opcao| uno| una| slot| horario| please| por favor)?"
    if expecting_option is None:
        # Asked for a date, a name or a birth date: only "option 2" names an option.
        m = re.search(rf"\b{_OPTION_NOUN}\s*(\d{{1,2}})\b", folded)
        return int(m.group(1)) if m else None
    if m := re.fullmatch(rf"{filler}{article}({_ORDINAL_RE}){noun}", folded):
        return _ORDINAL_WORD[m.group(1)]
    if m := re.search(rf"\b({_ORDINAL_RE}) (?:one|option|opcion|opcao)\b", folded):
        return _ORDINAL_WORD[m.group(1)]
    # Elsewhere "segunda", "quinta" are weekdays and "primera vez" a visit type.
    weekday_or_visit = re.search(r"\b(feira|vez|visit|semana|week)\b", folded)
    m = re.search(rf"\b({_ORDINAL_RE})\b", folded) if expecting_option and not weekday_or_visit else None
    # Inside a sentence ("na verdade quarta") a Portuguese weekday is a day, not an option.
    if m and m.group(1) not in _PT_WEEKDAY_ORDINALS:
        return _ORDINAL_WORD[m.group(1)]
    if re.fullmatch(r"(?:the )?last(?: one)?|la ultima|el ultimo|a ultima|o ultimo", folded):
        return -1
    return None


_OPTION_TIME = re.compile(
    r"\b(?:the|la|el|o|a|one at|la de las|el de las|a das|o das|o de|a de|la de|el de)\s*(?:de las\s+|das\s+|at\s+)?"
    r"(\d{1,2})(?::(\d\d))?\s*(am|pm|h)?\s*(?:one|slot|option|opcion|opcao|horario|please|por favor)?$"
)


_BARE_TIME = re.compile(r"^(?:at|as|a las|las|a)?\s*(\d{1,2})(?:(?::|h)(\d\d))?\s*(am|pm|h)?$")


def option_time(text: str, *, bare: bool = False) -> time | None:
    """ "the 10:30 one", "la de las 10:30", "o das 10h30": the offered slot named by its time.
    With `bare` (options were just offered), a message that is only a time ("11h", "14:30")
    names one too."""
    s = normalize(text)
    if bare and (m := _BARE_TIME.match(s.strip())) and (m.group(2) or m.group(3)):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
        return time(hour, minute) if hour <= 23 and minute <= 59 else None
    if m := _OPTION_TIME.search(s):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
        named = re.search(r"\d\s*(?:am|pm|h)?\s*one\b|\bdas\b|\bde las\b", s)
        if hour <= 23 and (m.group(2) or m.group(3) or named):
            return time(hour, minute)
    return None


_NAME_INTRO = re.compile(
    r"^(?:my name is|my name s|name is|i am|i m|im|this is|it s|me llamo|mi nombre es|soy|"
    r"meu nome e|me chamo|eu sou|sou|nome|name|nombre)\s+",
)
_NAME_TOKEN = re.compile(r"^[^\W\d_]{2,}$")


def full_name(text: str, *, expecting_name: bool) -> str | None:
    cleaned = re.sub(r"[^\w\s'-]", " ", text).strip()
    folded = fold(cleaned)
    had_intro = bool(_NAME_INTRO.match(folded))
    if not had_intro and not expecting_name:
        return None
    words = cleaned.split()
    if had_intro:
        intro_len = len(_NAME_INTRO.match(folded).group(0).split())
        words = words[intro_len:]
    words = [w for w in words if fold(w) not in ("please", "por", "favor", "obrigado", "gracias", "thanks")]
    if not (2 <= len(words) <= 6) or not all(_NAME_TOKEN.match(w) for w in words):
        return None
    connectors = {"de", "da", "do", "dos", "das", "del", "la", "y", "e", "van", "von"}
    return " ".join(w if fold(w) in connectors else w[:1].upper() + w[1:].lower() for w in words)
