from django.contrib import admin
from django.urls import include, path

from clinicbot import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/v1/", include("scheduling.urls")),
    path("", include("conversations.urls")),
]
