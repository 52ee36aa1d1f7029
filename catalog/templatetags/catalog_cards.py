"""`{{ product|card }}`: a product's card values (catalog.cards), for `catalog/_card.html`;
`{% add_to_basket card %}`: the card's "Add to basket" form (`basket/_add_form.html`);
`{% kept_card kept %}`: a card kept as HTML (catalog.cards.page_cards), its form filled in;
`{% kept_cards cards %}`: a page's kept cards, each in its `<li>`;
`{% add_form_for product %}`: what `{% include "basket/_add_form.html" %}` gives for it, from
the same form's shape rendered once per process (catalog.form_shape), filled in per form."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from catalog.cards import Card, Cards, KeptCard
from catalog.form_shape import ADD_FORM, MARKED_TOKEN_FIELD, NAME_MARK, NEXT_MARK, SLUG_MARK
from catalog.form_shape import form_shape as shape_of
from catalog.html_values import escaped

register = template.Library()

# The form's own parts that differ from page to page, as the form writes them.
TOKEN_FIELD = "{% csrf_token %}"
NEXT_FIELD = "{{ next|default:request.path }}"
fields: dict = {}  # TOKEN_FIELD, NEXT_FIELD -> (the engine, the compiled template)


@register.filter
def card(product) -> Card:
    return Cards().card(product)


def form_shape(context, in_stock: bool) -> str:
    """The add form's shape (catalog.form_shape) from the engine rendering this page."""
    return shape_of(context.template.engine.get_template(ADD_FORM), in_stock)


def compiled(engine, source: str):
    """`source` compiled by `engine`, once per process."""
    kept = fields.get(source)
    if kept is None or kept[0] is not engine:
        kept = fields[source] = (engine, engine.from_string(source))
    return kept[1]


def form_fill(context) -> tuple[str, str]:
    """What the form's shape leaves out for this page render: the CSRF field and `next`, as
    the form's `{% csrf_token %}` and `{{ next|default:request.path }}` write them (rendered
    by the template engine once per render and `next`)."""
    # Kept for the whole page's render: each include has a render context of its own, above
    # the page's (the first), which lives as long as this render and no longer.
    kept = context.render_context.dicts[0]
    key = (ADD_FORM, "fill", context.get("next"))
    fill = kept.get(key)
    if fill is None:
        engine = context.template.engine
        token, next_ = compiled(engine, TOKEN_FIELD), compiled(engine, NEXT_FIELD)
        fill = kept[key] = (token.render(context), next_.render(context))
    return fill


def add_form(context, slug: str, name: str, in_stock: bool) -> str:
    """What `{% include "basket/_add_form.html" %}` gives for a product with this slug, name
    and stock, from the form's shape (made once per process) with the page's token and
    address and the product's slug and name filled in: the same HTML, at a fraction of an
    include's cost."""
    return add_forms(context)(slug, name, in_stock)


def add_forms(context):
    """`add_form` for many products of one render: the shapes and the fill read once (the
    token only when a form shows, as the include asked for it)."""
    out_of_stock = form_shape(context, False)
    filled = []

    def form(slug: str, name: str, in_stock: bool) -> str:
        if not in_stock:
            return out_of_stock  # no form: nothing to fill in
        if not filled:
            token, next_ = form_fill(context)
            shape = form_shape(context, True)
            filled.append(shape.replace(MARKED_TOKEN_FIELD, token).replace(NEXT_MARK, next_))
        html = filled[0].replace(SLUG_MARK, escaped(slug))
        return html.replace(NAME_MARK, escaped(name))

    return form


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


@register.simple_tag(takes_context=True)
def kept_cards(context, cards: list[KeptCard]) -> SafeString:
    """What `{% for card in cards %}<li>{% kept_card card %}</li>{% endfor %}` writes."""
    form = add_forms(context)
    written = [
        f"<li>{kept.before}{form(kept.slug, kept.name, kept.in_stock)}{kept.after}</li>"
        for kept in cards
    ]
    return mark_safe("".join(written))
