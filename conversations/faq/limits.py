"""Questions the bot must not answer: clinical ones, fee waivers and billing disputes.

Pure rules over folded text (see `understanding.text.fold`). The words come from the
registered language packs (`FaqWords`, see `languages/faq_words.py`); this module holds only
the shape of each rule, and every slot of a shape is filled with the alternatives of all
packs at once, since patients mix languages ("can I tomar ibuprofeno?"). Recall comes first:
a wrongly refused question costs the patient a call to reception, a clinical answer from a
bot can cost far more.

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
from functools import cache

from conversations.understanding.languages import PACKS, health_word, spelled_out
from conversations.understanding.text import fold

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _alternatives(name: str) -> list[str]:
    """One pack field's alternatives for every pack: each line holds one or more, `|` apart."""
    found = []
    for pack in PACKS:
        for line in getattr(pack.faq, name).splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("|") or line.endswith("|") or "||" in line:
                raise ValueError(f"FaqWords.{name} of {pack.code!r}: an empty alternative in {line!r}")
            found.append(line)
    return found


@cache
def _slot(name: str) -> str:
    """Every pack's `name` as one group, its own placeholders filled; never matches when empty."""
    alternatives = [_fill(line) for line in _alternatives(name)]
    return f"(?:{'|'.join(alternatives)})" if alternatives else "(?!)"


def _fill(shape: str) -> str:
    """A shape or fragment with each `{field}` replaced by that field's slot ("{0,40}" stays)."""
    return _PLACEHOLDER.sub(lambda m: _slot(m.group(1)), shape)


def _rules(*shapes: str) -> re.Pattern[str]:
    return re.compile("|".join(_fill(shape) for shape in shapes))


def _words(name: str) -> list[str]:
    return [word for pack in PACKS for word in getattr(pack.faq, name).split()]


# Medication, symptoms and conditions: clinical unless the message asks to book or asks
# whether the clinic offers a service ("my back hurts, can I book?", "do you treat allergies?").
TOPIC = _rules(r"\b{topics}\b", r"\b{health_info}\b")
# Asking for advice: always clinical, whatever else the message says.
_NOT_NEGATED = "".join(f"(?<!{re.escape(word)} )" for word in _words("negations"))
ADVICE = _rules(
    r"\b{advice}\b",
    r"\b{results}\b.{0,40}\b{result_readings}\b",
    r"\b{meaning}\b.{0,40}\b{results}\b",
    r"\b{results}\b.{0,80}\b{meaning}\b",  # "o resultado ... veio escrito ASC-US, o que significa?"
    _NOT_NEGATED + r"\b{is_it} {is_it_states}\b",
    r"\b{lab_tests}\b.{0,30}(\d|\b{lab_levels}\b)",
    r"\b{should}\b.{0,30}\b{should_actions}\b",
    r"\b{can_i}\b.{0,30}\b{can_i_actions}\b",
    r"\b{which} {remedies}\w*",
    r"\b{am_i} {sick}\b",
    r"\b{what_is} ({normal_articles} )?{normal}\b",
)
BOOKING = _rules(r"\b{booking}\b")
# What a condition or medicine is, causes or needs: clinical with a health term.
ABOUT = _rules(r"{about}")
SERVICE = _rules(r"\b{service_who}\s+{service_verbs}\b", r"^{service_starts}\b")
GIVES = _rules(r"\b{service_who}\s+{service_gives}\b", r"^{service_gives}\b")
SERVICE_FOR = _rules(r"\b{service_for}\b")
BILLING = _rules(
    r"\b{billing}\b",
    r"\b{charged}( \w+){0,3} {twice}\b",
    r"\b({bill_items}|{charged})\b.{0,60}\b{bill_wrong}\b",
    r"\b{agree}\b.{0,30}\b{agree_items}\b",
    r"\b{cheaper_make} ({cheaper_more} )?{cheaper}\b",
)


# The general rule: a health term together with a request for a decision or an
# interpretation is clinical, whatever else the message says (a booking included).
# Health terms are the packs' (`languages.health_word`), so new wording of a known
# idea still matches: "amoxicilina", "amoxicillin"; "inchado", "inchaço"; "embarazada".
# Words that start like a health stem but are not one.
_NOT_HEALTH = frozenset(_words("not_health"))
_HEALTH_PHRASES = _rules(r"\b{health_phrases}\b")


def _for_a_health_term(folded: str) -> bool:
    return any(
        has_health_term(rest) or TOPIC.search(rest)
        for rest in (folded[match.end() :] for match in SERVICE_FOR.finditer(folded))
    )


def has_health_term(folded: str) -> bool:
    """True when a folded text names a symptom, body part, condition, medicine, dose,
    test value, pregnancy or injury. Pure."""
    for word in re.findall(r"[a-z0-9]+", folded):
        if word not in _NOT_HEALTH and health_word(word):
            return True
    return bool(_HEALTH_PHRASES.search(folded))


# Each pack's decision phrases, and the shapes whose parts patients take from different
# languages. Visit logistics after a decision word ("should I bring my medication list?")
# are the packs' `admin_verbs`.
DECISION = _rules(
    r"{decisions}",
    r"\b{result_is} (\w+ )?{result_levels}\b",
    r"\b\d+\w* ({number_is} )?{number_levels}\b",
    r"\b{apply_what} ({apply_to} )?{apply_verbs}\b",
    r"\b{problem_articles} {problem}$",
    r"\b{problem_is} {problem_this}? ?{problem_articles} {problem}\b",
    r"\b{works_which} (\w+ )?{works}\b",
    r"\b{take_again} .{0,25}\b{again}\b",
    r"\b{do_sport} {sports}\b",
    r"\b{can_go} {go}\b",
)
# Visit logistics: a health word in a question about these is not a clinical question
# ("can my pregnant wife come with me?", "can I pay for my son's vaccines by card?").
ADMIN = _rules(r"\b{admin}\b")
# "What should I do to prepare for my heart ultrasound?" is the exam-preparation entry.
PREPARATION = _rules(r"\b{preparation}\b")
# Needing something is a decision too, unless the message asks to book
# ("necesito receta para mi medicamento, quiero cita").
NEED = _rules(r"\b{needs}\b(?! ({need_to} )?{admin_verbs}\b)")
# Instructions in a text the bot would send (the advice filter; never run on patients' words).
INSTRUCTIONS = _rules(r"\b{instructions}")
# "For free" asks for a waiver, unless it is about parking, Wi-Fi or cancelling.
FREE = _rules(r"\b{free}\b")
FACILITY = _rules(r"\b{facility}\b")


def _folded(text: str) -> str:
    return spelled_out(fold(text))


def _asks_advice(folded: str) -> bool:
    if ADVICE.search(folded):
        return True
    return bool(DECISION.search(folded) and has_health_term(folded) and not PREPARATION.search(folded))


def faq_asks_advice(text: str) -> bool:
    """True when the message asks for a medical decision or interpretation ("is it cancer?",
    "should I stop my pills?"), whatever else it says, a booking request included. Pure."""
    return _asks_advice(_folded(text))


def faq_is_clinical(text: str) -> bool:
    """True when the message asks for medical advice (medication, symptoms, dose, results,
    "should I..."); such questions are refused and escalated. Pure."""
    folded = _folded(text)
    if _asks_advice(folded):
        return True
    if BOOKING.search(folded) or ADMIN.search(folded):
        return False
    if ABOUT.search(folded) and has_health_term(folded) and not PREPARATION.search(folded):
        # "Do you have information about statins?" asks about medicine, not a service.
        return True
    if SERVICE.search(folded):
        return False
    if GIVES.search(folded) and not _for_a_health_term(folded):
        # "Do you give flu shots?", "¿ponen vacunas?": whether the clinic offers it; "do you
        # give antibiotics for a sore throat?" asks about a treatment.
        return False
    return bool(TOPIC.search(folded) or (NEED.search(folded) and has_health_term(folded)))


def faq_is_billing_dispute(text: str) -> bool:
    """True when the message asks for a fee waiver, a discount or disputes a charge. Pure."""
    folded = _folded(text)
    return bool(BILLING.search(folded) or (FREE.search(folded) and not FACILITY.search(folded)))


def faq_instructions(text: str) -> list[str]:
    """The instructions a text gives the patient, folded: what to take, stop, skip, eat or
    drink, with or without a health term ("stop taking it the day before", "take two of
    them"). The advice filter's rule for text the bot did not take word for word from copy or
    approved content. Pure."""
    return [match.group(0) for match in INSTRUCTIONS.finditer(_folded(text))]
