"""Answers to a campaign's template, as Twilio posts the taps (the quick reply quotes the
template's message): "Book" starts the booking with the campaign's type and practitioner,
"Later" asks when and notes it, "Stop" leaves campaigns (not reminders), each in the
patient's language; a typed number answers the text invitation the same way."""

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest

from booking.models import BookingSession
from conversations.models import CampaignOptOut, CampaignSend, Conversation
from tests.campaigns.conftest import PHONES, make_campaign
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CLINIC = "+14155238886"
_sid = iter(range(1, 10**6))


def tap(phone: str, *, payload: str, title: str, quoting: str = "") -> str:
    sid = f"SM{next(_sid):032x}"
    form = {
        "MessageSid": sid,
        "SmsMessageSid": sid,
        "AccountSid": "AC00000000000000000000000000000000",
        "From": f"whatsapp:{phone}",
        "To": f"whatsapp:{CLINIC}",
        "WaId": phone.lstrip("+"),
        "ProfileName": "Paciente",
        "MessageType": "button",
        "Body": title,
        "ButtonText": title,
        "ButtonPayload": payload,
        "NumMedia": "0",
    }
    if quoting:
        form |= {"OriginalRepliedMessageSid": quoting, "OriginalRepliedMessageSender": f"whatsapp:{CLINIC}"}
    return urlencode(form)


@pytest.fixture
def invited(recall_world, twilio_settings, fake_twilio, django_capture_on_commit_callbacks, monday):
    """The campaign's templates went out to the three patients; {language: (phone, message SID)}."""
    from conversations.campaigns.services import campaign_send_batch

    campaign = make_campaign()
    with django_capture_on_commit_callbacks(execute=True):
        campaign_send_batch(campaign_id=campaign.pk, now=monday)
    sids = {r.form["To"].removeprefix("whatsapp:"): r.sid for r in fake_twilio.requests}
    return {language: (phone, sids[phone]) for language, phone in PHONES.items()}


def replies_to(fake_twilio, phone: str, since: int) -> list[str]:
    return [
        r.form.get("Body") or r.form.get("ContentVariables", "")
        for r in fake_twilio.requests[since:]
        if r.form["To"] == f"whatsapp:{phone}"
    ]


@pytest.mark.parametrize(
    "language, title, expected",
    [
        ("pt-BR", "Marcar", "Quando fica bom"),
        ("es", "Reservar", "¿Cuándo te viene bien?"),
        ("en", "Book", "When would suit"),
    ],
)
def test_book_starts_the_booking_with_the_campaigns_type_and_practitioner(
    invited, fake_twilio, post_webhook, language, title, expected
):
    phone, sid = invited[language]
    before = len(fake_twilio.requests)

    post_webhook("/webhooks/twilio/whatsapp/", tap(phone, payload="campaign:book", title=title, quoting=sid))

    session = BookingSession.objects.get()
    assert session.flow == "book"
    # Only the day is left to ask: the kind of visit and the practitioner are the campaign's.
    assert (session.data["type"], session.data["who"], session.data["asked"]) == (
        "checkup",
        [ana_id()],
        "when",
    )
    [reply] = replies_to(fake_twilio, phone, before)
    assert expected in reply
    assert CampaignSend.objects.get(patient__phone_e164=phone).answer == "book"


def ana_id() -> int:
    from scheduling.models import Practitioner

    return Practitioner.objects.get(code="ana-souza").pk


@pytest.mark.parametrize(
    "language, later, ask, months, noted",
    [
        (
            "pt-BR",
            "Mais tarde",
            "Quando devemos perguntar de novo?",
            "Em 3 meses",
            "vamos perguntar de novo em 3 meses",
        ),
        (
            "es",
            "Más adelante",
            "¿Cuándo te lo volvemos a preguntar?",
            "En 6 meses",
            "te lo volvemos a preguntar en 6 meses",
        ),
        ("en", "Later", "When should we ask you again?", "In 1 month", "we'll ask you again in 1 month"),
    ],
)
def test_later_asks_when_and_notes_the_choice(
    invited, fake_twilio, post_webhook, monday, language, later, ask, months, noted
):
    phone, sid = invited[language]
    before = len(fake_twilio.requests)

    post_webhook("/webhooks/twilio/whatsapp/", tap(phone, payload="campaign:later", title=later, quoting=sid))
    send = CampaignSend.objects.get(patient__phone_e164=phone)
    chosen = months.split()[1]
    post_webhook(
        "/webhooks/twilio/whatsapp/",
        tap(phone, payload=f"campaign:later{chosen}:{send.pk}", title=months),
    )

    first, second = replies_to(fake_twilio, phone, before)
    assert ask in first and months in first
    assert noted in second
    send.refresh_from_db()
    assert send.answer == "later"
    assert 28 * int(chosen) <= (send.ask_again_on - monday.date()).days <= 31 * int(chosen)
    assert not BookingSession.objects.exists()


@pytest.mark.parametrize(
    "language, title, confirmation",
    [
        ("pt-BR", "Não enviar mais", "não vai mais enviar estes convites"),
        ("es", "No enviar más", "no te enviará más estas invitaciones"),
        ("en", "Stop", "won't send you these invitations again"),
    ],
)
def test_stop_leaves_campaigns_but_not_reminders(
    invited, fake_twilio, post_webhook, language, title, confirmation
):
    phone, sid = invited[language]
    before = len(fake_twilio.requests)

    post_webhook("/webhooks/twilio/whatsapp/", tap(phone, payload="campaign:stop", title=title, quoting=sid))

    [reply] = replies_to(fake_twilio, phone, before)
    assert confirmation in reply
    assert CampaignOptOut.objects.filter(patient__phone_e164=phone).exists()
    assert CampaignSend.objects.get(patient__phone_e164=phone).answer == "stop"
    assert not Conversation.objects.get(phone_e164=phone).opted_out  # reminders still go


@pytest.mark.parametrize(
    "language, typed, answer", [("en", "3", "stop"), ("es", "más adelante", "later"), ("pt-BR", "1", "book")]
)
def test_a_typed_number_or_title_answers_the_text_invitation(
    recall_world,
    twilio_settings,
    fake_twilio,
    django_capture_on_commit_callbacks,
    monday,
    post_webhook,
    language,
    typed,
    answer,
):
    from conversations.campaigns.services import campaign_send_batch

    phone = PHONES[language]
    ConversationFactory(channel_user_id=phone.lstrip("+"), phone_e164=phone, language=language)
    campaign = make_campaign(templates={})
    with django_capture_on_commit_callbacks(execute=True):
        campaign_send_batch(campaign_id=campaign.pk, now=monday)
    body = tap(phone, payload="", title=typed).replace("MessageType=button", "MessageType=text")

    post_webhook("/webhooks/twilio/whatsapp/", body)

    assert CampaignSend.objects.get(patient__phone_e164=phone).answer == answer


def test_a_payload_naming_someone_elses_send_is_ignored(invited, fake_twilio, post_webhook):
    phone, _ = invited["en"]
    other = CampaignSend.objects.get(patient__phone_e164=PHONES["es"])

    post_webhook("/webhooks/twilio/whatsapp/", tap(phone, payload=f"campaign:stop:{other.pk}", title="Stop"))

    other.refresh_from_db()
    assert other.answer == "" and not CampaignOptOut.objects.exists()


def later_then_types(post_webhook, invited, language: str, later: str, typed: str) -> CampaignSend:
    phone, sid = invited[language]
    post_webhook("/webhooks/twilio/whatsapp/", tap(phone, payload="campaign:later", title=later, quoting=sid))
    body = tap(phone, payload="", title=typed).replace("MessageType=button", "MessageType=text")
    post_webhook("/webhooks/twilio/whatsapp/", body)
    return CampaignSend.objects.get(patient__phone_e164=phone)


@pytest.mark.parametrize(
    "language, later, typed, day, noted",
    [
        ("en", "Later", "in 4 months", date(2027, 4, 7), "we'll ask you again on 7 April 2027"),
        (
            "es",
            "Más adelante",
            "el mes que viene",
            date(2027, 1, 7),
            "te lo volvemos a preguntar el 7 de enero de 2027",
        ),
        (
            "pt-BR",
            "Mais tarde",
            "daqui a duas semanas",
            date(2026, 12, 21),
            "vamos perguntar de novo em 21 de dezembro de 2026",
        ),
        ("es", "Más adelante", "15/03/2027", date(2027, 3, 15), "el 15 de marzo de 2027"),
    ],
)
def test_a_day_typed_under_when_to_ask_again_is_noted(
    invited, fake_twilio, post_webhook, language, later, typed, day, noted
):
    phone, _ = invited[language]
    before = len(fake_twilio.requests)

    send = later_then_types(post_webhook, invited, language, later, typed)

    assert (send.answer, send.ask_again_on) == ("later", day)
    assert noted in replies_to(fake_twilio, phone, before)[-1]
    assert not BookingSession.objects.exists()


def test_words_naming_no_day_under_when_to_ask_again_note_nothing(invited, post_webhook):
    send = later_then_types(post_webhook, invited, "en", "Later", "hmm not sure")

    assert send.ask_again_on is None


def test_the_campaign_waits_for_the_day_asked_and_asks_again_then(
    invited, fake_twilio, post_webhook, django_capture_on_commit_callbacks, monday, time_machine
):
    from conversations.campaigns.services import campaign_send_batch
    from conversations.models import Campaign

    phone, _ = invited["en"]
    later_then_types(post_webhook, invited, "en", "Later", "in two weeks")
    campaign = Campaign.objects.get()

    def tick(at) -> dict:
        time_machine.move_to(at, tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            return campaign_send_batch(campaign_id=campaign.pk, now=at)

    assert tick(monday + timedelta(days=13)) == {}  # Sunday the 20th: not yet (and closed)
    assert tick(monday + timedelta(days=6)) == {}
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.RUNNING  # someone's "later" is still ahead
    asked = len(fake_twilio.requests)

    assert tick(monday + timedelta(days=14)) == {"sent": 1}  # Monday the 21st

    [again] = fake_twilio.requests[asked:]
    assert again.form["To"] == f"whatsapp:{phone}"
    sends = CampaignSend.objects.filter(patient__phone_e164=phone).order_by("round")
    assert [(s.round, s.status) for s in sends] == [(1, "sent"), (2, "sent")]
    assert tick(monday + timedelta(days=14, minutes=1)) == {}
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.DONE


def test_a_stopped_campaign_does_not_ask_again_when_the_day_comes(
    invited, fake_twilio, post_webhook, django_capture_on_commit_callbacks, monday, time_machine
):
    from conversations.campaigns.services import campaign_send_batch, campaign_state_set
    from conversations.models import Campaign

    later_then_types(post_webhook, invited, "en", "Later", "in two weeks")
    campaign = campaign_state_set(campaign_id=Campaign.objects.get().pk, state="stopped", user_id=None)
    day = monday + timedelta(days=14)
    time_machine.move_to(day, tick=False)

    assert campaign_send_batch(campaign_id=campaign.pk, now=day) == {}
    assert CampaignSend.objects.filter(patient__phone_e164=invited["en"][0]).count() == 1


def test_a_day_typed_under_when_to_ask_again_is_noted_while_a_booking_is_open(
    invited, fake_twilio, post_webhook
):
    phone, _ = invited["en"]
    typed = tap(phone, payload="", title="I'd like to book a visit").replace(
        "MessageType=button", "MessageType=text"
    )
    post_webhook("/webhooks/twilio/whatsapp/", typed)
    conversation = Conversation.objects.get(phone_e164=phone)
    assert BookingSession.objects.filter(conversation_id=conversation.pk).exists()
    before = len(fake_twilio.requests)

    send = later_then_types(post_webhook, invited, "en", "Later", "in a couple of weeks")

    # The last question was the campaign's, so the day answers it, not the booking.
    assert (send.answer, send.ask_again_on) == ("later", date(2026, 12, 21))
    assert "we'll ask you again on 21 December 2026" in replies_to(fake_twilio, phone, before)[-1]
