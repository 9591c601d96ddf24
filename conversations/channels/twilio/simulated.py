"""A Twilio-shaped webhook for the simulator page, signed as Twilio signs it."""

import uuid

from django.conf import settings
from twilio.request_validator import RequestValidator

SANDBOX_NUMBER = "+14155238886"


def simulated_webhook(
    *, path: str, signed_url: str, phone: str, to: str = "", name: str, body: str, button: str
) -> dict:
    """What the page posts: the form to the clinic number `to` (else the deployment's sandbox
    number), and its X-Twilio-Signature under the simulator's token."""
    sid = "SM" + uuid.uuid4().hex
    params = {
        "MessageSid": sid,
        "SmsMessageSid": sid,
        "SmsSid": sid,
        "AccountSid": "AC" + "0" * 32,
        "From": f"whatsapp:{phone}",
        "To": f"whatsapp:{to or SANDBOX_NUMBER}",
        "WaId": phone.lstrip("+"),
        "ProfileName": name[:64],
        "Body": body[:1600],
        "NumMedia": "0",
        "MessageType": "text",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }
    if button:
        params |= {"MessageType": "button", "ButtonPayload": button, "ButtonText": params["Body"]}
    signature = RequestValidator(settings.SIMULATOR_AUTH_TOKEN).compute_signature(signed_url, params)
    return {
        "url": path,
        "params": params,
        "signature": signature,
        "body": "",
        "content_type": "application/x-www-form-urlencoded",
        "headers": {"X-Twilio-Signature": signature},
    }
