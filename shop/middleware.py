"""The age-gate middleware: nothing but the allowlist reaches a visitor without a pass.

Gating is the default. A URL is let through without a pass only when its name is in
`settings.AGE_GATE_EXEMPT_URL_NAMES` or its path starts with one of
`settings.AGE_GATE_EXEMPT_PATH_PREFIXES`; every page an app adds later is gated without anyone
having to remember it. Unknown addresses are gated too, so even a 404 needs a pass.

Without a pass, a GET or HEAD is redirected to the gate with `next` set; a POST (any method
that is not GET or HEAD) or a request for JSON gets a short 403 and no content. Every gated
response, with or without a pass, carries `Vary: Cookie` and `Cache-Control: private`, so no
shared cache can hand one visitor's page to another who has not passed.
"""

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers

from core import age_gate

JSON_MESSAGE = "Confirm your age first: this site is for adults only."


def resolve_view(request):
    """The ResolverMatch for this request, or None for an address with no page."""
    urlconf = getattr(request, "urlconf", None)
    path = request.path_info
    try:
        return resolve(path, urlconf)
    except Resolver404:
        pass
    if settings.APPEND_SLASH and not path.endswith("/"):
        # CommonMiddleware will redirect /privacy to /privacy/: judge it as the page it becomes.
        try:
            return resolve(path + "/", urlconf)
        except Resolver404:
            pass
    return None


def is_exempt(request, match) -> bool:
    if any(request.path_info.startswith(p) for p in settings.AGE_GATE_EXEMPT_PATH_PREFIXES):
        return True
    return match is not None and match.view_name in settings.AGE_GATE_EXEMPT_URL_NAMES


def is_json_endpoint(match) -> bool:
    if match is None:
        return False
    view = match.func
    view_class = getattr(view, "view_class", None)
    return bool(
        getattr(view, "age_gate_json", False) or getattr(view_class, "age_gate_json", False)
    )


def media_type_is_json(value: str) -> bool:
    media_type = value.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def wants_json(request, match) -> bool:
    """Does the request ask for JSON (Accept header or a JSON body) or go to a JSON API?"""
    accepts = request.headers.get("Accept", "").split(",")
    return (
        any(media_type_is_json(item) for item in accepts)
        or media_type_is_json(request.content_type or "")
        or is_json_endpoint(match)
    )


def gate_url(request) -> str:
    query = QueryDict(mutable=True)
    query["next"] = request.get_full_path()
    return f"{reverse('age_gate')}?{query.urlencode(safe='/')}"


def refuse(request, match):
    """The answer to a visitor without a pass: a redirect to the gate, or a 403."""
    if wants_json(request, match):
        return JsonResponse(
            {"errors": {"age_gate": [JSON_MESSAGE]}, "age_check_url": reverse("age_gate")},
            status=403,
        )
    if request.method not in ("GET", "HEAD"):
        response = TemplateResponse(
            request,
            "shop/age_gate_required.html",
            {"gate_url": gate_url(request)},
            status=403,
        )
        return response.render()
    return redirect(gate_url(request))


class AgeGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = resolve_view(request)
        if is_exempt(request, match):
            return self.get_response(request)
        if age_gate.has_pass(request):
            response = self.get_response(request)
        else:
            response = refuse(request, match)
        patch_vary_headers(response, ["Cookie"])
        # Adds `private` and drops any `public`; a stricter `no-store` a view set is kept.
        patch_cache_control(response, private=True)
        return response
