"""Our templates hold no inline styles, scripts or event handlers: a strict Content Security
Policy (no 'unsafe-inline') would block them. JSON-LD data blocks are allowed: they never run."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted(Path(settings.BASE_DIR, "templates").rglob("*.html"))

INLINE_STYLE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_BLOCK = re.compile(r"<style[\s>]", re.IGNORECASE)
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/ld\+json\")[^>]*>", re.IGNORECASE
)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""href\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 20
    assert any(path.name == "base.html" for path in TEMPLATES)


@pytest.mark.parametrize(
    "pattern, what",
    [
        (INLINE_STYLE, "a style= attribute"),
        (STYLE_BLOCK, "a <style> block"),
        (INLINE_SCRIPT, "an inline <script>"),
        (EVENT_HANDLER, "an inline event handler (onclick=...)"),
        (JAVASCRIPT_URL, "a javascript: link"),
    ],
    ids=["style-attribute", "style-block", "inline-script", "event-handler", "javascript-url"],
)
def test_no_template_has_inline_code(pattern, what):
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in TEMPLATES
        for text in [path.read_text()]
        for match in pattern.finditer(text)
    ]
    assert not found, f"{what} in: {', '.join(found)}"


@pytest.mark.parametrize(
    "snippet, pattern",
    [
        ('<p style="color: red">', INLINE_STYLE),
        ("<style>p {}</style>", STYLE_BLOCK),
        ("<script>alert(1)</script>", INLINE_SCRIPT),
        ('<script type="module">', INLINE_SCRIPT),
        ('<button onclick="go()">', EVENT_HANDLER),
        ('<a href="javascript:void(0)">', JAVASCRIPT_URL),
    ],
)
def test_the_checks_catch_what_they_look_for(snippet, pattern):
    assert pattern.search(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="/static/js/site.js" defer></script>',
        '<script type="application/ld+json">{}</script>',
        '<a class="leave-quickly" href="https://www.bbc.co.uk/weather" data-leave-quickly>',
        '<section class="story" aria-labelledby="x">',
    ],
)
def test_the_checks_let_safe_markup_through(snippet):
    for pattern in (INLINE_STYLE, STYLE_BLOCK, INLINE_SCRIPT, EVENT_HANDLER, JAVASCRIPT_URL):
        assert not pattern.search(snippet), (pattern, snippet)


def test_every_full_page_has_the_leave_quickly_link():
    """base.html carries it for every page that extends it; a standalone page (the 503 shown
    when the database is down) must carry it itself, with the script that replaces history."""
    pages = [path for path in TEMPLATES if "<html" in path.read_text()]
    assert {path.name for path in pages} >= {"base.html", "503.html"}
    for path in pages:
        text = path.read_text()
        assert re.search(
            r'<a class="leave-quickly" href="(?:https://[^"]+|\{% url \'leave_quickly\' %\})" '
            r"data-leave-quickly",
            text,
        ), path
        assert "js/site.js" in text, path
