"""The grounding check: a rephrased answer may not state a fact its sources do not hold.

Facts here are what a patient acts on and a model is known to invent: numbers (prices,
phone numbers, times, days, counts) in digits or words, links and e-mail addresses,
currencies and weekdays. Each one in the reply must be present in the approved sources;
otherwise the reply is rejected and the approved text is sent verbatim.
"""

import re

from conversations.understanding.text import fold

_LINK = re.compile(
    r"(https?://[^\s<>\"']+|www\.[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|br|es|ar|mx|io|app|health|clinic|info|me|ly|gl)\b(?:/[^\s]*)?)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_NUMBER_WORDS = {
    "2": "two dos dois duas",
    "3": "three tres",
    "4": "four cuatro quatro",
    "5": "five cinco",
    "6": "six seis",
    "7": "seven siete sete",
    "8": "eight ocho oito",
    "9": "nine nueve nove",
    "10": "ten diez dez",
    "11": "eleven once onze",
    "12": "twelve doce doze noon midday mediodia meio-dia",
    "15": "fifteen quince quinze",
    "20": "twenty veinte vinte",
    "24": "midnight medianoche meia-noite",
    "30": "thirty treinta trinta",
    "40": "forty cuarenta quarenta",
    "45": "forty-five",
    "48": "forty-eight",
    "50": "fifty cincuenta cinquenta",
    "60": "sixty sesenta sessenta",
    "100": "hundred cien cem",
    "1000": "thousand mil",
}
_WORD_TO_NUMBER = {fold(w): n for n, ws in _NUMBER_WORDS.items() for w in ws.split()}
_CURRENCY = re.compile(r"(r\$|us\$|\$|€|£|\b(?:reais|real|dollars?|dolares|pesos|euros?)\b)", re.IGNORECASE)
_WEEKDAYS = {
    "mon": "monday lunes segunda",
    "tue": "tuesday martes terca",
    "wed": "wednesday miercoles quarta",
    "thu": "thursday jueves quinta",
    "fri": "friday viernes sexta",
    "sat": "saturday sabado sabados",
    "sun": "sunday domingo domingos",
}
_WORD_TO_DAY = {w: day for day, ws in _WEEKDAYS.items() for w in ws.split()}


def _groups(text: str) -> set[str]:
    """Digit runs joined across separators: "+55 11 4000-1234" -> "551140001234"."""
    return {re.sub(r"\D", "", group).lstrip("0") for group in re.findall(r"\d[\d .\-()]*\d", text)}


def _numbers(text: str) -> set[str]:
    found = {run.lstrip("0") for run in _DIGITS.findall(text)} | _groups(text)
    for token in re.findall(r"[\w-]+", fold(text)):
        if token in _WORD_TO_NUMBER:
            found.add(_WORD_TO_NUMBER[token])
    return found - {""}


def _links(text: str) -> set[str]:
    return {m.lower().rstrip(".,;:!?)") for m in _LINK.findall(text)}


def _days(text: str) -> set[str]:
    return {_WORD_TO_DAY[t] for t in fold(text).split() if t in _WORD_TO_DAY}


def _currencies(text: str) -> set[str]:
    return {m.lower() for m in _CURRENCY.findall(text)}


def grounding_problems(reply: str, *, sources: list[str]) -> list[str]:
    """What the reply states that no source holds ("number 150", "link x.com"); empty when grounded."""
    source = "\n".join(sources)
    groups = _groups(source)
    # A long run may be part of a phone number the source wrote with other separators.
    problems = [
        f"number {n}"
        for n in sorted(_numbers(reply) - _numbers(source))
        if not (len(n) >= 4 and any(n in group for group in groups))
    ]
    source_links = _links(source)
    problems += [f"link {link}" for link in sorted(_links(reply)) if not any(link in s for s in source_links)]
    problems += [f"currency {c}" for c in sorted(_currencies(reply) - _currencies(source))]
    problems += [f"weekday {d}" for d in sorted(_days(reply) - _days(source))]
    return problems
