"""Text helpers every engine shares: one way to fold a message before matching words."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "¿Mañana?" -> "manana".

    Invisible format characters (zero-width spaces and joiners, soft hyphens, bidi marks)
    are dropped first, so "che\u200bst pain" still reads "chest pain"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    return " ".join(re.sub(r"[^\w\s]", " ", stripped).split())
