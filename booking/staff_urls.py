"""The calendar's waitlist page, mounted under /staff/ by clinicbot.urls."""

from django.urls import path

from booking import views

urlpatterns = [
    path("calendar/waitlist/", views.waitlist_day, name="staff_waitlist"),
    path("calendar/waitlist/add/", views.waitlist_add, name="staff_waitlist_add"),
    path("calendar/waitlist/<int:entry_id>/remove/", views.waitlist_remove, name="staff_waitlist_remove"),
]
