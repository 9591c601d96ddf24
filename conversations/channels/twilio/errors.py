"""Twilio's error codes, as our Failures. https://www.twilio.com/docs/api/errors"""

from conversations.channels.base import Failure

CODES: dict[str, Failure] = {
    "21610": Failure.OPTED_OUT,  # the recipient replied STOP
    "63016": Failure.WINDOW_CLOSED,  # free-form outside the 24-hour window
    "21211": Failure.INVALID_NUMBER,  # invalid To
    "21614": Failure.INVALID_NUMBER,  # not a mobile number
    "63003": Failure.INVALID_NUMBER,  # the channel found no such user
    "63024": Failure.INVALID_NUMBER,  # invalid message recipient
    "63018": Failure.RATE_LIMITED,  # WhatsApp's rate or messaging limit
    "20429": Failure.RATE_LIMITED,  # too many requests
    "63027": Failure.TEMPLATE_REQUIRED,  # template does not exist for the language
    "63028": Failure.TEMPLATE_REQUIRED,  # wrong number of template parameters
    "63005": Failure.TEMPLATE_REQUIRED,  # template not approved
}


def failure_for(code: str, *, http_status: int = 0) -> Failure:
    """A known code decides; else the HTTP status: 429 and 5xx may pass, any other 4xx will not."""
    if code in CODES:
        return CODES[code]
    if http_status == 429:
        return Failure.RATE_LIMITED
    if http_status >= 500:
        return Failure.TRANSIENT
    return Failure.REJECTED
