"""The real URLconf plus the kind of URLs other apps add later (guides, the finder and its
JSON API), none of which does anything about the age gate itself."""

from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from django.views.decorators.cache import cache_control, never_cache

from core.age_gate import json_endpoint
from shop.urls import urlpatterns as shop_urlpatterns

LEAK = "Later-app content that must stay behind the gate"


def page(request, **kwargs):
    return HttpResponse(f"<p>{LEAK}</p>")


@never_cache
def results(request):
    return HttpResponse(f"<p>{LEAK}: results</p>")


@cache_control(public=True, max_age=600)
def cacheable(request):
    return HttpResponse(f"<p>{LEAK}: cacheable</p>")


def api(request):
    return JsonResponse({"picks": LEAK})


section_patterns = ([path("", page, name="list")], "sections")
guide_patterns = (
    [
        path("", page, name="list"),
        path("<slug:slug>/", page, name="detail"),
        path("<slug:guide>/sections/", include(section_patterns)),
    ],
    "later_guides",
)
finder_patterns = (
    [
        path("", page, name="start"),
        path("results/", results, name="results"),
        path("api/", json_endpoint(api), name="api"),
    ],
    "later_finder",
)

urlpatterns = [
    *shop_urlpatterns,
    path("later-guides/", include(guide_patterns)),
    path("later-finder/", include(finder_patterns)),
    path("cached/", cacheable, name="cached"),
    path("files/<path:name>", page, name="file"),
    path("orders/<int:number>/<uuid:token>/<str:code>/", page, name="order"),
]
