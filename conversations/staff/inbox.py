"""Reception's inbox (the escalation queue): who waits, for how long, why in words, what
they last said; filters by assignee, reason and language; refreshed by htmx row by row so a
focused button keeps its focus, with a title badge and a sound for a new emergency."""

from dataclasses import dataclass
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from clinicbot.access import access_handle_conversations
from clinicbot.staff import staff_page
from conversations import selectors
from conversations.models import Escalation, Language
from conversations.selectors import InboxScope

# The emergency rules' categories (conversations.understanding.emergency.CATEGORIES) as
# reception reads them; a test keeps the two lists together.
EMERGENCY_WORDS = {
    "chest_pain": "chest pain",
    "breathing": "trouble breathing",
    "stroke": "signs of a stroke",
    "bleeding": "heavy bleeding",
    "unconscious": "someone unconscious",
    "anaphylaxis": "a severe allergic reaction",
    "poisoning": "poisoning or overdose",
    "suicidal": "thoughts of suicide or self-harm",
}


@dataclass(frozen=True)
class InboxRow:
    escalation: Escalation
    reason: str
    preview: str
    preview_from_patient: bool
    waiting_since: datetime
    unread: int

    @property
    def conversation(self):
        return self.escalation.conversation


def reason_in_words(escalation: Escalation) -> str:
    """ "Emergency: chest pain", "Clinical question": the reason, never a rule's code."""
    label = escalation.get_reason_display()
    if escalation.reason == Escalation.Reason.EMERGENCY and escalation.detail in EMERGENCY_WORDS:
        return f"{label}: {EMERGENCY_WORDS[escalation.detail]}"
    return label


def _row(escalation: Escalation) -> InboxRow:
    last_in, last_out = escalation.last_in_at, escalation.last_out_at
    from_patient = last_in is not None and (last_out is None or last_in >= last_out)
    preview = (escalation.last_in_text if from_patient else escalation.last_out_text) or ""
    # Waiting since the patient's last unanswered message, else since the hand-over.
    waiting = last_in if from_patient and last_in > escalation.created_at else escalation.created_at
    return InboxRow(
        escalation, reason_in_words(escalation), preview, from_patient, waiting, escalation.unread
    )


@require_GET
@staff_page(access_handle_conversations)
def inbox(request: HttpRequest) -> HttpResponse:
    scope = (
        request.GET.get("scope") if request.GET.get("scope") in dict(InboxScope.CHOICES) else InboxScope.ALL
    )
    reason = request.GET.get("reason", "") if request.GET.get("reason") in Escalation.Reason.values else ""
    language = request.GET.get("language", "") if request.GET.get("language") in Language.values else ""
    queue = selectors.inbox_list(user=request.user, scope=scope, reason=reason, language=language)
    rows = [_row(escalation) for escalation in queue]
    context = {
        "rows": rows,
        "emergencies": sum(1 for row in rows if row.escalation.reason == Escalation.Reason.EMERGENCY),
        "scope": scope,
        "reason": reason,
        "language": language,
        "scopes": InboxScope.CHOICES,
        "reasons": Escalation.Reason.choices,
        "languages": Language.choices,
        "query": request.GET.urlencode(),
        "now": timezone.now(),
    }
    template = "conversations/staff/escalations.html" + ("#rows" if request.htmx else "")
    return render(request, template, context)
