"""A form body that cannot be parsed is a quiet 400, not a traceback in the log.

Django's CSRF check reads `request.POST` before the view. When the body claims to be
multipart but is not (no boundary, a broken one), Django answers 400 but logs the parser's
traceback. This middleware, placed just before the CSRF middleware, reads the form body first
for the views the CSRF check would read it for (not `csrf_exempt` ones, which read their own
bodies, such as the finder's JSON API) and answers the same 400 with one plain log line.
"""

import logging

from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

logger = logging.getLogger("shop.request")
MESSAGE = "The request body could not be read: send a form or a JSON object."


class RequestBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        if request.method != "POST" or getattr(view, "csrf_exempt", False):
            return None
        try:
            request.POST  # noqa: B018 (parsing is the point)
        except MultiPartParserError:
            logger.warning("Unreadable request body: %s", request.path)
            accepts = request.get_preferred_type(["text/html", "application/json"])
            if accepts == "application/json":
                return JsonResponse({"errors": {"body": [MESSAGE]}}, status=400)
            return render(request, "400.html", status=400)
        return None
