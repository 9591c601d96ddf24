"""English."""

from conversations.understanding.languages.pack import LanguagePack

PACK = LanguagePack(
    code="en",
    name="English",
    english_name="English",
    choice_name="ENGLISH",
    aliases=("en-us", "en-gb", "english"),
)
