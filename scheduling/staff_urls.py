"""The staff calendar pages, mounted under /staff/ by clinicbot.urls (the JSON API is
scheduling.urls, under /api/v1/)."""

from django.urls import path

from scheduling import views

urlpatterns = [
    path("calendar/", views.calendar_day, name="staff_calendar"),
    path("calendar/week/<int:practitioner_id>/", views.calendar_week, name="staff_calendar_week"),
    path("day/", views.day_view, name="staff_day"),
    path(
        "appointments/<int:appointment_id>/mark/", views.appointment_mark_view, name="staff_appointment_mark"
    ),
]
