"""Values written into HTML by the catalog's Python writers (catalog.card_html,
catalog.listing_html, the catalog template tags) exactly as `{{ value }}` writes them.

`escaped` is `conditional_escape` with a fast path for a plain `str` (what names, slugs and
URLs are): `html.escape`, which is what Django's `escape` applies to it, without the lazy-string
checks every call of `escape` makes (a page writes a few hundred values)."""

import html

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString


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
    return conditional_escape(localize(value))
