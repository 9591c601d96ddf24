"""Thin Celery wrappers around the conversation services; primary keys in, JSON only.

The services enqueue these tasks, so a task imports its service inside its body, at call
time: the one import that points back (tests/test_architecture.py allows exactly this).
"""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone
from kombu.exceptions import OperationalError

from clinicbot.tenancy import each_clinic, in_clinic_of
from conversations.channels.base import ChannelError
from conversations.models import InboundMessage, OutboundMessage

logger = logging.getLogger(__name__)


def task_enqueue(task, *args: int, countdown: float | None = None, queue: str | None = None) -> bool:
    """Hand work to the broker. When the broker is down, log and return False: the row is
    already in the database and a periodic sweep finds it, so the caller (a webhook that
    must answer at once, a worker mid-turn) carries on instead of failing."""
    try:
        task.apply_async(args, countdown=countdown, queue=queue)
    except OperationalError:
        logger.warning("broker unavailable; %s%r left to the sweep", task.name.rsplit(".", 1)[-1], args)
        return False
    return True


@shared_task(acks_late=True, time_limit=60, soft_time_limit=45)
def conversation_process_task(conversation_id: int) -> int:
    from conversations.inbox import conversation_process

    return conversation_process(conversation_id=conversation_id)


@shared_task(
    bind=True, acks_late=True, max_retries=settings.OUTBOUND_MAX_ATTEMPTS, time_limit=40, soft_time_limit=30
)
@in_clinic_of(OutboundMessage)
def outbound_send_task(self, outbound_id: int) -> None:
    from conversations.outbox.delivery import outbound_send

    try:
        outbound_send(outbound_id=outbound_id)
    except ChannelError as exc:
        # Only retryable errors reach here (the service decided and counts attempts).
        if self.request.is_eager:
            # No broker, so nothing can hold a countdown: try again at once.
            outbound_send_task.apply(args=(outbound_id,), retries=self.request.retries + 1)
            return
        # Back off 1 s, 2 s, 4 s: short enough for a chat, long enough for a blip to pass.
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries or 0)) from exc


@shared_task(bind=True, acks_late=True, max_retries=3, time_limit=150, soft_time_limit=120)
@in_clinic_of(InboundMessage)
def voice_note_transcribe_task(self, inbound_id: int) -> str:
    """On the voice queue (CELERY_VOICE_QUEUE), whose workers have their own concurrency:
    a note takes seconds of CPU, which must hold no lock and keep no text waiting."""
    from conversations.voice.intake import voice_note_give_up, voice_note_transcribe

    try:
        return voice_note_transcribe(inbound_id=inbound_id)
    except ChannelError as exc:
        # A download that may pass later (network, the provider's 5xx); then give up.
        if self.request.is_eager or self.request.retries >= self.max_retries:
            return voice_note_give_up(inbound_id=inbound_id, reason="download")
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc


@shared_task(time_limit=30, soft_time_limit=20)
@in_clinic_of(InboundMessage)
def voice_note_wait_notice_task(inbound_id: int) -> bool:
    from conversations.voice.intake import voice_note_wait_notice

    return voice_note_wait_notice(inbound_id=inbound_id)


@shared_task(time_limit=120, soft_time_limit=100)
def inbound_sweep() -> int:
    """Re-enqueue conversations whose messages sat unprocessed past the stale timeout
    (enqueue failed, or a worker died); the row lock keeps any message from running twice."""
    return sum(each_clinic(_inbound_stale_requeue))


def _inbound_stale_requeue() -> int:
    cutoff = timezone.now() - timezone.timedelta(seconds=settings.INBOUND_STALE_SECONDS)
    ids = set(
        InboundMessage.objects.filter(processed_at__isnull=True, received_at__lt=cutoff).values_list(
            "conversation_id", flat=True
        )[:500]
    )
    for conversation_id in ids:
        conversation_process_task.delay(conversation_id)
    from conversations.voice.intake import voice_note_give_up

    given_up = timezone.now() - timezone.timedelta(seconds=settings.STT_GIVE_UP_SECONDS)
    for inbound_id in InboundMessage.objects.filter(
        voice_status="pending", processed_at__isnull=True, received_at__lt=given_up
    ).values_list("pk", flat=True)[:500]:
        voice_note_give_up(inbound_id=inbound_id, reason="timeout")
    return len(ids)


@shared_task(time_limit=120, soft_time_limit=100)
def outbound_sweep() -> int:
    """Requeue outbound messages stuck in queued/sending past the stale timeout; the
    send service's claim and attempt limit turn repeated failures into `failed`."""
    requeued = sum(each_clinic(_outbound_stale_requeue))
    from conversations.outbox.delivery import early_status_purge

    early_status_purge()  # early statuses belong to no clinic yet
    return requeued


def _outbound_stale_requeue() -> int:
    cutoff = timezone.now() - timezone.timedelta(seconds=settings.OUTBOUND_STALE_SECONDS)
    ids = list(
        OutboundMessage.objects.filter(
            status__in=[OutboundMessage.Status.QUEUED, OutboundMessage.Status.SENDING], updated_at__lt=cutoff
        ).values_list("pk", flat=True)[:500]
    )
    # A row left in sending lost its worker mid-call: the next attempt asks the provider first.
    OutboundMessage.objects.filter(pk__in=ids, status=OutboundMessage.Status.SENDING).update(
        status=OutboundMessage.Status.QUEUED,
        error_code="outcome_unknown",
        error_message="the sending worker stopped before the provider answered",
        updated_at=timezone.now(),
    )
    for outbound_id in ids:
        outbound_send_task.delay(outbound_id)
    return len(ids)


@shared_task(time_limit=120, soft_time_limit=100)
def reminders_send_task() -> dict[str, int]:
    """Every minute (beat): send the reminders due now, each exactly once, clinic by clinic."""
    from conversations.reminders import reminders_send

    totals = {"sent": 0, "skipped": 0}
    for counts in each_clinic(reminders_send):
        totals = {key: totals[key] + counts[key] for key in totals}
    return totals


@shared_task(time_limit=120, soft_time_limit=100)
def campaigns_send_task() -> dict[str, int]:
    """Every minute (beat): each running campaign sends what its window and rate allow."""
    from conversations.campaigns.services import campaigns_send_due

    return campaigns_send_due()


@shared_task(acks_late=True, time_limit=60, soft_time_limit=45)
def waitlist_offer_task(clinic_id: int, practitioner_id: int, day: str) -> list[int]:
    """After time freed: offer the practitioner's free slots of that local day (ISO date) to
    the waiting patients. Idempotent: entries with an open offer are skipped."""
    from datetime import date

    from conversations.waitlist import waitlist_offers_send

    return waitlist_offers_send(
        clinic_id=clinic_id, practitioner_id=practitioner_id, day=date.fromisoformat(day)
    )


@shared_task(time_limit=120, soft_time_limit=100)
def waitlist_sweep_task() -> dict[str, int]:
    """Every minute (beat): lapsed offers give their slot to the next waiting patient, and
    entries past their days expire, clinic by clinic."""
    from booking.waitlist import waitlist_expire

    totals = {"offers": 0, "entries": 0, "holds": 0}
    for counts in each_clinic(waitlist_expire):
        totals = {key: totals[key] + counts[key] for key in totals}
    return totals


@shared_task(time_limit=600, soft_time_limit=540)
def retention_sweep() -> int:
    """Anonymise conversations past RETENTION_DAYS, clinic by clinic (daily; idempotent)."""
    from conversations.privacy import conversation_retention_sweep

    return sum(each_clinic(conversation_retention_sweep))
