"""A logging filter that masks phone numbers and WhatsApp ids in every log line."""

import logging
import re

# 7-15 digits, optionally after "+" or "whatsapp:+": keep only the last three.
PHONE = re.compile(r"(?<![\w.])(?:whatsapp:)?\+?\d[\d ()-]{5,18}\d(?![\w.])")


def _mask(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())
    if not 7 <= len(digits) <= 15:
        return match.group()
    return "•" * (len(digits) - 3) + digits[-3:]


class MaskPhoneNumbers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = PHONE.sub(_mask, message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Database errors quote key values; the formatter reuses this cached text.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = PHONE.sub(_mask, record.exc_text)
        return True
