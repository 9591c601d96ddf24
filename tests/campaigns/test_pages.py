"""The operations lead's campaign pages: a campaign is written as a draft, its dry run shows
the count and a sample and sends nothing, and it is started and stopped there; other roles
are refused."""

import pytest
from django.urls import reverse

from audit.models import StaffAction
from conversations.models import Campaign, CampaignSend, OutboundMessage
from scheduling.models import AppointmentType, Practitioner
from tests.campaigns.conftest import make_campaign
from tests.staff.factories import operations_lead, receptionist

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def lead_client(client):
    client.force_login(operations_lead())
    return client


def form(**values) -> dict:
    return {
        "name": "Check-ups 2027",
        "appointment_type": AppointmentType.objects.get(code="checkup").pk,
        "practitioner": "",
        "months": "12",
        "window_start": "09:00",
        "window_end": "17:00",
        "per_hour": "30",
        "template_pt-BR": "HX" + "a" * 32,
        "template_en": "",
        "template_es": "",
    } | values


def test_a_new_campaign_is_a_draft_with_its_templates_and_the_creation_is_audited(recall_world, lead_client):
    response = lead_client.post(reverse("staff_campaign_new"), form())

    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response.url == reverse("staff_campaign", args=[campaign.pk])
    assert campaign.state == Campaign.State.DRAFT
    assert campaign.templates == {"pt-BR": "HX" + "a" * 32}
    assert StaffAction.objects.get().action == "campaign_created"


@pytest.mark.parametrize(
    "values, error",
    [
        (
            {"appointment_type": "", "practitioner": ""},
            "Choose an appointment type, a practitioner, or both.",
        ),
        ({"window_start": "18:00", "window_end": "09:00"}, "The send window must end after it starts."),
    ],
)
def test_a_campaign_without_whom_or_with_a_backward_window_is_refused(
    recall_world, lead_client, values, error
):
    response = lead_client.post(reverse("staff_campaign_new"), form(**values))

    assert response.status_code == 400 and error in response.content.decode()
    assert not Campaign.objects.exists()


def test_the_dry_run_shows_the_count_and_a_sample_and_sends_nothing(recall_world, lead_client):
    campaign = make_campaign(state=Campaign.State.DRAFT)

    response = lead_client.get(reverse("staff_campaign_dry_run", args=[campaign.pk]), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "<strong>3</strong> patients would be asked" in html
    assert html.index("Emily Carter") < html.index("Sofía Ramírez") < html.index("João Lima")
    assert "<h1>" not in html  # the fragment alone
    assert not CampaignSend.objects.exists() and not OutboundMessage.objects.exists()


def test_start_and_stop_from_the_page_move_the_state_and_are_audited(recall_world, lead_client):
    campaign = make_campaign(state=Campaign.State.DRAFT)

    started = lead_client.post(reverse("staff_campaign_start", args=[campaign.pk]), HTTP_HX_REQUEST="true")
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.RUNNING and "Stop sending" in started.content.decode()
    again = lead_client.post(reverse("staff_campaign_start", args=[campaign.pk]), HTTP_HX_REQUEST="true")
    assert again.status_code == 409
    lead_client.post(reverse("staff_campaign_stop", args=[campaign.pk]))

    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.STOPPED
    actions = list(StaffAction.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["campaign_running", "campaign_stopped"]


def test_a_running_campaign_cannot_be_edited(recall_world, lead_client):
    campaign = make_campaign()

    response = lead_client.post(reverse("staff_campaign_edit", args=[campaign.pk]), form(name="Renamed"))

    assert response.status_code == 400
    campaign.refresh_from_db()
    assert campaign.name == "Check-up recall"


def test_reception_may_not_open_the_campaigns(recall_world, client):
    client.force_login(receptionist())
    campaign = make_campaign(practitioner=Practitioner.objects.get(code="ana-souza"))

    assert client.get(reverse("staff_campaigns")).status_code == 403
    assert client.get(reverse("staff_campaign_dry_run", args=[campaign.pk])).status_code == 403
    assert client.post(reverse("staff_campaign_stop", args=[campaign.pk])).status_code == 403
