from django.contrib import admin
from django.urls import include, path

from clinicbot import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("staff/", include("conversations.staff_urls")),
    path("api/v1/", include("scheduling.urls")),
    path("", include("conversations.urls")),
]
