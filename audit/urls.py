"""Audit's staff pages, mounted under /staff/ by clinicbot.urls."""

from django.urls import path

from audit import views

urlpatterns = [
    path("conversations/<int:conversation_id>/replay/", views.conversation_replay, name="staff_replay"),
    path("metrics/", views.metrics, name="staff_metrics"),
]
