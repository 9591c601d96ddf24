"""A campaign's run against the Twilio fake: each patient asked exactly once (the row before
the send), in their language's approved template outside the 24-hour window, throttled to the
campaign's rate and window, and stopped for good; delivery statuses reach its figures."""

import json
import threading
from datetime import timedelta

import pytest
from django.db import connection

from conversations.campaigns.selectors import campaign_metrics
from conversations.campaigns.services import campaign_send_batch, campaign_state_set, campaigns_send_due
from conversations.models import Campaign, CampaignSend, OutboundMessage
from tests.campaigns.conftest import PHONES, TEMPLATES, make_campaign, visit
from tests.conftest import fixture_form
from tests.conversations.factories import ConversationFactory

pytestmark = [pytest.mark.django_db]
MINUTE = timedelta(minutes=1)


@pytest.fixture
def run(django_capture_on_commit_callbacks, monday):
    """One tick of the campaign at `at` (the Monday, by default); its messages are sent
    through the real Twilio adapter as the transaction commits."""

    def tick(campaign: Campaign, at=None) -> dict:
        with django_capture_on_commit_callbacks(execute=True):
            return campaign_send_batch(campaign_id=campaign.pk, now=at or monday)

    return tick


@pytest.mark.sqlite
def test_a_run_sends_each_patient_their_languages_template_once_however_often_it_ticks(
    recall_world, twilio_settings, fake_twilio, run
):
    campaign = make_campaign()

    first = run(campaign)
    again = run(campaign, campaign.created_at + MINUTE)
    campaigns_send_due()

    assert first == {"sent": 3} and again == {}
    sent = {r.form["To"]: r.form["ContentSid"] for r in fake_twilio.requests}
    assert sent == {f"whatsapp:{PHONES[lang]}": sid for lang, sid in TEMPLATES.items()}
    spanish = next(r.form["ContentVariables"] for r in fake_twilio.requests if "549" in r.form["To"])
    assert json.loads(spanish) == {"1": "Sofía", "2": "chequeo anual con Dra. Ana Souza"}
    assert CampaignSend.objects.filter(campaign=campaign, status="sent", outbound__status="sent").count() == 3
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.DONE  # nobody left to ask


@pytest.mark.sqlite
def test_inside_the_24_hour_window_the_invitation_is_text_with_book_later_stop(
    recall_world, twilio_settings, fake_twilio, run
):
    ConversationFactory(channel_user_id="14155550123", phone_e164=PHONES["en"], language="en")

    run(make_campaign(templates={}))

    [request] = fake_twilio.requests
    assert request.form["To"] == f"whatsapp:{PHONES['en']}"
    body = request.form.get("Body") or request.form["ContentVariables"]
    assert "Emily" in body and "check-up with Dra. Ana Souza" in body
    skipped = CampaignSend.objects.filter(status="skipped").values_list("detail", flat=True)
    assert sorted(skipped) == [
        "24-hour window closed and no template for es",
        "24-hour window closed and no template for pt-BR",
    ]
    assert [o["title"] for o in OutboundMessage.objects.get().options] == ["Book", "Later", "Stop"]


@pytest.mark.sqlite
def test_the_rate_holds_over_the_hour_and_is_spread_by_the_minute(
    recall_world, twilio_settings, fake_twilio, run
):
    campaign = make_campaign(per_hour=2)

    ticks = [run(campaign, campaign.created_at + n * MINUTE) for n in range(3)]

    assert ticks == [{"sent": 1}, {"sent": 1}, {}]
    assert len(fake_twilio.requests) == 2
    assert run(campaign, campaign.created_at + 61 * MINUTE) == {"sent": 1}


@pytest.mark.sqlite
def test_nothing_is_sent_outside_the_window_or_while_the_clinic_is_closed(
    recall_world, twilio_settings, fake_twilio, run, monday
):
    campaign = make_campaign()

    assert run(campaign, monday.replace(hour=8)) == {}
    assert run(campaign, monday.replace(hour=17, minute=30)) == {}  # the clinic works, the window is shut
    assert run(campaign, monday - timedelta(days=1)) == {}  # Sunday 10:00: nobody works
    assert fake_twilio.requests == []


@pytest.mark.sqlite
def test_a_stopped_campaign_sends_nothing_more_and_resumes_where_it_stopped(
    recall_world, twilio_settings, fake_twilio, run, monday
):
    campaign = make_campaign(per_hour=60)
    assert run(campaign) == {"sent": 1}

    campaign_state_set(campaign_id=campaign.pk, state=Campaign.State.STOPPED, user_id=None)
    assert run(campaign, monday + MINUTE) == {}
    assert len(fake_twilio.requests) == 1

    campaign_state_set(campaign_id=campaign.pk, state=Campaign.State.RUNNING, user_id=None)
    assert run(campaign, monday + 2 * MINUTE) == {"sent": 1}
    assert CampaignSend.objects.count() == 2


@pytest.mark.sqlite
def test_a_stop_arriving_in_the_middle_of_a_batch_sends_nothing_after_it(
    recall_world, twilio_settings, fake_twilio, run, monkeypatch
):
    from conversations.campaigns import services

    campaign = make_campaign()
    queued = services.reply_queue

    def queue_then_stop(**kwargs):
        rows = queued(**kwargs)
        # The operations lead presses Stop while the first ask is going out.
        services.campaign_state_set(campaign_id=campaign.pk, state=Campaign.State.STOPPED, user_id=None)
        return rows

    monkeypatch.setattr(services, "reply_queue", queue_then_stop)

    assert run(campaign) == {"sent": 1}
    assert len(fake_twilio.requests) == 1 and CampaignSend.objects.count() == 1


@pytest.mark.sqlite
def test_delivery_statuses_from_the_callbacks_and_a_booking_reach_the_figures(
    recall_world, twilio_settings, fake_twilio, run, post_webhook, monday
):
    campaign = make_campaign()
    run(campaign)
    sids = [r.sid for r in fake_twilio.requests]

    post_webhook("/webhooks/twilio/status/", fixture_form("status_delivered", sid=sids[0].removeprefix("SM")))
    post_webhook("/webhooks/twilio/status/", fixture_form("status_read", sid=sids[1].removeprefix("SM")))
    booked = CampaignSend.objects.get(outbound__provider_message_id=sids[1])
    visit(booked.patient, ago=-2 * timedelta(days=1), status="booked").__class__.objects.filter(
        patient=booked.patient, status="booked"
    ).update(created_at=monday + MINUTE)
    campaigns_send_due(now=monday + 2 * MINUTE)

    figures = campaign_metrics(campaign=campaign)
    assert (figures.sent, figures.delivered, figures.read, figures.booked) == (3, 2, 1, 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_workers_running_the_campaign_at_once_ask_each_patient_once(
    recall_world, twilio_settings, fake_twilio, monday
):
    for n in range(9):
        patient = recall_world.model.objects.create(
            name=f"Paciente {n}", phone_e164=f"+55119000000{n:02d}", language="pt"
        )
        visit(patient, ago=timedelta(days=500 + n))
    campaign = make_campaign()
    start = threading.Barrier(2)
    outcomes = []

    def worker():
        start.wait()
        try:
            outcomes.append(campaign_send_batch(campaign_id=campaign.pk, now=monday))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    fake_twilio.wait_for(10)
    assert CampaignSend.objects.filter(campaign=campaign).count() == 10  # 600 an hour: 10 a minute
    assert sorted(r.form["To"] for r in fake_twilio.requests) == sorted(
        set(r.form["To"] for r in fake_twilio.requests)
    )
    assert len(fake_twilio.requests) == 10
    assert sum(o.get("sent", 0) for o in outcomes) == 10
