"""`{{ product|card }}`: a product's card values (catalog.cards), for `catalog/_card.html`;
`{% add_to_basket card %}`: the card's "Add to basket" form (`basket/_add_form.html`);
`{% kept_card kept %}`: a card kept as HTML (catalog.cards.page_cards), its form filled in;
`{% add_form_for product %}`: what `{% include "basket/_add_form.html" %}` gives for it, from
the same form rendered once per page render (the product page's own form and its cards')."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from catalog.cards import Card, Cards, KeptCard

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


def add_form(context, slug: str, name: str, in_stock: bool) -> str:
    """What `{% include "basket/_add_form.html" %}` gives for a product with this slug, name
    and stock, with the form rendered once per page render (and per `next`) and the slug and
    name filled in: the same HTML, token and all, at a fraction of an include's cost."""
    # Kept for the whole page's render: each include has a render context of its own, above
    # the page's (the first), which lives as long as this render and no longer.
    shapes = context.render_context.dicts[0]
    key = (ADD_FORM, bool(in_stock), context.get("next"))
    shape = shapes.get(key)
    if shape is None:
        form = context.template.engine.get_template(ADD_FORM)
        with context.push(product=MarkedProduct(bool(in_stock))):
            shape = shapes[key] = str(form.render(context))
    html = shape.replace(SLUG_MARK, conditional_escape(slug))
    return html.replace(NAME_MARK, conditional_escape(name))


@register.simple_tag(takes_context=True)
def add_to_basket(context, card: Card) -> SafeString:
    """The card's form; when the card is made for keeping (`card_form_mark`), the mark that
    stands for it."""
    mark = context.get("card_form_mark")
    if mark:
        return mark_safe(mark)
    product = card.product
    return mark_safe(add_form(context, product.slug, product.name, product.in_stock))


@register.simple_tag(takes_context=True)
def add_form_for(context, product) -> SafeString:
    return mark_safe(add_form(context, product.slug, product.name, product.in_stock))


@register.simple_tag(takes_context=True)
def kept_card(context, kept: KeptCard) -> SafeString:
    form = add_form(context, kept.slug, kept.name, kept.in_stock)
    return mark_safe(f"{kept.before}{form}{kept.after}")
