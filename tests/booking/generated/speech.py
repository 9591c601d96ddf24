"""How patients say things, per language: several ways for every field, written from how
people write to a clinic on WhatsApp (regional verbs, no verb at all, typos, the many
shapes of a date of birth), not from the rules that read them.

Every phrase is a list of `Bit`s: text and whether a typo may land in it (never in a
name or a number)."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, time

from tests.booking.generated.goals import Bound, Day, Person


@dataclass(frozen=True)
class Bit:
    text: str
    typo: bool = True


def bits(*parts: str | Bit) -> list[Bit]:
    return [p if isinstance(p, Bit) else Bit(p) for p in parts if p]


WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "pt-BR": ["segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "pt-BR": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
}
ORDINALS = {
    "en": ["first", "second", "third", "fourth"],
    "es": ["primera", "segunda", "tercera", "cuarta"],
    "pt-BR": ["primeira", "segunda", "terceira", "quarta"],
}

GREETINGS = {
    "en": ["Hi", "Hello", "Hey there", "Good morning", "hi!"],
    "es": ["Hola", "Buenas", "Buen día", "Hola qué tal", "Buenas tardes"],
    "pt-BR": ["Oi", "Olá", "Bom dia", "Boa tarde", "Oii"],
}
VERBS = {
    "en": [
        "I'd like to book an appointment",
        "Can I book an appointment",
        "I need an appointment",
        "could I get an appointment",
        "I want to make an appointment",
        "looking to book in",
        "can you fit me in",
        "I'd like to schedule a visit",
    ],
    "es": [
        "quiero pedir cita",
        "quisiera una cita",
        "me das hora",
        "quería pedir hora",
        "necesito un turno",
        "quiero sacar turno",
        "me gustaría reservar una cita",
        "quería agendar una consulta",
        "quiero pedir un turno",
    ],
    "pt-BR": [
        "quero marcar horário",
        "queria marcar uma consulta",
        "gostaria de agendar uma consulta",
        "dá pra marcar uma consulta",
        "preciso marcar uma consulta",
        "quero agendar",
        "queria ver um horário",
        "quero marcar uma consulta",
    ],
}
# What a patient asks for when they know nothing else yet.
BARE = {
    "en": ["I need to see a doctor", "appointment please", "I'd like to book", "can I make an appointment?"],
    "es": ["quiero una cita", "¿me das hora?", "necesito turno", "quería pedir hora por favor"],
    "pt-BR": [
        "quero marcar uma consulta",
        "preciso de um horário",
        "dá pra agendar?",
        "queria marcar horário",
    ],
}
WITH = {"en": ["with", "to see"], "es": ["con"], "pt-BR": ["com"]}

SPECIALTY_WORDS = {
    "cardiology": {
        "en": ["a cardiologist", "the cardiologist", "cardiology", "a heart specialist"],
        "es": ["el cardiólogo", "un cardiólogo", "cardiología", "la cardióloga"],
        "pt-BR": ["cardiologista", "um cardiologista", "o cardiologista", "cardiologia"],
    },
    "dermatology": {
        "en": ["a dermatologist", "dermatology", "the skin doctor", "a derm"],
        "es": ["el dermatólogo", "la dermatóloga", "dermatología", "un dermatólogo"],
        "pt-BR": ["dermatologista", "a dermatologista", "dermato", "um dermatologista"],
    },
    "pediatrics": {
        "en": ["a pediatrician", "the paediatrician", "pediatrics", "the children's doctor"],
        "es": ["el pediatra", "la pediatra", "pediatría", "una pediatra"],
        "pt-BR": ["pediatra", "o pediatra", "a pediatra", "pediatria"],
    },
    "general": {
        "en": ["a GP", "a general practitioner", "the family doctor", "general practice"],
        "es": ["médico de cabecera", "el médico general", "medicina general", "médico de familia"],
        "pt-BR": ["clínico geral", "um clínico geral", "clínica geral", "médico de família"],
    },
    "gynecology": {
        "en": ["a gynecologist", "the gynaecologist", "an OB-GYN", "gynecology"],
        "es": ["el ginecólogo", "la ginecóloga", "ginecología", "una ginecóloga"],
        "pt-BR": ["ginecologista", "a ginecologista", "gineco", "ginecologia"],
    },
}
TYPE_WORDS = {
    "new": {
        "en": ["a first visit", "a first appointment", "a new patient appointment", "first time visit"],
        "es": ["primera vez", "una primera consulta", "primera visita", "una consulta por primera vez"],
        "pt-BR": [
            "primeira consulta",
            "primeira vez",
            "uma primeira consulta",
            "consulta de primeira vez",
            "consulta nova",
        ],
    },
    "follow_up": {
        "en": ["a follow-up", "a follow up appointment", "a follow-up visit", "a review appointment"],
        "es": ["una revisión", "un control", "consulta de control", "una consulta de seguimiento"],
        "pt-BR": ["retorno", "um retorno", "consulta de retorno", "uma revisão"],
    },
    "checkup": {
        "en": ["a check-up", "an annual checkup", "my yearly check up", "a routine check-up"],
        "es": [
            "un chequeo",
            "chequeo anual",
            "un chequeo general",
            "un reconocimiento médico",
            "la revisión anual",
            "un control de rutina",
        ],
        "pt-BR": ["check-up", "um checkup", "check up anual", "um check-up de rotina", "consulta de rotina"],
    },
}
FOR_TYPE = {"en": ["for", ""], "es": ["para", ""], "pt-BR": ["para", "pra", ""]}

PERIOD_WORDS = {
    "morning": {
        "en": ["in the morning", "morning", "sometime in the morning", "mornings are best"],
        "es": ["por la mañana", "a la mañana", "en la mañana", "temprano por la mañana"],
        "pt-BR": ["de manhã", "pela manhã", "na parte da manhã", "de manha cedo"],
    },
    "afternoon": {
        "en": ["in the afternoon", "afternoon", "sometime in the afternoon", "afternoon if possible"],
        "es": ["por la tarde", "a la tarde", "en la tarde", "de tarde"],
        "pt-BR": ["à tarde", "de tarde", "pela tarde", "no período da tarde"],
    },
    "evening": {
        "en": ["in the evening", "evening", "early evening", "evening please"],
        "es": ["por la noche", "en la noche", "de noche", "a la noche"],
        "pt-BR": ["à noite", "de noite", "no começo da noite", "a noite"],
    },
}
BOUND_WORDS = {
    "after": {
        "en": ["after {h}", "any time after {h}", "later than {h}", "after {h} please"],
        "es": [
            "después de las {h}",
            "pasadas las {h}",
            "más tarde de las {h}",
            "después de las {h} por favor",
        ],
        "pt-BR": ["depois das {h}", "após as {h}", "mais tarde que {h}", "depois das {h} de preferência"],
    },
    "from": {
        "en": [
            "from {h}",
            "from {h} onwards",
            "{h} or later",
            "from {h} on",
            "not before {h}",
            "{h} onwards",
        ],
        "es": [
            "a partir de las {h}",
            "desde las {h}",
            "de las {h} en adelante",
            "a partir de las {h} en adelante",
            "de las {h} para adelante",
        ],
        "pt-BR": [
            "a partir das {h}",
            "das {h} em diante",
            "a partir de {h}",
            "de {h} pra frente",
            "das {h} pra frente",
        ],
    },
    "before": {
        "en": ["before {h}", "earlier than {h}", "before {h} if you can", "any time before {h}"],
        "es": ["antes de las {h}", "antes de las {h} si puede ser", "que sea antes de las {h}"],
        "pt-BR": ["antes das {h}", "antes de {h}", "antes das {h} se der"],
    },
    "no_later": {
        "en": [
            "no later than {h}",
            "at {h} at the latest",
            "not later than {h}",
            "by {h} latest",
            "{h} or earlier",
            "not after {h}",
        ],
        "es": [
            "no más tarde de las {h}",
            "como muy tarde a las {h}",
            "hasta las {h} como mucho",
            "a las {h} como mucho",
            "a más tardar a las {h}",
        ],
        "pt-BR": [
            "no máximo às {h}",
            "até as {h} no máximo",
            "não depois das {h}",
            "às {h} no máximo",
            "no mais tardar às {h}",
        ],
    },
}


def hour_text(rng: random.Random, language: str, hour: int) -> str:
    """An hour as people write it: "4" for 16:00 where no one could mean 4 am, else with
    am/pm, "h" or a 24-hour clock."""
    twelve = hour - 12 if hour > 12 else hour
    if language == "en":
        forms = [
            f"{twelve}pm" if hour >= 12 else f"{hour}am",
            f"{hour}:00",
            f"{twelve} pm" if hour >= 12 else f"{hour} am",
        ]
        if 9 <= hour <= 18 and hour != 12:
            forms.append(str(twelve))
        if hour == 12:
            forms.append("noon")
    elif language == "es":
        forms = [f"{hour}:00", f"{hour}"]
        if 13 <= hour <= 19:
            forms += [f"{twelve} de la tarde", str(twelve) if hour <= 18 else f"{hour}"]
        elif hour < 12:
            forms += [f"{hour} de la mañana"]
    else:
        forms = [f"{hour}h", f"{hour}:00", f"{hour}"]
        if 13 <= hour <= 19:
            forms += [f"{twelve} da tarde", str(twelve) if hour <= 18 else f"{hour}h"]
        elif hour < 12:
            forms += [f"{hour} da manhã"]
    return rng.choice(forms)


def bound_bits(rng: random.Random, language: str, bound: Bound) -> list[Bit]:
    if bound.kind in PERIOD_WORDS:
        return [Bit(rng.choice(PERIOD_WORDS[bound.kind][language]))]
    if bound.kind in BOUND_WORDS:
        template = rng.choice(BOUND_WORDS[bound.kind][language])
        head, _, tail = template.partition("{h}")
        return bits(head.strip(), Bit(hour_text(rng, language, bound.hour), typo=False), tail.strip())
    return []


def day_bits(rng: random.Random, language: str, day: Day, today: date) -> list[Bit]:
    target = day.target
    if day.kind == "today":
        return [
            Bit(
                rng.choice(
                    {
                        "en": ["today", "later today", "for today"],
                        "es": ["hoy", "para hoy", "hoy mismo"],
                        "pt-BR": ["hoje", "pra hoje", "hoje mesmo"],
                    }[language]
                )
            )
        ]
    if day.kind == "tomorrow":
        return [
            Bit(
                rng.choice(
                    {
                        "en": ["tomorrow", "for tomorrow", "tomorrow if possible"],
                        "es": ["mañana", "para mañana", "mañana si se puede"],
                        "pt-BR": ["amanhã", "pra amanhã", "amanha"],
                    }[language]
                )
            )
        ]
    if day.kind == "next_week":
        return [
            Bit(
                rng.choice(
                    {
                        "en": ["next week", "sometime next week", "any day next week"],
                        "es": [
                            "la semana que viene",
                            "la próxima semana",
                            "cualquier día de la semana que viene",
                        ],
                        "pt-BR": ["semana que vem", "na próxima semana", "qualquer dia da semana que vem"],
                    }[language]
                )
            )
        ]
    assert target is not None
    weekday = WEEKDAYS[language][target.weekday()]
    if day.kind == "weekday":
        forms = {
            "en": [weekday, f"on {weekday}", f"this {weekday}", f"{weekday[:3]}"],
            "es": [f"el {weekday}", f"este {weekday}", weekday, f"para el {weekday}"],
            "pt-BR": [
                weekday,
                f"na {weekday}" if target.weekday() < 5 else f"no {weekday}",
                f"{weekday}-feira" if target.weekday() < 5 else weekday,
                f"essa {weekday}" if target.weekday() < 5 else f"esse {weekday}",
            ],
        }[language]
        return [Bit(rng.choice(forms))]
    if day.kind == "next_week_weekday":
        pt_at = f"na {weekday}" if target.weekday() < 5 else f"no {weekday}"
        forms = {
            "en": [f"{weekday} next week", f"next week on {weekday}", f"next week, {weekday}"],
            "es": [
                f"el {weekday} de la semana que viene",
                f"la semana que viene, el {weekday}",
                f"el {weekday} de la próxima semana",
            ],
            "pt-BR": [
                f"{weekday} da semana que vem",
                f"{pt_at} da próxima semana",
                f"semana que vem, {pt_at}",
            ],
        }[language]
        return [Bit(rng.choice(forms))]
    month = MONTHS[language][target.month - 1]
    n = target.day
    suffix = "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    forms = {
        "en": [
            f"{month} {n}",
            f"{n} {month}",
            f"{month[:3]} {n}{suffix}",
            f"{weekday} the {n}{suffix}",
            f"{target.month}/{n}",
        ],
        "es": [f"el {n} de {month}", f"el {weekday} {n}", f"{n}/{target.month}", f"el día {n} de {month}"],
        "pt-BR": [
            f"dia {n} de {month}",
            f"{n}/{target.month:02d}",
            f"{weekday} dia {n}",
            f"no dia {n}/{target.month}",
        ],
    }[language]
    if n != today.day:
        forms += {
            "en": [f"the {n}{suffix}", f"on the {n}{suffix}"],
            "es": [f"el {n}", f"el día {n}"],
            "pt-BR": [f"dia {n}", f"no dia {n}"],
        }[language]
    return [Bit(forms_pick := rng.choice(forms), typo=not any(c.isdigit() for c in forms_pick))]


def practitioner_bits(rng: random.Random, language: str, name: str, aliases: tuple[str, ...]) -> list[Bit]:
    words = name.split()
    female = words[0].lower().startswith("dra")
    plain = [w for w in words if not w.lower().rstrip(".").startswith(("dr", "dra"))]
    first, last = plain[0], plain[-1]
    honorific = {
        "en": ["Dr", "Dr.", "doctor", "Dr"],
        "es": ["la Dra.", "la doctora", "la dra"] if female else ["el Dr.", "el doctor", "el dr"],
        "pt-BR": ["a Dra.", "a doutora", "a dra"] if female else ["o Dr.", "o doutor", "o dr"],
    }[language]
    h = rng.choice(honorific)
    forms = [f"{h} {last}", f"{h} {first}", f"{h} {first} {last}", f"{first} {last}", f"{h} {last}"]
    return [Bit(rng.choice(forms))]


def specialty_bits(rng: random.Random, language: str, key: str) -> list[Bit]:
    return [Bit(rng.choice(SPECIALTY_WORDS[key][language]))]


def type_bits(rng: random.Random, language: str, kind: str) -> list[Bit]:
    return [Bit(rng.choice(TYPE_WORDS[kind][language]))]


# ---- who the patient is -------------------------------------------------------------------

NAME_SELF = {
    "en": ["{n}", "My name is {n}", "It's {n}", "I'm {n}", "name: {n}", "{n}, thanks"],
    "es": ["{n}", "Me llamo {n}", "Soy {n}", "Mi nombre es {n}", "a nombre de {n}"],
    "pt-BR": ["{n}", "Meu nome é {n}", "Sou {n}", "Me chamo {n}", "É {n}", "no nome de {n}"],
}
NAME_CHILD = {
    "en": {
        "daughter": [
            "It's for my daughter, {n}",
            "for my daughter {n}",
            "The appointment is for my daughter {n}",
            "my daughter's name is {n}",
        ],
        "son": [
            "It's for my son, {n}",
            "for my son {n}",
            "It's for my little boy, {n}",
            "my son's name is {n}",
        ],
    },
    "es": {
        "daughter": [
            "es para mi hija {n}",
            "para mi hija, {n}",
            "es para mi hija, se llama {n}",
            "la cita es para mi hija {n}",
        ],
        "son": [
            "es para mi hijo {n}",
            "para mi hijo, {n}",
            "es para mi hijo, se llama {n}",
            "el turno es para mi hijo {n}",
        ],
    },
    "pt-BR": {
        "daughter": [
            "é para minha filha {n}",
            "é pra minha filha, {n}",
            "é para minha filha, o nome dela é {n}",
            "a consulta é da minha filha {n}",
        ],
        "son": [
            "é para o meu filho {n}",
            "é pro meu filho, {n}",
            "é para meu filho, o nome dele é {n}",
            "a consulta é do meu filho {n}",
        ],
    },
}
NAME_FIX = {
    "en": [
        "sorry, I spelled it wrong, it's {n}",
        "no wait, the name is {n}",
        "the name is wrong, it's {n}",
        "correction, my name is {n}",
    ],
    "es": [
        "no, el nombre está mal, se llama {n}",
        "perdón, el nombre correcto es {n}",
        "me equivoqué con el nombre, es {n}",
        "corrijo el nombre: {n}",
    ],
    "pt-BR": [
        "desculpa, o nome certo é {n}",
        "errei o nome, é {n}",
        "o nome está errado, é {n}",
        "corrigindo o nome: {n}",
    ],
}


def name_bits(rng: random.Random, language: str, person: Person, *, last: str | None = None) -> list[Bit]:
    name = f"{person.first} {last or person.last}"
    if person.relation:
        template = rng.choice(NAME_CHILD[language][person.relation])
    else:
        template = rng.choice(NAME_SELF[language])
    head, _, tail = template.partition("{n}")
    return bits(head.strip(), Bit(name, typo=False), tail.strip())


def name_fix_bits(rng: random.Random, language: str, person: Person) -> list[Bit]:
    head, _, tail = rng.choice(NAME_FIX[language]).partition("{n}")
    return bits(head.strip(), Bit(person.name, typo=False), tail.strip())


def dob_text(rng: random.Random, language: str, born: date) -> str:
    d, m, y = born.day, born.month, born.year
    month = MONTHS[language][m - 1]
    forms = [f"{born.isoformat()}"]
    if language == "en":
        forms += [
            f"{m}/{d}/{y}",
            f"{d} {month} {y}",
            f"{month} {d}, {y}",
            f"{month} {d}th {y}",
            f"{m:02d}/{d:02d}/{y}",
        ]
        if d > 12:
            forms += [f"{d:02d}.{m:02d}.{y % 100:02d}", f"{d}/{m}/{y}"]
    else:
        short = month[:3]
        forms += [
            f"{d}/{m}/{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{d:02d}.{m:02d}.{y % 100:02d}",
            f"{d} de {month} de {y}",
            f"{d} de {month} de {y % 100:02d}",
            f"{d} {short} {y}",
        ]
    return rng.choice(forms)


DOB_LEADS = {
    "en": {
        "": ["{d}", "born {d}", "DOB {d}", "my date of birth is {d}", "{d} is my birthday"],
        "child": ["{d}", "she was born on {d}", "born {d}", "her birthday is {d}"],
    },
    "es": {
        "": ["{d}", "nací el {d}", "fecha de nacimiento {d}", "el {d}"],
        "child": ["{d}", "nació el {d}", "su fecha de nacimiento es {d}"],
    },
    "pt-BR": {
        "": ["{d}", "nasci em {d}", "data de nascimento {d}", "nascimento: {d}"],
        "child": ["{d}", "nasceu em {d}", "a data de nascimento é {d}"],
    },
}


def dob_bits(rng: random.Random, language: str, person: Person) -> list[Bit]:
    template = rng.choice(DOB_LEADS[language]["child" if person.relation else ""])
    head, _, tail = template.partition("{d}")
    return bits(head.strip(), Bit(dob_text(rng, language, person.date_of_birth), typo=False), tail.strip())


# ---- answers to the bot's offers ----------------------------------------------------------


def pick_bits(
    rng: random.Random, language: str, index: int, start: time, *, weekday: str | None = None
) -> list[Bit]:
    hhmm = f"{start.hour}:{start.minute:02d}"
    twelve = f"{start.hour - 12 if start.hour > 12 else start.hour}:{start.minute:02d}"
    ordinal = ORDINALS[language][index - 1]
    forms = {
        "en": [
            f"{index}",
            f"option {index}",
            f"the {ordinal} one",
            f"{hhmm}",
            f"{hhmm} works",
            f"the {hhmm} one",
            f"I'll take the {hhmm}",
            f"{ordinal} please",
            f"{twelve} is fine",
            f"{index} is good",
        ],
        "es": [
            f"{index}",
            f"la {ordinal}",
            f"la opción {index}",
            f"el de las {hhmm}",
            f"a las {hhmm} está bien",
            f"me sirve la de las {hhmm}",
            f"{index} por favor",
            f"{index} está bien",
        ],
        "pt-BR": [
            f"{index}",
            f"a {ordinal}",
            f"opção {index}",
            f"pode ser às {hhmm}",
            f"o das {start.hour}h{start.minute:02d}",
            f"{hhmm} tá ótimo",
            f"quero a {ordinal}",
            f"{index} pra mim",
        ],
    }[language]
    if weekday:
        # The list may be next week's: "Tuesday at 9:30" names the offered Tuesday.
        forms += {
            "en": [f"{weekday} at {hhmm}", f"ok {weekday} at {hhmm}"],
            "es": [f"el {weekday} a las {hhmm}", f"{weekday} {hhmm}"],
            "pt-BR": [f"{weekday} às {hhmm}", f"{weekday} {hhmm}"],
        }[language]
    return [Bit(rng.choice(forms), typo=False)]


NONE_FIT = {
    "en": [
        "none of those work",
        "those don't work for me",
        "hmm no, not those",
        "none of these times suit me",
    ],
    "es": ["ninguno me sirve", "esos horarios no me vienen bien", "no, esos no", "ninguna de esas me va"],
    "pt-BR": [
        "nenhum desses serve",
        "esses horários não dá",
        "não, esses não",
        "nenhum desses horários me serve",
    ],
}
MORE = {
    "en": ["any other times?", "do you have anything else?", "more options please"],
    "es": ["¿hay otros horarios?", "¿tenés otro horario?", "más opciones por favor"],
    "pt-BR": ["tem outro horário?", "tem outras opções?", "mais opções por favor"],
}
NEED = {
    "en": ["I need", "I'd prefer", "it has to be"],
    "es": ["necesito", "prefiero", "tiene que ser"],
    "pt-BR": ["preciso", "prefiro", "tem que ser"],
}
YES = {
    "en": [
        "yes",
        "yes please",
        "yep",
        "perfect, thanks",
        "that's great",
        "ok",
        "sure, book it",
        "confirm",
        "yes that's right",
        "that's fine, yes",
        "yep, book it",
    ],
    "es": [
        "sí",
        "si",
        "sí, perfecto",
        "dale",
        "vale",
        "confirmo",
        "sí por favor",
        "de acuerdo",
        "perfecto, gracias",
        "listo, gracias",
    ],
    "pt-BR": [
        "sim",
        "isso",
        "pode ser",
        "confirmo",
        "beleza",
        "perfeito",
        "pode marcar",
        "fechado",
        "sim, obrigado",
        "bora, pode marcar",
        "demorou, confirma",
    ],
}
NO = {
    "en": ["no", "no,", "nope,", "not quite,"],
    "es": ["no,", "no", "mmm no,"],
    "pt-BR": ["não,", "nao", "não"],
}
DAY_FIX = {
    "en": ["no, I meant {d}", "sorry, I meant {d}", "actually {d}", "wait, not that day, {d}"],
    "es": ["no, quise decir {d}", "perdón, {d}", "mejor {d}", "me equivoqué de día, {d}"],
    "pt-BR": ["não, quis dizer {d}", "desculpa, é {d}", "na verdade {d}", "errei o dia, é {d}"],
}
TYPE_INSTEAD = {
    "en": ["ok then", "fine,", "then"],
    "es": ["bueno, entonces", "ok,", "entonces"],
    "pt-BR": ["tá, então", "ok,", "então"],
}


def choice_bits(rng: random.Random, table: dict[str, list[str]], language: str) -> list[Bit]:
    return [Bit(rng.choice(table[language]))]


def day_fix_bits(rng: random.Random, language: str, day: list[Bit]) -> list[Bit]:
    head, _, tail = rng.choice(DAY_FIX[language]).partition("{d}")
    return [*bits(head.strip()), *day, *bits(tail.strip())]


# ---- surface noise --------------------------------------------------------------------------

NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqretyuoipsadfhgjlkxzcvnbn", strict=True))


def typo(rng: random.Random, word: str) -> str:
    """One edit a thumb makes: a swapped pair, a letter dropped, doubled or a neighbour key."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "near"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    near = NEIGHBOURS.get(word[i].lower(), word[i])
    return word[:i] + near + word[i + 1 :]


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def render(rng: random.Random, parts: list[Bit], *, typos: int = 0, accentless: bool = False) -> str:
    """The message: bits joined, with `typos` edits in content words and maybe no accents."""
    words: list[tuple[str, bool]] = [(w, b.typo) for b in parts for w in b.text.split()]
    candidates = [i for i, (w, ok) in enumerate(words) if ok and len(w) >= 5 and w.isalpha()]
    for i in rng.sample(candidates, min(typos, len(candidates))):
        words[i] = (typo(rng, words[i][0]), False)
    text = " ".join(w for w, _ in words).replace(" ,", ",")
    return strip_accents(text) if accentless else text
