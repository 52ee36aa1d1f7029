"""The play-safely tools at /tools/: pages that work entirely in the visitor's browser.

Every page here is only a blank tool: the answers are made and kept in the page by the tool's
script (static/tools/), never posted, put in a URL or a cookie, so nothing reaches the server
or its logs. The pages take no parameters and are answered `Cache-Control: no-store` (a shared
or browser cache has no business keeping even the blank tool of an adult site). The age gate
covers them as it covers every page (shop.middleware).
"""

import json
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from catalog.attributes import INTENSITY_LABELS, CategoryKind, LubricantBase
from catalog.beginner_rules import BEGINNER_MAX_INTENSITY
from catalog.models import Category
from tools import activities, lube


@method_decorator(never_cache, name="dispatch")
class ToolView(TemplateView):
    http_method_names = ["get", "head", "options"]


class IndexView(ToolView):
    template_name = "tools/index.html"


class NegotiationView(ToolView):
    template_name = "tools/negotiation.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            groups=activities.GROUPS,
            never=activities.NEVER,
            traffic_lights=activities.TRAFFIC_LIGHTS,
            check_in_minutes=activities.CHECK_IN_MINUTES,
            aftercare_wishes=activities.AFTERCARE_WISHES,
            people=("a", "b"),
            intensity_scale=range(1, 11),
            **kwargs,
        )


class TogetherView(ToolView):
    template_name = "tools/together.html"

    def get_context_data(self, **kwargs):
        categories = Category.objects.only("slug", "kind").order_by("position", "name")
        slugs = activities.category_slugs_by_activity(categories)
        rows = [
            (group, [(a, " ".join(slugs.get(a.slug, []))) for a in group.activities])
            for group in activities.GROUPS
        ]
        return super().get_context_data(
            groups=rows,
            intensities=list(INTENSITY_LABELS.items()),
            beginner_max_intensity=BEGINNER_MAX_INTENSITY,
            impact_slugs=" ".join(c.slug for c in categories if c.kind == CategoryKind.IMPACT),
            **kwargs,
        )


class RingTimerView(ToolView):
    template_name = "tools/ring_timer.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            check_in_minutes=activities.CHECK_IN_MINUTES,
            traffic_lights=activities.TRAFFIC_LIGHTS,
            **kwargs,
        )


def rules_attribute(option: lube.Option) -> str:
    return json.dumps([list(rule) for rule in option.rules])


class LubeCheckerView(ToolView):
    template_name = "tools/lube_checker.html"

    def get_context_data(self, **kwargs):
        lube_categories = list(
            Category.objects.filter(kind=CategoryKind.LUBRICANTS)
            .order_by("position", "name")
            .values_list("slug", flat=True)
        )
        # A fixed address: every in-stock lube, whatever the visitor answers. The script
        # filters them in the page, so the request carries no answer.
        catalog_url = ""
        if lube_categories:
            query = urlencode([("category", slug) for slug in lube_categories] + [("in_stock", 1)])
            catalog_url = f"{reverse('catalog:list')}?{query}"

        def with_rules(options):
            return [(option, rules_attribute(option)) for option in options]

        return super().get_context_data(
            materials=with_rules(lube.MATERIALS),
            condoms=with_rules(lube.CONDOMS),
            uses=with_rules(lube.USES),
            sensitive=(lube.SENSITIVE, rules_attribute(lube.SENSITIVE)),
            bases=[(value, LubricantBase(value).label) for value in lube.BASES],
            always=lube.ALWAYS,
            chart=lube.chart(),
            catalog_url=catalog_url,
            **kwargs,
        )
