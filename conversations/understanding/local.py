"""The local engine: rules and dictionaries from the registered language packs.

No network, no model files; a few hundred microseconds per message. Each intent has
phrase patterns over folded text (no accents, lower case) in every pack, all matched at
once, since patients mix languages. Confidence is high when a strong phrase matched,
lower when only a weak cue did, which is what the hybrid policy keys on.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from rapidfuzz.distance import OSA

from conversations.understanding import entities as ent
from conversations.understanding.commands import commands_in, without_soonest
from conversations.understanding.dates import resolve
from conversations.understanding.dates.lexicon import ALL as DATE_WORDS
from conversations.understanding.languages import HEALTH_PREFIXES, HEALTH_WORDS, PACKS, TYPOS
from conversations.understanding.text import fold
from conversations.understanding.types import ClinicDirectory, Entities, Expecting, Intent, Understanding

CONFIDENT = 0.85  # at or above this the hybrid policy does not ask the model


@dataclass(frozen=True)
class IntentRule:
    rule_id: str
    intent: Intent
    pattern: re.Pattern[str]
    confidence: float


def _alt(words) -> str:
    """One alternation of every pack's entries for a field, longest first."""
    return "|".join(sorted(dict.fromkeys(words), key=len, reverse=True))


def _words(name: str) -> list[str]:
    return [word for pack in PACKS for word in getattr(pack, name)]


# A tapped emoji is an answer in any language.
_EMOJI = {"👍": " emojiyes ", "👌": " emojiok ", "✅": " emojiyes ", "🙆": " emojiyes ", "👎": " emojino "}
_EMOJI |= {"❌": " emojino ", "🙅": " emojino "}
_BOOK_NOUN = f"(?:{_alt(_words('book_nouns'))})"
_MY_APPT = rf"(?:{_alt(_words('determiners'))})?\s*(?:\w+\s+)?{_BOOK_NOUN}"
_BUT = _alt(_words("but_words"))
_BOOKING_STEMS = _alt(_words("booking_stems"))
_YES = _alt([*_words("yes_words"), "emojiyes", "emojiok"])
_NO = _alt([*_words("no_words"), "emojino"])
_THANKS = _alt(_words("thanks"))
# Asked yes or no, a yes after a lead-in ("that's fine, yes", "bora, pode marcar") answers it.
_YES_INSIDE = re.compile(rf"\b({_alt([w for w in _words('yes_words') if len(w) > 2])})\b")
# A negation inside turns a yes word around ("that is not right"); "sin problema" does not.
_NEGATIONS = [
    w for pack in PACKS for w in pack.faq.negation_words.split() if w not in ("sin", "sem", "without")
]
_NO_INSIDE = re.compile(
    rf"\b({_alt([*_words('no_words'), *_words('but_words'), *_words('objections'), *_NEGATIONS])})\b"
)
# "no sábado" is "on Saturday" in Portuguese: a "no" before a weekday does not deny.
_WEEKDAY = _alt(w for pack in PACKS for day in pack.dates.weekdays for w in day)
# Asked yes or no, a word or two may come first: "lovely, yes", "va, sí", "ah no".
_OBJECTIONS = _alt(_words("objections"))
_LED_YES = re.compile(rf"^(?:(?!(?:{_NO})\b)\w+ ){{1,2}}({_YES})\b(?!.*\b({_BUT}|{_OBJECTIONS})\b)")
_LED_NO = re.compile(
    rf"^(?:(?!(?:{_YES})\b)\w+ ){{1,2}}({_NO})\b(?!.*\b({_BOOKING_STEMS}|{_alt(_words('want_verbs'))})\w*)"
)
# Structured intents: the words come from the packs, the shape is the same in every language.
_SOCIAL_RULES: list[tuple[Intent, float, list[str]]] = [
    (
        Intent.GREETING,
        0.9,
        [rf"^({_alt(_words('greetings'))})\b(?!.*\b({_BOOKING_STEMS})\w*)"],
    ),
    (
        Intent.GOODBYE,
        0.9,
        [
            rf"^({_alt([*_words('thanks'), *_words('farewells')])})\b(?!.*\b({_BUT}|{_BOOKING_STEMS})\b)",
            rf"\b({_alt(_words('farewells'))})\s*$",
            rf"^(\w+ )?({_THANKS})( (?:{_alt(_words('thanks_intensifiers'))}))?$",
            rf"\b({_alt(_words('closings'))})\b",
        ],
    ),
    (
        Intent.AFFIRM,
        0.95,
        [rf"^({_YES})\b(?!.*\b({_BUT}|{_alt(_words('objections'))})\b)", rf"^({_alt(_words('yes_alone'))})$"],
    ),
    (
        Intent.DENY,
        0.95,
        [
            rf"^(?!no (?:{_WEEKDAY})\b)({_NO})\b(?!.*\b({_BOOKING_STEMS}|{_alt(_words('want_verbs'))})\w*)",
            rf"^({_alt(_words('not_that'))}) ",
        ],
    ),
]
_CONFIDENCE = {
    Intent.HUMAN: 0.95,
    Intent.RESCHEDULE: 0.92,
    Intent.CANCEL: 0.92,
    Intent.AVAILABILITY: 0.88,
    Intent.BOOK: 0.9,
    Intent.FAQ: 0.85,
}
WEAK_BOOK = 0.6  # a bare noun ("appointment", "consulta") is only a cue


def _fill(pattern: str) -> str:
    return pattern.replace("{book_noun}", _BOOK_NOUN).replace("{my_appt}", _MY_APPT)


INTENT_RULES: tuple[IntentRule, ...] = (
    *(
        IntentRule(f"intent.{intent.value}.{pack.code}.{i}", intent, re.compile(_fill(pattern)), confidence)
        for intent, confidence in _CONFIDENCE.items()
        for pack in PACKS
        for i, pattern in enumerate(pack.intents.get(intent.value, ()), start=1)
    ),
    *(
        IntentRule(f"intent.book.{pack.code}.weak.{i}", Intent.BOOK, re.compile(pattern), WEAK_BOOK)
        for pack in PACKS
        for i, pattern in enumerate(pack.weak_book, start=1)
    ),
    *(
        IntentRule(f"intent.{intent.value}.{i}", intent, re.compile(pattern), confidence)
        for intent, confidence, patterns in _SOCIAL_RULES
        for i, pattern in enumerate(patterns, start=1)
    ),
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
_WANT = re.compile(rf"\b({_alt(_words('want_words'))})\b")
_OFFERS_ASKED = re.compile(rf"\b({_alt(_words('offers_asked'))})\b")
_EXPLICIT_BOOKING = re.compile(rf"\b({_alt(_words('booking_verbs'))})\b")
_CHANGE_RULES = re.compile(rf"\b({_alt(_words('change_rules'))})\b")
_ALREADY_BOOKED = re.compile(rf"\b({_alt(_words('already_booked'))})")
_HYPOTHETICAL = re.compile(rf"^({_alt(_words('hypotheticals'))}) ")
_LEAD_IN = rf"(?:(?:{_alt(_words('question_lead_ins'))}) )?"
_QUESTION = re.compile(rf"\?|^{_LEAD_IN}({_alt(_words('question_starts'))})\b")
# A later clause asks too ("minha sogra só fala romeno, vocês têm tradutor?"), unless its
# first word also joins clauses ("quiero cita, que sea por la tarde").
_JOINING = frozenset(_words("joining_starts"))
_CLAUSE_QUESTION = re.compile(
    rf"^{_LEAD_IN}({_alt(w for w in _words('question_starts') if w not in _JOINING)})\b"
)
_CLAUSES = re.compile(r"[,;.!:\n]+")
_MARKED_QUESTION = re.compile(rf"(?<!\w)({'|'.join(_words('marked_questions'))})(?!\w)")
# Greetings and thanks before a question ("hola, tienen farmacia", "thanks! and do you...").
_OPENING = re.compile(rf"^(({_alt(_words('greetings') + _words('thanks'))}|and|y|e)\b ?)+")
# Common misspellings of the words intents hang on; longer words are corrected by edit distance.
# Short words ("quiero", "preciso", "marcar") are left to TYPOS: one edit away from them
# lie real words of the other languages ("precio").
_KEYWORDS = list(dict.fromkeys(_words("keywords")))
# Answers said in one word, mended only from their second letter on ("retonro" is a
# "retorno", "cofirmo" a "confirmo"; "previsao" stays the weather, not a "revisao").
# The words of the kinds of visit ("a new ptaient appoitnment", "a flolow up") too; and a
# slip nearer to one of those than to an intent word is theirs ("annula" is "annual", not the
# Spanish cancel "anular").
_VISIT_WORDS = list(
    dict.fromkeys(
        w
        for pack in PACKS
        for phrases in pack.visit_phrases.values()
        for p in phrases
        for w in p.split()
        if w.isalpha() and len(w) >= 5
    )
)
_ANSWER_WORDS = list(
    dict.fromkeys(
        [
            *(p for pack in PACKS for phrases in pack.visit_phrases.values() for p in phrases if p.isalpha()),
            *_VISIT_WORDS,
            *(w for w in _words("yes_words") if w.isalpha() and len(w) >= 6),
        ]
    )
)
_OFF_TOPIC = re.compile(rf"\b({'|'.join(_words('off_topic'))})\b")
_MEDICAL_WORDS = re.compile(rf"\b({_alt(_words('medical_words'))})\b")


# Our own button ids are "yes" and "no"; a quick-reply payload may carry its title instead.
_YES_BUTTONS = frozenset(word.replace(" ", "_") for word in _words("yes_words") if word.isalpha())
_NO_BUTTONS = frozenset(word.replace(" ", "_") for word in _words("no_words") if word.isalpha())


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
    if key in ("yes", "confirm") or key in _YES_BUTTONS:
        return Understanding(Intent.AFFIRM, 1.0, "", Entities(yes_no=True), rule_ids=["button.yes"])
    if key in ("no", "deny", "decline") or key in _NO_BUTTONS:
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
    expecting: Expecting | None = None,
) -> Understanding:
    """Rules and dictionaries; pure and fast. The caller has already run the emergency rules."""
    if button_payload and (tapped := _button(button_payload)):
        tapped.language = language
        return tapped
    for emoji, token in _EMOJI.items():
        text = text.replace(emoji, token)
    folded = _correct_typos(fold(text))
    entities = _entities(text, folded, directory=directory, now=now, language=language, expecting=expecting)
    # "O quanto antes" is when, not "how much": the intent rules read the rest.
    ruled = without_soonest(folded)
    matched = [rule for rule in INTENT_RULES if rule.pattern.search(ruled)]
    if not matched:
        # "oii", "bom diaa", "graciasss": squeeze repeated letters and try again.
        squeezed = " ".join(
            re.sub(r"(\w)\1+", r"\1", token) if len(set(token)) > 1 else token for token in ruled.split()
        )
        matched = [rule for rule in INTENT_RULES if rule.pattern.search(squeezed)]
    rule_ids = [rule.rule_id for rule in matched]
    by_intent: dict[Intent, float] = {}
    for rule in matched:
        by_intent[rule.intent] = max(by_intent.get(rule.intent, 0.0), rule.confidence)
    asks_about = Intent.FAQ in by_intent and asks_question(text)
    if asks_about and not _EXPLICIT_BOOKING.search(folded):
        # "How much is a consultation?" asks about booking; it does not book.
        by_intent.pop(Intent.BOOK, None)
        by_intent[Intent.FAQ] = 0.88
    wish = _wish_stated(folded, entities, language=language, now=now, zone=directory.time_zone)
    changes_asked = bool(set(by_intent) & _CHANGES)
    if asks_about and wish and not changes_asked:
        # "Do you have any doctor free after 6pm? First time", "¿tienen algo para mañana? es un
        # control": a question that says when and who or what asks in order to book.
        by_intent.pop(Intent.FAQ)
        by_intent[Intent.AVAILABILITY] = 0.88
        rule_ids.append("scope.question_with_wish")
    elif (
        asks_about and entities.appointment_type_code and not changes_asked and _asks_offered(text, directory)
    ):
        # "my daughter is due her 18 month check, do you do those?": whether the clinic does a
        # kind of visit it has, named before, asks to book one (what the FAQ answers of it, it
        # still answers). Named in the asking clause, the visit may be more than the clinic's
        # ("vcs fazem exame físico do DOT pra motorista?"): that is the FAQ's.
        by_intent.pop(Intent.FAQ)
        by_intent[Intent.BOOK] = 0.88
        rule_ids.append("scope.asks_offered_type")

    changes = Intent.CANCEL in by_intent or Intent.RESCHEDULE in by_intent
    supposes = changes and any(_HYPOTHETICAL.search(_correct_typos(fold(c))) for c in _CLAUSES.split(text))
    if (
        changes
        and (asks_question(text) or supposes)
        and _CHANGE_RULES.search(folded)
        and (supposes or not (entities.when or entities.practitioner_ids))
        and not _WANT.search(folded)
    ):
        # "What is your cancellation policy?", "¿me cobran si cancelo?": the rules of
        # cancelling are the FAQ's; nothing is cancelled. A supposition asks about them
        # even with a day: "não vou conseguir ir hoje, se eu desmarcar agora vão cobrar?".
        by_intent.pop(Intent.CANCEL, None)
        by_intent.pop(Intent.RESCHEDULE, None)
        by_intent[Intent.FAQ] = 0.88
        rule_ids.append("scope.asks_change_rules")
    if (
        0 < by_intent.get(Intent.BOOK, 0) < 0.85
        and set(by_intent) == {Intent.BOOK}
        and "?" in text
        and not _EXPLICIT_BOOKING.search(folded)
        and not (
            entities.practitioner_ids or entities.specialty or entities.appointment_type_code or entities.when
        )
    ):
        # "¿Se puede ir con perro a la consulta?": a question that only mentions a visit asks
        # about it; it books nothing.
        by_intent.pop(Intent.BOOK)
        rule_ids.append("scope.question_about_visit")
    if by_intent.get(Intent.BOOK, 0) >= 0.85 and _EXPLICIT_BOOKING.search(folded):
        # "Book me a dentist on the 8th; anything at 2:15?" asks in order to book.
        by_intent.pop(Intent.AVAILABILITY, None)
    if Intent.HUMAN in by_intent and entities.specialty and not entities.practitioner_ids:
        # "I'd like to talk to someone, a psychologist", "quero falar com uma nutricionista": the
        # person asked for is a practitioner to book, not the reception.
        by_intent.pop(Intent.HUMAN)
        by_intent[Intent.BOOK] = max(by_intent.get(Intent.BOOK, 0.0), 0.9)
        rule_ids.append("scope.specialist_asked_for")
    intent, confidence = _decide(folded, by_intent, entities, expecting, wish=wish, asks=asks_about)
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


_CHANGES = frozenset({Intent.HUMAN, Intent.CANCEL, Intent.RESCHEDULE})


_GREETED = re.compile(rf"^(?:(?:{_alt(_words('greetings'))})\b\W*)+")


def _wish_stated(folded: str, entities: Entities, *, language: str, now: datetime, zone: str) -> bool:
    """A day or time to come with who or what to book (not the one of an appointment the
    patient says they have). The greeting's "boa tarde" or "good
    evening" wishes no afternoon: a period is read again without it."""
    if _ALREADY_BOOKED.search(folded):
        return False  # "I have an appointment tomorrow": that one's day, not a wish
    who_or_what = entities.practitioner_ids or entities.specialty or entities.appointment_type_code
    when = entities.when
    if who_or_what and when is None:
        # "dermato o quanto antes", "médico de cabecera lo antes posible": the first free time.
        return "soonest" in commands_in(folded)
    if not who_or_what or when is None or when.past:
        return False
    if when.granularity == "period" and (greeted := _GREETED.match(folded)):
        return resolve(folded[greeted.end() :], language=language, now=now, zone=zone) is not None
    return True


def _decide(
    folded: str,
    by_intent: dict[Intent, float],
    entities: Entities,
    expecting: Expecting | None,
    *,
    wish: bool = False,
    asks: bool = False,
) -> tuple[Intent, float]:
    if expecting is Expecting.YES_NO:
        for social in (Intent.AFFIRM, Intent.DENY):
            if social in by_intent:
                return social, 0.97
        if (
            _YES_INSIDE.search(folded)
            and not _NO_INSIDE.search(folded)
            and not (set(by_intent) & {Intent.HUMAN, Intent.CANCEL, Intent.RESCHEDULE})
            and not (entities.when or entities.practitioner_ids or entities.option_time)
        ):
            return Intent.AFFIRM, 0.9
        if _LED_YES.search(folded):
            return Intent.AFFIRM, 0.9
        if _LED_NO.search(folded):
            return Intent.DENY, 0.9
    if expecting is Expecting.OPTION:
        if entities.option is not None or entities.option_time is not None:
            return Intent.CHOOSE_OPTION, 0.97
        if mid_booking := _mid_booking(folded, by_intent, entities):
            return mid_booking, 0.9
    # "Preciso de um dermatologista" books; a question about the clinic that names a who
    # ("una sesión de fisio cuánto sale?", "¿el otorrino lo puede ver? tiene 4 años") asks.
    wants_someone = (
        bool(entities.specialty or entities.practitioner_ids or (entities.appointment_type_code and not asks))
        and _WANT.search(folded)
        and not (asks and Intent.FAQ in by_intent)
    )
    strong = [i for i in _PRIORITY if by_intent.get(i, 0) >= 0.85 and i is not Intent.FAQ]
    if wants_someone and not strong:
        # "Preciso de um dermatologista", "ocupo un físico anual": a need plus a who or a
        # kind of visit is a booking.
        return Intent.BOOK, 0.88
    for intent in _PRIORITY:
        if intent in by_intent and by_intent[intent] >= 0.85:
            # "No, I want to cancel" is a cancel, not a deny; a booking verb beats a bare greeting.
            return intent, by_intent[intent]
    if entities.option is not None and len(folded.split()) <= 6:
        return Intent.CHOOSE_OPTION, 0.9
    if (
        entities.option_time is not None
        and expecting in (None, Expecting.OPTION)
        and len(folded.split()) <= 5
    ):
        return Intent.CHOOSE_OPTION, 0.85
    kinds = sum(
        map(
            bool,
            [entities.practitioner_ids or entities.specialty, entities.appointment_type_code, entities.when],
        )
    )
    who_or_what = bool(entities.practitioner_ids or entities.specialty or entities.appointment_type_code)
    names_a_booking = who_or_what and (kinds >= 2 or Intent.GREETING in by_intent)
    if (
        names_a_booking
        and not expecting
        and (wish or not entities.full_name)
        and not (set(by_intent) - {Intent.GREETING})
    ):
        # "hola, me toca el control con el Dr. Carlos", "Dr Ruiz, the cardiologist, Monday
        # evening": who or what to book, with no verb, is a booking; with a day, a sure one,
        # even beside a name ("a paediatrician on saturday morning? its for my son leo").
        return Intent.BOOK, 0.88 if wish else 0.8
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
_ACCEPT = re.compile(rf"\b({'|'.join(_words('accept'))})\b")
# A real change of an existing appointment, as opposed to "try another time" mid-booking.
_RESCHEDULE_VERB = re.compile(rf"\b({'|'.join(_words('change_existing'))})\b")
_ALTERNATIVES = re.compile(rf"\b({_alt(_words('alternatives'))})\b")
# Questions about the one offered ("what's their address?") and closings ("thanks, that's all").
_ASKS_DETAILS = re.compile(rf"\b({_alt(_words('asks_details'))})\b")
_CLOSING = re.compile(rf"\b({_alt([*_words('thanks'), *_words('closings'), *_words('closing_words')])})\b")


def _mid_booking(folded: str, by_intent: dict[Intent, float], entities: Entities) -> Intent | None:
    """With options on offer (the bot offered a practitioner or slots, or the slot was
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


def asks_question(text: str) -> bool:
    """A question by its marks ("?", "¿", an accented "qué"), by its first words after any
    greeting ("tem pediatra", "hola, tienen farmacia", "con cuánta antelación..."), or by
    the first words of a later clause ("mi padre va en silla de ruedas, pueden subirle?")."""
    if "?" in text or "¿" in text or _MARKED_QUESTION.search(text.lower()):
        return True
    first, *later = (_correct_typos(fold(clause)) for clause in _CLAUSES.split(text))
    if _QUESTION.search(_OPENING.sub("", first)):
        return True
    return any(_CLAUSE_QUESTION.search(clause) for clause in later)


_SENTENCES = re.compile(r"[?¿.!;\n]+")


def requests_beside_question(text: str, understood: Understanding) -> bool:
    """A sentence that states a need ("I'd like to see a GP", "need to register with a GP")
    beside a question ("Are you open on Saturdays?"), with who or what to book: the question
    gets its answer and the booking starts. A need inside the question ("can I see the
    endocrinologist over video?") asks; it is not this."""
    entities = understood.entities
    if understood.intent not in (Intent.FAQ, Intent.UNKNOWN, Intent.GIVE_INFO, Intent.BOOK):
        return False
    if not (entities.practitioner_ids or entities.specialty or entities.appointment_type_code):
        return False
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    if len(sentences) < 2 or not asks_question(text):
        return False
    return any(
        _WANT.search(folded := _correct_typos(fold(sentence)))
        and not _QUESTION.search(_OPENING.sub("", folded))
        for sentence in sentences
    )


def _correct_typos(folded: str) -> str:
    return " ".join(_correct(token) for token in folded.split())


@lru_cache(maxsize=8192)
def _correct(token: str) -> str:
    if token in TYPOS:
        return TYPOS[token]
    if token in _KEYWORDS or token in _VISIT_WORDS or len(token) < 5:
        return token
    if token in HEALTH_WORDS or token.startswith(HEALTH_PREFIXES):
        return token  # a real word is no typo: "cancer" is not one edit from "cancel"
    if (visit := _visit_word(token)) != token or len(token) < 6:
        return visit  # "folow up", "ptaient"
    for word in _KEYWORDS:
        if token.startswith(word) or word.startswith(token):
            continue  # an inflection ("horarios", "cancelled"), not a typo
        if abs(len(word) - len(token)) <= 1 and OSA.distance(token, word, score_cutoff=1) <= 1:
            return word
    for word in _ANSWER_WORDS:
        if word[0] == token[0] and abs(len(word) - len(token)) <= 1 and OSA.distance(token, word) == 1:
            return word
    return token


def _visit_word(token: str) -> str:
    for word in _VISIT_WORDS:
        if word[0] == token[0] and abs(len(word) - len(token)) <= 1 and OSA.distance(token, word) == 1:
            return word
    return token


_BIRTH = re.compile(rf"\b({_alt(_words('birth_words'))})\b")


_WEEKDAYS_PLURAL = re.compile(
    rf"\b({_alt(sorted({w for d in DATE_WORDS for day in d.weekdays for w in day}, key=len, reverse=True))})s\b"
)


def _asks_offered(text: str, directory: ClinicDirectory) -> bool:
    asking = [fold(c) for c in _CLAUSES.split(text) if _OFFERS_ASKED.search(_correct_typos(fold(c)))]
    return bool(asking) and not any(
        ent.appointment_type_match(c, directory.appointment_types) for c in asking
    )


def _weekdays_asked_with_whom(text: str, entities: Entities, directory: ClinicDirectory) -> bool:
    """A plural weekday in a sentence that names who or what to book, or that says when the
    patient can come ("saturdays are my only free day") beside a sentence naming them."""
    return bool(
        (entities.practitioner_ids or entities.specialty or entities.appointment_type_code)
        and _WEEKDAYS_PLURAL.search(fold(text))
        and any(
            _WEEKDAYS_PLURAL.search(fold(sentence))
            and (_names_whom_or_what(sentence, directory) or not asks_question(sentence))
            for sentence in _SENTENCES.split(text)
        )
    )


def _names_whom_or_what(text: str, directory: ClinicDirectory) -> bool:
    return bool(
        ent.specialty_match(text, directory)
        or ent.practitioner_match(text, directory)
        or ent.appointment_type_match(fold(text), directory.appointment_types)
    )


def _entities(
    text: str,
    folded: str,
    *,
    directory: ClinicDirectory,
    now: datetime,
    language: str,
    expecting: Expecting | None,
) -> Entities:
    entities = Entities()
    # None: the bot asked for something else (a date, a name), so bare numbers are not options.
    expecting_option = (
        None
        if expecting in (Expecting.DATE, Expecting.NAME, Expecting.DATE_OF_BIRTH)
        else expecting is Expecting.OPTION
    )
    entities.option = ent.option_choice(text, expecting_option=expecting_option)
    short = len(folded.split()) <= 5
    entities.option_time = (
        ent.option_time(text, bare=expecting_option is True)
        if entities.option is None and (short or expecting_option)
        else None
    )
    if entities.option is None:
        when = resolve(text, language=language, now=now, zone=directory.time_zone)
        if when is not None and entities.option_time is not None and not (when.day and when.day_stated):
            when = None  # "the 10:30 one" picks an offered time; "Thursday after 1" is a new wish
        if when is not None:
            entities.option_time = None
            entities.when = when
            entities.period = when.period
    entities.full_name = ent.full_name(
        text,
        expecting_name=expecting is Expecting.NAME,
        correcting=expecting is Expecting.DATE_OF_BIRTH,  # "sorry, typo: John Park"
    )
    entities.for_someone = ent.for_someone_else(folded)
    # The patient's own name ("Ana Clara Oliveira") names no practitioner.
    named = frozenset(fold(entities.full_name).split()) if entities.full_name else frozenset()
    who_text = " ".join(word for word in text.split() if fold(word) not in named) if named else text
    entities.practitioner_ids = ent.practitioner_match(who_text, directory)
    entities.specialty = ent.specialty_match(text, directory)
    if entities.specialty and entities.practitioner_ids and not ent.HONORIFICS & set(folded.split()):
        # "...el dermatólogo ... Mateo Fernández Ruiz": a surname that is also a practitioner's
        # (Dr. Ruiz, a cardiologist), said with no title, names nobody when the specialty said
        # is not theirs ("Dr Ruiz, the dermatologist" still names Dr. Ruiz).
        entities.practitioner_ids = ent.practitioners_of(
            entities.practitioner_ids, entities.specialty, directory
        )
    if not entities.specialty and not entities.practitioner_ids and ent.for_a_child(folded):
        # "my daughter's well child check, she's 4": the clinic's paediatrician, if it has one.
        entities.specialty = ent.specialty_label("pediatrics", directory)
    answering = expecting is Expecting.OPTION and entities.option is None and entities.option_time is None
    entities.appointment_type_code = ent.appointment_type_match(
        folded,
        directory.appointment_types,
        answering=answering,
        said_first=_correct_typos(fold(_CLAUSES.split(text, maxsplit=1)[0])) if answering else "",
    )
    if (
        entities.when is None
        and entities.option is None
        and _weekdays_asked_with_whom(text, entities, directory)
    ):
        # "Do you have a GP on Saturdays?", "a pediatra atende às terças?": asked with who or
        # what to book, the next of those days. Alone ("are you open on Saturdays? I'd like to
        # see the dermatologist") the days are the FAQ's.
        singular = _WEEKDAYS_PLURAL.sub(r"\1", folded)
        if when := resolve(singular, language=language, now=now, zone=directory.time_zone):
            entities.when, entities.period = when, when.period
    if expecting in (Expecting.DATE_OF_BIRTH, Expecting.NAME) or _BIRTH.search(folded):
        entities.date_of_birth = ent.date_of_birth(
            text, language=language, today=now.date(), country=directory.country
        )
    elif entities.when and entities.when.past and re.search(r"\b(19|20)\d\d\b", folded):
        # A full date with a year long gone is a birth date, not an appointment.
        entities.date_of_birth = ent.date_of_birth(
            text, language=language, today=now.date(), country=directory.country
        )
    if entities.date_of_birth is not None:
        entities.when = _wish_beside_birth(text, language=language, now=now, zone=directory.time_zone)
        entities.period = entities.when.period if entities.when else None
    return entities


def _wish_beside_birth(text: str, *, language: str, now: datetime, zone: str):
    """ "This is Daniel Whitaker, DOB 5 Oct 1986. A video visit on Tuesday between 2 and 4pm":
    the sentences without the birth date still say when the visit should be."""
    clauses = [
        c for c in re.split(r"[.;!?\n](?:\s|$)", text) if c.strip()
    ]  # sentences: "April 15, 1985" is one
    rest = [c for c in clauses if not _BIRTH.search(fold(c)) and not re.search(r"\b(19|20)\d\d\b", c)]
    if not rest or len(rest) == len(clauses):
        return None
    when = resolve(" ".join(rest), language=language, now=now, zone=zone)
    return None if when is None or when.past else when
