"""The basket's pages and JSON. Every change is a POST (CSRF token required) answered by a
redirect, with a message; JSON callers (`Accept: application/json`) get the basket back
instead. Nothing here is cached or logged, and no answer of the finder ever reaches it: the
kit's form posts product slugs only."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from basket.basket import MAX_LINES, Basket, BasketFull, price
from basket.checkout import HandoffLine, get_adapter
from basket.forms import AddForm, LineForm, UpdateForm, json_data
from basket.serializers import basket_object, errors_object
from catalog.models import StorePage
from core import age_gate


def wants_json(request) -> bool:
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def json_response(payload, status=200) -> JsonResponse:
    response = JsonResponse(payload, status=status)
    patch_vary_headers(response, ["Accept"])
    return response


def back_to(request, default="basket:page"):
    """Where a form asked to go after the change: a path on this site, else the basket."""
    next_url = request.POST.get("next")
    if next_url and age_gate.safe_next_url(request, next_url, "") == next_url:
        return redirect(next_url)
    return redirect(default)


def basket_page(request, *, form=None, status=200):
    priced = price(Basket(request.session))
    if priced.gone:
        messages.info(request, "Something in your basket is no longer sold and was taken out.")
    if wants_json(request) and form is None:
        return json_response(basket_object(priced))
    pages = StorePage.objects.filter(slug__in=[StorePage.DELIVERY, StorePage.RETURNS])
    context = {
        "basket": priced,
        "form": form,
        "store_pages": {page.slug: page for page in pages},
        "max_lines": MAX_LINES,
    }
    return TemplateResponse(request, "basket/basket.html", context, status=status)


@method_decorator([never_cache, ensure_csrf_cookie], name="dispatch")
class BasketView(View):
    """`GET /basket/`: the basket page, or `{"items": [...], "total": "..."}` for JSON callers.
    It sets the CSRF cookie a JSON caller sends back in `X-CSRFToken`."""

    def get(self, request):
        return basket_page(request)


@never_cache
@require_POST
def add(request):
    """Add products (`product`, repeated for a kit) with a `quantity` (default 1) each."""
    as_json = wants_json(request) or (request.content_type or "").endswith("json")
    data = request.POST
    if (request.content_type or "").endswith("json"):
        try:
            data = json_data(json.loads(request.body or b"null"))
        except (ValueError, UnicodeDecodeError):
            data = None
        if data is None:
            return json_response({"errors": {"body": ["Send a JSON object."]}}, status=400)
    form = AddForm(data)
    if not form.is_valid():
        if as_json:
            return json_response(errors_object(form), status=400)
        return basket_page(request, form=form, status=400)
    basket = Basket(request.session)
    quantity = form.cleaned_data["quantity"]
    try:
        for product in form.products:
            basket.add(product.pk, quantity)
    except BasketFull:
        form.add_error(None, f"Your basket holds {MAX_LINES} different products at most.")
        if as_json:
            return json_response(errors_object(form), status=400)
        return basket_page(request, form=form, status=400)
    if as_json:
        return json_response(basket_object(price(basket)))
    names = ", ".join(product.name for product in form.products)
    messages.success(request, f"Added to your basket: {names}.")
    return back_to(request)


@never_cache
@require_POST
def update(request):
    form = UpdateForm(request.POST)
    if not form.is_valid():
        return basket_page(request, form=form, status=400)
    if Basket(request.session).set(form.product.pk, form.cleaned_data["quantity"]):
        messages.success(request, f"Updated: {form.product.name}.")
    return redirect("basket:page")


@never_cache
@require_POST
def remove(request):
    form = LineForm(request.POST)
    if not form.is_valid():
        return basket_page(request, form=form, status=400)
    if Basket(request.session).remove(form.product.pk):
        messages.success(request, f"Removed: {form.product.name}.")
    return redirect("basket:page")


@never_cache
@require_POST
def empty(request):
    Basket(request.session).clear()
    messages.success(request, "Your basket is empty.")
    return redirect("basket:page")


def is_example_store(url: str) -> bool:
    """The demo's store: a host under the reserved `.example` domain, which never resolves."""
    host = urlsplit(url).hostname or ""
    return host == "example" or host.endswith(".example")


@method_decorator(never_cache, name="dispatch")
class CheckoutView(View):
    """`POST /basket/checkout/` checks there is something to order and redirects to the
    hand-off page (`GET`): what leaves the site, and the link to the store's checkout."""

    def post(self, request):
        if not price(Basket(request.session)).orderable:
            messages.error(request, "Nothing in your basket can be ordered just now.")
            return redirect("basket:page")
        return redirect("basket:checkout")

    def get(self, request):
        priced = price(Basket(request.session))
        if not priced.orderable:
            return redirect("basket:page")
        lines = [
            HandoffLine(line.product.checkout_ref, line.quantity, line.product.name)
            for line in priced.orderable
        ]
        adapter = get_adapter()
        pages = StorePage.objects.filter(slug=StorePage.DELIVERY)
        context = {
            "basket": priced,
            "handoff": adapter.handoff(lines),
            "adapter": adapter,
            "delivery": pages.first(),
            "example_store": is_example_store(settings.CHECKOUT_BASE_URL),
        }
        return TemplateResponse(request, "basket/checkout.html", context)
