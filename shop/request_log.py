"""One structured log line per request, tied together by a request id.

The id comes from the proxy's `X-Request-ID` header when it looks like a safe token (so a
request can be followed from the load balancer to the app), otherwise a fresh one is made.
It is echoed in the response's `X-Request-ID` header and attached to every log record made
while the request runs (see `shop.log_privacy.RequestContextFilter`).

The line holds the method, the path WITHOUT its query string, the status and the duration:
query strings can carry searches and answers, which never go into logs.
"""

import contextvars
import logging
import re
import time
import uuid

from django.core.signals import request_finished

logger = logging.getLogger("shop.request")

REQUEST_ID_HEADER = "X-Request-ID"
HEALTH_CHECK_PATH = "/healthz"
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")

current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "current_request_id", default=None
)


def request_id_from(value: str | None) -> str:
    """The incoming id if it is a plain token of 8 to 64 characters, else a new random one."""
    if value and SAFE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def forget_request_id(**kwargs) -> None:
    """request_finished: the response has been sent (Django's own error log line included)."""
    current_request_id.set(None)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        request_finished.connect(forget_request_id, dispatch_uid="shop.request_log")

    def __call__(self, request):
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        # Kept until the response is sent, so the records Django logs after the middleware
        # chain (e.g. "Not Found: ...") carry the id too.
        current_request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        # Load balancers' health checks every few seconds would drown the log: DEBUG level.
        quiet = request.path == HEALTH_CHECK_PATH and response.status_code == 200
        logger.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response
