"""A listing card's HTML written in Python: what `templates/catalog/_card.html` renders for a
`catalog.cards.Card`, character for character, around the place of its add-to-basket form.

A page miss makes a dozen or more cards, and the template's lookups, `{% if %}`s and loop cost
more than the card shows (~0.3 ms a card). The template stays the card's definition and this
module's oracle: tests/catalog/test_card_html.py renders both for many products (photos, older
images, drawings, notes, stock, levels, names that need escaping) and compares them. Every
value is written as `{{ }}` writes it: localized (numbers) and escaped.
"""

from catalog.html_values import photo_img, shown

START = '\n<article class="card product-card">\n  '
PHOTO = (
    '<img class="card__image" src="{src}" srcset="{srcset}" '
    'sizes="(max-width: 35.99rem) 7rem, 20rem" alt="{alt}"{size} loading="lazy" '
    'decoding="async">\n'
)
IMAGE = '<img class="card__image" src="{src}" alt="" width="240" height="180" loading="lazy">'
DRAWING = (
    '<img class="card__image picture--drawing" src="{src}" alt="" width="240" height="180" '
    'loading="lazy" data-drawing="{name}">'
)
BODY = (
    '\n\n  <div class="card__body">\n'
    '    <h3 class="card__title"><a href="{url}">{name}</a></h3>\n'
    '    <p class="card__meta"><span class="price">£{price}</span> '
    '<span class="badges">{badges}</span>\n</p>\n'
    "    {stock}\n    "
)
BADGE = '<span class="badge badge--{level}">{label}</span>'
OUT_OF_STOCK = '<p class="stock stock--out">Out of stock</p>'
NOTE = (
    '<p class="card__note safety-note--{severity}"><span class="visually-hidden">'
    "{display}: </span>{text}</p>"
)
END = "\n  </div>\n</article>\n\n"


def picture(card) -> str:
    if card.photo:
        return photo_img(PHOTO, card.photo)
    if card.image_url:
        return IMAGE.format(src=shown(card.image_url))
    return DRAWING.format(src=shown(card.drawing_url), name=shown(card.drawing_name))


def card_parts(card) -> tuple[str, str]:
    """The card's HTML (`card`: a `catalog.cards.Card`) before and after its add-to-basket
    form."""
    badges = "".join(
        BADGE.format(level=shown(level), label=shown(label)) for level, label in card.levels
    )
    before = (
        START
        + picture(card)
        + BODY.format(
            url=shown(card.url),
            name=shown(card.name),
            price=shown(card.price),
            badges=badges,
            stock="" if card.in_stock else OUT_OF_STOCK,
        )
    )
    top = card.note
    note = ""
    if top:
        note = NOTE.format(
            severity=shown(top.severity),
            display=shown(top.get_severity_display()),
            text=shown(top.text),
        )
    return before, f"\n    {note}{END}"
