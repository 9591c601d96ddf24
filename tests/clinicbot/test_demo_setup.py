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


@pytest.mark.parametrize("instant", ["2026-12-07 11:00", "2026-12-04 22:30", "2026-12-05 09:00"])
def test_the_demo_chats_show_the_bot_at_its_best_whatever_the_day(
    settings, instant, django_capture_on_commit_callbacks
):
    import time_machine

    from conversations.copy import say
    from conversations.models import Conversation, OutboundMessage

    settings.DEBUG = True
    with time_machine.travel(f"{instant}Z", tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("demo_setup")

    replies = list(OutboundMessage.objects.values_list("body", flat=True))
    joao = Conversation.objects.get(profile_name="João")
    assert not any(
        say("not_understood", language) in reply for reply in replies for language in ("en", "es", "pt-BR")
    )
    assert joao.outbound_messages.filter(body__startswith="Agendado!").exists(), replies
