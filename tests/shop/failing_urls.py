"""The site's URLs plus views that fail on purpose, for the logging and outage tests."""

import json

from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import path

from shop.urls import handler500  # noqa: F401
from shop.urls import urlpatterns as site_urlpatterns


def explode_with_form(request):
    raise ValueError(
        f"could not read birth_year={request.POST.get('birth_year')} "
        f"from {request.get_full_path()} ({request.POST!r})"
    )


def explode_with_answers(request):
    raise ValueError(f"bad answers: {json.loads(request.body)!r}")


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


def slow_query(request):
    """A query that would run for a minute (PostgreSQL): the statement timeout ends it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(60)")
    return HttpResponse("finished")


urlpatterns = [
    path("explode/form/", explode_with_form),
    path("explode/answers/", explode_with_answers),
    path("explode/database/", database_gone),
    path("slow/", slow_query),
    *site_urlpatterns,
]
