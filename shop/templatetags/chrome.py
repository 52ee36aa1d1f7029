"""`{% constant %}...{% endconstant %}`: a stretch of the layout that is the same on every page
for every visitor (links made by `{% url %}`, `{% static %}`, the site's name), rendered once
per process and then reused.

What it renders depends only on the code and the settings (the URLconf, the static files'
manifest, `SITE_NAME`) and on the script prefix the site is served under, which is part of the
key: every worker renders the same text, so keeping it in a process's memory changes nothing
any visitor sees. Nothing from the request reaches it: the stretch is rendered in a context of
its own that holds only `site_name`, so a per-visitor value put inside by mistake renders
empty (and the layout's tests notice) instead of being shown to someone else. A changed
setting (tests' `override_settings`) forgets everything kept; with the template engine in
debug mode (templates read afresh as they are edited), or in a template made from a string
(no file names it), nothing is kept.
"""

import threading

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template.base import UNKNOWN_SOURCE
from django.urls import get_script_prefix

register = template.Library()

_kept: dict[tuple[str, int, str], str] = {}
_lock = threading.Lock()


def forget(**kwargs) -> None:
    with _lock:
        _kept.clear()


setting_changed.connect(forget, dispatch_uid="shop.templatetags.chrome.forget")


class ConstantNode(template.Node):
    def __init__(self, nodelist, where: tuple[str, int]):
        self.nodelist, self.where = nodelist, where  # (template's file, n-th stretch in it)

    def render(self, context):
        keep = self.where[0] != UNKNOWN_SOURCE and not context.template.engine.debug
        key = (*self.where, get_script_prefix())
        found = _kept.get(key) if keep else None
        if found is None:
            own = template.Context({"site_name": settings.SITE_NAME}, autoescape=context.autoescape)
            own.template = context.template
            found = self.nodelist.render(own)
            if keep:
                with _lock:
                    _kept[key] = found
        return found


@register.tag
def constant(parser, token):
    nodelist = parser.parse(("endconstant",))
    parser.delete_first_token()
    number = parser.extra_data.get("chrome.constant", 0)
    parser.extra_data["chrome.constant"] = number + 1
    return ConstantNode(nodelist, (str(parser.origin.name), number))
