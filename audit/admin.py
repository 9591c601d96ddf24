from django.contrib import admin

from audit.models import StaffAction, TraceEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """Audit records are evidence: nobody edits or deletes them from the admin."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TraceEvent)
class TraceEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "conversation", "type", "actor")
    list_filter = ("type",)
    search_fields = ("conversation__id",)
    date_hierarchy = "created_at"


@admin.register(StaffAction)
class StaffActionAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "user", "action", "conversation_id", "appointment_id")
    list_filter = ("action",)
