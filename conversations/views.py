import logging
import re
from collections.abc import Callable
from contextlib import nullcontext
from functools import wraps

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clinicbot.access import access_handle_conversations, user_clinic_ids
from clinicbot.staff import staff_page
from clinicbot.tenancy import clinic_scope
from conversations import selectors
from conversations.channels import DOORS, any_configured, simulated_webhook, webhook_channel
from conversations.channels.base import MalformedPayload
from conversations.inbox import webhook_receive

logger = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 64 * 1024


def _receive(request: HttpRequest, door: str) -> HttpResponse:
    """One provider webhook: verified over what came (with the secret of the clinic number it
    is about), parsed, stored, acknowledged at once (understanding runs in a worker; Twilio
    waits at most 15 s, Meta wants well under 1 s)."""
    if len(request.body) > MAX_WEBHOOK_BYTES:
        logger.warning("webhook %s rejected: body of %d bytes", request.path, len(request.body))
        return HttpResponse(status=413)
    channel = webhook_channel(door, request)
    if not channel.verify(request):
        logger.warning("webhook %s rejected: bad or missing %s", request.path, channel.signature_header)
        return HttpResponseForbidden()
    try:
        envelope = channel.parse(request)
    except MalformedPayload as exc:
        logger.warning("webhook %s rejected as malformed: %s", request.path, exc)
        return HttpResponseBadRequest(str(exc))
    webhook_receive(envelope=envelope)
    return channel.acknowledge()


@csrf_exempt
@require_POST
def twilio_whatsapp(request: HttpRequest) -> HttpResponse:
    return _receive(request, "twilio")


@csrf_exempt
@require_POST
def twilio_status(request: HttpRequest) -> HttpResponse:
    return _receive(request, "twilio")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def meta_whatsapp(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return webhook_channel("meta").handshake(request)
    return _receive(request, "meta")


def simulator_page(view: Callable) -> Callable:
    """The simulator's pages: 404 unless it is enabled and no real Twilio is configured
    (it must never act for real patients), then Reception or the operations lead only."""
    guarded = staff_page(access_handle_conversations)(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not settings.SIMULATOR_ENABLED or any_configured():
            raise Http404("The simulator is disabled")
        return guarded(request, *args, **kwargs)

    return wrapped


@require_GET
@simulator_page
def simulator(request: HttpRequest) -> HttpResponse:
    numbers = selectors.clinic_numbers(clinic_ids=user_clinic_ids(request.user))
    return render(request, "conversations/simulator.html", {"phone": SIMULATOR_PHONE, "numbers": numbers})


def _simulated_number(request: HttpRequest) -> tuple[str, str, int | None] | None:
    """The door, clinic number and its clinic the simulator writes to: the `number` chosen
    ("door:address", one of the user's clinics'), else the `door` with the deployment's own
    number and no clinic of its own. None for a choice that is not the user's to make."""
    chosen = request.POST.get("number", "")
    if not chosen:
        door = request.POST.get("door", "twilio")
        return (door, "", None) if door in DOORS else None
    numbers = selectors.clinic_numbers(clinic_ids=user_clinic_ids(request.user))
    number = next((n for n in numbers if n.choice == chosen), None)
    return (number.channel, number.address, number.clinic_id) if number else None


SIMULATOR_PHONE = "+15550100001"
E164 = re.compile(r"^\+[1-9]\d{6,14}$")


@require_POST
@simulator_page
def simulator_sign(request: HttpRequest) -> JsonResponse:
    """Build a webhook for the simulator page, shaped and signed as the chosen door's
    provider does it (with the simulator's own secret); the page then posts it there."""
    phone = request.POST.get("phone", "").strip()
    if not E164.match(phone):
        return JsonResponse({"error": "Phone must be in E.164 form, like +5511987654321"}, status=400)
    written_to = _simulated_number(request)
    if written_to is None:
        return JsonResponse({"error": "Unknown door or number"}, status=400)
    door, address, _ = written_to
    path = reverse(f"{door}_whatsapp")
    signed_url = (
        (settings.PUBLIC_BASE_URL + path) if settings.PUBLIC_BASE_URL else request.build_absolute_uri(path)
    )
    signed = simulated_webhook(
        door=door,
        path=path,
        signed_url=signed_url,
        phone=phone,
        to=address,
        name=request.POST.get("name", ""),
        body=request.POST.get("body", ""),
        button=request.POST.get("button_payload", ""),
    )
    return JsonResponse(signed)


@require_POST
@simulator_page
def simulator_transcript(request: HttpRequest) -> HttpResponse:
    # POST: a phone number in a query string would sit in every access log.
    written_to = _simulated_number(request)
    if written_to is None:
        return HttpResponseBadRequest("Unknown door or number")
    door, _, clinic_id = written_to
    with clinic_scope(clinic_id) if clinic_id else nullcontext():
        entries = selectors.transcript_for_phone(phone=request.POST.get("phone", ""), channel=door)
    return render(request, "conversations/simulator.html#transcript", {"entries": entries})
