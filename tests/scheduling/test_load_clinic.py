from datetime import UTC, datetime, time, timedelta
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from conversations.understanding.languages import SPELLINGS
from scheduling.clinic_file import ClinicFileError, clinic_file_parse
from scheduling.models import (
    AppointmentType,
    Clinic,
    Location,
    Patient,
    Practitioner,
    TimeOff,
    WorkingHours,
)

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
EXAMPLE = Path(__file__).resolve().parents[2] / "clinic.example.yaml"


def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def load(data: dict, tmp_path) -> str:
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = StringIO()
    call_command("load_clinic", str(path), stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        model.__name__: sorted(
            str({k: v for k, v in row.items() if k != "updated_at"}) for row in model.objects.values()
        )
        for model in (
            Clinic,
            Location,
            AppointmentType,
            Practitioner,
            WorkingHours,
            TimeOff,
            Patient,
        )
    }


def test_the_example_clinic_loads_with_every_part():
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    clinic = Clinic.objects.get()
    assert clinic.languages == ["pt-BR", "es", "en"] and clinic.default_language == "pt-BR"
    assert clinic.phone == "+551140001234" and clinic.emergency_number == "192"
    assert set(clinic.emergency_copy) == {"pt-BR", "es", "en"}
    assert clinic.policy.min_notice_minutes == 120 and clinic.policy.hold_minutes == 10
    assert Location.objects.count() == 2 and Practitioner.objects.count() >= 4
    assert AppointmentType.objects.get(code="new").name_in("pt-BR") == "Primeira consulta"
    assert not AppointmentType.objects.get(code="follow_up").new_patients
    ana = Practitioner.objects.get(code="ana-souza")
    assert list(ana.working_hours.filter(weekday=0).values_list("start", "end")) == [
        (time(9), time(12)),
        (time(14), time(18)),
    ]
    assert set(ana.appointment_types.values_list("code", flat=True)) == {
        "new",
        "follow_up",
        "checkup",
    }


def test_a_range_can_name_another_location_of_the_practitioner():
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    lucia = Practitioner.objects.get(code="lucia-fernandez")
    monday = lucia.working_hours.get(weekday=0)
    assert monday.location.code == "paulista"
    assert lucia.working_hours.get(weekday=1).location.code == "centro"


def test_time_off_dates_cover_whole_local_days():
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    off = TimeOff.objects.get(practitioner__code="ana-souza")
    # São Paulo is UTC-3: 24 December 00:00 local to 27 December 00:00 local.
    assert off.start == datetime(2026, 12, 24, 3, tzinfo=UTC)
    assert off.end == datetime(2026, 12, 27, 3, tzinfo=UTC)
    assert TimeOff.objects.filter(practitioner__isnull=True).count() == 2


def test_loading_twice_changes_nothing():
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    before = snapshot()
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    assert snapshot() == before


def test_loading_an_edited_file_updates_in_place(tmp_path):
    data = example()
    load(data, tmp_path)
    data["practitioners"][0]["hours"] = {"tue": ["10:00-11:00"]}
    data["appointment_types"][0]["duration_minutes"] = 45
    load(data, tmp_path)
    ana = Practitioner.objects.get(code="ana-souza")
    assert list(ana.working_hours.values_list("weekday", "start")) == [(1, time(10))]
    assert AppointmentType.objects.get(code="new").duration_minutes == 45
    assert Practitioner.objects.filter(code="ana-souza").count() == 1


def test_a_bad_time_range_is_named_by_its_exact_place(tmp_path):
    data = example()
    data["practitioners"][2]["hours"]["mon"] = ["25:00-26:00"]
    with pytest.raises(CommandError) as error:
        load(data, tmp_path)
    assert 'practitioners[2].hours.mon[0]: "25:00-26:00" is not a time range' in str(error.value)


def test_an_invalid_file_changes_nothing(tmp_path):
    call_command("load_clinic", str(EXAMPLE), stdout=StringIO())
    before = snapshot()
    data = example()
    data["clinic"]["name"] = "Renamed"
    data["locations"].append({"code": "norte", "name": "Norte"})
    data["patients"][0]["phone"] = "not a phone"
    with pytest.raises(CommandError):
        load(data, tmp_path)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda d: d["clinic"].update(time_zone="Mars/Olympus"),
            'clinic.time_zone: "Mars/Olympus" is not a time zone',
        ),
        (
            lambda d: d["clinic"].update(languages=["pt", "fr"]),
            'clinic.languages[1]: "fr" is not a supported language',
        ),
        (
            lambda d: d["practitioners"][0].update(locations=["nowhere"]),
            'practitioners[0].locations[0]: "nowhere" is not a location',
        ),
        (
            lambda d: d["practitioners"][1].update(appointment_types=["x-ray"]),
            'practitioners[1].appointment_types[0]: "x-ray"',
        ),
        (
            lambda d: d["practitioners"][0]["hours"].update(mon=["09:00-12:00", "11:00-13:00"]),
            "practitioners[0].hours.mon: 09:00-12:00 overlaps 11:00-13:00",
        ),
        (
            lambda d: d["practitioners"][0]["hours"].update(mon=["12:00-09:00"]),
            'practitioners[0].hours.mon[0]: "12:00-09:00" is not a time range',
        ),
        (
            lambda d: d["practitioners"][0]["hours"].update(mon=["09:00-12:00 @paulista"]),
            "is not one of this practitioner's locations",
        ),
        (
            lambda d: d["appointment_types"][0].update(duration_minutes=0),
            "appointment_types[0].duration_minutes: 0 is not a positive whole number",
        ),
        (
            lambda d: d["clinic"]["policies"].update(hold_minute=5),
            "clinic.policies.hold_minute: unknown key",
        ),
        (
            lambda d: d["clinic"]["policies"].update(max_upcoming_per_patient=0),
            "clinic.policies.max_upcoming_per_patient: 0 is not a positive whole number",
        ),
        (
            lambda d: d["clinic"]["policies"].update(waitlist_hold_minutes="half an hour"),
            "clinic.policies.waitlist_hold_minutes: 'half an hour' is not a positive whole number",
        ),
        (
            lambda d: d["practitioners"].append(dict(d["practitioners"][0])),
            'practitioners[5].code: "ana-souza" is used twice',
        ),
        (
            lambda d: d["patients"][1].update(date_of_birth="17/05/1980"),
            "patients[1].date_of_birth: '17/05/1980' is not a date",
        ),
        (lambda d: d.pop("clinic"), "clinic: is required"),
    ],
)
def test_validation_names_the_place_and_the_problem(edit, problem):
    data = example()
    edit(data)
    with pytest.raises(ClinicFileError) as error:
        clinic_file_parse(data, languages=SPELLINGS)
    assert any(problem in p for p in error.value.problems), error.value.problems


def test_every_problem_is_reported_at_once():
    data = example()
    data["clinic"]["time_zone"] = "Nowhere"
    data["locations"][0]["code"] = "Bad Code"
    with pytest.raises(ClinicFileError) as error:
        clinic_file_parse(data, languages=SPELLINGS)
    assert len(error.value.problems) >= 2


def test_patients_are_matched_not_duplicated_on_reload(tmp_path):
    data = example()
    load(data, tmp_path)
    data["patients"][0]["date_of_birth"] = "1980-05-18"
    load(data, tmp_path)
    joao = Patient.objects.get(phone_e164="+5511987654321")
    assert str(joao.date_of_birth) == "1980-05-18" and not joao.provisional


def test_the_waitlist_hold_is_thirty_minutes_unless_the_file_says_otherwise(db):
    from scheduling.clinic_load import clinic_load
    from scheduling.models import Clinic

    data = example()
    clinic_load(spec=clinic_file_parse(data, languages=SPELLINGS))
    assert Clinic.objects.get().policy.waitlist_hold_minutes == 30
    data["clinic"]["policies"]["waitlist_hold_minutes"] = 45
    clinic_load(spec=clinic_file_parse(data, languages=SPELLINGS))
    assert Clinic.objects.get().policy.waitlist_hold == timedelta(minutes=45)
