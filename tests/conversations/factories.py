import factory
from django.utils import timezone

from conversations.models import Conversation, InboundMessage, OutboundMessage


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    channel_user_id = factory.Sequence(lambda n: f"44770090{n:04d}")
    phone_e164 = factory.LazyAttribute(lambda o: "+" + o.channel_user_id)
    profile_name = "Priya"
    language = "en"
    last_inbound_at = factory.LazyFunction(timezone.now)


class InboundMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InboundMessage

    conversation = factory.SubFactory(ConversationFactory)
    provider_message_id = factory.Sequence(lambda n: f"SM{n:032x}")
    kind = InboundMessage.Kind.TEXT
    text = "hello"


class OutboundMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundMessage

    conversation = factory.SubFactory(ConversationFactory)
    body = "Hello from the clinic"
