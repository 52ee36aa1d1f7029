"""Values written into HTML by the catalog's Python writers (catalog.card_html,
catalog.product_html, catalog.listing_html, the catalog template tags) exactly as `{{ value }}`
writes them, and a photo's `<img>` both the card and the product page write.

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
