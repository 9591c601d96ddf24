from django.conf import settings
from django.db import models
from django.utils import timezone

from clinicbot.tenancy import ClinicManager, clinic_owned
from conversations.understanding.languages import PACKS

# The languages the bot speaks, as the language packs register them: a new pack changes the
# choices, and `makemigrations` writes the migration for it.
Language = models.TextChoices("Language", [(pack.choice_name, (pack.code, pack.name)) for pack in PACKS])


class Conversation(models.Model):
    """One patient's chat on one channel; the unit of locking and ordering."""

    clinic = clinic_owned()

    class Channel(models.TextChoices):
        """The door the patient wrote to, and so the provider that answers (conversations.channels)."""

        TWILIO = "twilio", "WhatsApp via Twilio"
        META = "meta", "WhatsApp via Meta Cloud API"

    class Handler(models.TextChoices):
        BOT = "bot", "Bot"
        STAFF = "staff", "Staff"
        CLOSED = "closed", "Closed"

    channel = models.CharField(max_length=16, choices=Channel, default=Channel.TWILIO)
    # The channel's id for the sender (the WhatsApp id today, a business-scoped id tomorrow); the
    # phone number may be missing once WhatsApp usernames roll out.
    channel_user_id = models.CharField(max_length=64)
    # The clinic's number the patient wrote to, as its provider names it (ClinicNumber.address);
    # replies go out from it. Empty: the deployment's own sender (a clinic file without channels).
    address = models.CharField(max_length=64, blank=True)
    phone_e164 = models.CharField(max_length=20, blank=True)
    profile_name = models.CharField(max_length=128, blank=True)
    language = models.CharField(max_length=5, choices=Language, blank=True)
    handler = models.CharField(max_length=8, choices=Handler, default=Handler.BOT)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_conversations",
    )
    opted_out = models.BooleanField(default=False)
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClinicManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "channel", "channel_user_id"], name="conversation_unique_sender"
            ),
        ]
        indexes = [models.Index(fields=["handler", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.channel}:{self.masked_user_id}"

    @property
    def masked_user_id(self) -> str:
        return mask(self.channel_user_id)

    def window_open(self, *, now) -> bool:
        """WhatsApp's 24-hour customer-service window: free-form replies allowed."""
        return self.last_inbound_at is not None and now - self.last_inbound_at < WINDOW


WINDOW = timezone.timedelta(hours=24)


class ClinicNumber(models.Model):
    """One WhatsApp number of one clinic (its clinic file's `channels:`): an inbound message
    belongs to the clinic whose number it was sent to (conversations.routing)."""

    clinic = models.ForeignKey("scheduling.Clinic", on_delete=models.CASCADE, related_name="numbers")
    channel = models.CharField(max_length=16, choices=Conversation.Channel)
    # The provider's name for the number: Twilio's sender in E.164, Meta's phone-number id.
    address = models.CharField(max_length=64)
    # The number's own account, when it is not the deployment's: the names of the environment
    # variables holding its secrets (never the secrets) and its template ids, as the provider's
    # package reads them from the clinic file (conversations.channels.<provider>.number_read).
    credentials = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["clinic", "channel", "address"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "address"], name="clinic_number_one_clinic"),
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.address}"


class UnroutedMessage(models.Model):
    """A message sent to a number no clinic lists: stored, never answered, shown to
    superusers, who alone see across clinics."""

    channel = models.CharField(max_length=16, choices=Conversation.Channel)
    address = models.CharField(max_length=64, blank=True)
    provider_message_id = models.CharField(max_length=64, unique=True)
    channel_user_id = models.CharField(max_length=64)
    raw_payload = models.JSONField(default=dict)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.channel}:{self.address or '?'} from {mask(self.channel_user_id)}"


def mask(value: str) -> str:
    """Keep the last three characters of an identifier; logs never hold a full number."""
    return "•" * max(len(value) - 3, 0) + value[-3:] if value else ""


class VoiceStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be transcribed"
    TRANSCRIBED = "transcribed", "Transcribed"
    UNCLEAR = "unclear", "Transcribed with doubt"
    REJECTED = "rejected", "Refused (type, size or length)"
    FAILED = "failed", "Could not be transcribed"
    OFF = "off", "Not transcribed (voice off)"


class InboundMessage(models.Model):
    clinic = clinic_owned()

    class Kind(models.TextChoices):
        TEXT = "text", "Text"
        BUTTON = "button", "Button tap"
        MEDIA = "media", "Media"
        LOCATION = "location", "Location"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="inbound_messages")
    provider_message_id = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=10, choices=Kind)
    text = models.TextField(blank=True)
    button_payload = models.CharField(max_length=256, blank=True)
    button_text = models.CharField(max_length=256, blank=True)
    media = models.JSONField(default=list, blank=True)  # [{"content_type": ..., the adapter's own ref}]
    location = models.JSONField(null=True, blank=True)  # {"latitude", "longitude", "address", "label"}
    reply_to_provider_id = models.CharField(max_length=64, blank=True)
    profile_name = models.CharField(max_length=128, blank=True)  # the sender's, as the provider gave it
    raw_payload = models.JSONField(default=dict)
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)
    processing_error = models.CharField(max_length=200, blank=True)
    # A voice note (blank for anything else): its transcript is `text`, the audio is never kept.
    voice_status = models.CharField(max_length=12, choices=VoiceStatus, blank=True)
    # The engine's measures: engine, model, language, duration, avg_logprob, no_speech_prob;
    # or the reason a note was refused or failed; whether the patient was told to wait.
    voice = models.JSONField(default=dict, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["received_at", "id"]
        indexes = [
            models.Index(
                fields=["received_at"],
                name="inbound_unprocessed",
                condition=models.Q(processed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.provider_message_id}"


class OutboundMessage(models.Model):
    clinic = clinic_owned()

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        READ = "read", "Read"
        FAILED = "failed", "Failed"
        UNDELIVERED = "undelivered", "Undelivered"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="outbound_messages")
    in_reply_to = models.ForeignKey(
        InboundMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    body = models.TextField(blank=True)
    # A template reference the channel resolves (a purpose such as "reminder", or a
    # provider's own id); its variables in order under "1", "2", ...
    template = models.CharField(max_length=64, blank=True)
    content_variables = models.JSONField(default=dict, blank=True)
    options = models.JSONField(default=list, blank=True)  # [{"id": ..., "title": ...}]
    status = models.CharField(max_length=12, choices=Status, default=Status.QUEUED)
    provider_message_id = models.CharField(max_length=64, null=True, blank=True, unique=True)
    error_code = models.CharField(max_length=16, blank=True)
    error_message = models.CharField(max_length=512, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Empty when the bot sent it.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.status} #{self.pk}"


# A status callback may arrive late or out of order: a status only moves forward, and a
# failure is final (no later `delivered` or `read` overwrites `failed` or `undelivered`; a
# late failure after `delivered` is ignored, the patient has the message). Each status
# lists the statuses it may replace.
_Status = OutboundMessage.Status
STATUS_REPLACES: dict[str, frozenset[str]] = {
    _Status.QUEUED: frozenset(),
    _Status.SENDING: frozenset({_Status.QUEUED}),
    _Status.SENT: frozenset({_Status.QUEUED, _Status.SENDING}),
    _Status.DELIVERED: frozenset({_Status.QUEUED, _Status.SENDING, _Status.SENT}),
    _Status.READ: frozenset({_Status.QUEUED, _Status.SENDING, _Status.SENT, _Status.DELIVERED}),
    _Status.FAILED: frozenset({_Status.QUEUED, _Status.SENDING, _Status.SENT}),
    _Status.UNDELIVERED: frozenset({_Status.QUEUED, _Status.SENDING, _Status.SENT}),
}
STATUS_FAILURES = frozenset({_Status.FAILED, _Status.UNDELIVERED})


class EarlyStatus(models.Model):
    """A provider status callback that arrived before the send's response stored the
    message's SID; applied (and deleted) as soon as a message holds the SID. Holds no
    personal data; the outbound sweep drops those never claimed after a day."""

    provider_message_id = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=12, choices=OutboundMessage.Status)
    error_code = models.CharField(max_length=16, blank=True)
    failure = models.CharField(max_length=20, blank=True)  # a channels.base.Failure value
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "early statuses"
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"{self.status} for {self.provider_message_id}"


class Escalation(models.Model):
    """A conversation that needs a person, and why; the staff queue is the open ones."""

    clinic = clinic_owned()

    class Reason(models.TextChoices):
        EMERGENCY = "emergency", "Emergency"
        ASKED_FOR_PERSON = "asked_for_person", "Asked for a person"
        NOT_UNDERSTOOD = "not_understood", "Not understood"
        LATE_CANCELLATION = "late_cancellation", "Late cancellation"
        CLINICAL_QUESTION = "clinical_question", "Clinical question"
        DELIVERY_FAILURE = "delivery_failure", "Delivery failure"
        WINDOW_CLOSED = "window_closed", "24-hour window closed"
        UNSUPPORTED = "unsupported", "Cannot handle yet"
        STAFF_INITIATED = "staff_initiated", "Taken over by staff"
        NO_AVAILABILITY = "no_availability", "No availability"
        UPCOMING_LIMIT = "upcoming_limit", "Upcoming appointments at the clinic's cap"
        REPEATED_QUESTION = "repeated_question", "The same question a third time"

    class Status(models.TextChoices):
        OPEN = "open", "Waiting"
        CLAIMED = "claimed", "Claimed"
        RESOLVED = "resolved", "Resolved"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="escalations")
    reason = models.CharField(max_length=24, choices=Reason)
    detail = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One open (or claimed) escalation per conversation; a new reason updates it.
            models.UniqueConstraint(
                fields=["conversation"],
                name="escalation_one_active",
                condition=models.Q(status__in=["open", "claimed"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.status})"


class FaqEntry(models.Model):
    """One question the clinic answers (fees, parking...), across languages and versions.

    `approved_version` is the only content ever sent to a patient; a newer draft waits
    beside it until someone with the content-admin role approves it.
    """

    clinic = clinic_owned()

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        RETIRED = "retired", "Retired"

    topic = models.SlugField(max_length=64)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    approved_version = models.OneToOneField(
        "FaqVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClinicManager()

    class Meta:
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"
        ordering = ["topic"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "topic"], name="faq_entry_topic_per_clinic"),
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(approved_version__isnull=False),
                name="faq_entry_approved_has_version",
            ),
        ]

    def __str__(self) -> str:
        return self.topic


class FaqVersion(models.Model):
    """One immutable edit of an entry: what the patient may be told, who wrote and approved it."""

    clinic = clinic_owned()
    entry = models.ForeignKey(FaqEntry, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    questions = models.JSONField(default=dict, help_text='{"en": ["How much is...", ...], ...}')
    answers = models.JSONField(default=dict, help_text='{"en": "A consultation costs...", ...}')
    change_note = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=list, blank=True)  # ["answers.es", "questions.en"]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_label = models.CharField(max_length=64, blank=True, help_text='e.g. "clinic file"')
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by_label = models.CharField(max_length=64, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = ClinicManager()

    class Meta:
        verbose_name = "FAQ version"
        ordering = ["entry", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="faq_version_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.entry.topic} v{self.number}"


class UnansweredQuestion(models.Model):
    """A patient question no approved entry answered: the content admins' to-do list.

    Its text is the patient's, so erasure and retention blank it with the conversation's
    messages (conversations.privacy); a question kept without a conversation is never shown.
    """

    clinic = clinic_owned()
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.CASCADE, related_name="unanswered_questions"
    )
    language = models.CharField(max_length=5, choices=Language, blank=True)
    text = models.TextField()
    best_topic = models.CharField(max_length=64, blank=True)
    best_score = models.FloatField(default=0.0)
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)
    # How a content admin handled it: the draft version it became (empty when dismissed).
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_version = models.ForeignKey(
        FaqVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_questions"
    )

    objects = ClinicManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["resolved", "created_at"])]

    def __str__(self) -> str:
        return self.text[:60]


class CannedReply(models.Model):
    """A reply reception sends often ("Your results are ready..."), per language, edited in
    the admin; the conversation page offers the ones in the patient's language."""

    clinic = clinic_owned()
    language = models.CharField(max_length=5, choices=Language)
    title = models.CharField(max_length=60, help_text="What reception sees on the button")
    text = models.TextField(max_length=1600)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower first")
    active = models.BooleanField(default=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["language", "position", "title"]
        verbose_name_plural = "canned replies"

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class Campaign(models.Model):
    """A recall campaign (conversations.campaigns): whom to ask back, with which approved
    template, when and how fast. Its sends are CampaignSend rows, one per patient at most."""

    clinic = clinic_owned()

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        RUNNING = "running", "Running"
        STOPPED = "stopped", "Stopped"
        DONE = "done", "Done"

    name = models.CharField(max_length=120)
    appointment_type = models.ForeignKey(
        "scheduling.AppointmentType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    practitioner = models.ForeignKey(
        "scheduling.Practitioner", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    months = models.PositiveSmallIntegerField(default=12, help_text="Last such visit at least this long ago")
    # {language: the approved template's id as its channel names it, e.g. a content SID "HX..."}
    templates = models.JSONField(default=dict, blank=True)
    window_start = models.TimeField(help_text="Clinic time")
    window_end = models.TimeField(help_text="Clinic time")
    per_hour = models.PositiveSmallIntegerField(default=60)
    state = models.CharField(max_length=8, choices=State, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    objects = ClinicManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(window_end__gt=models.F("window_start")),
                name="campaign_window_ordered",
                violation_error_message="The send window must end after it starts.",
            ),
            models.CheckConstraint(
                condition=models.Q(appointment_type__isnull=False) | models.Q(practitioner__isnull=False),
                name="campaign_names_type_or_practitioner",
                violation_error_message="Choose an appointment type, a practitioner, or both.",
            ),
            models.CheckConstraint(
                condition=models.Q(per_hour__gt=0, months__gt=0), name="campaign_rate_and_months_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CampaignSend(models.Model):
    """One patient asked by one campaign: written before the message (row before send), so
    the unique (campaign, patient, round) makes each ask go out once, however many workers
    run the campaign. A patient who said "Later" is asked again, in the next round, once
    their `ask_again_on` comes while the campaign still runs."""

    clinic = clinic_owned()

    class Status(models.TextChoices):
        SENT = "sent", "Sent"
        SKIPPED = "skipped", "Skipped"

    class Answer(models.TextChoices):
        BOOK = "book", "Book"
        LATER = "later", "Later"
        STOP = "stop", "Stop"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sends")
    patient = models.ForeignKey("scheduling.Patient", on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Its delivery status is the message's, which the provider's status callbacks move.
    outbound = models.ForeignKey(
        OutboundMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status)
    detail = models.CharField(max_length=200, blank=True)
    answer = models.CharField(max_length=8, choices=Answer, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    ask_again_on = models.DateField(null=True, blank=True)
    round = models.PositiveSmallIntegerField(default=1)
    booked_appointment = models.ForeignKey(
        "scheduling.Appointment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "patient", "round"], name="campaign_send_once_per_patient_and_round"
            )
        ]
        indexes = [models.Index(fields=["campaign", "created_at"])]

    def __str__(self) -> str:
        return f"{self.campaign} to patient {self.patient_id} ({self.status})"


class CampaignOptOut(models.Model):
    """A patient who said "Stop" to campaigns; reminders of their appointments still go."""

    clinic = clinic_owned()
    patient = models.OneToOneField("scheduling.Patient", on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClinicManager()

    class Meta:
        verbose_name = "campaign opt-out"

    def __str__(self) -> str:
        return f"patient {self.patient_id} opted out of campaigns"
