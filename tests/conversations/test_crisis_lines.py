"""Emergency and crisis replies name the clinic's own numbers (its country's by default), in
the patient's language, whatever country that language is usually spoken in."""

import pytest

from conversations.inbox import conversation_process
from conversations.models import Conversation, Escalation, OutboundMessage
from tests.conversations.factories import ConversationFactory, InboundMessageFactory
from tests.scheduling.factories import ClinicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

# Every crisis line other countries use: a reply naming one of these at the wrong clinic is
# the failure this file guards against.
ALL_LINES = ("188", "024", "1411", "800 911 2000", "5275-1135", "988", "116 123")


def handle(conversation: Conversation, text: str) -> list[str]:
    before = set(OutboundMessage.objects.values_list("pk", flat=True))
    InboundMessageFactory(conversation=conversation, text=text)
    conversation_process(conversation_id=conversation.pk)
    return list(OutboundMessage.objects.exclude(pk__in=before).order_by("pk").values_list("body", flat=True))


def clinic_in(phone: str, zone: str, **fields) -> None:
    # The factory's emergency number is Brazil's; these clinics leave it to their country.
    ClinicFactory(phone=phone, time_zone=zone, **{"emergency_number": "", **fields})


@pytest.mark.parametrize(
    ("phone", "zone", "crisis", "emergency"),
    [
        ("+551140001234", "America/Sao_Paulo", "188 (CVV)", "192"),
        ("+34911234567", "Europe/Madrid", "024 (Línea 024)", "112"),
        ("+351211234567", "Europe/Lisbon", "1411 (Linha Nacional de Prevenção do Suicídio)", "112"),
        ("+525512345678", "America/Mexico_City", "800 911 2000 (Línea de la Vida)", "911"),
        (
            "+541141234567",
            "America/Argentina/Buenos_Aires",
            "(011) 5275-1135 (Centro de Asistencia al Suicida)",
            "107",
        ),
        ("+12127365000", "America/New_York", "988 (Suicide & Crisis Lifeline)", "911"),
        ("+442079460958", "Europe/London", "116 123 (Samaritans)", "999"),
    ],
)
def test_thoughts_of_suicide_get_the_clinic_countrys_crisis_line_in_english(phone, zone, crisis, emergency):
    clinic_in(phone, zone)
    conversation = ConversationFactory(language="")

    [reply] = handle(conversation, "i want to kill myself")

    assert reply.startswith("I'm really sorry you're going through this.")
    assert f"Please call {crisis} now, or {emergency} if you are in danger." in reply
    assert [line for line in ALL_LINES if line in reply] == [line for line in ALL_LINES if line in crisis]
    assert Escalation.objects.get(conversation=conversation).reason == Escalation.Reason.EMERGENCY


def test_a_spanish_speaker_at_a_sao_paulo_clinic_is_told_brazils_lines_in_spanish():
    clinic_in("+551140001234", "America/Sao_Paulo")

    [reply] = handle(ConversationFactory(language=""), "estoy pensando en suicidarme")

    assert "Llama ahora al 188 (CVV), o al 192 si estás en peligro." in reply
    assert "024" not in reply and "800 911 2000" not in reply


def test_a_portuguese_speaker_at_a_mexican_clinic_is_told_mexicos_lines_in_portuguese():
    clinic_in("+525512345678", "America/Mexico_City")

    [reply] = handle(ConversationFactory(language=""), "quero me matar")

    assert "Ligue agora para o 800 911 2000 (Línea de la Vida), ou para o 911 se estiver em perigo." in reply
    assert "188" not in reply


def test_the_clinics_own_crisis_line_wins_over_its_countrys():
    clinic_in("+541141234567", "America/Argentina/Buenos_Aires", crisis_line="135", crisis_line_name="CAS")

    [reply] = handle(ConversationFactory(language="es"), "me quiero morir")

    assert "Llama ahora al 135 (CAS), o al 107 si estás en peligro." in reply
    assert "5275-1135" not in reply


def test_a_clinic_whose_country_has_no_crisis_line_names_its_emergency_number():
    clinic_in("", "UTC", country="", emergency_number="118")

    [reply] = handle(ConversationFactory(language="en"), "I want to end my life")

    assert "Please call 118 now." in reply
    assert not [line for line in ALL_LINES if line in reply]


@pytest.mark.parametrize(
    ("phone", "zone", "emergency"),
    [("+442079460958", "Europe/London", "999"), ("+541141234567", "America/Argentina/Buenos_Aires", "107")],
)
def test_other_emergencies_name_the_clinic_countrys_emergency_number(phone, zone, emergency):
    clinic_in(phone, zone)

    [reply] = handle(ConversationFactory(language="en"), "I have a crushing chest pain")

    assert f"Please call {emergency} now" in reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can I take ibuprofen before the blood test?", "If it is urgent, call 192."),
        ("¿Qué dosis de paracetamol le doy a mi hijo?", "Si es urgente, llama al 192."),
        ("quantos comprimidos de paracetamol posso tomar?", "Se for urgente, ligue para o 192."),
    ],
)
def test_a_clinical_refusal_names_the_clinics_emergency_number(text, expected):
    clinic_in("+551140001234", "America/Sao_Paulo")

    [reply] = handle(ConversationFactory(language=""), text)

    assert expected in reply
    assert "local" not in reply
