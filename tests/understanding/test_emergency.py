import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conversations.understanding.emergency import RULES_VERSION, emergency_detect

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I have crushing chest pain", "chest_pain"),
        ("tengo dolor en el pecho", "chest_pain"),
        ("DÔR NO PEITO", "chest_pain"),
        ("peito, muita dor", "chest_pain"),
        ("chest pian since this morning", "chest_pain"),
        ("I cant brethe", "breathing"),
        ("no puedo respirar", "breathing"),
        ("estou com falta de ar", "breathing"),
        ("her face is drooping and she has slurred speech", "stroke"),
        ("acho que é um AVC", "stroke"),
        ("he is bleeding a lot and it won't stop", "bleeding"),
        ("mi papá se desmayó", "unconscious"),
        ("my throat is swelling after a bee sting", "anaphylaxis"),
        ("I want to kill myself", "suicidal"),
        ("não quero mais viver", "suicidal"),
    ],
)
def test_emergencies_in_three_languages_are_detected(text, category):
    match = emergency_detect(text)
    assert match is not None
    assert match.category == category
    assert match.version == RULES_VERSION


@pytest.mark.parametrize(
    "text",
    [
        "I'd like a cardiology check-up",
        "quiero agendar con el cardiólogo",
        "I paid for the chest x-ray",
        "I had chest pain last year, want a follow up",
        "tuve un infarto hace dos años, quiero un control",
        "can I book a breath test",
        "no puedo ir mañana",
    ],
)
def test_routine_requests_are_not_emergencies(text):
    assert emergency_detect(text) is None


def test_history_that_is_happening_again_still_escalates():
    assert emergency_detect("I had chest pain last year and now it is back") is not None


def test_suicidal_thoughts_escalate_even_when_worded_as_history():
    assert emergency_detect("last year I wanted to kill myself, can I book a follow up") is not None


def test_a_clinic_can_add_its_own_phrase():
    match = emergency_detect("rompió bolsa", extra_phrases=["rompio bolsa"])
    assert match is not None
    assert match.rule_id == "clinic.1"


@pytest.mark.parametrize(
    "text",
    [
        "how long is the cooking time for wings",
        "I painted my kitchen yesterday",
        "ya he hecho la cita porque me duele la espalda",
        "já tenho feito exames por dor nas costas",
    ],
)
def test_real_words_one_letter_from_a_symptom_are_not_corrected_into_one(text):
    assert emergency_detect(text) is None


EMERGENCY_TEXTS = [
    "tengo dolor en el pecho",
    "I can't breathe",
    "estou com falta de ar",
    "quero me matar",
    "my throat is swelling",
    "mi papá se desmayó",
    "está sangrando mucho",
    "acho que é um AVC",
]


@settings(max_examples=150, deadline=None)
@given(
    text=st.sampled_from(EMERGENCY_TEXTS),
    upper=st.lists(st.booleans(), min_size=60, max_size=60),
    prefix=st.sampled_from(["", "hola, ", "oi! ", "urgent: ", "por favor "]),
    suffix=st.sampled_from(["", "!!!", " 😰", " ajuda", " please help"]),
)
def test_emergencies_survive_case_accents_punctuation_and_filler(text, upper, prefix, suffix):
    import unicodedata

    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    shouted = "".join(c.upper() if flip else c for c, flip in zip(stripped, upper, strict=False))
    assert emergency_detect(prefix + shouted + suffix) is not None


@pytest.mark.parametrize(
    "text",
    ["I have che\u200bst pain", "dor no pe\u00adito", "me duele el pe\u2060cho", "can\u200dt breathe"],
)
def test_invisible_characters_inside_a_word_do_not_hide_an_emergency(text):
    assert emergency_detect(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "quero sumir",
        "tenho me cortado todo dia",
        "me corto los brazos cuando estoy mal",
        "no aguanto mas, quiero desaparecer",
        "me estoy cortando otra vez",
        "não aguento mais viver assim",
    ],
)
def test_self_harm_in_everyday_words_gets_the_crisis_line(text):
    match = emergency_detect(text)
    assert match is not None and match.category == "suicidal"


@pytest.mark.parametrize(
    "text",
    [
        "me corto el pelo mañana, puedo ir después?",
        "quero sumir com essa mancha da pele",
        "no aguanto mas el dolor de muela",
    ],
)
def test_haircuts_and_frustration_are_not_self_harm(text):
    match = emergency_detect(text)
    assert match is None or match.category != "suicidal"
