from django import template

from guides import selectors

register = template.Library()


@register.inclusion_tag("guides/_home_guides.html")
def home_guides(limit: int = 3):
    """The published guides, for the home page's guides block. One query."""
    return {"guides": list(selectors.published_guides()[:limit])}
