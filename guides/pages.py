"""What the guide page shows, worked out from loaded objects: no queries, no requests."""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from catalog.models import Level
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
    beginner: list = field(default_factory=list)
    experienced: list = field(default_factory=list)
    hidden: list = field(default_factory=list)
    comparison: Comparison | None = None

    @property
    def has_picks(self) -> bool:
        return bool(self.beginner or self.experienced)


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


def section_page(section) -> SectionPage:
    """A loaded section (see selectors.guide_for_page) ready for the template."""
    page = SectionPage(section=section, body_html=render_markdown(section.body))
    picks = getattr(section, "shown_picks", [])
    page.beginner = [pick for pick in picks if pick.level == Level.BEGINNER]
    page.experienced = [pick for pick in picks if pick.level == Level.EXPERIENCED]
    page.hidden = list(getattr(section, "hidden_picks", []))
    if section.category_id and picks:
        page.comparison = comparison_table(pick.product for pick in picks)
    return page


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
