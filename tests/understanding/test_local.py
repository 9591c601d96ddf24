from datetime import date, datetime, time

import pytest

from conversations.understanding import understand
from conversations.understanding.language import detect
from conversations.understanding.types import ClinicDirectory, Intent, Period

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dra ana", [1]),
        ("Doutora Ana", [1]),
        ("DR. SMITH", [3]),
        ("dr smtih", [3]),
        ("quiero ver al doctor Mendez", [2]),
        ("con la doctora Bia", [4]),
    ],
)
def test_practitioners_resolve_whatever_the_honorific_case_accent_or_typo(ask, text, expected):
    assert ask(text).entities.practitioner_ids == expected


def test_a_name_nobody_has_resolves_to_no_practitioner(ask):
    assert ask("I want to see Dr. Gregory House").entities.practitioner_ids == []


@pytest.mark.parametrize("text", ["el dermatólogo", "dermatologista", "a dermatologist", "dermatolgo"])
def test_specialties_resolve_to_the_clinics_own_label(ask, text):
    assert ask(text).entities.specialty == "Dermatology"


def test_a_specialty_the_clinic_does_not_offer_is_not_invented(now):
    directory = ClinicDirectory(time_zone="UTC")
    result = understand("necesito un dermatólogo", directory=directory, now=now)
    assert result.entities.specialty == "dermatology"  # the key, for the bot to say "we don't have it"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("primera vez", "first"),
        ("es mi primera consulta", "first"),
        ("retorno", "followup"),
        ("a follow-up please", "followup"),
        ("Primeira consulta", "first"),
    ],
)
def test_appointment_types_resolve_to_codes(ask, text, code):
    assert ask(text).entities.appointment_type_code == code


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("2", 2),
        ("the second one", 2),
        ("la segunda", 2),
        ("a opção 2", 2),
        ("opción 3", 3),
        ("#4", 4),
        ("I'll take the first", 1),
        ("3️⃣", 3),
        # Thanks after the number is courtesy, not a goodbye.
        ("1 thanks", 1),
        ("2, thank you", 2),
        ("la 2 gracias", 2),
        ("a 1 obrigada", 1),
    ],
)
def test_option_choices_are_read_in_three_languages(ask, text, option):
    result = ask(text, expecting="option")
    assert result.intent is Intent.CHOOSE_OPTION
    assert result.entities.option == option


def test_an_option_can_be_named_by_its_time(ask):
    result = ask("the 10:30 one", expecting="option")
    assert result.intent is Intent.CHOOSE_OPTION
    assert result.entities.option_time == time(10, 30)


def test_a_number_is_a_day_when_the_bot_asked_for_a_date(ask):
    result = ask("el 20", expecting="date")
    assert result.entities.option is None
    assert result.entities.when is not None
    assert result.entities.when.day == date(2026, 11, 20)


def test_segunda_feira_is_monday_not_the_second_option(ask):
    result = ask("segunda-feira", language_hint="pt-BR")
    assert result.entities.option is None
    assert result.entities.when.day == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("sí", True),
        ("sim, pode confirmar", True),
        ("👍", True),
        ("yeah that works", True),
        ("no", False),
        ("não", False),
        ("nope", False),
        ("👎", False),
    ],
)
def test_yes_and_no_are_understood_when_the_bot_asked(ask, text, yes):
    result = ask(text, expecting="yes_no")
    assert result.entities.yes_no is yes
    assert result.intent is (Intent.AFFIRM if yes else Intent.DENY)


def test_no_followed_by_a_request_is_that_request(ask):
    assert ask("no, I want to cancel", expecting="yes_no").intent is Intent.CANCEL


def test_a_full_name_is_taken_when_the_bot_asked_for_it(ask):
    assert ask("joão da silva", expecting="name").entities.full_name == "João da Silva"


def test_an_introduced_name_is_taken_unasked(ask):
    assert ask("me llamo Carlos Pérez Gil").entities.full_name == "Carlos Pérez Gil"


@pytest.mark.parametrize(
    ("text", "language", "born"),
    [
        ("15/04/1985", "es", date(1985, 4, 15)),
        ("April 15, 1985", "en", date(1985, 4, 15)),
        ("nací el 9 de marzo de 2001", "es", date(2001, 3, 9)),
        ("12/03/1990", "en", date(1990, 12, 3)),
    ],
)
def test_dates_of_birth_are_read_in_the_patients_convention(ask, text, language, born):
    result = ask(text, expecting="date_of_birth", language_hint=language)
    assert result.entities.date_of_birth == born
    assert result.entities.when is None


def test_a_birth_date_in_the_future_is_not_a_birth_date(ask):
    assert ask("15/04/2030", expecting="date_of_birth").entities.date_of_birth is None


def test_a_booking_request_carries_practitioner_and_time(ask):
    result = ask("quiero una cita con la dra ana mañana por la tarde")
    assert result.intent is Intent.BOOK
    assert result.language == "es"
    assert result.entities.practitioner_ids == [1]
    assert result.entities.period is Period.AFTERNOON
    assert result.entities.when.start == datetime(2026, 11, 19, 12, tzinfo=result.entities.when.start.tzinfo)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("necesito cambiar mi cita", Intent.RESCHEDULE),
        ("preciso desmarcar", Intent.CANCEL),
        ("tem horário amanhã?", Intent.AVAILABILITY),
        ("aceptan obra social?", Intent.FAQ),
        ("quanto custa a consulta?", Intent.FAQ),
        ("bom diaa", Intent.GREETING),
        ("muchas gracias!", Intent.GOODBYE),
        ("quero falar com um atendente", Intent.HUMAN),
        ("I'd like a cardiology check-up", Intent.BOOK),
        ("Kiero una sita porfa", Intent.BOOK),
    ],
)
def test_intents_in_three_languages(ask, text, intent):
    assert ask(text).intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "book a table for two at 8pm",
        "I need an oil change appointment for my car",
        "whats the capital of france",
    ],
)
def test_out_of_scope_requests_do_not_start_a_booking(ask, text):
    assert ask(text).intent is Intent.UNKNOWN


def test_a_button_tap_is_understood_without_reading_the_text(ask):
    result = ask("whatever the label said", button_payload="option_2")
    assert (result.intent, result.entities.option, result.confidence) == (
        Intent.CHOOSE_OPTION,
        2,
        1.0,
    )


def test_emergencies_override_everything_and_carry_the_rule(ask):
    result = ask("quiero una cita, tengo dolor en el pecho", button_payload="option_1")
    assert result.intent is Intent.EMERGENCY
    assert result.emergency is not None
    assert result.rule_ids == [result.emergency.rule_id]


def test_a_clinic_emergency_phrase_is_honoured(now):
    directory = ClinicDirectory(time_zone="UTC", emergency_phrases=("rompió la bolsa",))
    result = understand("creo que se me rompió la bolsa", directory=directory, now=now)
    assert result.intent is Intent.EMERGENCY


def test_the_default_engine_comes_from_settings(settings, directory, now):
    settings.NLU_ENGINE = "local"
    settings.ANTHROPIC_API_KEY = ""
    assert understand("hola", directory=directory, now=now).engine == "local"


@pytest.mark.parametrize(
    ("text", "hint", "language"),
    [
        ("sí", None, "es"),
        ("sim", None, "pt-BR"),
        ("ok", "pt-BR", "pt-BR"),
        ("10:30", "es", "es"),
        ("amanhã 10h", None, "pt-BR"),
        ("mañana a las 10", None, "es"),
        ("tomorrow at 10", "es", "en"),
        ("👍", "es", "es"),
    ],
)
def test_language_is_detected_on_short_texts_and_falls_back_to_the_conversation(text, hint, language):
    assert detect(text, hint=hint) == language


@pytest.mark.parametrize(
    "text",
    [
        "Yes, that sounds great.",
        "I accept this one.",
        "Is there anything available at 10:00?",
        "Let's try a different time. How about 5:30 in the evening?",
        "please try again, at four pm",
        "sí, me parece bien",
        "pode ser essa mesma, às 15h",
    ],
)
def test_mid_booking_taking_the_offer_or_naming_a_time_books(ask, text):
    assert ask(text, expecting="option").intent is Intent.BOOK


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great, what's their address?", Intent.FAQ),
        ("Can you find me a different dentist?", Intent.AVAILABILITY),
        ("No, thank you.", Intent.GOODBYE),
        ("I need to reschedule my appointment", Intent.RESCHEDULE),
        ("cancel it", Intent.CANCEL),
        ("I want to kill myself", Intent.EMERGENCY),
    ],
)
def test_mid_booking_questions_refusals_and_other_intents_do_not_book(ask, text, expected):
    assert ask(text, expecting="option").intent is expected


def test_without_the_booking_context_a_bare_acceptance_is_only_a_yes(ask):
    assert ask("Yes, that sounds great.").intent is Intent.AFFIRM


@pytest.mark.parametrize(
    "text", ["looking for an appointment next week", "Preciso de um médico", "necesito una doctora"]
)
def test_needing_a_doctor_or_looking_for_an_appointment_books(ask, text):
    assert ask(text).intent is Intent.BOOK


@pytest.mark.parametrize(
    ("text", "expecting", "name"),
    [
        ("es para mi hija, Martina Gómez", "name", "Martina Gómez"),
        ("it's for my son, Leo Carter", "name", "Leo Carter"),
        ("é para minha filha Ana Clara Souza", "name", "Ana Clara Souza"),
        ("My husband David Kim", "name", "David Kim"),
        ("no, el nombre está mal, se llama Martina Gómez", None, "Martina Gómez"),
        ("sorry typo, John Park", "date_of_birth", "John Park"),
        ("ops, Fernanda Lima Barros, esqueci o sobrenome", "date_of_birth", "Fernanda Lima Barros"),
        ("quiero el martes por la tarde", "name", None),
    ],
)
def test_the_name_is_the_persons_not_the_sentence(ask, text, expecting, name):
    assert ask(text, expecting=expecting).entities.full_name == name


@pytest.mark.parametrize(
    "text",
    [
        "1988-04-09",
        "9/4/1988",
        "09.04.88",
        "9 April 1988",
        "9 de abril de 1988",
        "9 de abril de 88",
        "April 9th 88",
    ],
)
def test_every_common_form_of_a_date_of_birth_is_read_where_one_is_asked(ask, text):
    result = ask(text, expecting="date_of_birth", language_hint="es" if "de" in text else "pt-BR")
    assert result.entities.date_of_birth == date(1988, 4, 9)
    assert result.entities.when is None


@pytest.mark.parametrize(
    "text",
    [
        "what is your cancellation policy?",
        "¿cuál es la política de cancelación?",
        "qual é a política de cancelamento?",
        "is there a fee if I cancel?",
        "¿me cobran si cancelo?",
    ],
)
def test_a_question_about_the_rules_of_cancelling_cancels_nothing(text, directory, now):
    assert understand(text, directory=directory, now=now).intent == Intent.FAQ


@pytest.mark.parametrize(
    "text",
    [
        "can I cancel my appointment tomorrow?",
        "I want to cancel my appointment",
        "I need to cancel, will I be charged?",
    ],
)
def test_a_patient_who_wants_to_cancel_still_cancels(text, directory, now):
    assert understand(text, directory=directory, now=now).intent == Intent.CANCEL


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("mi padre va en silla de ruedas, puede subir a la consulta", True),  # a later clause asks
        ("minha sogra só fala romeno, vocês têm tradutor", True),
        ("si lo lleva su abuela qué papeles tiene que traer", True),  # the accent marks it
        ("con cuánta antelación hay que avisar", True),  # a lead-in before the question word
        ("com quanta antecedencia preciso desmarcar", True),
        ("at what time do you open", True),
        ("tenéis parking", True),  # Spain's "vosotros"
        ("quiero una cita, que sea por la tarde", False),  # "que" joins the clauses here
        ("quero marcar, quando der pra vocês", False),
        ("quiero cita para el martes", False),
        ("I need an appointment on Friday", False),
    ],
)
def test_a_question_is_told_by_its_mark_its_first_words_or_a_later_clause(text, asks):
    from conversations.understanding.local import asks_question

    assert asks_question(text) is asks


def test_the_day_of_an_appointment_already_booked_is_no_wish(ask):
    """ "I have an appointment with the dermatologist tomorrow, could you send the address?"
    asks about the clinic; it does not ask for times."""
    result = ask("I have an appointment with the dermatologist tomorrow, could you send me the address")

    assert result.intent is not Intent.AVAILABILITY
    assert "scope.question_with_wish" not in result.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "um check-up do coração com eletro pra minha mãe",
        "a heart check with an ECG for my dad",
        "un chequeo del corazón",
    ],
)
def test_a_check_of_the_heart_names_the_cardiologist(ask, text):
    assert ask(text).entities.specialty == "Cardiology"


@pytest.mark.parametrize(
    "text",
    [
        "não vou conseguir ir hoje, se eu desmarcar agora vão cobrar?",
        "if I cancel tomorrow's appointment is there a fee",
    ],
)
def test_a_supposition_about_cancelling_asks_about_the_rules_even_with_a_day(ask, text):
    assert ask(text).intent is Intent.FAQ


def test_suspending_the_appointment_cancels_it_in_river_plate_spanish(ask):
    assert ask("tengo que suspender el turno de mañana").intent is Intent.CANCEL


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        ("Are you open on Saturdays? I'd like to see the dermatologist", True),
        ("Can I see the dermatologist over video? I travel a lot for work", False),  # the need asks
        ("I'd like to see the dermatologist", False),  # no question beside it
        ("Are you open on Saturdays? I work all week", False),  # nobody to book
    ],
)
def test_a_request_is_told_beside_a_question(ask, text, beside):
    from conversations.understanding.local import requests_beside_question

    assert requests_beside_question(text, ask(text)) is beside
