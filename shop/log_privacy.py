"""Logging filters: the request id on every record, and nothing private in any record.

`PrivacyFilter` sits on the log handler, so every record passes through it before anything is
written, whichever library made it. It:
- drops the `request` object Django attaches to error records (its text holds the full URL);
- redacts query strings (`/catalog/?q=...` becomes `/catalog/?[redacted]`): searches, filter
  choices and the query strings of JSON calls never reach a log;
- redacts the values of finder answers, basket fields and birth-date fields wherever they appear as
  `key=value`, `"key": value` or `'key': value` (form bodies, JSON, dict reprs in error
  messages), and anything that looks like a calendar date;
- applies the same to exception text and to extra fields.
"""

import logging
import re
import traceback

from shop.request_log import current_request_id

REDACTED = "[redacted]"

# The finder's answer fields (docs/openapi.yaml, `FinderAnswers`) and the age gate's
# birth-date fields.
FINDER_ANSWER_KEYS = (
    "level",
    "categories",
    "intensity",
    "sensation",
    "restraint_type",
    "ring_fit",
    "vibrator_type",
    "budget",
    "latex_allergy",
    "owns_silicone_toys",
    "uses_latex_condoms",
    "lube_thickness",
    "anal_play",
    "levels",
    r"level_[a-z0-9-]+",  # the flow's experience per category (finder.forms.level_field)
    "answers",
)
# What a basket holds (basket app): which products, how many, the store's variant ids.
BASKET_KEYS = ("basket", "product", "products", "quantity", "checkout_ref")
BIRTH_KEYS = r"[a-z_]*birth[a-z_]*|dob|age"
SENSITIVE_KEY = "(?:" + "|".join([*FINDER_ANSWER_KEYS, *BASKET_KEYS, BIRTH_KEYS]) + ")"

PATTERNS = [
    # A query string after a path or URL.
    (re.compile(r"\?[^\s\"'<>]+"), "?" + REDACTED),
    # key=value (form bodies, query strings without a leading '?').
    (re.compile(rf"(?i)\b({SENSITIVE_KEY})=[^&\s\"'<>]*"), rf"\1={REDACTED}"),
    # "key": value or 'key': value (JSON, Python reprs), value a string, list, object or scalar.
    (
        re.compile(
            rf"""(?i)(["']{SENSITIVE_KEY}["']\s*:\s*)"""
            r"""(\[[^\]]*\]|\{[^}]*\}|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,}\s]+)"""
        ),
        rf"\1{REDACTED}",
    ),
    # Calendar dates: 1990-05-01, 01/05/1990, 1.5.1990.
    (re.compile(r"\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"), REDACTED),
    (re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b"), REDACTED),
]

# Attributes every LogRecord has; anything else on a record is an "extra" field.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "request_id",
}
DROPPED_ATTRIBUTES = {"request"}


def redact(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RequestContextFilter(logging.Filter):
    """Adds `request_id` (or "-" outside a request) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get() or "-"
        return True


class PrivacyFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the template, not the arguments
            message = str(record.msg)
        record.msg = redact(message)
        record.args = ()
        if record.exc_info:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = redact(text)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for name in list(vars(record)):
            if name in STANDARD_ATTRIBUTES:
                continue
            if name in DROPPED_ATTRIBUTES or re.fullmatch(SENSITIVE_KEY, name, re.IGNORECASE):
                delattr(record, name)
                continue
            value = getattr(record, name)
            if isinstance(value, str):
                setattr(record, name, redact(value))
            elif not isinstance(value, (int, float, bool, type(None))):
                setattr(record, name, redact(str(value)))
        return True
