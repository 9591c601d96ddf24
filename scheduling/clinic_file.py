"""The clinic file: one YAML document describing the clinic, read into plain specs.

Parsing never touches the database; every problem is collected with its exact place
(`practitioners[2].hours.mon[0]: "25:00-26:00" is not a time range`) and reported
together, so a file is either loaded whole or not at all. The format is documented in
docs/scheduling.md.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
import yaml

from scheduling.helplines import COUNTRY_HELPLINES, country_guess, helplines_resolve
from scheduling.models import MAX_APPOINTMENT, POLICY_FIELDS
from scheduling.phones import phone_normalize, phone_region

# The clinic's own settings in a file (besides its code), each stored on the Clinic row.
CLINIC_FIELDS = (
    "name",
    "time_zone",
    "languages",
    "default_language",
    "phone",
    "country",
    "emergency_number",
    "crisis_line",
    "crisis_line_name",
    "emergency_copy",
    "confirmation_faq",
    "policies",
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CODE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*(?:@\s*([\w-]+))?\s*$")
DIALLED = re.compile(r"^\+?[\d\s().-]+$")  # "188", "800 911 2000", "(011) 5275-1135"


class ClinicFileError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class LocationSpec:
    code: str
    name: str
    address: str = ""


@dataclass
class TypeSpec:
    code: str
    names: dict[str, str]
    duration_minutes: int
    new_patients: bool = True


@dataclass
class HoursSpec:
    weekday: int
    start: time
    end: time
    location: str


@dataclass
class TimeOffSpec:
    start: date | datetime
    end: date | datetime  # a date is inclusive: the whole day is off
    reason: str = ""


@dataclass
class PractitionerSpec:
    code: str
    name: str
    aliases: list[str] = field(default_factory=list)
    specialties: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    appointment_types: list[str] = field(default_factory=list)
    hours: list[HoursSpec] = field(default_factory=list)
    time_off: list[TimeOffSpec] = field(default_factory=list)
    active: bool = True


@dataclass
class PatientSpec:
    name: str
    phone: str
    date_of_birth: date | None = None
    external_id: str = ""
    language: str = ""


@dataclass
class ClinicSpec:
    name: str
    time_zone: str
    languages: list[str]
    default_language: str
    code: str = ""  # required once the deployment has more than one clinic
    phone: str = ""
    country: str = ""  # ISO 3166 alpha-2, given or told from the phone or the time zone
    # Empty: the country's default (scheduling.helplines), read when the bot answers.
    emergency_number: str = ""
    crisis_line: str = ""
    crisis_line_name: str = ""
    emergency_copy: dict[str, str] = field(default_factory=dict)
    confirmation_faq: str = ""  # the FAQ topic whose approved answer follows every booking
    policies: dict[str, int] = field(default_factory=dict)
    locations: list[LocationSpec] = field(default_factory=list)
    appointment_types: list[TypeSpec] = field(default_factory=list)
    practitioners: list[PractitionerSpec] = field(default_factory=list)
    time_off: list[TimeOffSpec] = field(default_factory=list)
    patients: list[PatientSpec] = field(default_factory=list)
    # Read by conversations.faq.clinic_file; this parser only checks it is a list.
    faq: list[Any] = field(default_factory=list)
    # The clinic's WhatsApp numbers, read by conversations.routing; only checked to be a list.
    channels: list[Any] = field(default_factory=list)


class _Reader:
    def __init__(self, languages: Mapping[str, str]) -> None:
        self.languages = languages
        self.problems: list[str] = []

    def fail(self, path: str, problem: str) -> None:
        self.problems.append(f"{path}: {problem}")

    def mapping(self, value: Any, path: str, *, allowed: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(path, "must be a mapping")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(
                    f"{path}.{key}" if path else str(key),
                    f"unknown key (expected one of {', '.join(sorted(allowed))})",
                )
        return value

    def seq(self, value: Any, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, "must be a list")
            return []
        return value

    def text(self, data: dict, key: str, path: str, *, required: bool = True, default: str = "") -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return default
        if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
            self.fail(f"{path}.{key}", f"{value!r} is not a text")
            return default
        return str(value).strip()

    def code(self, data: dict, key: str, path: str) -> str:
        value = self.text(data, key, path)
        if value and not CODE.match(value):
            self.fail(f"{path}.{key}", f'"{value}" is not a code (lower-case letters, digits, - and _)')
        return value

    def texts(self, data: dict, key: str, path: str) -> list[str]:
        out = []
        for i, item in enumerate(self.seq(data.get(key), f"{path}.{key}")):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{path}.{key}[{i}]", f"{item!r} is not a text")
            else:
                out.append(item.strip())
        return out

    def language(self, value: Any, path: str) -> str:
        normal = self.languages.get(str(value).strip().casefold().replace("_", "-"))
        if normal is None:
            supported = ", ".join(sorted(set(self.languages.values())))
            self.fail(path, f'"{value}" is not a supported language ({supported})')
            return ""
        return normal

    def per_language(self, data: dict, key: str, path: str, *, required: bool) -> dict[str, str]:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return {}
        if not isinstance(value, dict) or not value:
            self.fail(f"{path}.{key}", "must map languages to texts")
            return {}
        out = {}
        for lang, txt in value.items():
            normal = self.language(lang, f"{path}.{key}.{lang}")
            if not isinstance(txt, str) or not txt.strip():
                self.fail(f"{path}.{key}.{lang}", f"{txt!r} is not a text")
            elif normal:
                out[normal] = txt.strip()
        return out

    def positive(self, data: dict, key: str, path: str, *, zero_ok: bool = False) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < (0 if zero_ok else 1):
            self.fail(
                f"{path}.{key}",
                f"{value!r} is not a {'non-negative' if zero_ok else 'positive'} whole number",
            )
            return 0
        return value

    def day(self, value: Any, path: str) -> date | datetime | None:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return (
                    datetime.fromisoformat(value.strip())
                    if ("T" in value or ":" in value)
                    else date.fromisoformat(value.strip())
                )
            except ValueError:
                pass
        self.fail(path, f"{value!r} is not a date (YYYY-MM-DD) or date-time")
        return None

    def flag(self, data: dict, key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{path}.{key}", f"{value!r} is not true or false")
            return default
        return value


def clinic_file_read(text: str, *, languages: Mapping[str, str]) -> ClinicSpec:
    """Parse the YAML text of a clinic file; raises ClinicFileError listing every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ClinicFileError([f"not valid YAML: {exc}"]) from exc
    return clinic_file_parse(data, languages=languages)


def clinic_file_parse(data: Any, *, languages: Mapping[str, str]) -> ClinicSpec:
    """Validate an already-parsed clinic document into a ClinicSpec, or raise ClinicFileError.

    `languages` maps every accepted spelling of a language (folded) to its code: the
    calendar stores codes but does not decide which languages the bot speaks."""
    r = _Reader(languages)
    top = r.mapping(
        data,
        "",
        allowed={
            "clinic",
            "locations",
            "appointment_types",
            "practitioners",
            "time_off",
            "patients",
            "faq",
            "channels",
        },
    )
    spec = _clinic(r, top.get("clinic"))
    spec.faq = r.seq(top.get("faq"), "faq")
    spec.channels = r.seq(top.get("channels"), "channels")
    topics = {item.get("topic") for item in spec.faq if isinstance(item, dict)}
    if spec.confirmation_faq and topics and spec.confirmation_faq not in topics:
        # Without a faq: section the entry may live in the admin only; with one, a typo.
        r.fail("clinic.confirmation_faq", f'"{spec.confirmation_faq}" is not a topic of this file\'s faq')
    region = phone_region(spec.phone) if spec.phone else None
    spec.locations = [
        _location(r, item, f"locations[{i}]")
        for i, item in enumerate(r.seq(top.get("locations"), "locations"))
    ]
    spec.appointment_types = [
        _type(r, item, f"appointment_types[{i}]")
        for i, item in enumerate(r.seq(top.get("appointment_types"), "appointment_types"))
    ]
    location_codes = _unique(r, spec.locations, "locations")
    type_codes = _unique(r, spec.appointment_types, "appointment_types")
    if not spec.locations:
        r.fail("locations", "at least one location is required")
    spec.practitioners = [
        _practitioner(r, item, f"practitioners[{i}]", location_codes, type_codes)
        for i, item in enumerate(r.seq(top.get("practitioners"), "practitioners"))
    ]
    _unique(r, spec.practitioners, "practitioners")
    spec.time_off = [
        _time_off(r, item, f"time_off[{i}]") for i, item in enumerate(r.seq(top.get("time_off"), "time_off"))
    ]
    spec.patients = [
        _patient(r, item, f"patients[{i}]", region)
        for i, item in enumerate(r.seq(top.get("patients"), "patients"))
    ]
    if r.problems:
        raise ClinicFileError(r.problems)
    return spec


def _unique(r: _Reader, items: list, path: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.code and item.code in seen:
            r.fail(f"{path}[{i}].code", f'"{item.code}" is used twice')
        seen.add(item.code)
    return seen


def _clinic(r: _Reader, value: Any) -> ClinicSpec:
    if value is None:
        r.fail("clinic", "is required")
        value = {}
    data = r.mapping(
        value,
        "clinic",
        allowed={"code", *CLINIC_FIELDS},
    )
    zone = r.text(data, "time_zone", "clinic")
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            r.fail("clinic.time_zone", f'"{zone}" is not a time zone (e.g. America/Sao_Paulo)')
    languages = [
        r.language(x, f"clinic.languages[{i}]")
        for i, x in enumerate(r.seq(data.get("languages"), "clinic.languages"))
    ]
    if not languages:
        r.fail("clinic.languages", "at least one language is required")
    default = r.language(data.get("default_language", (languages or ["en"])[0]), "clinic.default_language")
    if default and languages and default not in languages:
        r.fail("clinic.default_language", f'"{default}" is not one of the clinic\'s languages')
    phone = r.text(data, "phone", "clinic", required=False)
    if phone:
        try:
            phone = phone_normalize(phone)
        except ValueError:
            r.fail("clinic.phone", f'"{phone}" is not a phone number with country code (+...)')
    policies = {}
    raw = data.get("policies") or {}
    r.mapping(raw, "clinic.policies", allowed=set(POLICY_FIELDS))
    if isinstance(raw, dict):
        for key in raw:
            if key in POLICY_FIELDS:
                policies[key] = r.positive(
                    raw,
                    key,
                    "clinic.policies",
                    zero_ok=key in ("min_notice_minutes", "buffer_minutes", "cancellation_notice_hours"),
                )
    confirmation_faq = r.text(data, "confirmation_faq", "clinic", required=False)
    if confirmation_faq and not CODE.match(confirmation_faq):
        r.fail("clinic.confirmation_faq", f'"{confirmation_faq}" is not a FAQ topic (a code)')
    code = r.text(data, "code", "clinic", required=False)
    if code and not CODE.match(code):
        r.fail("clinic.code", f'"{code}" is not a code (lower-case letters, digits, - and _)')
    spec = ClinicSpec(
        code=code,
        name=r.text(data, "name", "clinic"),
        time_zone=zone,
        languages=[x for x in languages if x],
        default_language=default,
        phone=phone,
        emergency_copy=r.per_language(data, "emergency_copy", "clinic", required=False),
        confirmation_faq=confirmation_faq,
        policies=policies,
    )
    _helplines(r, data, spec)
    return spec


def _helplines(r: _Reader, data: dict, spec: ClinicSpec) -> None:
    """The country, the emergency number and the crisis line, each checked; a country
    without defaults needs both numbers, and an emergency copy must name its number."""
    country = r.text(data, "country", "clinic", required=False).upper()
    if country and country not in phonenumbers.SUPPORTED_REGIONS:
        r.fail("clinic.country", f'"{country}" is not a country code (ISO 3166, e.g. BR, ES, US)')
        country = ""
    spec.country = country or country_guess(phone=spec.phone, time_zone=spec.time_zone)
    emergency = r.text(data, "emergency_number", "clinic", required=False)
    if emergency and not (emergency.isdigit() and len(emergency) <= 6):
        r.fail("clinic.emergency_number", f'"{emergency}" is not a short number such as 192, 911 or 112')
        emergency = ""
    line = r.text(data, "crisis_line", "clinic", required=False)
    digits = sum(c.isdigit() for c in line)
    if line and not (DIALLED.match(line) and 3 <= digits <= 15 and len(line) <= 40):
        r.fail(
            "clinic.crisis_line",
            f'"{line}" is not a phone number as dialled (digits, spaces, +, - and brackets; e.g. 188)',
        )
        line = ""
    name = r.text(data, "crisis_line_name", "clinic", required=False)
    if name and len(name) > 80:
        r.fail("clinic.crisis_line_name", "is longer than 80 characters")
    if name and "crisis_line" not in data:
        r.fail("clinic.crisis_line_name", "names no line: set clinic.crisis_line too")
    spec.emergency_number, spec.crisis_line, spec.crisis_line_name = emergency, line, name
    lines = helplines_resolve(
        country=spec.country, emergency_number=emergency, crisis_line=line, crisis_line_name=name
    )
    if spec.country in COUNTRY_HELPLINES:
        unknown = ""
    elif spec.country:
        unknown = f"no default is known for {spec.country} ({', '.join(sorted(COUNTRY_HELPLINES))} have one)"
    else:
        unknown = "the country cannot be told from clinic.phone or clinic.time_zone; set clinic.country"
    for key, value in (("emergency_number", lines.emergency_number), ("crisis_line", lines.crisis_line)):
        if not value and key not in data:
            r.fail(f"clinic.{key}", f"is required: {unknown}")
    for language, text in spec.emergency_copy.items():
        if lines.emergency_number and lines.emergency_number not in text:
            r.fail(
                f"clinic.emergency_copy.{language}",
                f"does not name the emergency number {lines.emergency_number}",
            )


def _location(r: _Reader, value: Any, path: str) -> LocationSpec:
    data = r.mapping(value, path, allowed={"code", "name", "address"})
    return LocationSpec(
        code=r.code(data, "code", path),
        name=r.text(data, "name", path),
        address=r.text(data, "address", path, required=False),
    )


def _type(r: _Reader, value: Any, path: str) -> TypeSpec:
    data = r.mapping(value, path, allowed={"code", "names", "duration_minutes", "new_patients"})
    minutes = data.get("duration_minutes")
    if isinstance(minutes, int) and minutes > MAX_APPOINTMENT // timedelta(minutes=1):
        r.fail(f"{path}.duration_minutes", f"{minutes} is longer than a day")
    return TypeSpec(
        code=r.code(data, "code", path),
        names=r.per_language(data, "names", path, required=True),
        duration_minutes=r.positive(data, "duration_minutes", path),
        new_patients=r.flag(data, "new_patients", path, True),
    )


def _practitioner(
    r: _Reader, value: Any, path: str, locations: set[str], types: set[str]
) -> PractitionerSpec:
    data = r.mapping(
        value,
        path,
        allowed={
            "code",
            "name",
            "aliases",
            "specialties",
            "locations",
            "appointment_types",
            "hours",
            "time_off",
            "active",
        },
    )
    spec = PractitionerSpec(
        code=r.code(data, "code", path),
        name=r.text(data, "name", path),
        aliases=r.texts(data, "aliases", path),
        specialties=r.texts(data, "specialties", path),
        locations=r.texts(data, "locations", path),
        appointment_types=r.texts(data, "appointment_types", path),
        active=r.flag(data, "active", path, True),
    )
    for i, code in enumerate(spec.locations):
        if code not in locations:
            r.fail(f"{path}.locations[{i}]", f'"{code}" is not a location of this file')
    if not spec.locations:
        r.fail(f"{path}.locations", "at least one location is required")
    for i, code in enumerate(spec.appointment_types):
        if code not in types:
            r.fail(
                f"{path}.appointment_types[{i}]",
                f'"{code}" is not an appointment type of this file',
            )
    hours = data.get("hours") or {}
    r.mapping(hours, f"{path}.hours", allowed=set(WEEKDAYS))
    if isinstance(hours, dict):
        for day, ranges in hours.items():
            if day not in WEEKDAYS:
                continue
            for j, item in enumerate(r.seq(ranges, f"{path}.hours.{day}")):
                where = f"{path}.hours.{day}[{j}]"
                parsed = _time_range(item)
                if parsed is None:
                    r.fail(where, f'"{item}" is not a time range')
                    continue
                start, end, location = parsed
                location = location or (spec.locations[0] if spec.locations else "")
                if location not in spec.locations:
                    r.fail(where, f'"{location}" is not one of this practitioner\'s locations')
                spec.hours.append(HoursSpec(WEEKDAYS.index(day), start, end, location))
        for a, b in _overlaps(spec.hours):
            r.fail(
                f"{path}.hours.{WEEKDAYS[a.weekday]}",
                f"{a.start:%H:%M}-{a.end:%H:%M} overlaps {b.start:%H:%M}-{b.end:%H:%M}",
            )
    spec.time_off = [
        _time_off(r, item, f"{path}.time_off[{i}]")
        for i, item in enumerate(r.seq(data.get("time_off"), f"{path}.time_off"))
    ]
    return spec


def _time_range(item: Any) -> tuple[time, time, str | None] | None:
    match = RANGE.match(item) if isinstance(item, str) else None
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups()[:4])
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        return None
    start, end = time(h1, m1), (time(23, 59) if h2 == 24 else time(h2, m2))
    if end <= start:
        return None
    return start, end, match.group(5)


def _overlaps(hours: list[HoursSpec]):
    ordered = sorted(hours, key=lambda h: (h.weekday, h.start))
    for a, b in pairwise(ordered):
        if a.weekday == b.weekday and b.start < a.end:
            yield a, b


def _time_off(r: _Reader, value: Any, path: str) -> TimeOffSpec:
    data = r.mapping(value, path, allowed={"from", "to", "reason"})
    start = r.day(data.get("from"), f"{path}.from")
    end = r.day(data.get("to", data.get("from")), f"{path}.to")
    if start is not None and end is not None and type(start) is type(end) and end < start:
        r.fail(f"{path}.to", f"{end} is before {start}")
    return TimeOffSpec(start=start, end=end, reason=r.text(data, "reason", path, required=False))


def _patient(r: _Reader, value: Any, path: str, region: str | None) -> PatientSpec:
    data = r.mapping(value, path, allowed={"name", "phone", "date_of_birth", "external_id", "language"})
    phone = r.text(data, "phone", path)
    if phone:
        try:
            phone = phone_normalize(phone, region=region)
        except ValueError:
            r.fail(f"{path}.phone", f'"{phone}" is not a phone number')
    born = data.get("date_of_birth")
    if born is not None:
        born = r.day(born, f"{path}.date_of_birth")
        if isinstance(born, datetime):
            born = born.date()
    language = data.get("language")
    return PatientSpec(
        name=r.text(data, "name", path),
        phone=phone,
        date_of_birth=born,
        external_id=r.text(data, "external_id", path, required=False),
        language=r.language(language, f"{path}.language") if language else "",
    )
