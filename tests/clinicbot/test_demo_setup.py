import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_demo_setup_creates_one_account_per_role_and_can_run_twice(settings, capsys):
    settings.DEBUG = True

    call_command("demo_setup")
    call_command("demo_setup")

    assert User.objects.get(username="admin").is_superuser
    assert list(User.objects.get(username="reception").groups.values_list("name", flat=True)) == ["Reception"]
    assert User.objects.get(username="opslead").check_password("clinicbot-demo")
    assert User.objects.count() == 4
    assert "reception    Reception" in capsys.readouterr().out


def test_demo_setup_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_setup")
    assert not User.objects.exists()
