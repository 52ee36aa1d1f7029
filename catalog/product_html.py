"""The product page's kept body written in Python: what `templates/catalog/_product_body.html`
renders for the values `catalog.product_body` gives it, character for character.

A first visit to a product renders the body, and the template's lookups, `{% if %}`s, loops
and filters cost more than what it shows (~0.7 ms a body). The template stays the body's
definition and this module's oracle: tests/catalog/test_product_html.py renders both for many
products (photos none, one and several, an older image, drawings, notes of each severity and
none, stock, publication, drafts, materials, sizes, related cards, names that need escaping)
and compares them. Every value is written as `{{ }}` writes it: localized (numbers) and
escaped (`catalog.html_values.shown`); filters are Django's own functions (`date`,
`linebreaksbr`), so their output is theirs.
"""

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.timezone import template_localtime

from catalog.html_values import photo_img, shown

BREADCRUMBS = (
    '<nav class="breadcrumbs" aria-label="Breadcrumb">\n'
    '  <ol><li><a href="{catalog}">Catalog</a></li><li><a href="{category_url}">{category}</a>'
    '</li><li aria-current="page">{name}</li></ol>\n'
    "</nav>\n"
    '<article class="product">\n  '
)
UNPUBLISHED = '<p class="message message--warning">Not published: only staff can see this page.</p>'
DRAFT = (
    '<p class="message message--warning" role="status"><strong>Draft preview — customers see '
    "the published version.</strong> Description draft saved{by} on {saved_at}{publish_at}. "
    '<a href="{admin_url}">Back to the product\'s admin page</a></p>'
)
DRAFT_DATE = r"j F Y \a\t H:i"
PHOTO = (
    '<img class="product__photo" src="{src}" srcset="{srcset}" '
    'sizes="(max-width: 35.99rem) 100vw, 30rem" alt="{alt}"{size} decoding="async">\n'
)
THUMB = (
    '<li><img class="product__thumb" src="{src}" srcset="{srcset}" '
    'sizes="(max-width: 35.99rem) 45vw, 9rem" alt="{alt}"{size} loading="lazy" '
    'decoding="async">\n</li>'
)
IMAGE = '<img class="product__photo" src="{src}" alt="{alt}" width="240" height="180">\n'
DRAWING = (
    '<img class="product__photo picture--drawing" src="{src}" alt="Drawing: {label}" '
    'width="240" height="180" data-drawing="{name}">\n'
)
SUMMARY = (
    '\n  </div>\n  <div class="product__summary">\n'
    "    <h1>{name}</h1>\n"
    '    <p class="product__brand">by {brand}</p>\n'
    '    <p class="product__price"><span class="price">£{price}</span>\n'
    "      {stock}</p>\n"
    '    <p>Suits: <span class="badges">{badges}</span>\n</p>\n'
    "    {add_form}\n\n"
    '    <section class="safety-notes" aria-labelledby="safety-heading">\n'
    '      <h2 id="safety-heading">Safety notes</h2>\n'
    "      \n"
    "      {notes}\n"
    "      \n"
    "    </section>\n"
    "  </div>\n"
)
IN_STOCK = '<span class="stock stock--in">In stock</span>'
OUT_OF_STOCK = '<span class="stock stock--out">Out of stock</span>'
BADGE = '<span class="badge badge--{level}">{label}</span>'
NOTE = (
    '<li class="safety-note safety-note--{severity}"><span class="safety-note__severity">'
    "{label}:</span> {text}</li>\n"
)
NO_NOTES = "<p>No safety notes yet. Ask us before you buy.</p>"
DETAILS = (
    '  <div class="product__details">\n'
    "    <h2>About it</h2>\n"
    "    <p>{description}</p>\n"
    '    <dl class="facts">\n'
    '      <dt>Category</dt><dd><a href="{category_url}">{category}</a></dd>\n'
    "      {attributes}\n"
    "      <dt>Materials</dt><dd>{materials}</dd>\n"
    "      <dt>SKU</dt><dd>{sku}</dd>\n"
    "    </dl>\n"
    "    {sizes}\n"
    "    {care}\n"
    "    {assurances}\n"
    "    {extra}\n"
    "  </div>\n"
    "</article>\n"
)
ROW = "<dt>{label}</dt><dd>{value}</dd>"
SIZES = (
    "\n    <h2>Size</h2>\n"
    '    <dl class="facts">{rows}</dl>\n'
    '    <p><a href="{size_guide}">How to measure, and the size guide</a></p>\n    '
)
CARE = '\n    <h2>Care and cleaning</h2>\n    <dl class="facts care">{rows}</dl>\n    '
CARE_DEFAULT = "Clean it as the maker's leaflet says, and let it dry fully before you put it away."
RELATED = (
    '\n<section class="related" aria-labelledby="related-heading">\n'
    '  <h2 id="related-heading">More {category}</h2>\n'
    '  <ul class="grid product-grid">{related}</ul>\n'
    "</section>\n"
)


def draft_message(product, draft) -> str:
    """The staff's draft preview message: who saved the draft, when, and when it goes live."""
    by = f" by {shown(draft.saved_by.get_username())}" if draft.saved_by else ""
    publish_at = ""
    if draft.publish_at:
        publish_at = f"; goes live on {when(draft.publish_at)}"
    admin_url = reverse("admin:catalog_product_change", args=[product.pk])
    return DRAFT.format(
        by=by, saved_at=when(draft.saved_at), publish_at=publish_at, admin_url=shown(admin_url)
    )


def when(moment) -> str:
    """`{{ moment|date:"j F Y \\a\\t H:i" }}`: in the current time zone, as the template
    engine gives it to the filter."""
    return shown(date_filter(template_localtime(moment), DRAFT_DATE))


def media(product, photos, drawing) -> str:
    """The product's photos (the first large, the others as thumbnails), or its older image,
    or its kind's line drawing."""
    if photos:
        html = f"\n    {photo_img(PHOTO, photos[0])}\n    "
        if len(photos) > 1:
            thumbs = "".join(photo_img(THUMB, photo) for photo in photos[1:])
            html += f'<ul class="product__photos" aria-label="More photos">{thumbs}</ul>'
        return html + "\n    "
    if product.image:
        return IMAGE.format(src=shown(product.image.url), alt=shown(product.name))
    return DRAWING.format(
        src=shown(drawing.url), label=shown(drawing.label), name=shown(drawing.name)
    )


def notes_html(notes: list[tuple[str, str, str]]) -> str:
    if not notes:
        return NO_NOTES
    items = "".join(
        NOTE.format(severity=shown(severity), label=shown(label), text=shown(text))
        for severity, label, text in notes
    )
    return f"<ul>{items}</ul>\n      "


def rows(pairs) -> str:
    return "".join(ROW.format(label=shown(label), value=shown(value)) for label, value in pairs)


def materials_html(materials) -> str:
    named = [
        shown(material.name) + (" (contains latex)" if material.contains_latex else "")
        for material in materials
    ]
    return ", ".join(named) or "Not applicable"


def care_html(materials) -> str:
    if not materials:
        return ""
    care = "".join(
        ROW.format(
            label=shown(material.name),
            value=shown(material.care) if material.care else CARE_DEFAULT,
        )
        for material in materials
    )
    return CARE.format(rows=care)


def summary(product, *, notes, add_form) -> str:
    badges = "".join(
        BADGE.format(level=shown(level), label=shown(capfirst(level))) for level in product.levels
    )
    return SUMMARY.format(
        name=shown(product.name),
        brand=shown(product.brand),
        price=shown(product.price),
        stock=IN_STOCK if product.in_stock else OUT_OF_STOCK,
        badges=badges,
        add_form=shown(add_form),
        notes=notes_html(notes),
    )


def details(product, *, materials, category_url, category, urls, assurances, extra) -> str:
    sizes = product.size_rows
    sizes_html = SIZES.format(rows=rows(sizes), size_guide=shown(urls.size_guide)) if sizes else ""
    return DETAILS.format(
        description=linebreaksbr(product.description, autoescape=True),
        category_url=category_url,
        category=category,
        attributes=rows(product.attribute_rows),
        materials=materials_html(materials),
        sku=shown(product.sku),
        sizes=sizes_html,
        care=care_html(materials),
        assurances=shown(assurances),
        extra=shown(extra),
    )


def body_html(
    product,
    *,
    photos,
    materials,
    urls,
    category_url: str,
    notes: list[tuple[str, str, str]],
    drawing,
    add_form: str,
    related: str,
    product_extra: str = "",
    assurances: str = "",
    draft=None,
) -> str:
    """The body's HTML, from the values the template reads (catalog.product_body.body gives
    them: `add_form`, `related`, `product_extra` and `assurances` as safe HTML; `photos` and
    `materials` as lists, which the template reads from the product's related managers)."""
    name = shown(product.name)
    category_name = product.category.name
    category, category_url = shown(category_name), shown(category_url)
    parts = [
        BREADCRUMBS.format(
            catalog=shown(urls.catalog), category_url=category_url, category=category, name=name
        ),
        "" if product.is_published else UNPUBLISHED,
        "\n  ",
        draft_message(product, draft) if draft else "",
        '\n  <div class="product__media">\n    ',
        media(product, photos, drawing),
        summary(product, notes=notes, add_form=add_form),
        details(
            product,
            materials=materials,
            category_url=category_url,
            category=category,
            urls=urls,
            assurances=assurances,
            extra=product_extra,
        ),
    ]
    if related:
        parts.append(RELATED.format(category=shown(category_name.lower()), related=shown(related)))
    parts.append("\n")
    return "".join(parts)
