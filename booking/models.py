from django.db import models
from django.db.models import F, Q
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


class WaitlistEntry(models.Model):
    """A patient waiting for a freed slot that meets their wish: a practitioner (or any of a
    specialty), a kind of visit, a range of days and, optionally, hours. Offered in order of
    joining; it expires at the end of its range."""

    clinic = clinic_owned()

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting"
        BOOKED = "booked", "Booked"
        REMOVED = "removed", "Removed"
        EXPIRED = "expired", "Expired"

    class Source(models.TextChoices):
        WHATSAPP = "whatsapp", "WhatsApp"
        STAFF = "staff", "Staff"

    patient = models.ForeignKey("scheduling.Patient", on_delete=models.CASCADE, related_name="+")
    practitioner = models.ForeignKey(
        "scheduling.Practitioner", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    specialty = models.CharField(
        max_length=100, blank=True, help_text="Any practitioner of it, when none is named"
    )
    appointment_type = models.ForeignKey(
        "scheduling.AppointmentType", on_delete=models.CASCADE, related_name="+"
    )
    day_from = models.DateField(help_text="The clinic's local days, both ends included")
    day_to = models.DateField()
    time_from = models.TimeField(null=True, blank=True, help_text="Local time; empty: any hour")
    time_to = models.TimeField(null=True, blank=True)
    language = models.CharField(max_length=5, blank=True)
    # No FK: conversations depend on booking, never the reverse.
    conversation_id = models.BigIntegerField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source, default=Source.WHATSAPP)
    state = models.CharField(max_length=10, choices=State, default=State.WAITING)
    state_reason = models.CharField(max_length=200, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = ClinicManager()

    class Meta:
        ordering = ["joined_at", "id"]
        verbose_name_plural = "waitlist entries"
        constraints = [
            models.CheckConstraint(condition=Q(day_to__gte=F("day_from")), name="waitlist_days_in_order"),
            models.CheckConstraint(
                condition=Q(time_from__isnull=True, time_to__isnull=True) | Q(time_to__gt=F("time_from")),
                name="waitlist_hours_in_order",
            ),
        ]
        indexes = [models.Index(fields=["state", "expires_at"])]

    def __str__(self) -> str:
        who = self.practitioner or self.specialty or "anyone"
        return f"waitlist #{self.pk}: {who} {self.day_from}..{self.day_to} ({self.state})"


class WaitlistOffer(models.Model):
    """One freed slot offered to one waiting patient, held for them until `expires_at`."""

    clinic = clinic_owned()

    class State(models.TextChoices):
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired"
        LOST = "lost", "Lost"  # taken meanwhile (staff booked it, the patient booked elsewhere)

    entry = models.ForeignKey(WaitlistEntry, on_delete=models.CASCADE, related_name="offers")
    practitioner = models.ForeignKey("scheduling.Practitioner", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    hold = models.ForeignKey(
        "scheduling.SlotHold", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appointment = models.ForeignKey(
        "scheduling.Appointment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State, default=State.OFFERED)
    outbound_id = models.BigIntegerField(null=True, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="waitlist_offer_end_after_start"),
            # One open offer per entry, and one per freed slot.
            models.UniqueConstraint(
                fields=["entry"], condition=Q(state="offered"), name="waitlist_one_open_offer_per_entry"
            ),
            models.UniqueConstraint(
                fields=["practitioner", "start"],
                condition=Q(state="offered"),
                name="waitlist_one_open_offer_per_slot",
            ),
        ]
        indexes = [models.Index(fields=["state", "expires_at"])]

    def __str__(self) -> str:
        return f"offer #{self.pk} of {timezone.localtime(self.start):%Y-%m-%d %H:%M %Z} ({self.state})"
