"""The Cloud API's error codes, as our Failures.
https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes"""

from conversations.channels.base import Failure

CODES: dict[int, Failure] = {
    131047: Failure.WINDOW_CLOSED,  # re-engagement message: more than 24 h since the user wrote
    131050: Failure.OPTED_OUT,  # the user stopped messages of this kind from the business
    131026: Failure.INVALID_NUMBER,  # message undeliverable (no WhatsApp, old app, not accepted terms)
    131021: Failure.INVALID_NUMBER,  # recipient cannot be the sender
    131030: Failure.INVALID_NUMBER,  # recipient not in the test number's allowed list
    130429: Failure.RATE_LIMITED,  # throughput limit of the number
    131056: Failure.RATE_LIMITED,  # too many messages to this one user
    131048: Failure.RATE_LIMITED,  # spam rate limit
    80007: Failure.RATE_LIMITED,  # the business account's rate limit
    4: Failure.RATE_LIMITED,  # the app's API call limit
    132000: Failure.TEMPLATE_REQUIRED,  # wrong number of template parameters
    132001: Failure.TEMPLATE_REQUIRED,  # no such template (name or language)
    132005: Failure.TEMPLATE_REQUIRED,  # translated text too long
    132007: Failure.TEMPLATE_REQUIRED,  # template format policy violated
    132012: Failure.TEMPLATE_REQUIRED,  # parameter format mismatch
    132015: Failure.TEMPLATE_REQUIRED,  # template paused
    132016: Failure.TEMPLATE_REQUIRED,  # template disabled
    1: Failure.TRANSIENT,  # API unknown
    2: Failure.TRANSIENT,  # API service temporarily unavailable
    131000: Failure.TRANSIENT,  # something went wrong
    131016: Failure.TRANSIENT,  # service unavailable
    133004: Failure.TRANSIENT,  # server temporarily unavailable
}


def failure_for(code: int | None, *, http_status: int = 0) -> Failure:
    """A known code decides; else the HTTP status: 429 and 5xx may pass, any other 4xx
    (invalid parameter 100, expired token 190, ...) will not."""
    if code in CODES:
        return CODES[code]
    if http_status == 429:
        return Failure.RATE_LIMITED
    if http_status >= 500 or http_status == 0:
        return Failure.TRANSIENT
    return Failure.REJECTED
