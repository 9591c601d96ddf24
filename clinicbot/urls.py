from django.contrib import admin
from django.urls import include, path

from clinicbot import views

# Every app mounts its own staff pages here; the URL names stay global (`staff_*`).
staff = [
    path("", views.staff_home, name="staff_home"),
    path("", include("conversations.staff.urls")),
    path("", include("conversations.campaigns.urls")),
    path("", include("scheduling.staff_urls")),
    path("", include("booking.staff_urls")),
    path("", include("audit.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("staff/", include(staff)),
    path("api/v1/", include("scheduling.urls")),
    path("api/v1/", include("conversations.voice.urls")),
    path("", include("conversations.urls")),
]
