"""Language of one short message: en, es or pt-BR.

WhatsApp messages are often two or three words ("sí", "ok", "amanhã 10h"), which defeats
character n-gram identifiers trained on sentences. We score function words and
spelling marks that tell the three languages apart and fall back to the conversation's
language (the hint) when a message carries no evidence, such as "ok", "10:30" or an emoji.
"""

import re
import unicodedata

from conversations.understanding.emergency import fold

_WORDS: dict[str, str] = {
    "en": """i i'm im you your my me the a an is are was be to of and or in on at for with this that
        it what when where which who how can could would will please thanks thank hi hello hey yes
        yeah no not dont don't want need like book appointment tomorrow today morning afternoon
        evening next week do does have has there any doctor see time bye good great sure okay
        cancel reschedule change move available is it one second first last name born friday monday
        tuesday wednesday thursday saturday sunday o'clock pm am noon after before help person
        pain chest breathe bleeding my son daughter feel feeling hurts really check up
        as soon possible asap so just if but all some more less later earlier other another
        options option data details patient whenever anytime""",
    "es": """yo tu usted mi mis el la los las un una unos es son esta estoy estan ser quiero queria
        quisiera necesito puedo puede para por con del al que como cuando donde cual quien hola
        gracias si sí no pero muy bien buenos buenas dias días tardes noches mañana manana hoy
        pasado semana proxima próxima próximo viene cita turno hora horas doctor doctora
        medico médico
        cancelar cambiar reprogramar disponible hay tiene tienen ustedes vale claro perfecto
        lunes martes miercoles miércoles jueves viernes sabado sábado domingo y o mediodia mediodía
        llamo nombre nací segunda primera opcion opción ese esa eso hablar persona adios adiós
        también tambien ya tengo estoy dolor pecho sangre respirar ayuda urgente mucho duele cabeza
        mi hijo hija señora señor dermatólogo dermatologo pediatra revisión
        poco tarde temprano opciones otro otra otros datos paciente los de más""",
    "pt": """eu voce você meu minha o a os as um uma é sao são estou esta está ser quero queria
        gostaria preciso posso pode para pra por com do da dos das no na nos nas que como quando
        onde qual quem oi ola olá obrigado obrigada sim não nao mas muito bem bom boa dia
        tarde noite
        amanhã amanha hoje depois semana proxima próxima que vem consulta horario horário horas
        doutor doutora medico médico cancelar desmarcar remarcar mudar disponivel disponível tem
        vocês voces segunda terça terca quarta quinta sexta sábado sabado domingo e ou meio
        chamo nome nasci opção opcao isso essa esse falar pessoa atendente tchau também tambem já
        ja beleza certo tenho estou dor peito sangue respirar ajuda urgente muito doendo dói cabeça
        meu filho filha senhora senhor dermatologista retorno
        pouco cedo opções opcoes outro outra outros dados paciente mais""",
}
_VOCAB: dict[str, set[str]] = {lang: {fold(w) for w in words.split()} for lang, words in _WORDS.items()}
_SHARED = _VOCAB["es"] & _VOCAB["pt"]
# Words in both Iberian lists still count against English, but not between es and pt.
_MARKS = {
    "es": re.compile(r"[ñ¿¡]|\b\w+ción\b|\bll\w+|\bmás\b"),
    "pt": re.compile(r"[ãõç]|\b\w+ção\b|\b\w+ções\b|\bnh\w*|\w+nh[ao]\b|\blh|\w+lh[ao]\b"),
    "en": re.compile(r"\b\w+'(s|t|m|re|ll|ve|d)\b|\bth\w+|\bw[hr]\w+"),
}
_CODES = {"en": "en", "es": "es", "pt": "pt-BR"}


def scores(text: str) -> dict[str, float]:
    lowered = unicodedata.normalize("NFC", text.casefold())
    tokens = fold(text).split()
    out = {"en": 0.0, "es": 0.0, "pt": 0.0}
    for token in tokens:
        for lang, vocab in _VOCAB.items():
            if token in vocab:
                out[lang] += 0.5 if token in _SHARED else 1.0
    for lang, pattern in _MARKS.items():
        out[lang] += 1.5 * len(pattern.findall(lowered))
    return out


def detect(text: str, *, hint: str | None = None, hint_weight: float = 0.75) -> str:
    """Best guess of the message's language; the hint wins ties and empty evidence.

    A conversation's established language is a strong hint (switching away needs real
    evidence, not one shared word like "as"); a clinic's default is a weak one."""
    by_language = scores(text)
    hint_key = "pt" if hint and hint.lower().startswith("pt") else (hint or "")[:2].lower()
    if hint_key in by_language:
        by_language[hint_key] += hint_weight
    best = max(by_language, key=lambda lang: by_language[lang])
    if by_language[best] <= 0.75:
        return _CODES.get(hint_key, "en")
    return _CODES[best]
