"""A Meta-shaped webhook for the simulator page, signed as Meta signs it."""

import json
import time
import uuid

from django.conf import settings

from conversations.channels.meta.webhook import SIGNATURE_HEADER, signature


def simulated_webhook(
    *, path: str, signed_url: str, phone: str, to: str = "", name: str, body: str, button: str
) -> dict:
    """What the page posts: the envelope to the clinic number `to` (else the deployment's),
    its raw bytes and their X-Hub-Signature-256 under the simulator's secret."""
    sender = phone.lstrip("+")
    message = {"from": sender, "id": "wamid.SIM" + uuid.uuid4().hex, "timestamp": str(int(time.time()))}
    if button:
        reply = {"id": button[:256], "title": body[:24]}
        message |= {"type": "interactive", "interactive": {"type": "button_reply", "button_reply": reply}}
    else:
        message |= {"type": "text", "text": {"body": body[:4096]}}
    envelope = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "0",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "15550001111",
                                "phone_number_id": to or settings.META_PHONE_NUMBER_ID or "0",
                            },
                            "contacts": [{"profile": {"name": name[:64]}, "wa_id": sender}],
                            "messages": [message],
                        },
                    }
                ],
            }
        ],
    }
    raw = json.dumps(envelope, separators=(",", ":"))
    return {
        "url": path,
        "params": {},
        "body": raw,
        "content_type": "application/json",
        "headers": {SIGNATURE_HEADER: signature(raw.encode(), secret=settings.SIMULATOR_AUTH_TOKEN)},
    }
