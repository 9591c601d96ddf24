"""Meta's settings are checked at start-up like Twilio's: a bad value stops it naming the
variable, a half configuration fails the system check."""

import pytest
from django.core.checks import run_checks

from tests.clinicbot.test_settings import django_check

pytestmark = pytest.mark.sqlite
FULL = {
    "META_APP_SECRET": "s",
    "META_VERIFY_TOKEN": "v",
    "META_ACCESS_TOKEN": "a",
    "META_PHONE_NUMBER_ID": "123456123",
}


@pytest.mark.parametrize(
    "variable, value",
    [
        ("META_GRAPH_BASE_URL", "ftp://graph"),
        ("META_TIMEOUT_SECONDS", "soon"),
        ("META_TEMPLATES", "not json"),
        ("META_TEMPLATES", '{"reminder": "appointment_reminder"}'),
    ],
)
def test_a_bad_meta_value_stops_start_up_naming_the_variable(variable, value):
    result = django_check(**{variable: value})

    assert result.returncode != 0
    assert variable in result.stderr


def test_the_simulator_is_refused_beside_real_meta_credentials():
    result = django_check(SIMULATOR_ENABLED="true", **FULL)

    assert result.returncode != 0
    assert "SIMULATOR_ENABLED" in result.stderr and "META_APP_SECRET" in result.stderr


def test_a_full_meta_configuration_passes_the_checks_and_turns_the_simulator_off():
    result = django_check(**FULL)

    assert result.returncode == 0, result.stderr


def test_half_configured_meta_fails_the_check_naming_what_is_missing(settings):
    settings.META_APP_SECRET = "s"
    settings.META_ACCESS_TOKEN = "a"

    errors = {message.id: message.msg for message in run_checks(databases=[])}

    assert "clinicbot.E007" in errors
    assert (
        "META_VERIFY_TOKEN" in errors["clinicbot.E007"] and "META_PHONE_NUMBER_ID" in errors["clinicbot.E007"]
    )


def test_a_template_for_an_unknown_language_fails_the_check(settings):
    settings.META_TEMPLATES = {"reminder": {"en": "appointment_reminder", "fr": "rappel"}}

    errors = {message.id: message.msg for message in run_checks(databases=[])}

    assert "fr" in errors["clinicbot.E009"]


def test_an_unversioned_graph_address_is_warned_about(settings):
    settings.META_GRAPH_BASE_URL = "https://graph.facebook.com"

    assert "clinicbot.W002" in {message.id for message in run_checks(databases=[])}
