import pytest

from conversations.faq.retrieval import FaqDoc, FaqIndex, _table, stem, words

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Quanto custa a consulta?", "fees"),
        ("cuanto cuesta la consulta", "fees"),
        ("how much is a consultation", "fees"),
        ("onde fica a clinica", "address"),
        ("tem estacionamento?", "parking"),
        ("¿Tienen estacionamiento?", "parking"),
        ("what should I bring to my appointment", "what_to_bring"),
        ("a que hora cierran", "opening_hours"),
        ("precisa de jejum para o exame de sangue?", "exam_preparation"),
        ("aceitam convênio?", "insurance"),
        ("can I pay with pix", "payment_methods"),
        ("qual a senha do wifi", "accessibility"),
    ],
)
def test_questions_in_three_languages_find_their_entry(index, text, topic):
    match = index.search(text)
    assert match.confident
    assert match.doc.topic == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("where is the clinc?", "address"),
        ("estacionamiemto?", "parking"),
        ("QUANTO CUSTA A CONSULTA", "fees"),
        ("horario de funcionameto", "opening_hours"),
    ],
)
def test_typos_case_and_missing_accents_still_find_the_entry(index, text, topic):
    match = index.search(text)
    assert match.confident
    assert match.doc.topic == topic


@pytest.mark.parametrize(
    "text",
    [
        "Do you do ultrasounds?",
        "posso levar meu cachorro?",
        "venden tarjetas de regalo?",
        "hola",
        "Do you have an app?",
        "vocês têm aplicativo?",
    ],
)
def test_questions_no_entry_answers_are_not_confident(index, text):
    assert not index.search(text).confident


def test_a_question_between_two_entries_is_not_confident():
    docs = [
        FaqDoc(1, "a", 1, {"en": ["opening hours monday"]}, {"en": "A"}),
        FaqDoc(2, "b", 1, {"en": ["opening hours tuesday"]}, {"en": "B"}),
    ]
    match = FaqIndex(docs).search("opening hours")
    assert match.score > 0
    assert match.score - match.runner_up < 0.01
    assert not match.confident


def test_spanish_and_portuguese_words_share_a_stem():
    assert stem("estacionamiento") == stem("estacionamento")
    assert words("¿Dónde queda la clínica?") == ["_where", "queda", "clinica"]


def test_an_empty_index_answers_nothing():
    assert not FaqIndex([]).search("parking").confident


def test_two_packs_giving_one_word_two_concepts_fail_loudly():
    rows = [("en", "car", "_parking"), ("es", "carro", "_parking"), ("pt-BR", "car", "_price")]
    with pytest.raises(ValueError, match="'car' is '_parking' in another pack"):
        _table("concepts", rows)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "my appointment is tomorrow morning and my son is driving me, is there parking at the clinic?",
            "parking",
        ),
        ("buenas, estoy saliendo ahora del trabajo, a qué hora cierran hoy?", "opening_hours"),
        ("oi gente, amanhã cedo tenho consulta, quanto custa o estacionamento?", "parking"),
    ],
)
def test_the_setting_of_a_long_message_does_not_hide_its_topic(index, text, topic):
    match = index.search(text)
    assert match.confident
    assert match.doc.topic == topic


@pytest.mark.parametrize(
    "text",
    [
        "Can I bring my dog?",
        "puedo llevar a mi perro?",
        "Do you have a gynecologist on Saturdays?",
        "Is the clinic open during Carnival?",
        "puedo entrar con mi bicicleta?",
    ],
)
def test_a_short_question_about_a_thing_no_entry_knows_is_not_answered(index, text):
    assert not index.search(text).confident


def test_a_setting_word_an_entry_uses_still_counts():
    docs = [
        FaqDoc(1, "mornings", 1, {"en": ["Do you open in the morning?"]}, {"en": "From 7."}),
        FaqDoc(2, "evenings", 1, {"en": ["Do you open in the evening?"]}, {"en": "Until 21."}),
    ]
    match = FaqIndex(docs).search("are you open tomorrow morning")
    assert match.doc.topic == "mornings"
    assert match.score - match.runner_up > 0.1


def test_another_form_of_a_known_word_is_not_mended_into_a_different_word(index):
    assert index.correct("llegar") == "llegar"  # "llego" is known; "llevar" is another verb


def test_a_word_of_the_languages_is_never_mended_into_another_word():
    docs = [
        FaqDoc(1, "minors", 1, {"es": ["¿Un menor puede venir solo?"]}, {"es": "Con un adulto."}),
        FaqDoc(2, "cards", 1, {"en": ["Do you take Visa?"]}, {"en": "Yes."}),
    ]
    index = FaqIndex(docs)
    assert index.correct("mejor") == "mejor"  # "better", not "menor"
    assert index.correct("vista") == "vista"  # "sight", not "visa"
    assert index.correct("menro") == "menor"  # a slip is still mended


OWN_CLINIC = FaqIndex(
    [
        FaqDoc(
            1,
            "invoices",
            1,
            {"en": ["Can I get an invoice with my tax number?"]},
            {"en": "We issue an invoice with your tax number when you pay."},
        ),
        FaqDoc(
            2,
            "walk_in",
            1,
            {"en": ["Can I come without an appointment?"]},
            {"en": "We see patients without an appointment only for same-day slots."},
        ),
        FaqDoc(
            3,
            "cancellation",
            1,
            {"en": ["What is the cancellation policy?"]},
            {"en": "Cancel 24 hours ahead or a fee is charged."},
        ),
        FaqDoc(4, "fees", 1, {"en": ["How much is a visit?"]}, {"en": "A visit is 60 euros."}),
        FaqDoc(
            5,
            "opening_hours",
            1,
            {"en": ["When are you open?"]},
            {"en": "We open Monday to Friday, 8:00-20:00, and close on Sundays."},
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("me podéis poner mi NIF en el recibo para desgravarlo en la renta?", "invoices"),
        ("esqueci-me de dar o contribuinte, ainda dá para o pôr na fatura?", "invoices"),
        ("can we come without booking, same day?", "walk_in"),
        ("are you guys shut on sundays or is someone in", "opening_hours"),
    ],
)
def test_everyday_words_for_receipts_walk_ins_and_closing_find_the_entry(text, topic):
    match = OWN_CLINIC.search(text)
    assert match.confident and match.doc.topic == topic


def test_two_concepts_only_the_best_entry_holds_decide_whatever_the_setting_words():
    # A long setting lowers the score under every bar but the concepts': the receipt and the
    # tax number are the invoices entry's alone.
    text = "paguei a consulta da minha mãe na semana passada com pressa e esqueci de pedir a fatura com o contribuinte"
    match = OWN_CLINIC.search(text)
    assert match.distinct_concepts >= 2 and match.score < 0.35
    assert match.confident and match.doc.topic == "invoices"


def test_one_concept_beside_an_unknown_thing_is_not_enough():
    match = OWN_CLINIC.search("do you sell invoices templates for my small business bookkeeping software")
    assert match.distinct_concepts < 2
    assert not match.confident
