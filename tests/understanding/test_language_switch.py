"""The text decides the reply's language; the conversation's language and the clinic's
default are priors that a clear message overrides (issue 14, kind 4)."""

import pytest

from conversations.understanding.language import detect

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    "text, language",
    [
        ("quantos comprimidos de paracetamol posso tomar?", "pt-BR"),
        ("vocês fazem exame de vista na unidade do centro?", "pt-BR"),
        ("vcs abrem sabado?", "pt-BR"),
        ("¿cuántas pastillas de ibuprofeno puedo tomar al día?", "es"),
        ("do you take Unimed or only private patients?", "en"),
    ],
)
@pytest.mark.parametrize("conversation_language", ["en", "es", "pt-BR"])
def test_a_clear_message_is_read_in_its_own_language_whatever_the_chat_was_in(
    text, language, conversation_language
):
    assert detect(text, hint=conversation_language, hint_weight=1.25) == language


@pytest.mark.parametrize("text", ["ok", "sim", "10:30", "👍", "Dr. Ana"])
@pytest.mark.parametrize("conversation_language", ["en", "es", "pt-BR"])
def test_a_short_answer_keeps_the_conversation_language(text, conversation_language):
    assert detect(text, hint=conversation_language, hint_weight=1.25) == conversation_language
