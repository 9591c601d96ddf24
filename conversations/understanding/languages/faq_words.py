"""The words a language asks the clinic's approved questions with, for `conversations.faq`."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FaqWords:
    """Filled in by each language pack, written folded (lower case, no accents).

    Two kinds of field. Plain words are space-separated. Regex fields hold regular-expression
    alternatives: one or more on a line, `|` apart, lines joined with `|` (so no line starts
    or ends with `|`). The engines join every pack's alternatives for a field into one slot,
    since patients mix languages; inside a regex field `{name}` stands for the slot of the
    field `name` (every pack's), as in `tomar(?! ({taken_articles} )?{taken_not_medicine})`.
    The shape each slot goes into is in `conversations/faq/limits.py`; the comments here
    quote it. Retrieval and grounding fields are plain words; clinical and billing fields are
    regex, except `health_stems`, `not_health` and `negations`.
    """

    # ---- retrieval (faq.retrieval) -----------------------------------------------------------
    # Words that say nothing about which entry a question means (retrieval drops them;
    # general stop-word lists drop "open", "where" and "results", which do say).
    stop_words: str = ""
    # Words of a message's setting (when, who, what happened: "tomorrow", "my daughter",
    # "something came up") that name no topic: weightless when no entry uses them, so they
    # neither hide the topic nor count as a subject the clinic has no entry for, as an
    # unknown word does ("dog"). An entry that uses one ("Do you open in the morning?")
    # weighs it like any other word.
    neutral_words: str = ""
    # Synonyms by concept: each word of a concept is read as its key, so "estacionamento",
    # "valet" and "car" meet as "_parking". The keys are shared by every pack ("_price",
    # "_where", "_parking", ...); a word belongs to one concept only.
    concepts: Mapping[str, str] = field(default_factory=dict)  # key -> words
    # Phrases read as concept keys before the words are split, longest first ("how much" ->
    # "_price", "blood work" -> "_blood _test").
    phrases: Mapping[str, str] = field(default_factory=dict)

    # ---- grounding (faq.grounding) -----------------------------------------------------------
    # A fact in a rephrased answer must be in the approved text, in digits or in words.
    number_words: str = ""  # each number in digits, then its words: "2 two 12 twelve noon"
    weekdays: tuple[str, ...] = ()  # seven entries, Monday first, each the day's words
    currency_words: str = ""  # "dollars", "reais"; the symbols ("R$", "€") are the engine's
    # Every other word of a rephrasing, stemmed, must be the approved text's too, except the
    # pack's stop words; `claim_words` are stop words that still claim something ("any",
    # "can", "sim") and count all the same, and no `negation_words` of the text may be lost.
    claim_words: str = ""
    negation_words: str = ""

    # ---- clinical questions (faq.limits) -----------------------------------------------------
    # Health terms: a stem of five letters or more matches every word it starts ("amoxic"),
    # a shorter one only itself ("tos", "mg"); `not_health` are words that start like a stem
    # but are not one ("medico", "pillow"); `health_phrases` (regex, `\b...\b`) need more
    # than one word ("blood pressure", "the pill").
    health_stems: str = ""  # plain words
    not_health: str = ""  # plain words
    health_phrases: str = ""  # regex
    # Endings of medical terms, for words of seven letters or more ("hepatitis", "lymphoma",
    # "leucemia", "neuropatia"); `not_health` lists the words that merely end so ("sympathy").
    health_suffixes: str = ""  # plain words
    # Asking what a condition or medicine is or does (regex, `\b...`): clinical with a health
    # term unless it is about booking or the visit ("what is lupus?", "tell me about statins",
    # "what causes dry eye?", "qué es la hepatitis", "o que causa enxaqueca").
    about: str = ""
    # Medicines, symptoms and conditions (regex, `\b...\b`): clinical unless the message asks
    # to book, about a service or about the visit; `skin` fills `{skin}` ("manchas en la piel").
    topics: str = ""
    skin: str = ""
    # Advice, always clinical (regex). `advice` (`\b...\b`): doses, side effects, diagnosis,
    # treatment, "how do I treat". Then these shapes, each slot filled from every pack:
    #   {results} within 40 characters of {result_readings}: "results ... high", "exames ... ruim"
    #   {meaning} within 40 characters of {results}: "what do ... mean ... results"
    #   {is_it} {is_it_states}, unless one of `negations` (plain words) comes just before:
    #   "is it normal", "isso e grave"
    #   {lab_tests} within 30 characters of a digit or {lab_levels}: "tsh 6", "glicose alta"
    #   {should} within 30 characters of {should_actions}: "should I ... take", "devo ... tomar"
    #   {can_i} within 30 characters of {can_i_actions}: "can I ... mix", "puedo ... tomar"
    #   {which} {remedies}: "what cream", "que remedio"
    #   {am_i} {sick}: "am I sick", "estou doente"
    #   {what_is} [{normal_articles}] {normal}: "what is a normal", "qual o normal"
    # `taken_articles` and `taken_not_medicine` are what "tomar" is said of when it is not
    # medicine ("tomar un cafe", "tomar o onibus"), for the packs' `{...}` placeholders.
    advice: str = ""
    # Asking for health information about a condition, whatever its name (regex, `\b...\b`):
    # its symptoms, causes, treatment, outlook, prevention, whether it is inherited; a topic
    # like `topics` (a booking or a question about the visit outweighs it).
    health_info: str = ""
    results: str = ""
    result_readings: str = ""
    meaning: str = ""
    negations: str = ""  # plain words
    is_it: str = ""
    is_it_states: str = ""
    lab_tests: str = ""
    lab_levels: str = ""
    should: str = ""
    should_actions: str = ""
    can_i: str = ""
    can_i_actions: str = ""
    taken_articles: str = ""
    taken_not_medicine: str = ""
    which: str = ""
    remedies: str = ""
    am_i: str = ""
    sick: str = ""
    what_is: str = ""
    normal_articles: str = ""
    normal: str = ""
    # Asking for a decision or an interpretation (regex): with a health term, clinical.
    # `decisions` are each language's own phrases ("should I", "¿debo?", "e normal"), complete
    # with their `\b`; `admin_verbs` are visit logistics that undo a decision word ("should I
    # bring", "devo levar"; `{admin_verbs}\b`). Then these shapes:
    #   {result_is} [word] {result_levels}: "is high", "deu alta"
    #   digits {number_is}? {number_levels}: "120 is high", "6 alto"
    #   {apply_what} [{apply_to}] {apply_verbs}: "que le pongo", "o que eu passo"
    #   {problem_articles} {problem} at the end, or {problem_is} [{problem_this}]
    #   {problem_articles} {problem}: "is it a problem", "isso e um problema"
    #   {works_which} [word] {works}: "which one works", "qual serve"
    #   {take_again} within 25 characters of {again}: "take ... again", "tomo ... otra"
    #   {do_sport} {sports}: "play sports", "hacer deporte"
    #   {can_go} {go}: "can I work", "posso voltar"
    decisions: str = ""
    admin_verbs: str = ""
    result_is: str = ""
    result_levels: str = ""
    number_is: str = ""
    number_levels: str = ""
    apply_what: str = ""
    apply_to: str = ""
    apply_verbs: str = ""
    problem_is: str = ""
    problem_this: str = ""
    problem_articles: str = ""
    problem: str = ""
    works_which: str = ""
    works: str = ""
    take_again: str = ""
    again: str = ""
    do_sport: str = ""
    sports: str = ""
    can_go: str = ""
    go: str = ""
    # Not clinical after all (regex, `\b...\b` unless said): asking to book ("book", "cita");
    # asking whether the clinic offers a service, {service_who} {service_verbs} ("do you
    # treat", "ustedes atienden") or a message starting with {service_starts} ("atienden");
    # a question about the visit (`admin`: "bring", "parking", "jejum"). Whether the clinic
    # gives something, {service_who} {service_gives} or a message starting with it ("do you
    # give flu shots", "¿ponen vacunas?"), is a service question too, unless a health term
    # follows {service_for} ("do you give antibiotics for a sore throat?": a treatment).
    booking: str = ""
    service_who: str = ""
    service_verbs: str = ""
    service_starts: str = ""
    service_gives: str = ""
    service_for: str = ""
    admin: str = ""
    # Exam preparation ("prepare"): the preparation entry, not a clinical question.
    preparation: str = ""
    # Needing something ("do I need", "necesito"): with a health term, clinical, unless
    # followed by [{need_to}] {admin_verbs} ("do I need to bring", "necesito llevar").
    needs: str = ""
    need_to: str = ""

    # ---- the advice filter on the bot's own text (faq.limits.faq_gives_instructions) ---------
    # Instructions a generated reply must never give, with or without a health term (regex,
    # `\b...`): what to take, stop, skip, double, eat or drink ("stop taking it the day
    # before", "don't eat after midnight", "take two of them", "double the dose", "deje de
    # tomarlo", "não coma depois da meia-noite"). Only text the bot did not take word for word
    # from its copy or approved content is checked; a false alarm sends the approved text.
    instructions: str = ""

    # ---- fee waivers and billing disputes (faq.limits) ---------------------------------------
    # `billing` (regex, `\b...\b`): waivers, discounts, refunds, "charged twice", "no puedo
    # pagar". Then these shapes:
    #   {charged} [up to three words] {twice}: "charged me twice", "cobraram duas vezes"
    #   {bill_items} within 25 characters of {bill_wrong}: "the bill is wrong", "fatura errada"
    #   {agree} within 30 characters of {agree_items}: "no estoy de acuerdo con el cobro"
    #   {cheaper_make} [{cheaper_more}] {cheaper}: "make it a bit cheaper", "deixar mais barato"
    # `free` ("for free", "gratis") asks for a waiver unless `facility` ("parking", "wifi",
    # "cancel") says what is free.
    billing: str = ""
    charged: str = ""
    twice: str = ""
    bill_items: str = ""
    bill_wrong: str = ""
    agree: str = ""
    agree_items: str = ""
    cheaper_make: str = ""
    cheaper_more: str = ""
    cheaper: str = ""
    free: str = ""
    facility: str = ""
