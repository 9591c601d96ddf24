"""Reception's conversation pages, mounted under /staff/ by clinicbot.urls."""

from django.urls import path

from conversations.staff import desk, inbox, unanswered, views

urlpatterns = [
    path("escalations/", inbox.inbox, name="staff_escalations"),
    path("escalations/<int:escalation_id>/claim/", views.escalation_claim, name="staff_escalation_claim"),
    path("conversations/", views.conversation_list, name="staff_conversations"),
    path("conversations/<int:conversation_id>/", views.conversation_detail, name="staff_conversation"),
    path("conversations/<int:conversation_id>/reply/", views.conversation_reply, name="staff_reply"),
    path(
        "conversations/<int:conversation_id>/take-over/",
        views.conversation_take_over,
        name="staff_take_over",
    ),
    path(
        "conversations/<int:conversation_id>/hand-back/",
        views.conversation_hand_back,
        name="staff_hand_back",
    ),
    path("undo/<int:trace_event_id>/", views.bot_action_undo, name="staff_undo"),
    path(
        "conversations/<int:conversation_id>/appointments/book/",
        views.appointment_book,
        name="staff_appointment_book",
    ),
    path(
        "conversations/<int:conversation_id>/appointments/<int:appointment_id>/cancel/",
        views.appointment_cancel,
        name="staff_appointment_cancel",
    ),
    path(
        "conversations/<int:conversation_id>/appointments/<int:appointment_id>/reschedule/",
        views.appointment_reschedule,
        name="staff_appointment_reschedule",
    ),
    path("calendar/book/confirm/", desk.desk_book, name="staff_desk_book"),
    path(
        "calendar/appointments/<int:appointment_id>/move/",
        desk.desk_appointment_move,
        name="staff_desk_move",
    ),
    path(
        "calendar/appointments/<int:appointment_id>/cancel/",
        desk.desk_appointment_cancel,
        name="staff_desk_cancel",
    ),
    path(
        "patients/<int:patient_id>/conversation/",
        desk.patient_conversation,
        name="staff_patient_conversation",
    ),
    path("unanswered/", unanswered.unanswered_list, name="staff_unanswered"),
    path(
        "unanswered/<int:question_id>/variant/",
        unanswered.unanswered_add_variant,
        name="staff_unanswered_variant",
    ),
    path(
        "unanswered/<int:question_id>/entry/",
        unanswered.unanswered_start_entry,
        name="staff_unanswered_entry",
    ),
    path(
        "unanswered/<int:question_id>/dismiss/",
        unanswered.unanswered_dismiss,
        name="staff_unanswered_dismiss",
    ),
]
