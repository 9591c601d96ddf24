"""Running recall campaigns. A send row is written before its message (row before send), in
the transaction that holds the campaign's row lock: the unique (campaign, patient) pair
makes each patient's ask go out once however many workers run it, the lock makes the rate
exact and a stop final (once `campaign_stop` returns, nothing more is sent)."""

from collections import Counter
from datetime import datetime, timedelta
from math import ceil
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import TraceEvent
from audit.services import staff_action_record, trace_record
from clinicbot.tenancy import clinic_current_id, each_clinic
from conversations.campaigns.selectors import (
    campaign_laters_pending,
    campaign_next_round,
    campaign_recipients,
    campaign_sent_since,
    campaign_window_open,
)
from conversations.clinic import clinic_context
from conversations.copy import say
from conversations.models import Campaign, CampaignSend, Conversation
from conversations.outbox.queue import Origin, Reply, reply_queue
from conversations.reminders import patient_conversation
from conversations.understanding.languages import language_code
from scheduling.models import Appointment, Patient
from scheduling.selectors import weekly_hours_map

HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)
ACTIONS = ("book", "later", "stop")
EDITABLE = (Campaign.State.DRAFT, Campaign.State.STOPPED)


class CampaignStateError(Exception):
    """The campaign is not in a state that allows the action (start a running one...)."""


def campaign_save(*, campaign: Campaign, user_id: int | None) -> Campaign:
    """Validate and store a new or edited campaign (drafts and stopped ones only). Raises
    ValidationError, CampaignStateError. Audited."""
    if campaign.pk and Campaign.objects.filter(pk=campaign.pk).exclude(state__in=EDITABLE).exists():
        raise CampaignStateError("stop the campaign before editing it")
    campaign.full_clean(exclude=["clinic"])
    action = "campaign_edited" if campaign.pk else "campaign_created"
    campaign.clinic_id = campaign.clinic_id or clinic_current_id()
    campaign.created_by_id = campaign.created_by_id or user_id
    campaign.save()
    staff_action_record(user_id=user_id, action=action, detail={"campaign_id": campaign.pk})
    return campaign


@transaction.atomic
def campaign_state_set(
    *, campaign_id: int, state: str, user_id: int | None, now: datetime | None = None
) -> Campaign:
    """Start (draft or stopped -> running) or stop (running -> stopped) a campaign. The row
    lock waits for a send in progress, so after a stop returns no further message leaves.
    Raises CampaignStateError for any other change. Audited."""
    now = now or timezone.now()
    campaign = Campaign.objects.select_for_update().get(pk=campaign_id)
    allowed = {Campaign.State.RUNNING: EDITABLE, Campaign.State.STOPPED: (Campaign.State.RUNNING,)}
    if campaign.state not in allowed.get(state, ()):
        raise CampaignStateError(f"a {campaign.state} campaign cannot become {state}")
    campaign.state = state
    if state == Campaign.State.RUNNING:
        campaign.started_at = campaign.started_at or now
    else:
        campaign.stopped_at = now
    campaign.save(update_fields=["state", "started_at", "stopped_at"])
    staff_action_record(user_id=user_id, action=f"campaign_{state}", detail={"campaign_id": campaign.pk})
    return campaign


def campaigns_send_due(*, now: datetime | None = None) -> dict[str, int]:
    """The periodic sweep: every running campaign of every clinic sends what its window and
    rate allow now, and sends answered by a booking are marked, clinic by clinic (each in
    its scope, so a worker meets the same limits and row security as a request). Idempotent."""
    now = now or timezone.now()
    counts: Counter[str] = Counter()
    for part in each_clinic(lambda: _clinic_campaigns_send(now)):
        counts.update(part)
    return dict(counts)


def _clinic_campaigns_send(now: datetime) -> Counter[str]:
    counts: Counter[str] = Counter()
    for campaign_id in Campaign.objects.filter(state=Campaign.State.RUNNING).values_list("pk", flat=True):
        counts.update(campaign_send_batch(campaign_id=campaign_id, now=now))
    counts["booked"] = campaign_bookings_attribute(now=now)
    return counts


def campaign_send_batch(*, campaign_id: int, now: datetime | None = None) -> dict[str, int]:
    """Send the campaign's next asks, if it runs and its window is open: at most its hourly
    rate over any hour, spread as a sixtieth of it a minute (the sweep runs every minute).
    A campaign with nobody left to ask, and nobody's "Later" still ahead, is done. Returns
    counts (sent, skipped)."""
    now = now or timezone.now()
    campaign = Campaign.objects.filter(pk=campaign_id, state=Campaign.State.RUNNING).first()
    if campaign is None:
        return {}
    local_now = now.astimezone(ZoneInfo(clinic_context().time_zone))
    hours = [r for rows in weekly_hours_map().values() for r in rows]
    if not campaign_window_open(campaign=campaign, local_now=local_now, hours=hours):
        return {}
    recipients = campaign_recipients(campaign=campaign, now=now)
    if not recipients:
        if not campaign_laters_pending(campaign=campaign, now=now):
            Campaign.objects.filter(pk=campaign_id, state=Campaign.State.RUNNING).update(
                state=Campaign.State.DONE
            )
        return {}
    counts: Counter[str] = Counter()
    for patient in recipients:
        outcome = _send_one(campaign_id, patient, now=now)
        if outcome in ("stopped", "throttled"):
            break
        counts[outcome] += 1
    return dict(counts)


@transaction.atomic
def _send_one(campaign_id: int, patient: Patient, *, now: datetime) -> str:
    campaign = (
        Campaign.objects.select_for_update(of=("self",))
        .select_related("appointment_type", "practitioner")
        .get(pk=campaign_id)
    )
    if campaign.state != Campaign.State.RUNNING:
        return "stopped"
    per_minute = ceil(campaign.per_hour / 60)
    if campaign_sent_since(campaign=campaign, since=now - HOUR) >= campaign.per_hour or (
        campaign_sent_since(campaign=campaign, since=now - MINUTE) >= per_minute
    ):
        return "throttled"
    first_name = patient.name.split()[0]
    conversation = patient_conversation(patient.phone_e164, first_name)
    language = language_code(patient.language) or conversation.language or clinic_context().default_language
    # Read under the campaign's lock: a worker that read the recipients before another
    # asked this patient finds the ask there, not a round to start.
    round_ = campaign_next_round(campaign=campaign, patient=patient, now=now)
    if round_ is None:
        return "duplicate"
    try:
        with transaction.atomic():
            send = CampaignSend.objects.create(
                campaign=campaign,
                patient=patient,
                round=round_,
                conversation=conversation,
                status=CampaignSend.Status.SENT,
                created_at=now,
            )
    except IntegrityError:
        return "duplicate"  # another worker asked this patient first
    reply, why = _invite(campaign, send, conversation, language=language, first_name=first_name, now=now)
    if reply is None:
        send.status, send.detail = CampaignSend.Status.SKIPPED, why
        send.save(update_fields=["status", "detail"])
        return "skipped"
    if not conversation.language:
        conversation.language = language
        conversation.save(update_fields=["language", "updated_at"])
    [send.outbound] = reply_queue(conversation=conversation, replies=[reply])
    send.save(update_fields=["outbound"])
    trace_record(
        conversation_id=conversation.pk,
        type=TraceEvent.Type.REPLY_DECIDED,
        payload={
            "replies": 1,
            "why": "campaign_invite",
            "campaign_id": campaign.pk,
            "template": bool(reply.template),
        },
    )
    return "sent"


def _invite(
    campaign: Campaign,
    send: CampaignSend,
    conversation: Conversation,
    *,
    language: str,
    first_name: str,
    now: datetime,
) -> tuple[Reply | None, str]:
    """Inside WhatsApp's 24-hour window, the invitation as text with three buttons; outside
    it, the campaign's approved template for the language, whose quick replies are Book,
    Later and Stop in that order (Twilio's carry `campaign:book`, `campaign:later`,
    `campaign:stop` as defined in the content template; Meta's are given the options' ids as
    payloads when sent); with none, nothing and why."""
    what = campaign_what(campaign, language)
    options = [{"id": f"campaign:{a}:{send.pk}", "title": say(f"campaign_{a}", language)} for a in ACTIONS]
    if conversation.opted_out:
        return None, "the patient opted out of WhatsApp messages"
    if conversation.window_open(now=now):
        return Reply(
            say("campaign_invite", language, name=first_name, what=what), options, origin=Origin.COPY
        ), ""
    template = campaign.templates.get(language, "")
    if not template:
        return None, f"24-hour window closed and no template for {language}"
    variables = {"1": first_name, "2": what}
    reply = Reply(
        "", options, template=f"{template}:{language}", content_variables=variables, origin=Origin.COPY
    )
    return reply, ""


def campaign_what(campaign: Campaign, language: str) -> str:
    """What the patient is asked back for: "check-up", "visit with Dra. Ana", both."""
    what = (
        campaign.appointment_type.name_in(language)
        if campaign.appointment_type
        else say("campaign_visit", language)
    )
    what = what[:1].lower() + what[1:]  # mid-sentence: "your last check-up"
    if campaign.practitioner is None:
        return what
    return say("campaign_with", language, what=what, practitioner=campaign.practitioner.display_name)


def campaign_bookings_attribute(*, now: datetime) -> int:
    """Mark each send of the last 90 days that led to a booking: the patient's first
    appointment (not cancelled) made after the ask. Idempotent; returns how many it marked."""
    marked = 0
    for send in CampaignSend.objects.filter(
        status=CampaignSend.Status.SENT,
        booked_appointment__isnull=True,
        created_at__gte=now - timedelta(days=90),
    ):
        appointment = (
            Appointment.objects.filter(patient_id=send.patient_id, created_at__gte=send.created_at)
            .exclude(status=Appointment.Status.CANCELLED)
            .order_by("created_at")
            .first()
        )
        if appointment is not None:
            marked += CampaignSend.objects.filter(pk=send.pk, booked_appointment__isnull=True).update(
                booked_appointment=appointment
            )
    return marked
