"""The campaign pages, mounted under /staff/ by clinicbot.urls."""

from django.urls import path

from conversations.campaigns import views

urlpatterns = [
    path("campaigns/", views.campaign_list, name="staff_campaigns"),
    path("campaigns/new/", views.campaign_edit, name="staff_campaign_new"),
    path("campaigns/<int:campaign_id>/", views.campaign_detail, name="staff_campaign"),
    path("campaigns/<int:campaign_id>/edit/", views.campaign_edit, name="staff_campaign_edit"),
    path("campaigns/<int:campaign_id>/dry-run/", views.campaign_dry_run, name="staff_campaign_dry_run"),
    path(
        "campaigns/<int:campaign_id>/start/",
        views.campaign_state,
        {"state": "running"},
        name="staff_campaign_start",
    ),
    path(
        "campaigns/<int:campaign_id>/stop/",
        views.campaign_state,
        {"state": "stopped"},
        name="staff_campaign_stop",
    ),
]
