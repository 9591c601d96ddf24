"""Spanish (Spain and Latin America)."""

from conversations.understanding.languages.pack import LanguagePack

PACK = LanguagePack(
    code="es",
    name="Español",
    english_name="Spanish",
    choice_name="SPANISH",
    aliases=("es-es", "es-mx", "es-ar", "es-419", "spanish", "espanol", "español"),
)
