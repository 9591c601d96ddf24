"""Numeric dates of birth in the order the patient's country writes them: a clinic in the
United States reads "07/09/2021" month first in every language, and anywhere an order that
gives no date yields to the other ("10/29/1977", "29/10/1977")."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from conversations.understanding import understand
from conversations.understanding.dates import date_of_birth
from conversations.understanding.types import ClinicDirectory

pytestmark = pytest.mark.sqlite

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize("language", ["en", "es", "pt-BR"])
def test_a_us_clinic_reads_month_first_in_every_language(language):
    assert date_of_birth("07/09/2021", language=language, today=TODAY, country="US") == date(2021, 7, 9)


@pytest.mark.parametrize("language", ["es", "pt-BR"])
def test_elsewhere_spanish_and_portuguese_read_day_first(language):
    assert date_of_birth("07/09/2021", language=language, today=TODAY, country="CO") == date(2021, 9, 7)


@pytest.mark.parametrize(
    ("text", "country", "born"),
    [
        ("10/29/1977", "CO", date(1977, 10, 29)),
        ("29/10/1977", "US", date(1977, 10, 29)),
        ("07/22/2021", "", date(2021, 7, 22)),
        ("03-22-87", "BR", date(1987, 3, 22)),
    ],
)
def test_an_order_that_gives_no_date_yields_to_the_other(text, country, born):
    for language in ("en", "es", "pt-BR"):
        assert date_of_birth(text, language=language, today=TODAY, country=country) == born


def test_the_clinic_directory_carries_the_country_to_the_pending_question():
    houston = ClinicDirectory(time_zone="America/Chicago", default_language="en", country="US")
    now = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("America/Chicago"))
    understood = understand(
        "05/06/2019", directory=houston, now=now, language_hint="es", expecting="date_of_birth"
    )
    assert understood.entities.date_of_birth == date(2019, 5, 6)
