"""The shape of a language pack: everything an engine may need to know about one language.

Words are written folded (lower case, no accents: see `understanding.text.fold`). Fields that
hold regular-expression fragments say so; everything else is plain words. Engines combine
the registered packs, since patients mix languages ("ok, quiero el martes").
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from conversations.understanding.languages.date_words import DateWords
from conversations.understanding.languages.faq_words import FaqWords

GAP = r"(?:\w+ ){0,3}"  # up to three filler words between the parts of a phrase


@dataclass(frozen=True)
class LanguagePack:
    code: str  # as stored on conversations and patients: "en", "es", "pt-BR"
    name: str  # in the language itself, for staff pages and the admin
    english_name: str  # for model prompts
    choice_name: str  # the member name in conversations.models.Language
    aliases: tuple[str, ...] = ()  # other spellings accepted in clinic files and hints
    stemmer: str = ""  # the Snowball algorithm for this language (PyStemmer), e.g. "spanish"
    dictionary: str = ""  # pyspellchecker's word list for this language, e.g. "es"
    # Words a clinic's voice notes use, spelt as written (accents kept): they prime the
    # speech engine (understanding.speech.vocabulary), which then hears "dermatólogo", not "nermatolo".
    voice_vocabulary: str = ""
    dates: DateWords = field(default_factory=DateWords)
    faq: FaqWords = field(default_factory=FaqWords)
    # Conversation commands honoured in any state (regex fragments): reset, more, other,
    # later, earlier, any, refuse.
    commands: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # WhatsApp opt-out / opt-in keywords (a whole message, folded, punctuation dropped).
    opt_out: tuple[str, ...] = ()
    opt_in: tuple[str, ...] = ()
    identify_words: str = ""  # space-separated
    identify_marks: tuple[str, ...] = ()
    # Emergency rules by category (regexes), concept pairs, symptom words one typo from which a
    # word is corrected, real words that are not typos, history, routine requests, "now".
    emergency: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    emergency_pairs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    symptom_words: str = ""
    not_typos: str = ""
    history: tuple[str, ...] = ()
    routine: tuple[str, ...] = ()
    happening_now: tuple[str, ...] = ()

    # ---- intents (understanding.local) -------------------------------------------------------
    # Strong phrase patterns per intent (regexes over folded text), keyed by Intent value:
    # human, reschedule, cancel, availability, book, faq. `{book_noun}` and `{my_appt}` are
    # filled with every pack's appointment nouns, as patients mix languages.
    intents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    weak_book: tuple[str, ...] = ()  # a bare noun ("appointment", "consulta"): only a cue
    book_nouns: tuple[str, ...] = ()  # regex fragments
    determiners: tuple[str, ...] = ()  # "my", "the", "this": before an appointment noun
    greetings: tuple[str, ...] = ()  # the whole message starts with one (regex fragments)
    thanks: tuple[str, ...] = ()
    thanks_intensifiers: tuple[str, ...] = ()  # "a lot", "mil", "muito"
    farewells: tuple[str, ...] = ()
    closings: tuple[str, ...] = ()  # "that's all", "eso es todo"
    closing_words: tuple[str, ...] = ()  # close a topic mid-booking: "no worries", "deixa pra la"
    yes_words: tuple[str, ...] = ()
    yes_alone: tuple[str, ...] = ()  # a yes only as the whole message: "y" (elsewhere "and")
    no_words: tuple[str, ...] = ()
    not_that: tuple[str, ...] = ()  # a correction that starts "that's not ..."
    but_words: tuple[str, ...] = ()
    objections: tuple[str, ...] = ()  # turn a "yes" into something else: "cancel", "change"
    booking_stems: tuple[str, ...] = ()  # a greeting or a "no" followed by one asks for more
    offers_asked: tuple[str, ...] = ()  # "do you do", "hacen": whether the clinic does a kind of visit
    want_words: tuple[str, ...] = ()  # "I need", "quiero": a need plus a who is a booking
    want_verbs: tuple[str, ...] = ()  # "want", "quiero": a "no" followed by one asks for more
    booking_verbs: tuple[str, ...] = ()  # an explicit request to book (regex fragments)
    question_starts: tuple[str, ...] = ()  # words a question starts with
    # Question starts that also join clauses ("quiero cita, que sea por la tarde"): they
    # start a question only at the start of the message.
    joining_starts: tuple[str, ...] = ()
    # Said before a question word ("con cuánta antelación", "a que horas", "up to what age").
    question_lead_ins: tuple[str, ...] = ()
    # Question words that ask wherever they stand, written with their accent (not folded):
    # "si lleva a mi hijo su abuela, qué tiene que llevar".
    marked_questions: tuple[str, ...] = ()
    # The rules of cancelling or moving (regex fragments): a question about them ("what is
    # your cancellation policy?", "is there a fee if I cancel?") asks; it cancels nothing.
    change_rules: tuple[str, ...] = ()
    # A message that opens with one supposes ("si anulo el mismo día, me cobráis?", "what
    # happens if I don't turn up"): with the rules of changing, it asks about them.
    hypotheticals: tuple[str, ...] = ()
    # Saying an appointment is already booked (regex fragments): its day is that
    # appointment's, not a wish ("I have an appointment tomorrow and I'm not sure of the
    # address").
    already_booked: tuple[str, ...] = ()
    typos: Mapping[str, str] = field(default_factory=dict)  # common misspellings, texting forms
    # Another region's form of a word, folded, to the form the rules are written in: Spain's
    # "vosotros" verbs ("teneis", "cobrais") read as the "ustedes" ones ("tienen", "cobran").
    regional_forms: Mapping[str, str] = field(default_factory=dict)
    keywords: tuple[str, ...] = ()  # long words corrected when one edit away
    off_topic: tuple[str, ...] = ()  # bookings that are not medical ("a table for two")
    medical_words: tuple[str, ...] = ()  # ... unless the message names a doctor or a clinic
    # Said while an offer is on the table (booking under way).
    accept: tuple[str, ...] = ()  # taking the offer ("sounds good", "me sirve")
    change_existing: tuple[str, ...] = ()  # really changing an existing appointment
    alternatives: tuple[str, ...] = ()  # "another", "otro": asks for other offers
    asks_details: tuple[str, ...] = ()  # "what's their address?"
    # Questions the clinic's directory answers (regex fragments): who works here ("which
    # doctors do you have", "quais especialidades") and on which days a practitioner
    # named in the question works ("what days does", "qual o horario").
    directory_team: tuple[str, ...] = ()
    directory_days: tuple[str, ...] = ()

    # ---- entities (understanding.entities) ---------------------------------------------------
    honorifics: tuple[str, ...] = ()
    non_names: tuple[str, ...] = ()  # single words never read as a practitioner's name
    # Specialty key -> stems or phrases; a stem matches every form ("dermatolog" covers
    # dermatology, dermatólogo, dermatologista).
    specialties: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Kind of visit ("first", "follow_up", "checkup") -> phrases, and the words that find the
    # clinic's appointment type of that kind by its code or names.
    visit_phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    visit_type_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Words for any visit ("consultation", "consulta"): in a type's name they name no
    # service ("new patient consultation" is no "Video consultation").
    visit_nouns: tuple[str, ...] = ()
    ordinals: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # 1 -> every form, in order
    option_nouns: tuple[str, ...] = ()  # "option", "number"
    option_articles: tuple[str, ...] = ()  # "the ", "la ": before a chosen option (regex)
    option_fillers: tuple[str, ...] = ()  # "i ll take ", "me quedo con " (regex)
    option_leads: tuple[str, ...] = ()  # said before a pick: "ok then 2", "ta entao 1", "entonces 2"
    option_suffixes: tuple[str, ...] = ()  # " one", " option" (regex)
    last_option: tuple[str, ...] = ()  # "the last one" (regex)
    not_an_option: tuple[str, ...] = ()  # words that make an ordinal a day or a visit ("feira")
    please: tuple[str, ...] = ()
    option_time_leads: tuple[str, ...] = ()  # "the", "la de las", "o das": a slot by its time
    option_time_preps: tuple[str, ...] = ()  # "at", "de las", "das": lead to the hour
    option_time_marks: tuple[str, ...] = ()  # regexes that make a time name a slot ("the 10 one")
    time_prepositions: tuple[str, ...] = ()  # "at", "a las", "as": before a bare time
    name_intros: tuple[str, ...] = ()  # "my name is", "me llamo", "her name is" (regex)
    for_someone: tuple[str, ...] = ()  # "it's for my daughter": the name follows (regex)
    # "my husband", "a mi esposo", "da minha esposa" anywhere: a capitalised name right after
    # is the patient's ("...cita a mi esposo Juan Treviño, es nuevo"); no name otherwise (regex).
    relatives: tuple[str, ...] = ()
    # The visit is a child's: "well child", "she's 4", "mi niña", "tem 3 anos" (regex). With
    # nobody and no specialty named, a clinic with a paediatrician books the child there.
    child_signs: tuple[str, ...] = ()
    # "perdón, es Jorge Mendoza": after a correction, the capitalised name following one of
    # these is the name meant (regex; read only when a name may be corrected).
    name_copulas: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()  # "sorry", "typo", "perdón": a fix of what was said
    name_connectors: tuple[str, ...] = ()  # "de", "da", "van": lower case inside a name
    name_fillers: tuple[str, ...] = ()  # words dropped from a name ("please", "gracias")
    birth_words: tuple[str, ...] = ()  # a message about a date of birth

    @property
    def slug(self) -> str:
        """The module name of this language's files ("pt-BR" -> "pt_br")."""
        return self.code.lower().replace("-", "_")
