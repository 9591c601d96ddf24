"""The numbers a patient in danger is told to call: the emergency number and, for thoughts of
suicide or self-harm, a crisis line, by the clinic's country.

The clinic file may set either; what it leaves out comes from the country's defaults below,
read when the bot answers (never copied into the database), so a corrected number reaches
every clinic with the next release. The country is the file's `country`, else the clinic
phone's, else the time zone's.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import TZPATH

from scheduling.phones import phone_region


@dataclass(frozen=True)
class Helplines:
    emergency_number: str = ""  # digits: "192", "112"
    crisis_line: str = ""  # as dialled: "188", "800 911 2000"
    crisis_line_name: str = ""  # how the line is known: "CVV", "Samaritans"


# Checked against public sources in December 2026 (the report of issue 14 lists them).
COUNTRY_HELPLINES: dict[str, Helplines] = {
    "AR": Helplines("107", "(011) 5275-1135", "Centro de Asistencia al Suicida"),
    "BR": Helplines("192", "188", "CVV"),
    "ES": Helplines("112", "024", "Línea 024"),
    "GB": Helplines("999", "116 123", "Samaritans"),
    "MX": Helplines("911", "800 911 2000", "Línea de la Vida"),
    "PT": Helplines("112", "1411", "Linha Nacional de Prevenção do Suicídio"),
    "US": Helplines("911", "988", "Suicide & Crisis Lifeline"),
}


def helplines_resolve(
    *, country: str, emergency_number: str = "", crisis_line: str = "", crisis_line_name: str = ""
) -> Helplines:
    """The clinic's own numbers where it set them, the country's for the rest; empty strings
    where neither is known. A crisis line the clinic set never takes the country's name."""
    default = COUNTRY_HELPLINES.get(country, Helplines())
    if crisis_line:
        line, name = crisis_line, crisis_line_name
    else:
        line, name = default.crisis_line, default.crisis_line_name
    return Helplines(emergency_number or default.emergency_number, line, name)


def country_guess(*, phone: str, time_zone: str) -> str:
    """The clinic's country (ISO 3166 alpha-2) from its E.164 phone, else its IANA time zone;
    "" when neither tells."""
    region = phone_region(phone) if phone else None
    if region and region.isalpha() and region != "ZZ":  # "001" and "ZZ" are no country
        return region
    return _zone_countries().get(time_zone, "")


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    # zone.tab ships with the system's tz database, beside the zones zoneinfo reads.
    for folder in TZPATH:
        table = Path(folder) / "zone.tab"
        if table.is_file():
            rows = (line.split("\t") for line in table.read_text(encoding="utf-8").splitlines())
            return {row[2]: row[0] for row in rows if len(row) >= 3 and not row[0].startswith("#")}
    return {}
