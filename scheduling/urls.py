"""The staff JSON API, mounted under /api/v1/ by clinicbot.urls."""

from django.urls import path
from rest_framework.schemas import get_schema_view

from clinicbot.staff import AnyRoleApiAccess
from scheduling import api

app_name = "scheduling-api"

urlpatterns = [
    path("availability/", api.AvailabilityView.as_view(), name="availability"),
    path("appointments/", api.AppointmentListView.as_view(), name="appointments"),
    path(
        "appointments/<int:pk>/cancel/",
        api.AppointmentCancelView.as_view(),
        name="appointment-cancel",
    ),
    path(
        "appointments/<int:pk>/reschedule/",
        api.AppointmentRescheduleView.as_view(),
        name="appointment-reschedule",
    ),
    path(
        "schema/",
        # public: the schema describes every endpoint, whichever the reader may call.
        get_schema_view(
            title="ClinicBot staff API", version="1", public=True, permission_classes=[AnyRoleApiAccess]
        ),
        name="schema",
    ),
]
