from django import template
from django.urls import reverse

from guides import selectors
from guides.models import HELP_GUIDE_SLUG

register = template.Library()


@register.inclusion_tag("guides/_home_guides.html")
def home_guides(limit: int = 3):
    """The published guides, for the home page's guides block. One query."""
    return {"guides": list(selectors.published_guides()[:limit])}


@register.simple_tag
def help_url() -> str:
    """The resources and help page (the guide at HELP_GUIDE_SLUG). No query."""
    return reverse("guides:detail", kwargs={"slug": HELP_GUIDE_SLUG})
