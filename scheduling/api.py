"""Staff JSON API: thin views over scheduling.services and selectors."""

from datetime import UTC, time, timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_datetime
from rest_framework import serializers
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.schemas.openapi import AutoSchema

from clinicbot.staff import CalendarApiAccess
from scheduling.availability import Preference, TimeWindow, local_instant
from scheduling.exceptions import (
    AppointmentNotChangeable,
    PatientAmbiguous,
    SchedulingError,
    SlotUnavailable,
)
from scheduling.models import Appointment, AppointmentType, Location, Patient, Practitioner
from scheduling.phones import phone_normalize
from scheduling.selectors import appointment_list, clinic_get
from scheduling.services import (
    Actor,
    appointment_cancel,
    appointment_create,
    appointment_reschedule,
    patient_create_provisional,
    slot_hold,
    slot_list_available,
)

CONFLICTS = (SlotUnavailable, AppointmentNotChangeable)


class QuerySchema(AutoSchema):
    """Documents a GET view's `query_serializer` fields as query parameters."""

    def get_filter_parameters(self, path, method):
        query = getattr(self.view, "query_serializer", None)
        if method != "GET" or query is None:
            return []
        return [
            {
                "name": name,
                "in": "query",
                "required": field.required,
                "description": str(field.help_text or ""),
                "schema": self.map_field(field),
            }
            for name, field in query().fields.items()
        ]


class SchedulingAPIView(GenericAPIView):
    """Errors answer as {"error": code, "message": text[, "fields": {...}]}. Reception and
    the operations lead only (clinicbot.access.access_handle_conversations)."""

    permission_classes = [CalendarApiAccess]
    schema = QuerySchema()
    query_serializer: type[serializers.Serializer] | None = None

    def handle_exception(self, exc):
        if isinstance(exc, CONFLICTS):
            return self._error(
                409,
                "slot_unavailable" if isinstance(exc, SlotUnavailable) else "not_changeable",
                str(exc),
            )
        if isinstance(exc, PatientAmbiguous | SchedulingError):
            return self._error(400, "invalid_request", str(exc))
        if isinstance(exc, ValidationError):
            return Response(
                {"error": "invalid", "message": _first_message(exc.detail), "fields": exc.detail},
                status=400,
            )
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data:
            response.data = {
                "error": "not_found" if isinstance(exc, Http404) else getattr(exc, "default_code", "error"),
                "message": str(response.data["detail"]),
            }
        return response

    @staticmethod
    def _error(code: int, error: str, message: str) -> Response:
        return Response({"error": error, "message": message}, status=code)

    def actor(self) -> Actor:
        via_token = isinstance(self.request.successful_authenticator, TokenAuthentication)
        return Actor.staff(
            self.request.user,
            source=Appointment.Source.API if via_token else Appointment.Source.STAFF,
        )


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        field, value = next(iter(detail.items()))
        return f"{field}: {_first_message(value)}"
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


class ByCode(serializers.SlugRelatedField):
    """A record named by its code (or its numeric id)."""

    def to_internal_value(self, data):
        if isinstance(data, int) or (isinstance(data, str) and data.isdigit()):
            found = self.get_queryset().filter(pk=int(data)).first()
            if found:
                return found
        return super().to_internal_value(data)


def by_code(model, **kwargs):
    return ByCode(slug_field="code", queryset=model.objects.all(), **kwargs)


class InstantField(serializers.DateTimeField):
    """An ISO 8601 instant with its UTC offset. A time without one is refused rather than
    guessed: read as UTC it lands three hours off in São Paulo, read in the clinic's zone
    it is ambiguous at a daylight-saving change."""

    default_error_messages = {
        "naive": "give the UTC offset, e.g. 2026-11-23T09:00:00-03:00 (or Z for UTC)",
    }

    def to_internal_value(self, value):
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is not None and parsed.tzinfo is None:
            self.fail("naive")
        return super().to_internal_value(value)


class PractitionerOut(serializers.ModelSerializer):
    class Meta:
        model = Practitioner
        fields = ["id", "code", "display_name", "specialties"]


class LocationOut(serializers.ModelSerializer):
    class Meta:
        model = Location
        fields = ["id", "code", "name", "address"]


class AvailabilityQuery(serializers.Serializer):
    appointment_type = by_code(AppointmentType, required=False)
    practitioner = by_code(Practitioner, required=False)
    specialty = serializers.CharField(required=False)
    location = by_code(Location, required=False)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    time_from = serializers.TimeField(required=False, help_text="time-of-day window start (local)")
    time_to = serializers.TimeField(required=False, help_text="time-of-day window end (local)")
    preferred_date = serializers.DateField(required=False, help_text="rank by closeness to this day")
    preferred_time_from = serializers.TimeField(required=False)
    preferred_time_to = serializers.TimeField(required=False)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=500, default=20)
    spacing_minutes = serializers.IntegerField(
        required=False, min_value=1, max_value=720, help_text="keep a practitioner's starts apart"
    )


class SlotOut(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    start_local = serializers.CharField()
    practitioner = PractitionerOut()
    location = LocationOut()


class AvailabilityView(SchedulingAPIView):
    """Free slots by practitioner, specialty, location, type, dates and time of day."""

    query_serializer = AvailabilityQuery
    serializer_class = SlotOut

    def get(self, request):
        q = AvailabilityQuery(data=request.query_params)
        q.is_valid(raise_exception=True)
        v = q.validated_data
        window = _window(v.get("time_from"), v.get("time_to"))
        preference = None
        if v.get("preferred_date"):
            preference = Preference(
                day=v["preferred_date"],
                window=_window(v.get("preferred_time_from"), v.get("preferred_time_to")),
            )
        slots = slot_list_available(
            appointment_type=v.get("appointment_type"),
            practitioner=v.get("practitioner"),
            specialty=v.get("specialty"),
            location=v.get("location"),
            date_from=v.get("date_from"),
            date_to=v.get("date_to"),
            window=window,
            preference=preference,
            limit=v["limit"],
            spacing=timedelta(minutes=v["spacing_minutes"]) if v.get("spacing_minutes") else None,
        )
        zone = clinic_get().zone
        practitioners = Practitioner.objects.in_bulk({s.practitioner_id for s in slots})
        locations = Location.objects.in_bulk({s.location_id for s in slots})
        rows = [
            {
                "start": s.start,
                "end": s.end,
                "start_local": s.start.astimezone(zone).isoformat(),
                "practitioner": practitioners[s.practitioner_id],
                "location": locations[s.location_id],
            }
            for s in slots
        ]
        return Response({"time_zone": str(zone), "slots": SlotOut(rows, many=True).data})


def _window(start: time | None, end: time | None) -> TimeWindow | None:
    if start is None and end is None:
        return None
    return TimeWindow(start or time(0), end or time(23, 59))


class PatientIn(serializers.Serializer):
    name = serializers.CharField()
    phone = serializers.CharField()
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    language = serializers.CharField(required=False, default="")


class AppointmentOut(serializers.ModelSerializer):
    practitioner = PractitionerOut()
    location = LocationOut()
    appointment_type = serializers.SlugRelatedField(slug_field="code", read_only=True)
    patient = serializers.SerializerMethodField()

    class Meta:
        model = Appointment
        fields = [
            "id",
            "patient",
            "practitioner",
            "location",
            "appointment_type",
            "start",
            "end",
            "status",
            "source",
            "created_by",
            "cancellation_reason",
            "rescheduled_from",
            "created_at",
        ]

    def get_patient(self, obj) -> dict:
        return {"id": obj.patient_id, "name": obj.patient.name, "phone": obj.patient.phone_e164}


class AppointmentQuery(serializers.Serializer):
    phone = serializers.CharField(required=False)
    practitioner = by_code(Practitioner, required=False)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    status = serializers.ChoiceField(choices=Appointment.Status.choices, required=False)


class AppointmentIn(serializers.Serializer):
    patient_id = serializers.PrimaryKeyRelatedField(queryset=Patient.objects.all(), required=False)
    patient = PatientIn(required=False, help_text="a new (provisional) patient, when no patient_id")
    practitioner = by_code(Practitioner)
    appointment_type = by_code(AppointmentType)
    location = by_code(Location, required=False)
    start = InstantField(help_text="ISO 8601 with offset, e.g. 2026-11-23T09:00:00-03:00")

    def validate(self, attrs):
        if not attrs.get("patient_id") and not attrs.get("patient"):
            raise ValidationError({"patient_id": ["give patient_id or patient {name, phone}"]})
        return attrs


class AppointmentListView(SchedulingAPIView):
    query_serializer = AppointmentQuery
    serializer_class = AppointmentIn

    def get(self, request):
        q = AppointmentQuery(data=request.query_params)
        q.is_valid(raise_exception=True)
        v = q.validated_data
        zone = clinic_get().zone if clinic_get() else UTC
        phone = v.get("phone")
        if phone:
            try:
                phone = phone_normalize(phone)
            except ValueError as exc:
                raise ValidationError({"phone": [str(exc)]}) from exc
        rows = appointment_list(
            phone=phone,
            practitioner_id=v["practitioner"].pk if v.get("practitioner") else None,
            start_from=local_instant(v["date_from"], time(0), zone) if v.get("date_from") else None,
            start_to=local_instant(v["date_to"] + timedelta(days=1), time(0), zone)
            if v.get("date_to")
            else None,
            status=v.get("status"),
        )
        return Response({"appointments": AppointmentOut(rows[:500], many=True).data})

    def post(self, request):
        data = AppointmentIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        patient = v.get("patient_id") or patient_create_provisional(**v["patient"])
        appointment = appointment_create(
            patient=patient,
            practitioner=v["practitioner"],
            appointment_type=v["appointment_type"],
            location=v.get("location"),
            start=v["start"].astimezone(UTC),
            actor=self.actor(),
        )
        return Response(AppointmentOut(appointment).data, status=201)


class CancelIn(serializers.Serializer):
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class AppointmentCancelView(SchedulingAPIView):
    serializer_class = CancelIn

    def post(self, request, pk: int):
        data = CancelIn(data=request.data)
        data.is_valid(raise_exception=True)
        appointment = appointment_cancel(
            appointment=get_object_or_404(Appointment, pk=pk),
            actor=self.actor(),
            reason=data.validated_data["reason"],
        )
        return Response(AppointmentOut(appointment).data)


class RescheduleIn(serializers.Serializer):
    start = InstantField(help_text="ISO 8601 with offset, e.g. 2026-11-23T09:00:00-03:00")
    practitioner = by_code(Practitioner, required=False, help_text="default: the same practitioner")
    location = by_code(Location, required=False)
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class AppointmentRescheduleView(SchedulingAPIView):
    serializer_class = RescheduleIn

    def post(self, request, pk: int):
        data = RescheduleIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        old = get_object_or_404(Appointment, pk=pk)
        hold = slot_hold(
            practitioner=v.get("practitioner") or old.practitioner,
            start=v["start"].astimezone(UTC),
            appointment_type=old.appointment_type,
            location=v.get("location"),
            replacing=old,
            enforce_policy=False,
        )
        new = appointment_reschedule(appointment=old, hold=hold, actor=self.actor(), reason=v["reason"])
        return Response(AppointmentOut(new).data, status=201)
