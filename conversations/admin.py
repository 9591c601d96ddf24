import contextlib

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from clinicbot.access import access_content
from clinicbot.tenancy import AcrossClinicsAdmin, ClinicOwnedAdmin
from conversations.campaigns import admin as campaign_admin  # noqa: F401  (registers the campaign models)
from conversations.faq.selectors import faq_version_latest, faq_version_pending
from conversations.faq.services import (
    QuestionAlreadyHandled,
    faq_content_clean,
    faq_entry_retire,
    faq_version_approve,
    faq_version_create,
    unanswered_question_dismiss,
)
from conversations.models import (
    CannedReply,
    Conversation,
    Escalation,
    FaqEntry,
    FaqVersion,
    InboundMessage,
    Language,
    OutboundMessage,
    UnansweredQuestion,
    UnroutedMessage,
)


class InboundInline(admin.TabularInline):
    model = InboundMessage
    fields = ("received_at", "kind", "text", "button_payload", "processed_at", "processing_error")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-received_at",)
    show_change_link = True


class OutboundInline(admin.TabularInline):
    model = OutboundMessage
    fields = ("created_at", "body", "template", "status", "error_code", "attempts", "sent_by")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-created_at",)


@admin.register(Conversation)
class ConversationAdmin(ClinicOwnedAdmin):
    list_display = (
        "id",
        "masked_user_id",
        "profile_name",
        "language",
        "handler",
        "assigned_to",
        "opted_out",
        "last_inbound_at",
    )
    list_filter = ("handler", "language", "opted_out", "channel")
    search_fields = ("profile_name", "phone_e164", "channel_user_id")
    readonly_fields = ("channel", "channel_user_id", "created_at", "updated_at", "last_inbound_at")
    inlines = [InboundInline, OutboundInline]


@admin.register(InboundMessage)
class InboundMessageAdmin(ClinicOwnedAdmin):
    list_display = ("provider_message_id", "conversation", "kind", "received_at", "processed_at")
    list_filter = ("kind",)
    search_fields = ("provider_message_id", "text")
    readonly_fields = [f.name for f in InboundMessage._meta.fields]


@admin.register(OutboundMessage)
class OutboundMessageAdmin(ClinicOwnedAdmin):
    list_display = ("id", "conversation", "status", "error_code", "attempts", "created_at", "sent_by")
    list_filter = ("status",)
    search_fields = ("provider_message_id", "body")
    readonly_fields = [f.name for f in OutboundMessage._meta.fields]


@admin.register(Escalation)
class EscalationAdmin(ClinicOwnedAdmin):
    list_display = ("id", "conversation", "reason", "status", "created_at", "claimed_by")
    list_filter = ("status", "reason")


@admin.register(CannedReply)
class CannedReplyAdmin(ClinicOwnedAdmin):
    list_display = ("title", "language", "position", "active")
    list_filter = ("language", "active")
    list_editable = ("position", "active")
    search_fields = ("title", "text")


# FAQ content. Edits never change a version: saving the form adds a draft version, and
# only "Approve" (content-admin role) makes a version the one patients get.


def _language_names(codes) -> str:
    names = dict(Language.choices)
    named = [names.get(code, code) for code in codes]
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)


def faq_changes_in_words(changes: list[str]) -> str:
    """["answers.en", "questions.es"] as "answer: English; questions: Spanish"."""
    parts = []
    for field, label in (("answers", "answer"), ("questions", "questions")):
        codes = [change.split(".", 1)[1] for change in changes if change.startswith(field + ".")]
        if codes:
            parts.append(f"{label}: {_language_names(codes)}")
    return "; ".join(parts) or "nothing"


def faq_languages_left_behind(approved: FaqVersion | None, draft: FaqVersion | None) -> str:
    """A warning when a draft changes the answer in some languages and leaves others as approved.

    After "R$ 30" was approved in English only, Spanish patients still heard "R$ 25": the
    answers are one fact in several languages, so an edit to one usually belongs in all.
    """
    if approved is None or draft is None or draft.pk == approved.pk:
        return ""
    written = [code for code, _ in Language.choices if draft.answers.get(code)]
    changed = [code for code in written if draft.answers.get(code) != approved.answers.get(code)]
    same = [code for code in written if code not in changed and approved.answers.get(code)]
    if not changed or not same:
        return ""
    return (
        f"Only the {_language_names(changed)} answer changed; {_language_names(same)} still say what "
        f"version {approved.number} says. If the fact changed (a price, an hour, an address), "
        "change it in every language before approving."
    )


class FaqVersionInline(admin.TabularInline):
    model = FaqVersion
    fields = ("number", "created_at", "author", "change_note", "changed", "approved_at", "approver")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-number",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="by")
    def author(self, version: FaqVersion) -> str:
        return version.created_by_label or (version.created_by.get_username() if version.created_by else "")

    @admin.display(description="approved by")
    def approver(self, version: FaqVersion) -> str:
        return version.approved_by_label or (
            version.approved_by.get_username() if version.approved_by else ""
        )

    @admin.display(description="changes")
    def changed(self, version: FaqVersion) -> str:
        return faq_changes_in_words(version.changes)


def _slug(code: str) -> str:
    return code.replace("-", "_")


class FaqEntryForm(forms.ModelForm):
    """The entry's content as editable text; saving it creates a new draft version."""

    change_note = forms.CharField(max_length=300, required=False, help_text="What changed and why.")

    class Meta:
        model = FaqEntry
        fields = ("topic",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        latest = faq_version_latest(entry=self.instance) if self.instance.pk else None
        if latest is not None:
            for code, _ in Language.choices:
                self.fields[f"answer_{_slug(code)}"].initial = latest.answers.get(code, "")
                self.fields[f"questions_{_slug(code)}"].initial = "\n".join(latest.questions.get(code, []))
        if self.instance.pk:
            self.fields["topic"].disabled = True

    def content(self) -> tuple[dict[str, list[str]], dict[str, str]]:
        data = self.cleaned_data
        questions = {code: data[f"questions_{_slug(code)}"].splitlines() for code, _ in Language.choices}
        answers = {code: data[f"answer_{_slug(code)}"] for code, _ in Language.choices}
        return questions, answers

    def clean(self) -> dict:
        data = super().clean()
        if not any((data.get(f"answer_{_slug(code)}") or "").strip() for code, _ in Language.choices):
            raise forms.ValidationError("Write the answer in at least one language.")
        return data


for _code, _name in Language.choices:
    for _field_name, _field in (
        (
            f"answer_{_slug(_code)}",
            forms.CharField(
                label=f"Answer ({_name})",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "cols": 90}),
            ),
        ),
        (
            f"questions_{_slug(_code)}",
            forms.CharField(
                label=f"Questions ({_name}), one per line",
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "cols": 90}),
            ),
        ),
    ):
        FaqEntryForm.base_fields[_field_name] = FaqEntryForm.declared_fields[_field_name] = _field


@admin.register(FaqEntry)
class FaqEntryAdmin(ClinicOwnedAdmin):
    form = FaqEntryForm
    list_display = ("topic", "status", "approved_number", "pending_number", "updated_at")
    list_filter = ("status",)
    search_fields = ("topic",)
    inlines = [FaqVersionInline]
    actions = ["approve_latest", "retire"]
    change_form_template = "admin/conversations/faqentry/change_form.html"

    def get_fieldsets(self, request, obj=None):
        languages = [
            (name, {"fields": (f"answer_{_slug(code)}", f"questions_{_slug(code)}")})
            for code, name in Language.choices
        ]
        return [(None, {"fields": ("topic",)}), *languages, ("Change", {"fields": ("change_note",)})]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retire instead: every version stays on record

    @admin.display(description="approved version")
    def approved_number(self, entry: FaqEntry) -> int | None:
        return entry.approved_version.number if entry.approved_version else None

    @admin.display(description="draft awaiting approval")
    def pending_number(self, entry: FaqEntry) -> int | None:
        pending = faq_version_pending(entry=entry)
        return pending.number if pending else None

    def save_model(self, request, obj: FaqEntry, form: FaqEntryForm, change: bool) -> None:
        questions, answers = form.content()
        latest = faq_version_latest(entry=obj) if change else None
        if latest and (latest.questions, latest.answers) == faq_content_clean(
            questions=questions, answers=answers
        ):
            request.faq_saved = ("Nothing changed, so no new version was made.", messages.INFO)
            return
        version = faq_version_create(
            topic=form.cleaned_data["topic"] if not change else obj.topic,
            questions=questions,
            answers=answers,
            change_note=form.cleaned_data["change_note"],
            user=request.user,
        )
        obj.pk = version.entry_id
        obj.refresh_from_db()
        live = (
            f"patients still get version {obj.approved_version.number}"
            if obj.approved_version
            else "patients get nothing from this entry yet"
        )
        saved = f"Draft version {version.number} saved, not live: {live}. Preview it, then approve it."
        left_behind = faq_languages_left_behind(obj.approved_version, version)
        request.faq_saved = (
            f"{saved} {left_behind}".strip(),
            messages.WARNING if left_behind else messages.INFO,
        )

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs) -> None:
        # Django's "was changed successfully" would say a draft is live; say what happened.
        saved = getattr(request, "faq_saved", None)
        if saved is not None and level == messages.SUCCESS:
            message, level = saved
        super().message_user(request, message, level, *args, **kwargs)

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="conversations_faqentry_approve",
            ),
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="conversations_faqentry_preview",
            ),
        ]
        return urls + super().get_urls()

    def approve_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not access_content(request.user):
            raise PermissionDenied
        entry = get_object_or_404(FaqEntry, pk=pk)
        version = faq_version_latest(entry=entry)
        if version is not None:
            faq_version_approve(version=version, user=request.user)
            self.message_user(request, f"Version {version.number} of {entry.topic} is now sent to patients.")
        return redirect("admin:conversations_faqentry_change", pk)

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry = get_object_or_404(FaqEntry, pk=pk)
        latest = faq_version_latest(entry=entry)
        rows = [
            {
                "language": name,
                "approved": entry.approved_version.answers.get(code, "") if entry.approved_version else "",
                "draft": latest.answers.get(code, "") if latest else "",
                "approved_questions": entry.approved_version.questions.get(code, [])
                if entry.approved_version
                else [],
                "draft_questions": latest.questions.get(code, []) if latest else [],
            }
            for code, name in Language.choices
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "entry": entry,
            "latest": latest,
            "rows": rows,
            "left_behind": faq_languages_left_behind(entry.approved_version, latest),
            "can_approve": access_content(request.user),
            "title": f"Preview: {entry.topic}",
        }
        return TemplateResponse(request, "admin/conversations/faqentry/preview.html", context)

    @admin.action(description="Approve the latest version (content admins)")
    def approve_latest(self, request: HttpRequest, queryset) -> HttpResponse | None:
        if not access_content(request.user):
            return HttpResponseForbidden("Approving FAQ content needs the content-admin role.")
        for entry in queryset:
            version = faq_version_latest(entry=entry)
            if version is not None:
                faq_version_approve(version=version, user=request.user)
        self.message_user(request, f"Approved {queryset.count()} entries.")
        return None

    @admin.action(description="Retire (stop answering with these entries)")
    def retire(self, request: HttpRequest, queryset) -> HttpResponse | None:
        if not access_content(request.user):
            return HttpResponseForbidden("Retiring FAQ content needs the content-admin role.")
        for entry in queryset:
            faq_entry_retire(entry=entry, user=request.user)
        return None


@admin.register(UnansweredQuestion)
class UnansweredQuestionAdmin(ClinicOwnedAdmin):
    list_display = ("created_at", "language", "text", "best_topic", "best_score", "resolved", "resolved_by")
    list_filter = ("resolved", "language")
    search_fields = ("text",)
    readonly_fields = (
        "conversation",
        "language",
        "text",
        "best_topic",
        "best_score",
        "created_at",
        "resolved",
        "resolved_at",
        "resolved_by",
        "resolved_version",
    )
    actions = ["mark_resolved"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Dismiss: not for the FAQ (content admins)")
    def mark_resolved(self, request: HttpRequest, queryset) -> HttpResponse | None:
        # Turning questions into content happens on /staff/unanswered/; here only dismissal,
        # through the same service, so it is audited like there.
        if not access_content(request.user):
            return HttpResponseForbidden("Handling unanswered questions needs the content-admin role.")
        for question in queryset.filter(resolved=False):
            with contextlib.suppress(QuestionAlreadyHandled):  # a twin dismissed just before
                unanswered_question_dismiss(question_id=question.pk, user=request.user)
        return None


@admin.register(UnroutedMessage)
class UnroutedMessageAdmin(AcrossClinicsAdmin):
    """Messages to numbers no clinic lists (conversations.routing): superusers alone see
    across clinics, so they alone see these; nobody edits them."""

    list_display = ("received_at", "channel", "address", "provider_message_id")
    list_filter = ("channel", "address")
    readonly_fields = [f.name for f in UnroutedMessage._meta.fields]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
