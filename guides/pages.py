"""What the guide page shows, worked out from loaded objects: no queries, no requests."""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from catalog.models import Level
from guides.models import Audience, audiences_for
from guides.rendering import render_markdown, word_count

# The same escapes Django's json_script uses, so the data cannot close the <script> tag.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class Comparison:
    headers: list[str]
    rows: list[dict]  # {"product": Product, "cells": [str, ...]}


@dataclass
class SectionPage:
    section: object
    body_html: SafeString
    level: str = Audience.BOTH  # the reader's choice on the page's level switch
    callouts: list = field(default_factory=list)
    beginner: list = field(default_factory=list)
    experienced: list = field(default_factory=list)
    hidden: list = field(default_factory=list)
    comparison: Comparison | None = None

    @property
    def has_picks(self) -> bool:
        return bool(self.beginner or self.experienced)

    @property
    def shows_beginner(self) -> bool:
        return self.level != Audience.EXPERIENCED

    @property
    def shows_experienced(self) -> bool:
        return self.level != Audience.BEGINNER


def comparison_table(products) -> Comparison:
    """One row per product, columns from the product data itself: price, levels, the
    attributes of its category and its materials (when any product has some)."""
    products = list(dict.fromkeys(products))  # each product once, in pick order
    attribute_labels: list[str] = []
    rows_by_product = {}
    for product in products:
        attributes = dict(product.attribute_rows)
        rows_by_product[product] = attributes
        for label in attributes:
            if label not in attribute_labels:
                attribute_labels.append(label)
    show_materials = any(product.materials.all() for product in products)
    headers = ["Price", "Suits", *attribute_labels]
    if show_materials:
        headers.append("Materials")
    rows = []
    for product in products:
        attributes = rows_by_product[product]
        cells = [
            f"£{product.price}",
            ", ".join(Level(level).label for level in product.levels),
            *(attributes.get(label, "Not given") for label in attribute_labels),
        ]
        if show_materials:
            cells.append(", ".join(m.name for m in product.materials.all()) or "Not applicable")
        rows.append({"product": product, "cells": cells})
    return Comparison(headers=headers, rows=rows)


def section_page(section, level: str = Audience.BOTH) -> SectionPage:
    """A loaded section (see selectors.guide_for_page) ready for the template, showing the
    picks and callouts for `level` (beginner, experienced or both) and hiding the rest."""
    page = SectionPage(section=section, body_html=render_markdown(section.body), level=level)
    shown = audiences_for(level)
    page.callouts = [callout for callout in section.callouts.all() if callout.level in shown]
    picks = [pick for pick in getattr(section, "shown_picks", []) if pick.level in shown]
    page.beginner = [pick for pick in picks if pick.level == Level.BEGINNER]
    page.experienced = [pick for pick in picks if pick.level == Level.EXPERIENCED]
    page.hidden = list(getattr(section, "hidden_picks", []))
    if section.category_id and picks:
        page.comparison = comparison_table(pick.product for pick in picks)
    return page


def varies_by_level(guide) -> bool:
    """Whether the level switch changes anything on the guide's page: it has picks (category
    sections) or callouts for one level."""
    return any(
        section.category_id or any(c.level != Audience.BOTH for c in section.callouts.all())
        for section in guide.sections.all()
    )


LEVEL_SWITCH = [
    (Audience.BEGINNER, "For beginners"),
    (Audience.EXPERIENCED, "For experienced people"),
    (Audience.BOTH, "Both"),
]


def level_switch(path: str, level: str) -> list[dict]:
    """The switch's plain links: each level's address (both is the page without a query)."""
    return [
        {
            "level": value,
            "label": label,
            "url": path if value == Audience.BOTH else f"{path}?level={value}",
            "current": value == level,
        }
        for value, label in LEVEL_SWITCH
    ]


def guide_word_count(guide) -> int:
    texts = [guide.title, guide.summary]
    for section in guide.sections.all():
        texts += [section.heading, section.body]
        for callout in section.callouts.all():
            texts.append(callout.title)
            for item in callout.items.all():
                texts += [item.label, item.text]
    return word_count(*texts)


def article_json_ld(*, guide, url: str, words: int, publisher: str) -> SafeString:
    """schema.org Article data for the guide, serialised with json.dumps and escaped like
    json_script, ready to sit inside <script type="application/ld+json">."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title,
        "description": guide.summary,
        "url": url,
        "mainEntityOfPage": url,
        "author": {"@type": "Organization", "name": guide.author},
        "publisher": {"@type": "Organization", "name": publisher},
        "datePublished": guide.created_at,
        "dateModified": guide.updated_at,
        "wordCount": words,
        "articleSection": [section.heading for section in guide.sections.all()],
        "inLanguage": "en-GB",
    }
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # escaped just above
