"""The admin's view of recall campaigns (the operations lead's pages are campaigns.views);
sends are read-only: they are the audit of what went out."""

from django.contrib import admin

from clinicbot.tenancy import ClinicOwnedAdmin
from conversations.models import Campaign, CampaignOptOut, CampaignSend


@admin.register(Campaign)
class CampaignAdmin(ClinicOwnedAdmin):
    list_display = ("name", "state", "appointment_type", "practitioner", "months", "per_hour", "created_at")
    list_filter = ("state",)
    readonly_fields = ("state", "started_at", "stopped_at", "created_by", "created_at")


@admin.register(CampaignSend)
class CampaignSendAdmin(ClinicOwnedAdmin):
    list_display = (
        "campaign",
        "patient",
        "status",
        "answer",
        "ask_again_on",
        "booked_appointment",
        "created_at",
    )
    list_filter = ("status", "answer", "campaign")
    readonly_fields = [field.name for field in CampaignSend._meta.fields]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CampaignOptOut)
class CampaignOptOutAdmin(ClinicOwnedAdmin):
    list_display = ("patient", "campaign", "created_at")
    raw_id_fields = ("patient",)
