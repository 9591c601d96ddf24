from django.contrib import admin

from booking.models import WaitlistEntry, WaitlistOffer
from clinicbot.tenancy import ClinicOwnedAdmin


class WaitlistOfferInline(admin.TabularInline):
    model = WaitlistOffer
    extra = 0
    can_delete = False
    fields = ["start", "practitioner", "state", "sent_at", "expires_at", "answered_at", "appointment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(ClinicOwnedAdmin):
    """Staff add and remove entries on the calendar's waitlist page (audited); here they are read."""

    list_display = [
        "__str__",
        "patient",
        "practitioner",
        "specialty",
        "appointment_type",
        "joined_at",
        "state",
    ]
    list_filter = ["state", "practitioner", "source"]
    search_fields = ["patient__name", "patient__phone_e164"]
    readonly_fields = ["joined_at", "expires_at", "state", "state_reason", "conversation_id", "source"]
    raw_id_fields = ["patient"]
    inlines = [WaitlistOfferInline]


@admin.register(WaitlistOffer)
class WaitlistOfferAdmin(ClinicOwnedAdmin):
    list_display = ["__str__", "entry", "practitioner", "sent_at", "expires_at", "answered_at", "state"]
    list_filter = ["state", "practitioner"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
