from django.urls import path

from conversations import views

urlpatterns = [
    path("webhooks/twilio/whatsapp/", views.twilio_whatsapp, name="twilio_whatsapp"),
    path("webhooks/twilio/status/", views.twilio_status, name="twilio_status"),
    path("webhooks/meta/whatsapp/", views.meta_whatsapp, name="meta_whatsapp"),
    path("simulator/", views.simulator, name="simulator"),
    path("simulator/sign/", views.simulator_sign, name="simulator_sign"),
    path("simulator/transcript/", views.simulator_transcript, name="simulator_transcript"),
]
