"""Graceful failure: when the database (or the shared cache) cannot be reached, visitors get a
calm 503 page with `Retry-After`, never a traceback or half a page.

Two entry points share one response:
- `DatabaseFailureMiddleware.process_exception` catches the error raised by a view or while
  rendering its template;
- `server_error` is the site's `handler500`: Django calls it for errors raised anywhere else
  (in a middleware, e.g. saving a session), and it answers 503 when the cause is an outage.

The 503 page is a standalone template rendered without a request, so no context processor
runs and nothing touches the database. Recovery needs no restart: `CONN_HEALTH_CHECKS` makes
Django test a persistent connection before reusing it and reconnect when it is broken.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("shop.resilience")

OUTAGE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 30


def is_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, OUTAGE_ERRORS)


def unavailable_response() -> HttpResponse:
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def log_outage(request, exception: BaseException) -> None:
    # The error's class and first line only: enough to act on, no query text or parameters.
    first_line = str(exception).strip().splitlines()[0] if str(exception).strip() else ""
    logger.error(
        "Service unavailable: %s on %s %s: %s",
        type(exception).__name__,
        request.method,
        request.path,
        first_line,
    )


class DatabaseFailureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        log_outage(request, exception)
        return unavailable_response()


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: 503 for an outage, Django's usual 500 page for anything else."""
    if is_outage(sys.exc_info()[1]):
        return unavailable_response()
    return defaults.server_error(request, template_name)
