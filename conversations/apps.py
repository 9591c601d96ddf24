from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "conversations"

    def ready(self) -> None:
        # audit's replay and metrics pages show conversations' facts, but audit imports no
        # app: conversations hands its readers over here (audit/registry.py explains).
        from audit import registry
        from conversations import replay, selectors
        from conversations.channels.meta import checks as meta_checks  # noqa: F401  (registers)
        from conversations.channels.twilio import checks as twilio_checks  # noqa: F401  (registers)
        from conversations.models import Escalation
        from conversations.voice import checks as speech_checks  # noqa: F401  (registers)

        registry.conversation_header_register(source=replay.replay_header)
        registry.timeline_source_register(name="messages", source=replay.replay_messages)
        registry.metric_source_register(name=registry.REPLY_LATENCIES_MS, source=selectors.turn_latencies_ms)
        registry.metric_source_register(name=registry.UNANSWERED_QUESTIONS, source=selectors.unanswered_top)
        registry.words_register(kind=registry.ESCALATION_REASON, words=dict(Escalation.Reason.choices))

        # Freed calendar time goes to the waitlist (scheduling announces, conversations offers).
        from conversations.waitlist import waitlist_slot_freed
        from scheduling.freed import slot_freed_listen

        slot_freed_listen(name="waitlist", listener=waitlist_slot_freed)
