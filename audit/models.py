from django.conf import settings
from django.db import models
from django.utils import timezone

from clinicbot.tenancy import ClinicManager, clinic_owned


class TraceEvent(models.Model):
    """An append-only record of one decision the bot made (PostgreSQL enforces it)."""

    clinic = clinic_owned()

    class Type(models.TextChoices):
        INCOMING_MESSAGE = "INCOMING_MESSAGE"
        INTENT_CLASSIFIED = "INTENT_CLASSIFIED"
        STATE_TRANSITION = "STATE_TRANSITION"
        SCHEDULING_CALL = "SCHEDULING_CALL"
        APPOINTMENT_BOOKED = "APPOINTMENT_BOOKED"
        APPOINTMENT_CANCELLED = "APPOINTMENT_CANCELLED"
        APPOINTMENT_RESCHEDULED = "APPOINTMENT_RESCHEDULED"
        FAQ_ANSWERED = "FAQ_ANSWERED"
        EMERGENCY_DETECTED = "EMERGENCY_DETECTED"
        ESCALATED_TO_HUMAN = "ESCALATED_TO_HUMAN"
        STAFF_TOOK_OVER = "STAFF_TOOK_OVER"
        STAFF_REPLIED = "STAFF_REPLIED"
        HANDED_BACK = "HANDED_BACK"
        OUTBOUND_SENT = "OUTBOUND_SENT"
        OUTBOUND_FAILED = "OUTBOUND_FAILED"
        OPT_OUT = "OPT_OUT"
        OPT_IN = "OPT_IN"
        REPLY_DECIDED = "REPLY_DECIDED"
        REMINDER_SENT = "REMINDER_SENT"
        REMINDER_ANSWERED = "REMINDER_ANSWERED"
        WAITLIST_JOINED = "WAITLIST_JOINED"
        WAITLIST_OFFERED = "WAITLIST_OFFERED"
        WAITLIST_ANSWERED = "WAITLIST_ANSWERED"

    # Referenced by label, not imported: audit depends on no other app.
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.PROTECT, related_name="trace_events"
    )
    booking_session_id = models.BigIntegerField(null=True, blank=True)
    type = models.CharField(max_length=32, choices=Type)
    actor = models.CharField(max_length=64, default="bot")
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["conversation", "created_at"]),
            models.Index(fields=["type", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.type} @ {self.created_at:%Y-%m-%d %H:%M:%S}"


class StaffAction(models.Model):
    """Who did what, when, on which conversation or appointment."""

    clinic = clinic_owned()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=64)
    conversation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    appointment_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} by {self.user_id}"
