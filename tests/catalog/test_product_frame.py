"""The product page made from its frame (core/page_frame.py) is the same bytes as the plain
render of `catalog/product_detail.html`, for every kind of visitor: the template is the oracle."""

import logging
import re

import pytest
from django.template.loader import get_template
from django.test import RequestFactory, override_settings
from django.urls import resolve, set_script_prefix

from catalog.models import ProductDraft
from core import page_frame
from tests.factories import (
    CategoryFactory,
    CuratorFactory,
    GuideFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')  # a new mask at each render
AWKWARD = 'Tom & Jerry\'s <b>"best"</b> cuffs'
LONG = " ".join(f"word{n} <i>&amp;</i> 'quoted'" for n in range(40))


@pytest.fixture
def framed(monkeypatch):
    """Records, per request, whether the frame made the page."""
    made = []
    real = page_frame.framed_render

    def spy(*args, **kwargs):
        html = real(*args, **kwargs)
        made.append(html is not None)
        return html

    monkeypatch.setattr(page_frame, "framed_render", spy)
    return made


def both_ways(client, url, monkeypatch, before=None):
    """The page as served (from its frame when it can be) and rendered plainly."""
    pages = []
    for plain in (False, True):
        if before:
            before()
        with monkeypatch.context() as patch:
            if plain:
                patch.setattr(page_frame, "framed_render", lambda *args, **kwargs: None)
            response = client.get(url)
        assert response.status_code == 200
        pages.append(TOKEN.sub("token", response.content.decode()))
    return pages


def product_with_everything():
    category = CategoryFactory(name="Cuffs & <Ties>", safety_notes=[SafetyNoteFactory()])
    product = ProductFactory(name=AWKWARD, description=LONG, category=category, stock=0)
    ProductFactory(category=category, name="A sibling <i>")
    PickFactory(product=ProductFactory(category=category))
    return product


def test_an_anonymous_visitor_gets_the_framed_page_with_escaped_name_and_description(
    client, framed, monkeypatch
):
    product = product_with_everything()
    served, plain = both_ways(client, product.get_absolute_url(), monkeypatch)
    assert framed == [True]  # made from the frame, the second time too (a kept frame)
    assert served == plain
    assert "<title>Tom &amp; Jerry&#x27;s &lt;b&gt;&quot;best&quot;&lt;/b&gt; cuffs" in served
    assert 'word9 &lt;i&gt;&amp;amp;&lt;/i&gt; &#x27;quoted&#x27; …"' in served
    assert "Cuffs &amp; &lt;Ties&gt;" in served  # the header's categories


def test_a_second_product_reuses_the_frame(client, framed, monkeypatch):
    first, second = ProductFactory(), ProductFactory(name="Second <one>")
    client.get(first.get_absolute_url())
    served, plain = both_ways(client, second.get_absolute_url(), monkeypatch)
    assert framed == [True, True]
    assert served == plain and "Second &lt;one&gt;" in served


def test_a_basket_count_is_in_the_framed_page(client, framed, monkeypatch):
    product = product_with_everything()
    other = ProductFactory()
    response = client.post("/basket/add/", {"product": other.slug, "quantity": "3"})
    assert response.status_code == 302
    client.get(other.get_absolute_url())  # shows and uses up the "Added" message
    served, plain = both_ways(client, product.get_absolute_url(), monkeypatch)
    assert framed[-1] is True
    assert served == plain and "<span data-basket-count> (3)</span>" in served


def test_messages_get_the_plain_render(client, framed, monkeypatch):
    product = product_with_everything()

    def empty_the_basket():
        client.post("/basket/empty/")

    served, plain = both_ways(client, product.get_absolute_url(), monkeypatch, empty_the_basket)
    assert framed == [False]
    assert served == plain and "Your basket is empty." in served


@pytest.mark.parametrize("user", [lambda: UserFactory(is_staff=True), CuratorFactory])
def test_staff_get_the_plain_render(client, framed, monkeypatch, user):
    product = product_with_everything()
    client.force_login(user())
    served, plain = both_ways(client, product.get_absolute_url(), monkeypatch)
    assert framed == []  # the view never asks for the frame
    assert served == plain


def test_a_draft_preview_gets_the_plain_render(client, framed, monkeypatch):
    product = product_with_everything()
    ProductDraft.objects.create(product=product, description="Drafted <b>words</b> & more")
    client.force_login(CuratorFactory())
    served, plain = both_ways(client, product.get_absolute_url() + "?preview=draft", monkeypatch)
    assert framed == []
    assert served == plain and "Drafted &lt;b&gt;words&lt;/b&gt; &amp; more" in served


def test_a_customer_after_a_signed_in_visit_gets_the_framed_page(client, framed, monkeypatch):
    product = product_with_everything()
    client.force_login(UserFactory())  # signed in, not staff
    served, plain = both_ways(client, product.get_absolute_url(), monkeypatch)
    assert framed == [True]
    assert served == plain


def request_for(path):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    return request


def test_a_header_category_or_basket_page_is_not_framed():
    """The layout marks these requests' own links as current: the frame never does."""
    category = ProductFactory().category
    template = get_template("catalog/product_detail.html")
    page = {"page": {"name": "n", "description": "d", "body": "b"}}
    for path in (category.get_absolute_url(), "/basket/"):
        assert page_frame.framed_render(template, page, request_for(path)) is None


def test_under_a_script_prefix_the_frame_has_that_prefix():
    template = get_template("catalog/product_detail.html")
    page = {"page": {"name": "n", "description": "d", "body": "b"}}
    request = request_for(ProductFactory().get_absolute_url())
    assert 'href="/catalog/"' in page_frame.framed_render(template, page, request)
    set_script_prefix("/shop/")
    try:
        html = page_frame.framed_render(template, page, request)
        assert html == template.render(page, request)
    finally:
        set_script_prefix("/")
    assert 'href="/shop/catalog/"' in html


LAYOUT = "<title>{% block title %}{% endblock %}</title>{{ who }}|{% block content %}{% endblock %}"


@override_settings(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "layout.html": LAYOUT,
                            "page.html": '{% extends "layout.html" %}{% block title %}'
                            "{{ t }}{% endblock %}{% block content %}{{ c }}{% endblock %}",
                        },
                    )
                ]
            },
        }
    ]
)
def test_a_per_visitor_value_in_the_layout_stops_the_frame(caplog):
    """`who` is not a layout value: the frame shows it empty, the plain render does not. The
    first request of the frame notices and the frame is never used."""
    request = request_for("/products/x/")
    template = get_template("page.html")
    with caplog.at_level(logging.ERROR, logger="core.page_frame"):
        assert page_frame.framed_render(template, {"t": "<T>", "who": "Ann"}, request) is None
    assert "differs from its plain render" in caplog.text
    assert page_frame.framed_render(template, {"t": "<T>", "who": "Ann"}, request) is None
    # Without it, the frame is used and is the plain render.
    html = page_frame.framed_render(template, {"t": "<T>", "c": "&"}, request_for("/products/y/"))
    assert html is None  # the same frame key: still not used
    page_frame.forget()
    html = page_frame.framed_render(template, {"t": "<T>", "c": "&"}, request)
    assert (
        html == template.render({"t": "<T>", "c": "&"}, request) == "<title>&lt;T&gt;</title>|&amp;"
    )


@pytest.mark.parametrize("query", ["", "?level=beginner", "?level=nonsense"])
def test_a_guide_page_from_its_frame_is_its_plain_render(client, framed, monkeypatch, query):
    """guides.views.GuideDetailView's page extends base.html too (meta robots, JSON-LD)."""
    pick = PickFactory(section__guide__title="Rope & <knots>", section__guide__summary="'Safe'")
    url = pick.section.guide.get_absolute_url() + query
    pages = []
    for plain in (False, True):
        with monkeypatch.context() as patch:
            if plain:
                patch.setattr(page_frame, "framed_render", lambda *args, **kwargs: None)
            response = client.get(url)
        pages.append(TOKEN.sub("token", response.content.decode()))
    assert framed == [True]
    assert pages[0] == pages[1] and "<title>Rope &amp; &lt;knots&gt;" in pages[0]


def test_a_guide_page_for_staff_gets_the_plain_render(client, framed):
    guide = GuideFactory(is_published=False)
    client.force_login(CuratorFactory())
    assert client.get(guide.get_absolute_url()).status_code == 200
    assert framed == []


def test_a_layout_value_that_cannot_be_a_key_gets_the_plain_render():
    template = get_template("catalog/product_detail.html")
    page = {"page": {"name": "n", "description": "d", "body": "b"}, "basket_count": [{}]}
    request = request_for(ProductFactory().get_absolute_url())
    assert page_frame.framed_render(template, page, request) is None


@pytest.mark.parametrize(
    "description",
    [
        "",
        "  Short\n\ttext  with   odd\u00a0spaces  ",
        " ".join(["word"] * 30),
        " ".join(["word"] * 31),
        "Line one\nline  two\t<b>&</b>\n\n" + " ".join(f"w{n}" for n in range(35)),
        "Émile's “curly” quotes & <script>alert(1)</script>",
    ],
)
def test_the_head_blocks_the_view_writes_are_the_templates(
    client, framed, monkeypatch, description
):
    """The product view writes its page's title and description blocks itself
    (catalog.views.head_blocks): they are what the template's blocks render."""
    product = ProductFactory(name=f"<{description[:12]}> & co", description=description)
    served, plain = both_ways(client, product.get_absolute_url(), monkeypatch)
    assert framed == [True]
    assert served == plain


@pytest.mark.parametrize(
    "query", ["?q=cuffs", "?q=tom+jerry&page=2", "?q=zzqx", "", "?level=beginner&in_stock=1"]
)
def test_a_listing_from_its_frame_is_its_plain_render(client, framed, monkeypatch, query, caplog):
    """The catalog and its searches (forms with the visitor's token in every card)."""
    category = CategoryFactory(name="Cuffs & <Ties>", safety_notes=[SafetyNoteFactory()])
    for number in range(30):
        ProductFactory(name=f"{AWKWARD} {number}", category=category, stock=number % 3)
    with caplog.at_level(logging.ERROR, logger="core.page_frame"):
        pages = both_ways(client, f"/catalog/{query}", monkeypatch)
    assert framed == [True]  # the first request of its frame, compared with the plain render
    assert not caplog.records
    assert pages[0] == pages[1] and "Catalog" in pages[0]


def test_a_listing_for_staff_gets_the_plain_render(client, framed):
    ProductFactory()
    client.force_login(CuratorFactory())
    assert client.get("/catalog/?q=cuffs").status_code == 200
    assert framed == []
