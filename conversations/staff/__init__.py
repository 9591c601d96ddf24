"""Reception's pages for conversations (mounted under /staff/ by clinicbot.urls): the
escalation queue and claim, the conversation list, and the conversation page with reply,
take over, hand back, appointments booked, cancelled or moved for the patient, and undo of
what the bot did. Takeover itself is conversations.escalations; appointment actions are
staff.services."""
