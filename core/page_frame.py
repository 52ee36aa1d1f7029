"""A page's frame: the layout (`base.html`) around a page's own blocks, rendered once per
process for what it shows, then filled in per request.

A product page's outer template only puts the product's name, description and body into
`base.html`, yet rendering it walks the whole layout each time: `{% extends %}` looks through
the layout's nodes for its blocks, the header's categories are compared one by one with the
request's path, the remaining tags and variables resolve. For an ordinary visitor all of that
depends only on a few values the layout shows (`LAYOUT_VALUES`: the site's name, the header's
categories, the basket's count) and on the script prefix the site is served under. So the
layout is rendered once per such values with a mark where each block of the page's template
goes (a NUL never comes from content); a request renders only the page's own blocks, with
its own context, and puts them in the marks.

Django's templates stay the definition: the frame is `base.html` rendered by Django, the
blocks are the page's template's blocks rendered by Django. What the frame cannot know falls
back to the plain render, by rule (`usual`): messages to show, a request whose path is one of
the header's categories (the link says `aria-current`), a page of the basket (its link says
so). The view decides the rest (staff and previews get the plain render). The frame is
rendered in a context of its own holding only the layout values, so a per-visitor value put
in the layout by mistake renders empty in every frame (and the first request of each frame,
rendered both ways and compared, notices: the frame is then never used, and the mismatch is
logged). `tests/catalog/test_product_frame.py` compares both ways over many visitor states.

Only a template whose first tag is `{% extends "<name>" %}` and whose blocks each appear once
in the frame is framed; any other renders as usual. Nothing is kept with the template
engine in debug mode (templates read afresh as they are edited), and a changed setting
(tests' `override_settings`) forgets everything kept.
"""

import logging
import threading
from collections import OrderedDict

from django.core.signals import setting_changed
from django.template.base import UNKNOWN_SOURCE
from django.template.context import make_context
from django.template.loader_tags import BlockNode, ExtendsNode
from django.template.response import TemplateResponse
from django.urls import get_script_prefix

logger = logging.getLogger(__name__)

# What the layout shows that is not constant and not per visitor (shop.context_processors,
# basket.context_processors): part of a frame's key. A callable is called, as a template would.
LAYOUT_VALUES = ("site_name", "nav_categories", "basket_count")
# The URL namespace whose pages the layout marks as current (base.html's basket link).
MARKED_NAMESPACE = "basket"
FRAMES = 64  # frames a process keeps, the most recently made (per template, values, prefix)
MARK = "\x00frame-block:{}\x00"

_lock = threading.Lock()
_frames: OrderedDict = OrderedDict()  # key -> list of texts and block names, or None (unusable)
_shapes: dict = {}  # template's name -> (parent's name, top-level blocks) or None


def forget(**kwargs) -> None:
    with _lock:
        _frames.clear()
        _shapes.clear()


setting_changed.connect(forget, dispatch_uid="core.page_frame.forget")


def shape_of(template) -> tuple[str, tuple[BlockNode, ...]] | None:
    """The parent a template extends and its own top-level blocks, or None when it is not a
    plain `{% extends "<constant name>" %}` (only `{% load %}` and text may come before)."""
    extends = [node for node in template.nodelist if isinstance(node, ExtendsNode)]
    if len(extends) != 1 or extends[0].parent_name.filters:
        return None
    parent = extends[0].parent_name.var
    if not isinstance(parent, str):  # a variable: the parent depends on the context
        return None
    blocks = tuple(node for node in extends[0].nodelist if isinstance(node, BlockNode))
    return parent, blocks


def split_frame(html: str, names) -> list | None:
    """The frame's text cut at each block's mark: [text, name, text, name, ..., text], or None
    when a mark is missing or appears more than once."""
    if any(html.count(MARK.format(name)) != 1 for name in names):
        return None
    pieces: list = [html]
    for name in names:
        for i, piece in enumerate(pieces):
            if i % 2 == 0 and MARK.format(name) in piece:
                before, after = piece.split(MARK.format(name))
                pieces[i : i + 1] = [before, name, after]
                break
    return pieces


def frozen(value):
    """A layout value as part of a key (the header's categories come as a list)."""
    return tuple(value) if isinstance(value, list) else value


def layout_values(context) -> dict:
    values = {}
    for name in LAYOUT_VALUES:
        value = context.get(name)
        values[name] = value() if callable(value) else value
    return values


def usual(request, context, values) -> bool:
    """Whether the layout shows this request as it shows everyone with the same values: no
    messages, not a basket page, not a header category's own page."""
    messages = context.get("messages")
    if messages:
        return False
    match = request.resolver_match
    if match is not None and match.namespace == MARKED_NAMESPACE:
        return False
    return not any(request.path == category.url for category in values["nav_categories"] or ())


class FramedTemplateResponse(TemplateResponse):
    """A TemplateResponse whose page is made from its frame when it can (set `framed` False
    for a page the frame must not make: staff's, a preview). A view that writes its page's
    blocks itself (their HTML, as its template's blocks render them: its tests compare) gives
    them as `blocks`, by name: the frame then renders none of them."""

    framed = True
    blocks = None
    rendering_attrs = [*TemplateResponse.rendering_attrs, "frame_request"]  # never pickled

    def __init__(self, request, template, *args, **kwargs):
        super().__init__(request, template, *args, **kwargs)
        self.frame_request = request

    @property
    def rendered_content(self):
        if not self.framed:
            return super().rendered_content
        template = self.resolve_template(self.template_name)
        context, request = self.resolve_context(self.context_data), self.frame_request
        html = framed_render(template, context, request, blocks=self.blocks)
        return super().rendered_content if html is None else html


def framed_render(template, context_data: dict, request, blocks=None) -> str | None:
    """The page made from its frame, or None when this request needs the plain render.
    `blocks`: the page's blocks' HTML by name, when the view wrote them (else rendered)."""
    engine = template.backend.engine
    base = template.template
    if engine.debug or base.origin.name == UNKNOWN_SOURCE:  # a template made from a string
        return None
    name = base.origin.name
    if name not in _shapes:
        with _lock:
            _shapes[name] = shape_of(base)
    shape = _shapes[name]
    if shape is None:
        return None
    context = make_context(context_data, request, autoescape=engine.autoescape)
    with context.render_context.push_state(base), context.bind_template(base):
        context.template_name = base.name
        values = layout_values(context)
        if not usual(request, context, values):
            return None
        key = (name, get_script_prefix(), *(frozen(v) for v in values.values()))
        try:
            pieces = _frames.get(key)
        except TypeError:  # a layout value that cannot be a key (not a list of plain values)
            return None
        if pieces is None and key not in _frames:
            pieces = frame_for(engine, shape, values)
            if pieces is not None:
                html = fill(pieces, shape[1], context, blocks)
                # The plain render, given the values this request has read already and its
                # CSRF token (each token is masked anew: forms would differ in that alone).
                token = {"csrf_token": context.get("csrf_token")}
                if html != template.render({**context_data, **values, **token}, request):
                    logger.error("The frame of %s differs from its plain render", name)
                    pieces = None
            with _lock:
                _frames[key] = pieces
                while len(_frames) > FRAMES:
                    _frames.popitem(last=False)
            return None if pieces is None else html
        if pieces is None:
            return None
        return fill(pieces, shape[1], context, blocks)


def frame_for(engine, shape, values: dict) -> list | None:
    """The layout rendered with a mark for each of the page's blocks, cut at the marks."""
    parent, blocks = shape
    names = [block.name for block in blocks]
    source = f'{{% extends "{parent}" %}}' + "".join(
        f"{{% block {name} %}}{MARK.format(name)}{{% endblock %}}" for name in names
    )
    html = engine.from_string(source).render(make_context(values, autoescape=engine.autoescape))
    return split_frame(html, names)


def fill(pieces: list, blocks, context, written=None) -> str:
    """The frame with each block rendered in this request's context (or as `written`)."""
    if written is not None and all(block.name in written for block in blocks):
        rendered = written
    else:
        rendered = {block.name: block.render(context) for block in blocks}
    return "".join(piece if i % 2 == 0 else rendered[piece] for i, piece in enumerate(pieces))
