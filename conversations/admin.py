from django.contrib import admin

from conversations.models import Conversation, Escalation, InboundMessage, OutboundMessage


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
    fields = ("created_at", "body", "content_sid", "status", "error_code", "attempts", "sent_by")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-created_at",)


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
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
class InboundMessageAdmin(admin.ModelAdmin):
    list_display = ("provider_message_id", "conversation", "kind", "received_at", "processed_at")
    list_filter = ("kind",)
    search_fields = ("provider_message_id", "text")
    readonly_fields = [f.name for f in InboundMessage._meta.fields]


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "status", "error_code", "attempts", "created_at", "sent_by")
    list_filter = ("status",)
    search_fields = ("provider_message_id", "body")
    readonly_fields = [f.name for f in OutboundMessage._meta.fields]


@admin.register(Escalation)
class EscalationAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "reason", "status", "created_at", "claimed_by")
    list_filter = ("status", "reason")
