"""Conversation commands the booking flow honours in any state, in three languages.

Matched on folded text (lower case, no accents); a pure function of the message.
"""

import re
import unicodedata

COMMANDS: dict[str, tuple[str, ...]] = {
    "reset": (
        r"\bstart (over|again)\b",
        r"\brestart\b",
        r"\breset\b",
        r"\bempe[zc]ar de nuevo\b",
        r"\bvolver a empezar\b",
        r"\breiniciar\b",
        r"\brecomec(ar|a)\b",
        r"\bcomecar de novo\b",
    ),
    "more": (
        r"\bmore (options|times|slots)\b",
        r"\bother (options|times)\b",
        r"\bmas (opciones|horarios)\b",
        r"\botros horarios\b",
        r"\bmais (opcoes|horarios)\b",
        r"\boutros horarios\b",
    ),
    "other": (
        r"\b(the )?other (doctor|one|practitioner|physician|specialist)\b",
        r"\banother (doctor|practitioner|physician|specialist)\b",
        r"\b(el |la )?(otro|otra) (medico|medica|doctor|doctora|profesional|especialista)\b",
        r"\b(o |a )?(outro|outra) (medico|medica|doutor|doutora|profissional|especialista)\b",
    ),
    "later": (r"\b(a bit |a little )?later\b", r"\bmas tarde\b", r"\bmais tarde\b"),
    "earlier": (r"\bearlier\b", r"\bmas temprano\b", r"\bmais cedo\b"),
    "any": (
        r"\bany ?(time|day|one)?\b",
        r"\bwhenever\b",
        r"\b(as soon as possible|asap|earliest)\b",
        r"\bcualquier (dia|hora|momento)\b",
        r"\blo antes posible\b",
        r"\bqualquer (dia|horario|hora)\b",
        r"\bo quanto antes\b",
        r"\bo mais (cedo|rapido) possivel\b",
        r"\btanto faz\b",
        r"\bme da igual\b",
    ),
    "refuse": (
        # Instructions aimed at the bot's rules, not at a booking.
        r"\bignore (all |your |the |previous |prior )*(instructions|rules|prompt)",
        r"\bsystem prompt\b",
        r"\byou are now\b",
        r"\bdeveloper mode\b",
        r"\bjailbreak\b",
        r"\bignora (tus |las )?(instrucciones|reglas)\b",
        r"\bignore (suas |as )?(instrucoes|regras)\b",
        # Recurring or unbounded bookings.
        r"\bevery (day|week|monday|tuesday|wednesday|thursday|friday)\b.*\b(forever|always|year)\b",
        r"\b(forever|indefinitely)\b",
        r"\btodos los dias\b",
        r"\bpara siempre\b",
        r"\btodos os dias\b",
        r"\bpara sempre\b",
        # Someone else's data.
        r"\b(other|another) patient'?s?\b",
        r"\bsomeone else'?s (appointment|data|details)\b",
        r"\b(list|show|give me) (all )?(the )?(patients|appointments of)\b",
        r"\bdatos de otro paciente\b",
        r"\bcitas de otros\b",
        r"\bdados de outro paciente\b",
        r"\bconsultas de outros\b",
    ),
}
_COMPILED = {name: [re.compile(p) for p in patterns] for name, patterns in COMMANDS.items()}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s']", " ", plain).split())


def commands_in(text: str) -> frozenset[str]:
    folded = fold(text)
    return frozenset(name for name, patterns in _COMPILED.items() if any(p.search(folded) for p in patterns))
