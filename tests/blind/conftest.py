import pytest

from tests.blind.goals import SET


@pytest.fixture(autouse=True)
def _without_own_common_questions(settings):
    """A blind set is scored without its own questions among the common ones (faq.common):
    a set's clinic is a new clinic, and the demo clinic's sets are all "demo"."""
    settings.FAQ_COMMON_QUESTIONS_EXCLUDE = (SET.name,) if SET else ("demo",)
