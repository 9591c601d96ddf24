"""The home page's tiles count what needs attention and link to exactly that list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conversations.models import OutboundMessage
from tests.conversations.factories import ConversationFactory, OutboundMessageFactory
from tests.staff.factories import operations_lead

pytestmark = pytest.mark.django_db


def failed_delivery_link(client) -> str:
    page = client.get(reverse("staff_home")).content.decode()
    marker = "failed deliveries today"
    start = page.rindex('href="', 0, page.index(marker)) + len('href="')
    return page[start : page.index('"', start)].replace("&amp;", "&")


def test_the_failed_deliveries_tile_lists_the_conversations_whose_reply_failed_today(client):
    failed = ConversationFactory(profile_name="Ama")
    OutboundMessageFactory(conversation=failed, status=OutboundMessage.Status.UNDELIVERED)
    delivered = ConversationFactory(profile_name="Bruno")
    OutboundMessageFactory(conversation=delivered, status=OutboundMessage.Status.DELIVERED)
    yesterday = ConversationFactory(profile_name="Carla")
    old = OutboundMessageFactory(conversation=yesterday, status=OutboundMessage.Status.FAILED)
    OutboundMessage.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=2))
    client.force_login(operations_lead())

    home = client.get(reverse("staff_home")).content.decode()
    listed = client.get(failed_delivery_link(client)).content.decode()

    assert "<strong>1</strong> failed deliveries today" in home
    assert "Ama" in listed
    assert "Bruno" not in listed and "Carla" not in listed
