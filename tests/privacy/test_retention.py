import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from conversations.models import Conversation, InboundMessage
from conversations.privacy import conversation_retention_sweep
from conversations.tasks import retention_sweep
from tests.clinicbot.test_settings import django_check
from tests.conversations.factories import ConversationFactory, InboundMessageFactory, OutboundMessageFactory

pytestmark = pytest.mark.sqlite
NOW = timezone.now()
OLD = NOW - timezone.timedelta(days=400)


def chat(*, last_inbound, last_outbound=None) -> Conversation:
    conversation = ConversationFactory(created_at=OLD, last_inbound_at=last_inbound)
    InboundMessageFactory(conversation=conversation, text="my name is Priya", received_at=last_inbound)
    if last_outbound:
        OutboundMessageFactory(conversation=conversation, body="Hello Priya", created_at=last_outbound)
    return conversation


@pytest.mark.django_db
def test_conversations_older_than_the_retention_period_are_anonymised():
    old = chat(last_inbound=OLD)
    recent = chat(last_inbound=NOW - timezone.timedelta(days=3))

    assert conversation_retention_sweep(now=NOW) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.channel_user_id.startswith("erased-") and old.phone_e164 == "" and old.profile_name == ""
    assert InboundMessage.objects.get(conversation=old).text == ""
    assert InboundMessage.objects.get(conversation=recent).text == "my name is Priya"


@pytest.mark.django_db
def test_a_recent_reply_keeps_an_old_conversation():
    kept = chat(last_inbound=OLD, last_outbound=NOW - timezone.timedelta(days=1))

    assert conversation_retention_sweep(now=NOW) == 0
    kept.refresh_from_db()
    assert not kept.channel_user_id.startswith("erased-")


@pytest.mark.django_db
def test_the_retention_sweep_is_idempotent():
    chat(last_inbound=OLD)

    assert retention_sweep() == 1
    assert retention_sweep() == 0


@pytest.mark.django_db
def test_zero_days_disables_retention(settings):
    settings.RETENTION_DAYS = 0
    old = chat(last_inbound=OLD)

    assert conversation_retention_sweep(now=NOW) == 0
    old.refresh_from_db()
    assert not old.channel_user_id.startswith("erased-")


def test_the_retention_sweep_runs_daily_from_beat():
    [entry] = [
        e for e in django_settings.CELERY_BEAT_SCHEDULE.values() if e["task"].endswith("retention_sweep")
    ]

    assert entry["schedule"].hour == {3}


@pytest.mark.parametrize("value", ["a year", "-5"])
def test_a_bad_retention_value_stops_start_up_naming_the_variable(value):
    result = django_check(RETENTION_DAYS=value)

    assert result.returncode != 0
    assert "RETENTION_DAYS" in result.stderr
