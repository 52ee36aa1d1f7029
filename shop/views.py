from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
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
