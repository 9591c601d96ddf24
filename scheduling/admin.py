"""Reception's admin: the calendar's records, a day view, and actions through services."""

from datetime import date, timedelta

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from scheduling.exceptions import SchedulingError
from scheduling.models import (
    Appointment,
    AppointmentType,
    Clinic,
    Location,
    Patient,
    Practitioner,
    SlotHold,
    TimeOff,
    WorkingHours,
)
from scheduling.selectors import appointment_list_for_day, clinic_get, practitioner_list
from scheduling.services import Actor, appointment_cancel, appointment_create


def clinic_time():
    clinic = clinic_get()
    return timezone.override(clinic.zone if clinic else None)


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "time_zone", "phone", "emergency_number"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "address"]
    search_fields = ["name", "code"]


class WorkingHoursInline(admin.TabularInline):
    model = WorkingHours
    extra = 0


class TimeOffInline(admin.TabularInline):
    model = TimeOff
    extra = 0


@admin.register(Practitioner)
class PractitionerAdmin(admin.ModelAdmin):
    list_display = ["display_name", "code", "specialty_list", "active"]
    list_filter = ["active", "locations"]
    search_fields = ["display_name", "code"]
    filter_horizontal = ["locations"]
    inlines = [WorkingHoursInline, TimeOffInline]

    @admin.display(description="specialties")
    def specialty_list(self, obj):
        return ", ".join(obj.specialties)


@admin.register(AppointmentType)
class AppointmentTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "__str__", "duration_minutes", "new_patients", "active"]
    filter_horizontal = ["practitioners"]


@admin.register(TimeOff)
class TimeOffAdmin(admin.ModelAdmin):
    list_display = ["__str__", "practitioner", "start", "end", "reason"]
    list_filter = ["practitioner"]
    date_hierarchy = "start"


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    list_display = ["name", "phone_e164", "date_of_birth", "external_id", "provisional"]
    list_filter = ["provisional", "language"]
    search_fields = ["name", "phone_e164", "external_id"]

    def get_search_results(self, request, queryset, search_term):
        # Reception types numbers as they hear them: "(11) 98765-4321" finds +5511987654321.
        digits = "".join(ch for ch in search_term if ch.isdigit())
        results, distinct = super().get_search_results(request, queryset, search_term)
        if len(digits) >= 4:
            results |= queryset.filter(phone_e164__contains=digits)
        return results, distinct


class AppointmentAddForm(forms.ModelForm):
    class Meta:
        model = Appointment
        fields = ["patient", "practitioner", "appointment_type", "location", "start"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].required = False
        self.fields["location"].help_text = "Empty: where the practitioner works at that time."

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            # Booked here so that a refusal (slot taken, outside hours) shows on the form.
            self.instance = appointment_create(
                patient=data["patient"],
                practitioner=data["practitioner"],
                appointment_type=data["appointment_type"],
                location=data.get("location"),
                start=data["start"],
                actor=Actor.staff(self.current_user),
            )
        except SchedulingError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return data


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = [
        "start_local",
        "practitioner",
        "patient",
        "appointment_type",
        "status",
        "source",
    ]
    list_filter = ["status", "source", "practitioner", "location"]
    date_hierarchy = "start"
    search_fields = ["patient__name", "patient__phone_e164", "practitioner__display_name"]
    autocomplete_fields = ["patient"]
    actions = ["cancel_selected"]
    readonly_fields = [
        "practitioner",
        "location",
        "appointment_type",
        "start",
        "end",
        "source",
        "created_by",
        "conversation_id",
        "rescheduled_from",
        "cancelled_at",
        "created_at",
    ]
    fields = [
        "patient",
        *readonly_fields[:4],
        "status",
        "cancellation_reason",
        *readonly_fields[4:],
    ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = type("AppointmentAddForm", (AppointmentAddForm,), {"current_user": request.user})
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return AppointmentAddForm.Meta.fields if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:  # status changes only (completed, no show); times change by rescheduling
            super().save_model(request, obj, form, change)

    @admin.display(description="start (clinic time)", ordering="start")
    def start_local(self, obj):
        clinic = clinic_get()
        return obj.start.astimezone(clinic.zone).strftime("%Y-%m-%d %H:%M") if clinic else obj.start

    @admin.action(description="Cancel selected appointments")
    def cancel_selected(self, request, queryset):
        done = 0
        for appointment in queryset.filter(status=Appointment.Status.BOOKED):
            try:
                appointment_cancel(
                    appointment=appointment,
                    actor=Actor.staff(request.user),
                    reason="cancelled by reception",
                )
                done += 1
            except SchedulingError as exc:
                self.message_user(request, f"{appointment}: {exc}", messages.WARNING)
        self.message_user(request, f"{done} appointment(s) cancelled.")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Reception reads and types times in the clinic's zone, not the server's UTC.
        with clinic_time():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        day = path("day/", self.admin_site.admin_view(self.day_view), name="scheduling_appointment_day")
        return [day, *super().get_urls()]

    def day_view(self, request):
        """One day's appointments, a column per practitioner, in the clinic's time."""
        clinic = clinic_get()
        zone = clinic.zone if clinic else timezone.get_current_timezone()
        try:
            day = date.fromisoformat(request.GET.get("date", ""))
        except ValueError:
            day = timezone.now().astimezone(zone).date()
        by_practitioner = {p.pk: {"practitioner": p, "appointments": []} for p in practitioner_list()}
        for appointment in appointment_list_for_day(day=day, zone=zone):
            column = by_practitioner.setdefault(
                appointment.practitioner_id,
                {"practitioner": appointment.practitioner, "appointments": []},
            )
            column["appointments"].append(
                {
                    "obj": appointment,
                    "start": f"{appointment.start.astimezone(zone):%H:%M}",
                    "end": f"{appointment.end.astimezone(zone):%H:%M}",
                    "url": reverse("admin:scheduling_appointment_change", args=[appointment.pk]),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Appointments on {day:%A %d %B %Y}",
            "opts": self.model._meta,
            "day": day,
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1),
            "columns": list(by_practitioner.values()),
            "zone": zone,
        }
        return TemplateResponse(request, "admin/scheduling/appointment/day.html", context)

    def changelist_view(self, request, extra_context=None):
        extra = {
            "day_view_link": format_html(
                '<a href="{}">Day view</a>', reverse("admin:scheduling_appointment_day")
            )
        }
        with clinic_time():
            return super().changelist_view(request, {**(extra_context or {}), **extra})


@admin.register(SlotHold)
class SlotHoldAdmin(admin.ModelAdmin):
    list_display = ["practitioner", "start", "expires_at", "conversation_id", "appointment"]
    list_filter = ["practitioner"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
