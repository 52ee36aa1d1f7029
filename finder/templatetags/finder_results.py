"""Presentation helpers for the finder's results page (no logic of the finder itself).

Notes read lightly: a category section shows the notes that every one of its picks carries
from the category once, under its heading, and each card keeps only the notes that are its own
(its product's notes, and any category note that applies to it but not to all of them).
"""

from django import template

register = template.Library()


def shared_notes(products) -> list:
    """The category notes that apply to every product given (most severe first), or []."""
    products = list(products)
    if not products:
        return []
    common = None
    for product in products:
        category_ids = {note.pk for note in product.category.safety_notes.all()}
        applying = {note.pk for note in product.all_safety_notes if note.pk in category_ids}
        common = applying if common is None else common & applying
    first = products[0].all_safety_notes  # already most severe first
    return [note for note in first if note.pk in common]


@register.simple_tag
def section_notes(picks):
    """{% section_notes result.picks as shared %}: the notes shown once for a section."""
    return shared_notes(pick.product for pick in picks)


@register.filter
def notes_besides(product, shared):
    """The product's notes less those already shown for its section."""
    shown = {note.pk for note in shared or ()}
    return [note for note in product.all_safety_notes if note.pk not in shown]
