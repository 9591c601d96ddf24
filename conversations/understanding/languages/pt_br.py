"""Brazilian Portuguese."""

from conversations.understanding.languages.pack import LanguagePack

PACK = LanguagePack(
    code="pt-BR",
    name="Português (Brasil)",
    english_name="Brazilian Portuguese",
    choice_name="PORTUGUESE",
    aliases=("pt", "pt-br", "portuguese", "portugues", "português"),
)
