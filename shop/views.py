import math

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from catalog.models import Product
from catalog.render_cache import remember, render_part, with_token
from core import age_gate
from core.models import ContentVersion
from shop.forms import age_gate_form_class
from shop.shared_cache import cache_status


class HomeView(TemplateView):
    """The home page. Its body is the same for everyone for one content version, so it is
    kept (catalog/render_cache.py)."""

    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        body = remember("home-page", [], self.body)
        return super().get_context_data(body=with_token(self.request, body), **kwargs)

    def body(self) -> str:
        featured = (
            Product.objects.published()
            .in_stock()
            .with_card_data()
            .filter(is_featured=True)
            .order_by("category__position", "name")[:8]
        )
        return render_part("shop/_home_body.html", {"featured": featured}, self.request)


def floor(request):
    """The benchmark's floor: a few bytes through the full middleware stack (age gate
    included) and no database work, the ceiling of what any page can reach."""
    return HttpResponse(b"ok", content_type="text/plain")


def database_answers() -> bool:
    """Does the database answer, in time, the one read every page starts with (the content
    version)? On PostgreSQL the check has its own short statement and lock timeouts, so a
    database that hangs, or a lock on that row, turns the check to 503 within seconds."""
    timeout_ms = str(round(settings.HEALTHZ_DB_TIMEOUT * 1000))
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql" and settings.HEALTHZ_DB_TIMEOUT:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true), "
                        "set_config('lock_timeout', %s, true)",
                        [timeout_ms, timeout_ms],
                    )
            ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    except DatabaseError:
        return False
    return True


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 while the database answers in time, 503 when it
    does not. The shared cache's state is reported but never fails the check: the site works
    without it (slower), and pulling every app server out on a cache blip would help nobody."""
    cache_state = cache_status(cache)
    if not database_answers():
        body = {"status": "error", "database": "unavailable", "cache": cache_state}
        return JsonResponse(body, status=503)
    status = "ok" if cache_state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})


# Never kept in the page cache, which would otherwise read the content version first.
healthz.page_cache_query = None


# Where "leave quickly" sends the visitor: a neutral page that is not ours.
LEAVE_TO = "https://www.bbc.co.uk/weather"
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


@never_cache
def leave_quickly(request):
    """ "Leave quickly": forget this visitor's session (the basket with it) and go to a neutral
    site. A plain link, so it works without script (the site's script also replaces the page
    in the history). Exempt from the age gate and from CSRF on purpose: all it can do is
    forget. When the database is down the session may not be forgotten, but the visitor
    still leaves at once."""
    try:
        request.session.flush()
    except DatabaseError:
        pass
    response = redirect(LEAVE_TO)
    response.delete_cookie("messages")  # the session middleware deletes the session cookie
    # And the browser forgets the rest of the visit: pages in its cache (Back would show
    # them), this site's cookies (the age pass too) and its storage (the finder's results
    # and the tools' answers kept in the tab). Browsers honour it over HTTPS.
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


CSRF_MESSAGE = "Reload the page and try again: your form had expired."


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a POST without a valid token (the basket's changes). JSON callers get
    `{"errors": {"csrf": [...]}}`, people the site's 403 page saying what to do."""
    accepts = request.get_preferred_type(["text/html", "application/json"])
    if accepts == "application/json" or (request.content_type or "").endswith("json"):
        return JsonResponse({"errors": {"csrf": [CSRF_MESSAGE]}}, status=403)
    return render(request, "403.html", {"csrf_message": CSRF_MESSAGE}, status=403)


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /finder/",
        "Disallow: /age-check/",
        "Disallow: /basket/",
        "Disallow: /leave/",
    ]
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


def admin_login(request, extra_context=None):
    """The admin's sign-in page, with `next` kept to a path on this site (as the age gate's):
    Django's own check would also accept an absolute address on the request's host, which
    the visitor chooses."""
    for name in ("GET", "POST"):
        data = getattr(request, name)
        if "next" in data and age_gate.safe_next_url(request, data["next"], "") != data["next"]:
            data = data.copy()
            data["next"] = reverse("admin:index")
            setattr(request, name, data)
    return admin.site.login(request, extra_context)


def login_lockout(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): a friendly page, status 429.
    The pause is the one for this account from this address, or a wider one (this account
    from anywhere, this address for any account: shop/sign_in_limits.py)."""
    pause = getattr(request, "sign_in_pause", None)
    if pause is not None:
        scope, minutes = pause.scope, pause.minutes
    else:
        cool_off = get_cool_off(request)
        scope, minutes = "connection", math.ceil(cool_off.total_seconds() / 60) if cool_off else 60
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "scope": scope,
        "minutes": minutes,
    }
    return render(request, "shop/lockout.html", context, status=429)
