"""The shape of a language pack: everything an engine may need to know about one language.

Words are written folded (lower case, no accents: see `understanding.text.fold`). Fields that
hold regular-expression fragments say so; everything else is plain words. Engines combine
the registered packs, since patients mix languages ("ok, quiero el martes").
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from conversations.understanding.languages.date_words import DateWords

GAP = r"(?:\w+ ){0,3}"  # up to three filler words between the parts of a phrase


@dataclass(frozen=True)
class LanguagePack:
    code: str  # as stored on conversations and patients: "en", "es", "pt-BR"
    name: str  # in the language itself, for staff pages and the admin
    english_name: str  # for model prompts
    choice_name: str  # the member name in conversations.models.Language
    aliases: tuple[str, ...] = ()  # other spellings accepted in clinic files and hints
    dates: DateWords = field(default_factory=DateWords)
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
    crisis_copy: str = ""

    @property
    def slug(self) -> str:
        """The module name of this language's files ("pt-BR" -> "pt_br")."""
        return self.code.lower().replace("-", "_")
