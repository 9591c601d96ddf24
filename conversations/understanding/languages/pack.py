"""The shape of a language pack: everything an engine may need to know about one language.

Words are written folded (lower case, no accents: see `understanding.text.fold`). Fields that
hold regular-expression fragments say so; everything else is plain words. Engines combine
the registered packs, since patients mix languages ("ok, quiero el martes").
"""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguagePack:
    code: str  # as stored on conversations and patients: "en", "es", "pt-BR"
    name: str  # in the language itself, for staff pages and the admin
    english_name: str  # for model prompts
    choice_name: str  # the member name in conversations.models.Language
    aliases: tuple[str, ...] = ()  # other spellings accepted in clinic files and hints
    # Conversation commands honoured in any state (regex fragments): reset, more, other,
    # later, earlier, any, refuse.
    commands: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # WhatsApp opt-out / opt-in keywords (a whole message, folded, punctuation dropped).
    opt_out: tuple[str, ...] = ()
    opt_in: tuple[str, ...] = ()
    identify_words: str = ""  # space-separated
    identify_marks: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The module name of this language's files ("pt-BR" -> "pt_br")."""
        return self.code.lower().replace("-", "_")
