import math

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from catalog.models import Product


class HomeView(TemplateView):
    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        featured = (
            Product.objects.published()
            .in_stock()
            .with_card_data()
            .filter(is_featured=True)
            .order_by("category__position", "name")[:8]
        )
        return super().get_context_data(featured=featured, **kwargs)


def floor(request):
    """The benchmark's floor: a few bytes through the full middleware stack (age gate
    included) and no database work, the ceiling of what any page can reach."""
    return HttpResponse(b"ok", content_type="text/plain")


@never_cache
def healthz(request):
    """Liveness and database check for load balancers: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /finder/", "Disallow: /age-check/"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def login_lockout(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): a friendly page, status 429."""
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else 60,
    }
    return render(request, "shop/lockout.html", context, status=429)
