"""Graceful failure: when the database cannot be reached or does not answer in time (the
statement, lock and connect timeouts in settings end every wait within seconds), visitors get
a calm 503 page with `Retry-After`, never a traceback, half a page or a worker killed by
gunicorn. JSON callers (the catalog's JSON, the finder's API) get a JSON 503 instead. The
shared cache never causes one: its failures are misses (`shop.shared_cache`).

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
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shop.middleware import wants_json as asks_for_json

logger = logging.getLogger("shop.resilience")

OUTAGE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 30
JSON_MESSAGE = "The shop cannot reach its records just now. Please try again in a minute."


def is_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, OUTAGE_ERRORS)


def wants_json(request) -> bool:
    if request is None:
        return False
    return asks_for_json(request, getattr(request, "resolver_match", None))


def unavailable_response(request=None) -> HttpResponse:
    if wants_json(request):
        response = JsonResponse({"errors": {"__all__": [JSON_MESSAGE]}}, status=503)
    else:
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
        return unavailable_response(request)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: 503 for an outage, Django's usual 500 page for anything else."""
    if is_outage(sys.exc_info()[1]):
        return unavailable_response(request)
    return defaults.server_error(request, template_name)
