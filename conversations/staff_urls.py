from django.urls import path

from conversations import staff_views

urlpatterns = [
    path("escalations/", staff_views.escalations, name="staff_escalations"),
    path(
        "escalations/<int:escalation_id>/claim/", staff_views.escalation_claim, name="staff_escalation_claim"
    ),
    path("conversations/", staff_views.conversation_list, name="staff_conversations"),
    path("conversations/<int:conversation_id>/", staff_views.conversation_detail, name="staff_conversation"),
    path("conversations/<int:conversation_id>/reply/", staff_views.conversation_reply, name="staff_reply"),
    path(
        "conversations/<int:conversation_id>/take-over/",
        staff_views.conversation_take_over,
        name="staff_take_over",
    ),
    path(
        "conversations/<int:conversation_id>/hand-back/",
        staff_views.conversation_hand_back,
        name="staff_hand_back",
    ),
    path("undo/<int:trace_event_id>/", staff_views.bot_action_undo, name="staff_undo"),
    path(
        "conversations/<int:conversation_id>/appointments/book/",
        staff_views.appointment_book,
        name="staff_appointment_book",
    ),
    path(
        "conversations/<int:conversation_id>/appointments/<int:appointment_id>/cancel/",
        staff_views.appointment_cancel,
        name="staff_appointment_cancel",
    ),
    path(
        "conversations/<int:conversation_id>/appointments/<int:appointment_id>/reschedule/",
        staff_views.appointment_reschedule,
        name="staff_appointment_reschedule",
    ),
]
