from datetime import time

import factory

from scheduling.models import (
    AppointmentType,
    Clinic,
    Location,
    Patient,
    Practitioner,
    WorkingHours,
)


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    name = "Clínica Teste"
    time_zone = "America/Sao_Paulo"
    languages = ["pt-BR", "es", "en"]
    default_language = "pt-BR"
    phone = "+551140001234"
    emergency_number = "192"
    code = factory.Sequence(lambda n: f"clinic-{n}")
    policies = factory.LazyFunction(
        lambda: {
            "min_notice_minutes": 120,
            "max_days_ahead": 60,
            "hold_minutes": 10,
            "cancellation_notice_hours": 24,
            "slot_minutes": 15,
        }
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As load_clinic does: the first clinic described fills in the placeholder that rows
        # made before it (a conversation, a patient) were given.
        placeholder = model_class.objects.filter(placeholder=True).first()
        if placeholder is None or model_class.objects.count() > 1:
            return super()._create(model_class, *args, **kwargs)
        for name, value in kwargs.items():
            setattr(placeholder, name, value)
        placeholder.placeholder = False
        placeholder.save()
        return placeholder


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"loc-{n}")
    name = factory.Sequence(lambda n: f"Location {n}")


class PractitionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practitioner

    code = factory.Sequence(lambda n: f"doc-{n}")
    display_name = factory.Sequence(lambda n: f"Dr. Number {n}")
    specialties = factory.LazyFunction(lambda: ["general practice"])


class AppointmentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppointmentType

    code = factory.Sequence(lambda n: f"type-{n}")
    names = factory.LazyFunction(lambda: {"en": "Consultation", "pt": "Consulta"})
    duration_minutes = 30


class PatientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patient

    name = factory.Sequence(lambda n: f"Patient {n}")
    phone_e164 = factory.Sequence(lambda n: f"+55119{n:08d}")


def practitioner_with_week(
    *,
    location: Location,
    appointment_types=(),
    weekdays=(0, 1, 2, 3, 4),
    ranges=((time(9), time(12)), (time(14), time(18))),
    **kwargs,
) -> Practitioner:
    """A practitioner working the given ranges on the given weekdays at one location."""
    practitioner = PractitionerFactory(**kwargs)
    practitioner.locations.add(location, through_defaults={"clinic_id": practitioner.clinic_id})
    for kind in appointment_types:
        kind.practitioners.add(practitioner, through_defaults={"clinic_id": practitioner.clinic_id})
    WorkingHours.objects.bulk_create(
        WorkingHours(practitioner=practitioner, location=location, weekday=d, start=s, end=e)
        for d in weekdays
        for s, e in ranges
    )
    return practitioner


def conversation_id() -> int:
    """A real conversation's id: traces point at conversations by foreign key."""
    from conversations.models import Conversation

    return Conversation.objects.create(channel_user_id=f"test-{Conversation.objects.count()}").pk
