"""The shape of a language pack: everything an engine may need to know about one language."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguagePack:
    code: str  # as stored on conversations and patients: "en", "es", "pt-BR"
    name: str  # in the language itself, for staff pages and the admin
    english_name: str  # for model prompts
    choice_name: str  # the member name in conversations.models.Language
    aliases: tuple[str, ...] = ()  # other spellings accepted in clinic files and hints

    @property
    def slug(self) -> str:
        """The module name of this language's files ("pt-BR" -> "pt_br")."""
        return self.code.lower().replace("-", "_")
