"""`{% search_form %}`, `{% sort_form %}` and `{% safety_notes notes %}`: what the includes of
`catalog/_search.html`, `catalog/_sort.html` and (per note) `catalog/_safety_note.html` write,
written by `catalog.listing_html` (the templates are their oracles)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from catalog import listing_html

register = template.Library()


@register.simple_tag(takes_context=True)
def search_form(context) -> SafeString:
    return mark_safe(listing_html.search_form(context))


@register.simple_tag(takes_context=True)
def sort_form(context) -> SafeString:
    return mark_safe(listing_html.sort_form(context))


@register.simple_tag
def safety_notes(notes) -> SafeString:
    return mark_safe(listing_html.safety_notes(notes))
