"""The real URLconf plus pages the page cache must never store."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import never_cache

from shop.urls import urlpatterns as shop_urlpatterns

COUNTER = {"calls": 0}


def with_csrf_token(request):
    COUNTER["calls"] += 1
    return HttpResponse(f"<form>{get_token(request)}</form> call {COUNTER['calls']}")


@never_cache
def not_for_caches(request):
    COUNTER["calls"] += 1
    return HttpResponse(f"results call {COUNTER['calls']}")


urlpatterns = [
    *shop_urlpatterns,
    path("csrf-page/", with_csrf_token),
    path("no-store-page/", not_for_caches),
]
