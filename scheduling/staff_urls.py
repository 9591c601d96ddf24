"""The staff calendar pages, mounted under /staff/ by clinicbot.urls (the JSON API is
scheduling.urls, under /api/v1/)."""

from django.urls import path

from scheduling import views

urlpatterns = [
    path("calendar/", views.calendar_day, name="staff_calendar"),
    path("calendar/week/<int:practitioner_id>/", views.calendar_week, name="staff_calendar_week"),
    path("calendar/book/", views.calendar_book, name="staff_calendar_book"),
    path("calendar/patients/", views.calendar_patients, name="staff_calendar_patients"),
    path(
        "calendar/appointments/<int:appointment_id>/",
        views.calendar_appointment,
        name="staff_calendar_appointment",
    ),
    path("day/", views.day_view, name="staff_day"),
    path(
        "appointments/<int:appointment_id>/mark/", views.appointment_mark_view, name="staff_appointment_mark"
    ),
]
