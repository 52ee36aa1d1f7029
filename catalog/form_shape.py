"""The "Add to basket" form's shape (`basket/_add_form.html`), rendered once per process: a
page shows many such forms (a listing's cards, the product page's own and its related
cards'), all the same HTML but for the product's slug and name, the page's CSRF field and
`next` (where the form comes back to). The shape has marks where those go; each form is the
shape with them filled in, at a fraction of an include's cost.

Owned here for every writer of forms: the catalog's template tags (`catalog_cards`, which fill
in the page's token and `next`) and the product page's kept body (`catalog.product_body`,
which fills in the token's placeholder and the page's path). The shape depends on the code,
the template and the script prefix alone, so keeping it in a process's memory needs no
version check.
"""

from django.template import Context
from django.urls import get_script_prefix

ADD_FORM = "basket/_add_form.html"
# Stand for a product's slug and name, the form's `next` and CSRF token in the shape (a NUL
# never comes from content, and escaping leaves it as it is).
SLUG_MARK = "\x00card-slug\x00"
NAME_MARK = "\x00card-name\x00"
NEXT_MARK = "\x00card-next\x00"
TOKEN_MARK = "\x00card-token\x00"
# The CSRF field as `{% csrf_token %}` writes it with the mark for its token.
MARKED_TOKEN_FIELD = f'<input type="hidden" name="csrfmiddlewaretoken" value="{TOKEN_MARK}">'
shapes: dict = {}  # (in stock, script prefix) -> (the form's template, its shape)


class MarkedProduct:
    """What the add form reads of a product, as marks to fill in per form."""

    slug = SLUG_MARK
    name = NAME_MARK

    def __init__(self, in_stock: bool):
        self.in_stock = in_stock


class MarkedRequest:
    """What the add form reads of the request (its address, when `next` is not given)."""

    path = NEXT_MARK


def form_shape(form, in_stock: bool) -> str:
    """The add form (`form`: the engine's `basket/_add_form.html`) of a product in (or out of)
    stock, with marks for its slug, name, `next` and CSRF token: rendered once per process
    (per template and script prefix, the site's path its URLs start with: the WSGI handler
    sets it per request)."""
    key = (bool(in_stock), get_script_prefix())
    kept = shapes.get(key)
    if kept is None or kept[0] is not form:  # a template loaded afresh (no cached loader)
        marks = {"product": MarkedProduct(bool(in_stock)), "next": NEXT_MARK}
        marks.update(request=MarkedRequest, csrf_token=TOKEN_MARK)
        shape = form.render(Context(marks))
        kept = shapes[key] = (form, str(shape))
    return kept[1]
