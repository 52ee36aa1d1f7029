"""Values written into HTML by the catalog's Python writers (catalog.card_html,
catalog.product_html, catalog.listing_html, the catalog template tags) exactly as `{{ value }}`
writes them, and a photo's `<img>` both the card and the product page write.

`escaped` is `conditional_escape` with a fast path for a plain `str` (what names, slugs and
URLs are): `html.escape`, which is what Django's `escape` applies to it, without the lazy-string
checks every call of `escape` makes (a page writes a few hundred values)."""

import html
from decimal import Decimal
from functools import lru_cache

from django.core.signals import setting_changed
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language


def escaped(value) -> str:
    """`conditional_escape(value)`, character for character."""
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(value)


def shown(value) -> str:
    """A value as `{{ value }}` shows it: localized (numbers), then escaped."""
    if type(value) is str:
        return html.escape(value)
    if type(value) is SafeString:  # HTML already (localize and escaping leave it as it is)
        return value
    if type(value) in NUMBERS:
        return number_shown(value)
    return conditional_escape(localize(value))


# Numbers' types whose text `localize` makes from the value's own text (a Decimal's places
# included: 12.50 is not shown as 12.5), the active language's formats and the settings.
NUMBERS = frozenset((int, Decimal, float))


def number_shown(value) -> str:
    """`conditional_escape(localize(value))` for a number, remembered per process by its type,
    text and language (forgotten when a setting changes: a format may have)."""
    return _number_text(type(value), str(value), get_language())


@lru_cache(maxsize=4096)  # a catalog's prices and sizes repeat: most a page shows are here
def _number_text(kind, text: str, language: str) -> str:
    return conditional_escape(localize(kind(text)))  # the language: active, and the key's


def forget_numbers(**kwargs) -> None:
    _number_text.cache_clear()


setting_changed.connect(forget_numbers, dispatch_uid="catalog.html_values.forget_numbers")


def photo_img(template: str, photo) -> str:
    """A photo's `<img>` (`template`: the writer's tag with `{src}`, `{srcset}`, `{alt}` and
    `{size}`), its values as the templates write them: the second rendition as `src`, all of
    them as `srcset`, the width and height when known."""
    renditions = photo.renditions  # src and srcset both read them: worked out once
    src = renditions[min(1, len(renditions) - 1)][0]
    srcset = ", ".join(f"{url} {width}w" for url, width in renditions)
    size = ""
    if photo.width:
        size = f' width="{shown(photo.width)}" height="{shown(photo.height)}"'
    return template.format(src=shown(src), srcset=shown(srcset), alt=shown(photo.alt), size=size)
