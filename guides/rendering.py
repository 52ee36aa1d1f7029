"""Turning guide text into safe HTML, and measuring it. Pure functions, no requests.

Two well-kept libraries do the work, each at what it is good at: markdown-it-py parses
CommonMark with raw HTML switched off (so `<script>` arrives as visible text) and refuses
`javascript:`-style links; nh3 (Ammonia) then keeps only an allow-list of tags, attributes
and URL schemes, as a second line of defence should a parser option ever change.
"""

import math
import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

# Section headings are <h2>; headings written inside a body are pushed down below them.
HEADING_SHIFT = 2

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
# No images: a picture from elsewhere would be a third-party request (and a tracker).
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_parser.enable("table")


def _image_as_text(renderer, tokens, idx, options, env):
    """An image shows its description only: guides never load pictures from elsewhere."""
    return escapeHtml(renderer.renderInlineAsText(tokens[idx].children or [], options, env))


_parser.add_render_rule("image", _image_as_text)

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def render_markdown(text: str) -> SafeString:
    """Markdown to sanitised HTML, safe to put in a page as it is."""
    return mark_safe(_render(text or ""))  # sanitised by nh3 in _render


# Keyed by the Markdown text itself (public content), so an edited section renders afresh
# and nothing can go stale; rendering is pure, and a few hundred sections fit easily.
@lru_cache(maxsize=512)
def _render(text: str) -> str:
    tokens = _parser.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + HEADING_SHIFT)
            token.tag = f"h{level}"
    html = _parser.renderer.render(tokens, _parser.options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return clean


def word_count(*texts: str) -> int:
    return sum(len(_WORD.findall(text or "")) for text in texts)


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at an easy pace; at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
