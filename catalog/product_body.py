"""The product page's body (`catalog/_product_body.html`), made for keeping
(`catalog.render_cache`): rendered with a plain template context, without the request (no
context processors: the body shows nothing of the visitor), its forms put in as HTML.

The body shows three "Add to basket" forms or so (the product's own and its related cards'),
all of one shape (`basket/_add_form.html`): the shape is rendered once per process for a
product in stock and once for one out of stock, with marks where the product's slug and name
and the page's path go (the form comes back to the page it was posted from), and each form is
that shape with them filled in. The shape depends on the code and the script prefix alone
(the visitor's token is the placeholder `with_token` fills in per visitor), so keeping it in
a process's memory needs no version check.

What a view adds below the product's details (`product_extra`, the guides' "featured in") is
HTML too: the body extends nothing, which would cost a walk of its whole template per render.
"""

from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from django.template import Context
from django.template.loader import get_template
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from catalog.cards import KeptCard
from catalog.drawings import Drawing, drawing_url
from catalog.models import Product, Severity
from catalog.render_cache import TOKEN_PLACEHOLDER

BODY = "catalog/_product_body.html"
ADD_FORM = "basket/_add_form.html"
# Stand for a product's slug and name and the page's path in a form's shape (a NUL never
# comes from content, and escaping leaves it as it is).
SLUG_MARK = "\x00body-slug\x00"
NAME_MARK = "\x00body-name\x00"
PATH_MARK = "\x00body-path\x00"


class MarkedProduct:
    """What the add form reads of a product, as marks."""

    slug = SLUG_MARK
    name = NAME_MARK

    def __init__(self, in_stock: bool):
        self.in_stock = in_stock


def form_shape(in_stock: bool) -> str:
    """`basket/_add_form.html` for a product in stock or not, with the marks."""
    return form_shape_under(in_stock, get_script_prefix())


@cache
def form_shape_under(in_stock: bool, script_prefix: str) -> str:
    """The same under this script prefix (the site's path, which its URLs start with: the
    WSGI handler sets it per request)."""
    # No `next`: the form comes back to the page, `request.path`.
    context = {"product": MarkedProduct(in_stock), "request": SimpleNamespace(path=PATH_MARK)}
    return render_plain(ADD_FORM, context)


def add_form(slug: str, name: str, in_stock: bool, path: str) -> str:
    """What `{% include "basket/_add_form.html" %}` gives for this product on the page at
    `path` (its `next`), with the token's placeholder."""
    html = form_shape(bool(in_stock)).replace(SLUG_MARK, conditional_escape(slug))
    return html.replace(NAME_MARK, conditional_escape(name)).replace(
        PATH_MARK, conditional_escape(path)
    )


def related_html(related: list[KeptCard], path: str) -> SafeString:
    """The related products' list items, their forms filled in."""
    items = (
        f"<li>{kept.before}{add_form(kept.slug, kept.name, kept.in_stock, path)}{kept.after}</li>"
        for kept in related
    )
    return mark_safe("".join(items))  # kept cards and forms: rendered by templates


@dataclass(frozen=True)
class Urls:
    """The site's URLs every body links to (they depend on the script prefix alone)."""

    catalog: str
    size_guide: str


def urls() -> Urls:
    return urls_under(get_script_prefix())


@cache
def urls_under(script_prefix: str) -> Urls:
    return Urls(catalog=reverse("catalog:list"), size_guide=reverse("catalog:size_guide"))


@dataclass(frozen=True)
class DrawingValues:
    """What the body shows of a product's line drawing (when it has no photo)."""

    name: str
    url: str
    label: str


def drawing(product: Product) -> DrawingValues:
    return drawing_under(product.drawing_name, get_script_prefix())


@cache
def drawing_under(name: str, script_prefix: str) -> DrawingValues:
    """A drawing's static file URL (the same for the whole release) and label, worked out once
    per process: `static()` costs more than the rest of the picture."""
    return DrawingValues(name, drawing_url(name), Drawing(name).label.lower())


def notes(product: Product) -> list[tuple[str, str, str]]:
    """The notes the product shows, most severe first: (severity, its label, text)."""
    labels = dict(Severity.choices)  # as `note.get_severity_display()` says them
    return [
        (n.severity, labels.get(n.severity, n.severity), n.text) for n in product.all_safety_notes
    ]


def render_plain(template_name: str, context: dict) -> str:
    """The template rendered with a plain context (no request, no context processors), forms'
    tokens as the placeholder."""
    template = get_template(template_name).template
    return template.render(Context({**context, "csrf_token": TOKEN_PLACEHOLDER}))


def body(
    product: Product,
    *,
    category_url: str,
    related: list[KeptCard],
    path: str,
    extra: str = "",
    **context,
) -> str:
    """The body's HTML for the product on the page at `path`: `category_url` its category's
    URL, `related` its related products' kept cards, `extra` HTML shown below its details,
    `context` the rest the template reads (`assurances`, `draft`)."""
    form = add_form(product.slug, product.name, product.in_stock, path)
    return render_plain(
        BODY,
        {
            **context,
            "product": product,
            "urls": urls(),
            "category_url": category_url,
            "notes": notes(product),
            "drawing": drawing(product),
            "add_form": mark_safe(form),  # rendered by its template
            "related": related_html(related, path),
            "product_extra": mark_safe(extra),  # rendered by the view's template
        },
    )
