"""Who a recall campaign asks: the calendar's rule (last completed visit of the type and/or
with the practitioner more than N months ago, nothing booked ahead), less whoever opted out,
asked to wait, or shares a number already asked."""

from datetime import UTC, datetime, time, timedelta

import pytest

from conversations.campaigns.selectors import campaign_recipients, campaign_window_open
from conversations.models import Campaign, CampaignOptOut, CampaignSend, Conversation
from scheduling.availability import WeeklyRange
from scheduling.models import Patient
from scheduling.selectors import months_before
from tests.campaigns.conftest import MONDAY_10, PHONES, make_campaign, visit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
DAYS = timedelta(days=1)


def names(campaign: Campaign) -> list[str]:
    return [p.name for p in campaign_recipients(campaign=campaign, now=MONDAY_10)]


def patient(language: str) -> Patient:
    return Patient.objects.get(phone_e164=PHONES[language])


def test_patients_whose_last_check_up_is_older_than_the_months_are_due_longest_waiting_first(recall_world):
    assert names(make_campaign()) == ["Emily Carter", "Sofía Ramírez", "João Lima"]


def test_a_check_up_inside_the_months_is_not_due(recall_world):
    visit(patient("es"), ago=300 * DAYS)

    assert "Sofía Ramírez" not in names(make_campaign())


def test_only_the_campaigns_type_counts_as_the_last_visit(recall_world):
    visit(patient("es"), code="follow_up", ago=30 * DAYS)

    assert "Sofía Ramírez" in names(make_campaign())
    assert "Sofía Ramírez" not in names(make_campaign(appointment_type=None))


def test_a_cancelled_or_missed_visit_is_not_a_completed_one(recall_world):
    visit(patient("es"), ago=30 * DAYS, status="cancelled")
    visit(patient("en"), ago=31 * DAYS, status="no_show")

    assert names(make_campaign()) == ["Emily Carter", "Sofía Ramírez", "João Lima"]


def test_the_practitioner_must_match_when_the_campaign_names_one(recall_world):
    from scheduling.models import Practitioner

    assert names(make_campaign(practitioner=Practitioner.objects.get(code="helena-prado"))) == []


def test_a_patient_with_an_appointment_ahead_is_not_asked(recall_world):
    visit(patient("pt-BR"), code="follow_up", ago=-3 * DAYS, status="booked")
    visit(patient("en"), ago=2 * DAYS, status="booked")  # booked but already past: not ahead

    assert names(make_campaign()) == ["Emily Carter", "Sofía Ramírez"]


def test_opted_out_patients_and_numbers_are_not_asked(recall_world):
    CampaignOptOut.objects.create(patient=patient("en"))
    Conversation.objects.create(channel_user_id="5491155551234", phone_e164=PHONES["es"], opted_out=True)

    assert names(make_campaign()) == ["João Lima"]


def test_a_patient_who_asked_to_wait_is_not_asked_by_another_campaign_until_then(recall_world):
    earlier = make_campaign(name="Earlier", state=Campaign.State.DONE)
    CampaignSend.objects.create(
        campaign=earlier,
        patient=patient("es"),
        status="sent",
        answer="later",
        ask_again_on=MONDAY_10.date() + DAYS,
    )

    assert "Sofía Ramírez" not in names(make_campaign())


def test_a_patient_already_asked_and_a_second_patient_on_the_same_number_are_not_asked(recall_world):
    campaign = make_campaign()
    sibling = Patient.objects.create(name="Pedro Lima", phone_e164=PHONES["pt-BR"], language="pt")
    visit(sibling, ago=900 * DAYS, who="ana-souza")
    CampaignSend.objects.create(campaign=campaign, patient=patient("en"), status="sent")

    assert names(campaign) == ["Pedro Lima", "Sofía Ramírez"]


def test_months_are_calendar_months_and_a_short_month_ends_on_its_last_day():
    assert months_before(datetime(2027, 3, 31, 9, tzinfo=UTC), 1) == datetime(2027, 2, 28, 9, tzinfo=UTC)
    assert months_before(datetime(2027, 1, 15, tzinfo=UTC), 14) == datetime(2025, 11, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "moment, open_",
    [(time(10), True), (time(8, 30), False), (time(12, 30), False), (time(17), False)],
)
def test_the_window_is_the_campaigns_hours_while_the_clinic_works(moment, open_):
    campaign = Campaign(window_start=time(9), window_end=time(17))
    hours = [WeeklyRange(0, time(9), time(12), 1), WeeklyRange(0, time(14), time(18), 1)]
    local_now = datetime.combine(MONDAY_10.date(), moment, tzinfo=MONDAY_10.tzinfo)

    assert campaign_window_open(campaign=campaign, local_now=local_now, hours=hours) is open_
    assert not campaign_window_open(campaign=campaign, local_now=local_now + DAYS, hours=hours)
