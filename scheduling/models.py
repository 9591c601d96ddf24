"""The practice calendar. All instants are stored in UTC; local times only in WorkingHours."""

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from clinicbot.tenancy import ClinicManager, clinic_owned
from scheduling.helplines import Helplines, country_guess, helplines_resolve


@dataclass(frozen=True)
class Policies:
    """The clinic's booking rules, with the defaults used when the clinic file is silent."""

    min_notice_minutes: int = 120
    max_days_ahead: int = 60
    hold_minutes: int = 10
    cancellation_notice_hours: int = 24
    slot_minutes: int = 15
    buffer_minutes: int = 0
    default_duration_minutes: int = 30
    # Upcoming appointments the bot may book for one patient, or for one phone number
    # across the patients sharing it; staff may book beyond it.
    max_upcoming_per_patient: int = 3
    # How long a freed slot offered to a waiting patient is held for their answer.
    waitlist_hold_minutes: int = 30

    @property
    def min_notice(self) -> timedelta:
        return timedelta(minutes=self.min_notice_minutes)

    @property
    def hold_duration(self) -> timedelta:
        return timedelta(minutes=self.hold_minutes)

    @property
    def waitlist_hold(self) -> timedelta:
        return timedelta(minutes=self.waitlist_hold_minutes)

    @property
    def cancellation_notice(self) -> timedelta:
        return timedelta(hours=self.cancellation_notice_hours)


POLICY_FIELDS = tuple(Policies.__dataclass_fields__)
MAX_APPOINTMENT = timedelta(days=1)


class Clinic(models.Model):
    """One clinic of the deployment: the tenant every clinic-owned row belongs to."""

    code = models.SlugField(max_length=64, unique=True, help_text='The clinic file\'s "code"')
    name = models.CharField(max_length=200)
    # The stand-in a deployment gets when rows need a clinic before any clinic file was
    # loaded; it reads as "no clinic yet" until load_clinic fills it in.
    placeholder = models.BooleanField(default=False)
    time_zone = models.CharField(max_length=64, default="UTC")
    # Codes as conversations.models.Language: "en", "es", "pt-BR".
    languages = models.JSONField(default=list, blank=True)
    default_language = models.CharField(max_length=5, default="en")
    phone = models.CharField(max_length=20, blank=True, help_text="E.164; escalations go here.")
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters (ISO 3166), e.g. BR.")],
        help_text='ISO 3166, e.g. "BR"; blank: from the phone',
    )
    emergency_number = models.CharField(
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{1,6}$", "A short number such as 192, 911 or 112.")],
        help_text='e.g. "192", "911", "112"; blank: the country\'s',
    )
    crisis_line = models.CharField(
        max_length=40,
        blank=True,
        validators=[RegexValidator(r"^\+?[\d\s().-]{3,}$", "A phone number as dialled, e.g. 188.")],
        help_text='Suicide-prevention line, e.g. "188"; blank: the country\'s',
    )
    crisis_line_name = models.CharField(max_length=80, blank=True, help_text='e.g. "CVV"')
    emergency_copy = models.JSONField(default=dict, blank=True, help_text="{language: text} override")
    confirmation_faq = models.SlugField(
        max_length=64,
        blank=True,
        help_text="FAQ topic whose approved answer follows every booking confirmation",
    )
    policies = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def helplines(self) -> Helplines:
        """The numbers patients are told to call: the clinic's own, else its country's."""
        return helplines_resolve(
            country=self.country or country_guess(phone=self.phone, time_zone=self.time_zone),
            emergency_number=self.emergency_number,
            crisis_line=self.crisis_line,
            crisis_line_name=self.crisis_line_name,
        )

    @property
    def policy(self) -> Policies:
        known = {k: int(v) for k, v in (self.policies or {}).items() if k in POLICY_FIELDS}
        return Policies(**known)


class ClinicMembership(models.Model):
    """One role a staff member holds at one clinic (clinicbot.access reads it). Role names are
    the staff groups'."""

    class Role(models.TextChoices):
        RECEPTION = "Reception"
        OPERATIONS_LEAD = "Operations lead"
        CONTENT_ADMIN = "Content admin"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=32, choices=Role)

    class Meta:
        ordering = ["clinic", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "clinic", "role"], name="membership_one_role_once"),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.clinic}"


class Location(models.Model):
    clinic = clinic_owned()
    code = models.SlugField(max_length=64)
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["clinic", "code"], name="location_code_per_clinic")]

    def __str__(self) -> str:
        return self.name


class Practitioner(models.Model):
    clinic = clinic_owned()
    code = models.SlugField(max_length=64)
    display_name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    specialties = models.JSONField(default=list, blank=True)
    locations = models.ManyToManyField(
        Location, related_name="practitioners", blank=True, through="PractitionerLocation"
    )
    active = models.BooleanField(default=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "code"], name="practitioner_code_per_clinic")
        ]

    def __str__(self) -> str:
        return self.display_name


class AppointmentType(models.Model):
    clinic = clinic_owned()
    code = models.SlugField(max_length=64)
    names = models.JSONField(default=dict, help_text="{language: name}")
    duration_minutes = models.PositiveSmallIntegerField()
    new_patients = models.BooleanField(default=True, help_text="New patients may book it.")
    practitioners = models.ManyToManyField(
        Practitioner, related_name="appointment_types", blank=True, through="AppointmentTypePractitioner"
    )
    active = models.BooleanField(default=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "code"], name="appointmenttype_code_per_clinic"),
            models.CheckConstraint(
                condition=Q(
                    duration_minutes__gt=0,
                    duration_minutes__lte=MAX_APPOINTMENT // timedelta(minutes=1),
                ),
                name="appointment_type_duration_within_a_day",
            ),
        ]

    def __str__(self) -> str:
        return self.name_in("en")

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    def name_in(self, language: str) -> str:
        names = self.names or {}
        return (
            names.get(language) or names.get(language.split("-")[0]) or next(iter(names.values()), self.code)
        )


class PractitionerLocation(models.Model):
    """A location a practitioner works at (Practitioner.locations), in their clinic: pass the
    clinic when linking (`locations.add(location, through_defaults={"clinic_id": ...})`)."""

    clinic = clinic_owned()
    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE)
    location = models.ForeignKey(Location, on_delete=models.CASCADE)

    objects = ClinicManager()

    class Meta:
        db_table = "scheduling_practitioner_locations"
        constraints = [
            models.UniqueConstraint(fields=["practitioner", "location"], name="practitioner_location_once")
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} at {self.location}"


class AppointmentTypePractitioner(models.Model):
    """A practitioner who offers an appointment type (AppointmentType.practitioners), in their
    clinic: pass the clinic when linking, as for PractitionerLocation."""

    clinic = clinic_owned()
    # The column keeps the name the table had as Django's own link table.
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.CASCADE, db_column="appointmenttype_id"
    )
    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE)

    objects = ClinicManager()

    class Meta:
        db_table = "scheduling_appointmenttype_practitioners"
        constraints = [
            models.UniqueConstraint(
                fields=["appointment_type", "practitioner"], name="appointment_type_practitioner_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.appointment_type} by {self.practitioner}"


class WorkingHours(models.Model):
    """One range of a practitioner's week, in the clinic's local time; several per day allowed."""

    clinic = clinic_owned()

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE, related_name="working_hours")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="working_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday)
    start = models.TimeField()
    end = models.TimeField()

    objects = ClinicManager()

    class Meta:
        ordering = ["practitioner", "weekday", "start"]
        verbose_name_plural = "working hours"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="working_hours_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M}"


class TimeOff(models.Model):
    """A practitioner's absence, or the whole clinic's when practitioner is empty."""

    clinic = clinic_owned()
    practitioner = models.ForeignKey(
        Practitioner, null=True, blank=True, on_delete=models.CASCADE, related_name="time_off"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    reason = models.CharField(max_length=200, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["start"]
        verbose_name_plural = "time off"
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="time_off_end_after_start")
        ]

    def __str__(self) -> str:
        who = self.practitioner or "Whole clinic"
        return f"{who}: {timezone.localtime(self.start):%Y-%m-%d} {self.reason}"


class Patient(models.Model):
    clinic = clinic_owned()
    name = models.CharField(max_length=200)
    phone_e164 = models.CharField(max_length=20, db_index=True)
    date_of_birth = models.DateField(null=True, blank=True)
    external_id = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=5, blank=True)
    # Created by the bot for an unknown number; reception confirms the record later.
    provisional = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Appointment(models.Model):
    clinic = clinic_owned()

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"
        COMPLETED = "completed", "Completed"
        NO_SHOW = "no_show", "No show"

    class Source(models.TextChoices):
        WHATSAPP = "whatsapp", "WhatsApp"
        STAFF = "staff", "Staff"
        API = "api", "API"

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="appointments")
    practitioner = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="appointments")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="appointments")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="appointments"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status, default=Status.BOOKED)
    source = models.CharField(max_length=10, choices=Source)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the bot booked it.",
    )
    conversation_id = models.BigIntegerField(null=True, blank=True)
    cancellation_reason = models.CharField(max_length=300, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    rescheduled_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="rescheduled_to"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["start"]
        # PostgreSQL also has appointment_no_overlap (EXCLUDE USING gist), see migration 0002.
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="appointment_end_after_start")
        ]
        indexes = [
            models.Index(fields=["practitioner", "start"]),
            models.Index(fields=["patient", "start"]),
        ]

    def __str__(self) -> str:
        # In the active time zone, named: the clinic's on pages people read, else UTC.
        return f"{self.practitioner} {timezone.localtime(self.start):%Y-%m-%d %H:%M %Z} ({self.status})"


class SlotHold(models.Model):
    """A short claim on a slot while a patient confirms; live until expires_at or booked."""

    clinic = clinic_owned()
    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE, related_name="holds")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    appointment_type = models.ForeignKey(AppointmentType, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    expires_at = models.DateTimeField()
    # No FK: conversations depend on scheduling, never the reverse.
    conversation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    appointment = models.OneToOneField(
        Appointment, null=True, blank=True, on_delete=models.SET_NULL, related_name="hold"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="slot_hold_end_after_start")
        ]
        indexes = [models.Index(fields=["practitioner", "expires_at"])]

    def __str__(self) -> str:
        return f"hold {self.practitioner} {timezone.localtime(self.start):%Y-%m-%d %H:%M %Z}"

    def is_live(self, *, now) -> bool:
        return self.appointment_id is None and self.expires_at > now
