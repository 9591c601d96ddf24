"""Text helpers every engine shares: one way to fold a message before matching words."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "¿Mañana?" -> "manana"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", stripped).split())
