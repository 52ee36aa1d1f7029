"""The product page's body (`catalog/_product_body.html`), made for keeping
(`catalog.render_cache`): without the request (the body shows nothing of the visitor), its
forms put in as HTML, written by `catalog.product_html` (the template is its definition and
the tests' oracle: written in Python, the body costs a fraction of the template's render).

The body shows three "Add to basket" forms or so (the product's own and its related cards'),
all of one shape (`basket/_add_form.html`, rendered once per process: `catalog.form_shape`),
each that shape with the product's slug and name, the page's path (the form comes back to
the page it was posted from) and the token's placeholder (`with_token` fills in the visitor's
token) filled in.

What a view adds below the product's details (`product_extra`, the guides' "featured in") is
HTML too: the body extends nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.template import Context
from django.template.loader import get_template
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

from catalog.cards import KeptCard
from catalog.drawings import Drawing, drawing_url
from catalog.form_shape import ADD_FORM, NAME_MARK, NEXT_MARK, SLUG_MARK, TOKEN_MARK, form_shape
from catalog.html_values import escaped
from catalog.models import Product, SafetyNote, Severity
from catalog.product_html import body_html
from catalog.product_read import Relations
from catalog.render_cache import TOKEN_PLACEHOLDER

BODY = "catalog/_product_body.html"


def add_forms(path: str) -> Callable[[str, str, bool], str]:
    """What `{% include "basket/_add_form.html" %}` gives, without the request, for products
    (slug, name, in stock) on the page at `path` (its `next`), the token as its placeholder."""
    shapes = body_shapes(get_script_prefix())
    filled = {in_stock: shape.replace(NEXT_MARK, escaped(path)) for in_stock, shape in shapes}

    def add_form(slug: str, name: str, in_stock: bool) -> str:
        html = filled[bool(in_stock)].replace(SLUG_MARK, escaped(slug))
        return html.replace(NAME_MARK, escaped(name))

    return add_form


@cache
def body_shapes(script_prefix: str) -> tuple[tuple[bool, str], ...]:
    """The form's shapes (in stock and not: `catalog.form_shape`) with the token's placeholder,
    under this script prefix: looked up once per process, as the body's template is."""
    form = get_template(ADD_FORM).template
    placeholder = escaped(TOKEN_PLACEHOLDER)
    return tuple(
        (in_stock, form_shape(form, in_stock).replace(TOKEN_MARK, placeholder))
        for in_stock in (True, False)
    )


def related_html(related: list[KeptCard], form: Callable[[str, str, bool], str]) -> SafeString:
    """The related products' list items, their forms (`form`: `add_forms`) filled in."""
    items = (
        f"<li>{kept.before}{form(kept.slug, kept.name, kept.in_stock)}{kept.after}</li>"
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


# Each severity's label, as `note.get_severity_display()` says it: read once (the choices are
# built afresh at each read of `Severity.choices`); a translated label stays lazy here and is
# said in the active language where the body writes it.
SEVERITY_LABELS = dict(Severity.choices)


def notes(product: Product, applying=None) -> list[tuple[str, str, str]]:
    """The notes the product shows (`applying`, default `product.all_safety_notes`), most
    severe first: (severity, its label, text)."""
    if applying is None:
        applying = product.all_safety_notes
    return [(n.severity, SEVERITY_LABELS.get(n.severity, n.severity), n.text) for n in applying]


def render_plain(template_name: str, context: dict) -> str:
    """The template rendered with a plain context (no request, no context processors), forms'
    tokens as the placeholder."""
    template = get_template(template_name).template
    return template.render(Context({**context, "csrf_token": TOKEN_PLACEHOLDER}))


def context_of(
    product: Product,
    *,
    category_url: str,
    related: list[KeptCard],
    path: str,
    extra: str = "",
    relations: Relations | None = None,
    category_notes: list[SafetyNote] | None = None,
    **context,
) -> dict:
    """What the body's template reads for the product on the page at `path` (see `body`).
    `relations` and `category_notes`: the product's photos, materials and notes and its
    category's notes as lists, when the caller has them (else from the related managers)."""
    form = add_forms(path)
    if relations is None:
        relations = Relations.of(product)
    if category_notes is None:
        category_notes = list(product.category.safety_notes.all())
    return {
        **context,
        "product": product,
        "photos": relations.photos,
        "materials": relations.materials,
        "urls": urls(),
        "category_url": category_url,
        "notes": notes(product, product.notes_shown(category_notes, relations.own_notes)),
        "drawing": drawing(product),
        "add_form": mark_safe(form(product.slug, product.name, product.in_stock)),  # a shape's
        "related": related_html(related, form),
        "product_extra": mark_safe(extra),  # rendered by the view's template
    }


def body(product: Product, **values) -> str:
    """The body's HTML for the product on the page at `path`: `category_url` its category's
    URL, `related` its related products' kept cards, `extra` HTML shown below its details,
    `relations` and `category_notes` (see `context_of`), and the rest the template reads
    (`assurances`, `draft`). Written by `catalog.product_html`
    as `_product_body.html` renders it (`render_plain(BODY, context_of(...))`)."""
    return body_html(**context_of(product, **values))
