"""Reception's admin: the calendar's records, a day view, and actions through services."""

from datetime import date, datetime, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from clinicbot.tenancy import AcrossClinicsAdmin, ClinicOwnedAdmin, clinic_scoped_id
from scheduling.exceptions import SchedulingError
from scheduling.models import (
    Appointment,
    AppointmentType,
    AppointmentTypePractitioner,
    Clinic,
    ClinicMembership,
    Location,
    Patient,
    Practitioner,
    PractitionerLocation,
    SlotHold,
    TimeOff,
    WorkingHours,
)
from scheduling.selectors import appointment_list_for_day, clinic_get, practitioner_list
from scheduling.services import (
    Actor,
    appointment_cancel,
    appointment_create,
    appointment_mark,
    appointment_move,
)
from scheduling.time_off import time_off_delete


def clinic_time():
    clinic = clinic_get()
    return timezone.override(clinic.zone if clinic else None)


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "time_zone", "phone", "country", "emergency_number", "crisis_line"]

    def get_queryset(self, request):
        # Staff see the clinic they work in; a superuser, every clinic.
        clinics = super().get_queryset(request)
        return clinics if request.user.is_superuser else clinics.filter(pk=clinic_scoped_id())


@admin.register(ClinicMembership)
class ClinicMembershipAdmin(AcrossClinicsAdmin):
    """Who works at which clinic, in which role: a superuser's to hand out."""

    list_display = ["user", "clinic", "role"]
    list_filter = ["clinic", "role"]


@admin.register(Location)
class LocationAdmin(ClinicOwnedAdmin):
    list_display = ["name", "code", "address"]
    search_fields = ["name", "code"]


class WorkingHoursInline(admin.TabularInline):
    model = WorkingHours
    extra = 0


class TimeOffInline(admin.TabularInline):
    model = TimeOff
    extra = 0


class LinkInline(admin.TabularInline):
    """The rows of a many-to-many link (each carries its clinic, which ClinicOwnedAdmin gives
    it), on the parent's page as the plain field was: whoever may add or change the parent
    sets its links, whoever may view it sees them."""

    extra = 0

    def _parent_may(self, request, action: str) -> bool:
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")

    def has_view_permission(self, request, obj=None) -> bool:
        return self._parent_may(request, "view") or self.has_change_permission(request, obj)

    def has_add_permission(self, request, obj) -> bool:
        return self._parent_may(request, "change" if obj else "add")

    def has_change_permission(self, request, obj=None) -> bool:
        return self._parent_may(request, "change" if obj else "add")

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request, obj)


class PractitionerLocationInline(LinkInline):
    model = PractitionerLocation
    verbose_name, verbose_name_plural = "location", "locations"


class AppointmentTypePractitionerInline(LinkInline):
    model = AppointmentTypePractitioner
    verbose_name, verbose_name_plural = "practitioner", "practitioners"


@admin.register(Practitioner)
class PractitionerAdmin(ClinicOwnedAdmin):
    list_display = ["display_name", "code", "specialty_list", "active"]
    list_filter = ["active", "locations"]
    search_fields = ["display_name", "code"]
    inlines = [PractitionerLocationInline, WorkingHoursInline, TimeOffInline]

    @admin.display(description="specialties")
    def specialty_list(self, obj):
        return ", ".join(obj.specialties)


@admin.register(AppointmentType)
class AppointmentTypeAdmin(ClinicOwnedAdmin):
    list_display = ["code", "__str__", "duration_minutes", "new_patients", "active"]
    inlines = [AppointmentTypePractitionerInline]


@admin.register(TimeOff)
class TimeOffAdmin(ClinicOwnedAdmin):
    list_display = ["__str__", "practitioner", "start", "end", "reason"]
    list_filter = ["practitioner"]
    date_hierarchy = "start"

    def delete_model(self, request, obj) -> None:
        time_off_delete(time_off=obj, actor=Actor.staff(request.user))

    def delete_queryset(self, request, queryset) -> None:
        for time_off in queryset:
            time_off_delete(time_off=time_off, actor=Actor.staff(request.user))


@admin.register(Patient)
class PatientAdmin(ClinicOwnedAdmin):
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
class AppointmentAdmin(ClinicOwnedAdmin):
    """Appointments are booked here through the add form, and changed only through the
    scheduling services: the change form is read-only, and its actions (cancel, reschedule,
    mark completed or no-show) validate, keep the calendar free of overlaps and record the
    staff action, like the staff pages and the API."""

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
    change_form_template = "admin/scheduling/appointment/change_form.html"
    fields = [
        "patient",
        "practitioner",
        "location",
        "appointment_type",
        "start",
        "status",
        "cancellation_reason",
        "end",
        "source",
        "created_by",
        "conversation_id",
        "rescheduled_from",
        "cancelled_at",
        "created_at",
    ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = type("AppointmentAddForm", (AppointmentAddForm,), {"current_user": request.user})
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return AppointmentAddForm.Meta.fields if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.fields

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead: the history stays, and the slot is freed by the service

    def save_model(self, request, obj, form, change):
        # Additions are booked by AppointmentAddForm.clean (appointment_create); a change
        # form has no editable field, so a posted one changes nothing.
        return

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra = dict(extra_context or {})
        if object_id is not None:
            appointment = self.get_object(request, object_id)
            extra |= {
                "show_save": False,
                "show_save_and_continue": False,
                "show_save_and_add_another": False,
                "appointment_actions": appointment is not None
                and appointment.status == Appointment.Status.BOOKED
                and self.has_change_permission(request, appointment),
                "mark_choices": [
                    (Appointment.Status.COMPLETED, "Completed"),
                    (Appointment.Status.NO_SHOW, "No show"),
                ],
            }
        # Reception reads and types times in the clinic's zone, not the server's UTC.
        with clinic_time():
            return super().changeform_view(request, object_id, form_url, extra)

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

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("day/", view(self.day_view), name="scheduling_appointment_day"),
            path("<int:pk>/cancel/", view(self.cancel_view), name="scheduling_appointment_cancel"),
            path(
                "<int:pk>/reschedule/", view(self.reschedule_view), name="scheduling_appointment_reschedule"
            ),
            path("<int:pk>/mark/", view(self.mark_view), name="scheduling_appointment_mark"),
            *super().get_urls(),
        ]

    def _acting_on(self, request, pk: int) -> Appointment:
        if request.method != "POST":
            raise PermissionDenied
        appointment = get_object_or_404(Appointment, pk=pk)
        if not self.has_change_permission(request, appointment):
            raise PermissionDenied
        return appointment

    def _back(self, request, appointment: Appointment, error: SchedulingError | str | None = None):
        if error:
            self.message_user(request, str(error), messages.ERROR)
        return redirect(reverse("admin:scheduling_appointment_change", args=[appointment.pk]))

    def cancel_view(self, request, pk: int):
        appointment = self._acting_on(request, pk)
        reason = request.POST.get("reason", "").strip()
        if not reason:
            return self._back(request, appointment, "Give a reason for the cancellation.")
        try:
            appointment_cancel(appointment=appointment, actor=Actor.staff(request.user), reason=reason)
        except SchedulingError as exc:
            return self._back(request, appointment, exc)
        self.message_user(request, "Appointment cancelled.")
        return self._back(request, appointment)

    def reschedule_view(self, request, pk: int):
        appointment = self._acting_on(request, pk)
        clinic = clinic_get()
        try:
            start = datetime.fromisoformat(request.POST.get("start", "")).replace(tzinfo=clinic.zone)
        except ValueError:
            return self._back(request, appointment, "Choose the new date and time.")
        try:
            moved = appointment_move(
                appointment=appointment,
                start=start,
                actor=Actor.staff(request.user),
                reason="moved in the admin",
            )
        except SchedulingError as exc:
            return self._back(request, appointment, exc)
        self.message_user(request, "Appointment rescheduled; this is the new one.")
        return self._back(request, moved)

    def mark_view(self, request, pk: int):
        appointment = self._acting_on(request, pk)
        try:
            appointment_mark(
                appointment=appointment,
                status=request.POST.get("mark", ""),
                actor=Actor.staff(request.user),
            )
        except SchedulingError as exc:
            return self._back(request, appointment, exc)
        self.message_user(request, "Appointment marked.")
        return self._back(request, appointment)

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
class SlotHoldAdmin(ClinicOwnedAdmin):
    list_display = ["practitioner", "start", "expires_at", "conversation_id", "appointment"]
    list_filter = ["practitioner"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
