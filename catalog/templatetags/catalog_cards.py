"""`{{ product|card }}`: a product's card values (catalog.cards), for `catalog/_card.html`;
`{% add_to_basket card %}`: the card's "Add to basket" form (`basket/_add_form.html`)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from catalog.cards import Card, Cards

register = template.Library()

ADD_FORM = "basket/_add_form.html"
# Stand for a product's slug and name in the form rendered once (a NUL never comes from
# content, and escaping leaves it as it is).
SLUG_MARK = "\x00card-slug\x00"
NAME_MARK = "\x00card-name\x00"


class MarkedProduct:
    """What the add form reads of a product, as marks to fill in per card."""

    slug = SLUG_MARK
    name = NAME_MARK

    def __init__(self, in_stock: bool):
        self.in_stock = in_stock


@register.filter
def card(product) -> Card:
    return Cards().card(product)


@register.simple_tag(takes_context=True)
def add_to_basket(context, card: Card) -> SafeString:
    """What `{% include "basket/_add_form.html" with product=card.product %}` gives, with the
    form rendered once per page render (and per `next`) and the card's slug and name filled in:
    the same HTML, token and all, at a fraction of an include's cost per card."""
    product = card.product
    in_stock = bool(product.in_stock)
    # Kept for the whole page's render: each include has a render context of its own, above
    # the page's (the first), which lives as long as this render and no longer.
    shapes = context.render_context.dicts[0]
    key = (ADD_FORM, in_stock, context.get("next"))
    shape = shapes.get(key)
    if shape is None:
        form = context.template.engine.get_template(ADD_FORM)
        with context.push(product=MarkedProduct(in_stock)):
            shape = shapes[key] = str(form.render(context))
    html = shape.replace(SLUG_MARK, conditional_escape(product.slug))
    return mark_safe(html.replace(NAME_MARK, conditional_escape(product.name)))
