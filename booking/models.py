from django.db import models
from django.utils import timezone

from clinicbot.tenancy import ClinicManager, clinic_owned


class BookingSession(models.Model):
    """One booking, reschedule or cancellation in progress for one conversation."""

    clinic = clinic_owned()

    class State(models.TextChoices):
        START = "START"
        PATIENT_IDENTIFICATION = "PATIENT_IDENTIFICATION"
        PREFERENCES = "PREFERENCES"
        AVAILABILITY_SELECTION = "AVAILABILITY_SELECTION"
        WAITING_CONFIRMATION = "WAITING_CONFIRMATION"
        COMPLETE = "COMPLETE"
        ESCALATED = "ESCALATED"
        EXPIRED = "EXPIRED"
        RESET = "RESET"

    class Flow(models.TextChoices):
        BOOK = "book"
        RESCHEDULE = "reschedule"
        CANCEL = "cancel"

    # No FK: conversations depend on booking, never the reverse.
    conversation_id = models.BigIntegerField(db_index=True)
    flow = models.CharField(max_length=10, choices=Flow)
    state = models.CharField(max_length=24, choices=State, default=State.START)
    data = models.JSONField(default=dict, blank=True)
    patient = models.ForeignKey("scheduling.Patient", null=True, blank=True, on_delete=models.SET_NULL)
    hold = models.ForeignKey("scheduling.SlotHold", null=True, blank=True, on_delete=models.SET_NULL)
    appointment = models.ForeignKey(
        "scheduling.Appointment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = ClinicManager()

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation_id"],
                name="booking_one_active_session",
                condition=models.Q(
                    state__in=[
                        "START",
                        "PATIENT_IDENTIFICATION",
                        "PREFERENCES",
                        "AVAILABILITY_SELECTION",
                        "WAITING_CONFIRMATION",
                    ]
                ),
            )
        ]
        indexes = [models.Index(fields=["state", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.flow} #{self.pk} ({self.state})"


class Reminder(models.Model):
    """One reminder of one appointment; the unique pair makes each kind go out once."""

    clinic = clinic_owned()

    class Status(models.TextChoices):
        SENT = "sent"
        SKIPPED = "skipped"

    appointment = models.ForeignKey(
        "scheduling.Appointment", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=8)  # hours before the start, e.g. "24h"
    status = models.CharField(max_length=8, choices=Status)
    detail = models.CharField(max_length=200, blank=True)
    outbound_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["appointment", "kind"], name="reminder_once_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} reminder of appointment {self.appointment_id} ({self.status})"
