import math

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from catalog.models import Product
from shop import age_gate
from shop.forms import age_gate_form_class


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


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@method_decorator(never_cache, name="dispatch")
class AgeGateView(FormView):
    """The age gate: a date of birth or a yes/no answer, then back to the page asked for."""

    template_name = "shop/age_gate.html"

    def get_form_class(self):
        return age_gate_form_class()

    def dispatch(self, request, *args, **kwargs):
        if age_gate.has_refusal(request):
            return redirect("age_gate_refused")  # retyping another date at once is refused
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if age_gate.has_pass(request):
            return redirect(self.next_url())
        return super().get(request, *args, **kwargs)

    def next_url(self) -> str:
        requested = self.request.POST.get("next") or self.request.GET.get("next")
        return age_gate.safe_next_url(self.request, requested)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=self.next_url(), min_age=settings.AGE_GATE_MIN_AGE, **kwargs
        )

    def form_valid(self, form):
        if form.cleaned_data["old_enough"]:
            response = redirect(self.next_url())
            age_gate.set_pass_cookie(response)
        else:
            response = redirect("age_gate_refused")
            age_gate.set_refusal_cookie(response)
            age_gate.clear_pass_cookie(response)
        return response


@never_cache
def age_gate_refused(request):
    """The polite refusal: no products, no guides, no pictures. Answers 403."""
    context = {
        "min_age": settings.AGE_GATE_MIN_AGE,
        "remembered": settings.AGE_GATE_REMEMBER_REFUSAL,
    }
    return TemplateResponse(request, "shop/age_gate_refused.html", context, status=403)


def login_lockout(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): a friendly page, status 429."""
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else 60,
    }
    return render(request, "shop/lockout.html", context, status=429)
