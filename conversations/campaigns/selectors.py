"""Reads of recall campaigns: who a campaign would ask now, and how it is doing."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q

from conversations.models import Campaign, CampaignOptOut, CampaignSend, Conversation, OutboundMessage
from scheduling.availability import WeeklyRange
from scheduling.models import Patient
from scheduling.selectors import patient_list_due_for_recall

SAMPLE = 10


def campaign_recipients(*, campaign: Campaign, now: datetime) -> list[Patient]:
    """The patients the campaign would ask now, longest-waiting first: due by the calendar's
    rule, never asked by this campaign (or asked, said "Later" and that day has come), not
    opted out (of campaigns, or of every message on WhatsApp), not waiting for a "later"
    they chose; one patient per phone number."""
    due = patient_list_due_for_recall(
        now=now,
        months=campaign.months,
        appointment_type_id=campaign.appointment_type_id,
        practitioner_id=campaign.practitioner_id,
    ).exclude(pk__in=CampaignOptOut.objects.values("patient_id"))
    asked = campaign_asked(campaign=campaign, now=now)
    waiting = CampaignSend.objects.filter(ask_again_on__gt=now.date()).values("patient_id")
    phones = set(Patient.objects.filter(pk__in=asked).values_list("phone_e164", flat=True))
    phones |= set(Conversation.objects.filter(opted_out=True).values_list("phone_e164", flat=True))
    chosen: list[Patient] = []
    for patient in due.exclude(pk__in=waiting).exclude(pk__in=asked):
        if patient.phone_e164 not in phones:
            phones.add(patient.phone_e164)
            chosen.append(patient)
    return chosen


def campaign_asked(*, campaign: Campaign, now: datetime) -> set[int]:
    """The patients the campaign has asked and is done with: all it asked, less those whose
    last answer was "Later" with a day that has come (they are asked again)."""
    latest: dict[int, CampaignSend] = {}
    for send in CampaignSend.objects.filter(campaign=campaign).only(
        "patient_id", "round", "answer", "ask_again_on"
    ):
        if send.patient_id not in latest or send.round > latest[send.patient_id].round:
            latest[send.patient_id] = send
    return {
        patient_id
        for patient_id, send in latest.items()
        if not (
            send.answer == CampaignSend.Answer.LATER and send.ask_again_on and send.ask_again_on <= now.date()
        )
    }


def campaign_laters_pending(*, campaign: Campaign, now: datetime) -> bool:
    """Whether a patient who said "Later" to the campaign waits for a day still ahead."""
    return CampaignSend.objects.filter(
        campaign=campaign, answer=CampaignSend.Answer.LATER, ask_again_on__gt=now.date()
    ).exists()


def campaign_next_round(*, campaign: Campaign, patient: Patient, now: datetime) -> int | None:
    """The round of the campaign's next ask to the patient: 1 if never asked, the next one
    if their last answer was "Later" and that day has come; None when they are not to be
    asked (another worker asked them since the recipients were read)."""
    last = CampaignSend.objects.filter(campaign=campaign, patient=patient).order_by("-round").first()
    if last is None:
        return 1
    due_again = (
        last.answer == CampaignSend.Answer.LATER and last.ask_again_on and last.ask_again_on <= now.date()
    )
    return last.round + 1 if due_again else None


def campaign_window_open(*, campaign: Campaign, local_now: datetime, hours: list[WeeklyRange]) -> bool:
    """Inside the campaign's send window and while the clinic is open (some practitioner's
    working hours, `hours`, cover the moment). Pure: the caller gives the clinic's clock."""
    moment = local_now.time()
    if not campaign.window_start <= moment < campaign.window_end:
        return False
    return any(r.weekday == local_now.weekday() and r.start <= moment < r.end for r in hours)


def campaign_sent_since(*, campaign: Campaign, since: datetime) -> int:
    return CampaignSend.objects.filter(
        campaign=campaign, status=CampaignSend.Status.SENT, created_at__gt=since
    ).count()


@dataclass(frozen=True)
class CampaignMetrics:
    sent: int
    delivered: int
    read: int
    answered: int
    booked: int
    opted_out: int
    skipped: int

    def as_rows(self) -> list[tuple[str, int]]:
        return [
            ("Sent", self.sent),
            ("Delivered", self.delivered),
            ("Read", self.read),
            ("Replied", self.answered),
            ("Booked", self.booked),
            ("Opted out", self.opted_out),
        ]


def campaign_metrics(*, campaign: Campaign) -> CampaignMetrics:
    """The campaign's figures, in one query. Delivered and read are the messages' own statuses
    (moved by the provider's status callbacks); read counts as delivered too."""
    S = OutboundMessage.Status
    sent = Q(status=CampaignSend.Status.SENT)
    figures = CampaignSend.objects.filter(campaign=campaign).aggregate(
        sent=Count("pk", filter=sent),
        delivered=Count("pk", filter=sent & Q(outbound__status__in=[S.DELIVERED, S.READ])),
        read=Count("pk", filter=sent & Q(outbound__status=S.READ)),
        answered=Count("pk", filter=~Q(answer="")),
        booked=Count("pk", filter=Q(booked_appointment__isnull=False)),
        opted_out=Count("pk", filter=Q(answer=CampaignSend.Answer.STOP)),
        skipped=Count("pk", filter=Q(status=CampaignSend.Status.SKIPPED)),
    )
    return CampaignMetrics(**figures)


def campaign_send_list(*, campaign: Campaign, limit: int = 50) -> list[CampaignSend]:
    return list(
        CampaignSend.objects.filter(campaign=campaign)
        .select_related("patient", "outbound", "booked_appointment")
        .order_by("-created_at", "-id")[:limit]
    )


def campaign_send_for_reply(
    *, conversation: Conversation, quoted_id: str, now: datetime
) -> CampaignSend | None:
    """The send a reply answers: the one whose message it quotes (`quoted_id`, the provider's
    id), else the conversation's latest within a month."""
    sends = CampaignSend.objects.filter(conversation=conversation, status=CampaignSend.Status.SENT)
    if quoted_id:
        quoted = sends.filter(outbound__provider_message_id=quoted_id).first()
        if quoted is not None:
            return quoted
    return sends.filter(created_at__gte=now - timedelta(days=30)).order_by("-created_at", "-id").first()
