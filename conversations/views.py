import logging
import uuid
from collections.abc import Callable
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
from django.views.decorators.http import require_GET, require_POST
from twilio.request_validator import RequestValidator

from clinicbot.access import access_handle_conversations
from clinicbot.staff import staff_page
from conversations import selectors
from conversations.channels import webhook_auth_token
from conversations.channels.base import MalformedPayload
from conversations.channels.twilio_whatsapp import E164, parse_inbound, signature_valid
from conversations.inbox import inbound_receive
from conversations.outbox.delivery import outbound_status_update

logger = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
MAX_WEBHOOK_BYTES = 64 * 1024


def _twiml() -> HttpResponse:
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")


def _reject_unsigned(request: HttpRequest) -> HttpResponse | None:
    if len(request.body) > MAX_WEBHOOK_BYTES:
        logger.warning("webhook %s rejected: body of %d bytes", request.path, len(request.body))
        return HttpResponse(status=413)
    if not signature_valid(request, auth_token=webhook_auth_token()):
        logger.warning("webhook %s rejected: bad or missing X-Twilio-Signature", request.path)
        return HttpResponseForbidden()
    return None


@csrf_exempt
@require_POST
def twilio_whatsapp(request: HttpRequest) -> HttpResponse:
    if rejected := _reject_unsigned(request):
        return rejected
    try:
        message = parse_inbound(request.POST)
    except MalformedPayload as exc:
        logger.warning("webhook %s rejected as malformed: %s", request.path, exc)
        return HttpResponseBadRequest(str(exc))
    inbound_receive(message=message)
    # Answer at once: Twilio waits at most 15 s, and understanding runs in a worker.
    return _twiml()


@csrf_exempt
@require_POST
def twilio_status(request: HttpRequest) -> HttpResponse:
    if rejected := _reject_unsigned(request):
        return rejected
    message_id = request.POST.get("MessageSid", "")
    status = request.POST.get("MessageStatus", "") or request.POST.get("SmsStatus", "")
    if not message_id or not status:
        logger.warning("status callback rejected as malformed: MessageSid or MessageStatus missing")
        return HttpResponseBadRequest("MessageSid and MessageStatus are required")
    outbound_status_update(
        provider_message_id=message_id, status=status, error_code=request.POST.get("ErrorCode", "")[:16]
    )
    return _twiml()


def simulator_page(view: Callable) -> Callable:
    """The simulator's pages: 404 unless it is enabled and no real Twilio is configured
    (it must never act for real patients), then Reception or the operations lead only."""
    guarded = staff_page(access_handle_conversations)(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not settings.SIMULATOR_ENABLED or settings.TWILIO_CONFIGURED:
            raise Http404("The simulator is disabled")
        return guarded(request, *args, **kwargs)

    return wrapped


@require_GET
@simulator_page
def simulator(request: HttpRequest) -> HttpResponse:
    return render(request, "conversations/simulator.html", {"phone": SIMULATOR_PHONE})


SIMULATOR_PHONE = "+15550100001"


@require_POST
@simulator_page
def simulator_sign(request: HttpRequest) -> JsonResponse:
    """Build a Twilio-shaped webhook for the simulator page and sign it like Twilio does,
    with the simulator's own token; the page then posts it to the real webhook."""
    phone = request.POST.get("phone", "").strip()
    if not E164.match(phone):
        return JsonResponse({"error": "Phone must be in E.164 form, like +5511987654321"}, status=400)
    sid = "SM" + uuid.uuid4().hex
    params = {
        "MessageSid": sid,
        "SmsMessageSid": sid,
        "SmsSid": sid,
        "AccountSid": "AC" + "0" * 32,
        "From": f"whatsapp:{phone}",
        "To": "whatsapp:+14155238886",
        "WaId": phone.lstrip("+"),
        "ProfileName": request.POST.get("name", "")[:64],
        "Body": request.POST.get("body", "")[:1600],
        "NumMedia": "0",
        "MessageType": "text",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }
    if payload := request.POST.get("button_payload", ""):
        params |= {"MessageType": "button", "ButtonPayload": payload, "ButtonText": params["Body"]}
    path = reverse("twilio_whatsapp")
    signed_url = (
        (settings.PUBLIC_BASE_URL + path) if settings.PUBLIC_BASE_URL else request.build_absolute_uri(path)
    )
    signature = RequestValidator(settings.SIMULATOR_AUTH_TOKEN).compute_signature(signed_url, params)
    return JsonResponse({"url": path, "params": params, "signature": signature})


@require_POST
@simulator_page
def simulator_transcript(request: HttpRequest) -> HttpResponse:
    # POST: a phone number in a query string would sit in every access log.
    entries = selectors.transcript_for_phone(phone=request.POST.get("phone", ""))
    return render(request, "conversations/simulator.html#transcript", {"entries": entries})
