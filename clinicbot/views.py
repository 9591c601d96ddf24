from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from clinicbot.access import access_content, access_handle_conversations, access_metrics, access_staff_area
from clinicbot.staff import staff_page
from conversations import selectors
from conversations.faq.selectors import unanswered_question_list
from conversations.models import Conversation, Escalation, OutboundMessage


def home(request: HttpRequest) -> HttpResponse:
    return redirect("simulator" if settings.SIMULATOR_ENABLED else "admin:index")


def ping(request: HttpRequest) -> HttpResponse:
    """Process liveness without touching the database (and the benchmarks' baseline)."""
    return HttpResponse("pong", content_type="text/plain")


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer and docker-compose: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
@staff_page(access_staff_area)
def staff_home(request: HttpRequest) -> HttpResponse:
    """What needs attention now, for every role; each tile links to the owning app's page."""
    queue = selectors.escalation_queue()
    today = timezone.localdate()
    context = {
        "waiting": queue.filter(status=Escalation.Status.OPEN).count(),
        "emergencies": queue.filter(reason=Escalation.Reason.EMERGENCY).count(),
        "mine": queue.filter(claimed_by=request.user).select_related("conversation"),
        "failed_today": OutboundMessage.objects.filter(
            status__in=[OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED],
            updated_at__date=today,
        ).count(),
        "today": today,
        "conversations_today": Conversation.objects.filter(last_inbound_at__date=today).count(),
        "can_handle": access_handle_conversations(request.user),
        "can_see_metrics": access_metrics(request.user),
        "unanswered": unanswered_question_list().count() if access_content(request.user) else None,
    }
    return render(request, "clinicbot/staff_home.html", context)
