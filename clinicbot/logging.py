"""A logging filter that masks phone numbers and WhatsApp ids in every log line, and the
wiring that puts it on every handler (the web process's, a Celery worker's, whichever
library's records reach them, the twilio SDK's included)."""

import logging
import re

# 7-15 digits, optionally after "+" or "whatsapp:+", also URL-encoded ("%2B", "whatsapp%3A%2B")
# as in request lines and form bodies: keep only the last three digits.
PHONE = re.compile(
    r"(?<![\w.%])(?:whatsapp(?::|%3A))?(?:\+|%2B)?(?P<number>\d[\d ()-]{5,18}\d)(?![\w.])",
    re.IGNORECASE,
)


def _mask(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group("number"))
    if not 7 <= len(digits) <= 15:
        return match.group()
    return "•" * (len(digits) - 3) + digits[-3:]


def mask_phones(text: str) -> str:
    return PHONE.sub(_mask, text)


class MaskPhoneNumbers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_phones(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Database errors quote key values; the formatter reuses this cached text.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_phones(record.exc_text)
        return True


def mask_every_handler() -> int:
    """Put the filter on every handler of every logger configured so far (root included)
    that lacks it; returns how many it added. Handlers a library or Celery creates outside
    Django's LOGGING (Celery's worker handlers, django.server's) need this: a logger's own
    filters never see the records its children propagate, a handler's see them all."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    added = 0
    for logger in loggers:
        for handler in getattr(logger, "handlers", ()):
            if not any(isinstance(f, MaskPhoneNumbers) for f in handler.filters):
                handler.addFilter(MaskPhoneNumbers())
                added += 1
    return added
