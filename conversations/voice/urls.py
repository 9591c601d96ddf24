"""The understanding API, mounted under /api/v1/ beside the calendar's (clinicbot.urls)."""

from django.urls import path

from conversations.voice import api

app_name = "understanding-api"

urlpatterns = [
    path("understand/", api.UnderstandView.as_view(), name="understand"),
    path("understand/voice/", api.UnderstandVoiceView.as_view(), name="understand-voice"),
]
