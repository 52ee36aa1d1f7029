"""Rendered parts of pages (catalog/render_cache.py) are kept per content version: a customer's
second visit reads nothing but the version, and a change shows on the very next request."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from catalog import stock
from catalog.models import Category, Product
from catalog.render_cache import TOKEN_PLACEHOLDER, LocalParts, local_parts
from tests.conftest import give_pass
from tests.factories import (
    CalloutFactory,
    CalloutItemFactory,
    CategoryFactory,
    CuratorFactory,
    MaterialFactory,
    PickFactory,
    ProductFactory,
    SafetyNoteFactory,
    SectionFactory,
    StorePageFactory,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def render_cache_on(settings):
    settings.RENDER_CACHE_SECONDS = 300
    settings.KEEP_PER_VERSION = True  # a hit reads the version only (catalog/stock.py)
    stock.forget()
    cache.clear()
    local_parts.clear()  # a rolled-back test leaves the version where the next one starts
    yield
    cache.clear()
    local_parts.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Changes made in this block commit, as an admin's would: the content version moves."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def pick(committed):
    with committed():
        pick = PickFactory(
            product__name="Feather Paddle",
            product__is_featured=True,
            section__heading="Start gently",
            section__body="Warm up with **light** strokes.",
            section__category__name="Impact toys",
        )
        ProductFactory(name="Soft Flogger", category=pick.section.category)
    return pick


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_visit_reads_only_the_content_version(client, pick, django_assert_num_queries):
    urls = [reverse("home"), pick.product.get_absolute_url(), pick.section.guide.get_absolute_url()]
    first = {url: TOKEN.sub("", page(client, url)) for url in urls}
    for url in urls:
        with django_assert_num_queries(1):  # the content version
            assert TOKEN.sub("", page(client, url)) == first[url]


def test_a_renamed_product_shows_at_once_everywhere(client, pick, committed):
    other = pick.section.category.products.exclude(pk=pick.product.pk).get()
    urls = [reverse("home"), other.get_absolute_url(), pick.section.guide.get_absolute_url()]
    for url in [*urls, pick.product.get_absolute_url()]:
        assert "Feather Paddle" in page(client, url)
    with committed():
        pick.product.name = "Suede Paddle"
        pick.product.save()
    for url in [*urls, pick.product.get_absolute_url()]:
        shown = page(client, url)
        assert "Suede Paddle" in shown
        assert "Feather Paddle" not in shown


def test_a_stock_sync_keeps_the_parts_and_out_of_stock_shows_at_once(client, pick, committed):
    product = pick.product
    guide = pick.section.guide.get_absolute_url()
    assert "Feather Paddle" in page(client, guide)
    assert "Out of stock" not in page(client, product.get_absolute_url())
    kept_under = stock.page_version()
    with committed():
        Product.objects.filter(pk=product.pk).update(stock=product.stock + 5)
    assert stock.page_version() == kept_under  # the parts kept are still the current ones
    with committed():
        Product.objects.filter(pk=product.pk).update(stock=0)
    assert "Out of stock" in page(client, product.get_absolute_url())
    assert "Feather Paddle" not in page(client, guide)  # a pick is shown only while in stock


def test_an_edited_guide_shows_at_once(client, pick, committed):
    url = pick.section.guide.get_absolute_url()
    assert "<strong>light</strong>" in page(client, url)
    with committed():
        pick.section.body = "Warm up with **slow** strokes."
        pick.section.save()
        CalloutItemFactory(callout=CalloutFactory(section=pick.section), label="Check in")
    shown = page(client, url)
    assert "<strong>slow</strong>" in shown
    assert "<strong>light</strong>" not in shown
    assert "Check in" in shown


def test_an_unpublished_category_leaves_the_menu_at_once(client, pick, committed):
    with committed():
        CategoryFactory(name="Restraints", slug="restraints")
        ProductFactory(category=Category.objects.get(slug="restraints"))
    urls = [reverse("home"), pick.product.get_absolute_url(), reverse("guides:list")]
    for url in urls:
        assert 'href="/catalog/restraints/"' in page(client, url)
    with committed():
        Category.objects.filter(slug="restraints").update(is_published=False)
        Category.objects.get(slug="restraints").save()
    for url in urls:
        assert 'href="/catalog/restraints/"' not in page(client, url)


def test_an_unpublished_product_is_gone_at_once(client, pick, committed):
    url = pick.product.get_absolute_url()
    page(client, url)
    with committed():
        pick.product.is_published = False
        pick.product.save()
    assert client.get(url).status_code == 404
    assert "Feather Paddle" not in page(client, pick.section.guide.get_absolute_url())


def asked_for_again(client, url) -> None:
    """A product's body is one of many (`long_tail`): it reaches the shared cache when this
    process is asked for it again after its own copy is gone."""
    page(client, url)
    local_parts.parts.clear()  # pushed out by other parts; the key is still remembered


def test_each_visitor_gets_their_own_token_and_none_is_kept(pick):
    url = pick.product.get_absolute_url()
    visitors = [give_pass(Client(enforce_csrf_checks=True)) for _ in range(2)]
    asked_for_again(visitors[0], url)
    tokens = [set(TOKEN.findall(page(visitor, url))) for visitor in visitors]
    assert all(len(found) == 1 for found in tokens)
    assert tokens[0] != tokens[1]
    kept = [value for value in cache._cache.values() if b"csrfmiddlewaretoken" in value]
    assert kept and all(TOKEN_PLACEHOLDER.encode() in value for value in kept)
    form = {"product": pick.product.slug, "quantity": 1, "next": url}
    response = visitors[1].post(
        reverse("basket:add"), {**form, "csrfmiddlewaretoken": tokens[1].pop()}
    )
    assert response.status_code == 302  # the token works: added, back to the page


def test_levels_of_a_guide_are_kept_apart(client, pick, committed):
    with committed():
        PickFactory(section=pick.section, level="experienced", product__name="Heavy Paddle")
    url = pick.section.guide.get_absolute_url()
    assert "Heavy Paddle" in page(client, url)
    assert "Heavy Paddle" not in page(client, url + "?level=beginner")
    assert "Heavy Paddle" in page(client, url + "?level=experienced")
    assert "Heavy Paddle" in page(client, url)


def test_a_bad_level_still_answers_400_and_names_it(client, pick):
    url = pick.section.guide.get_absolute_url()
    page(client, url)
    response = client.get(url + "?level=wizard")
    assert response.status_code == 400
    assert "wizard" in response.content.decode() or "valid" in response.content.decode()


def test_what_staff_see_is_never_kept_for_customers(client, pick, committed):
    with committed():
        hidden = SectionFactory(guide=pick.section.guide, with_category=True)
        PickFactory(section=hidden, product__stock=0, product__name="Sold Out Paddle")
        draft = ProductFactory(name="Unreleased Cuffs", is_published=False)
    curator = give_pass(Client())
    curator.force_login(CuratorFactory())
    assert "Staff only" in page(curator, pick.section.guide.get_absolute_url())
    assert "Not published" in page(curator, draft.get_absolute_url())
    assert "Staff only" not in page(client, pick.section.guide.get_absolute_url())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_product_nobody_asked_for_reads_only_itself(
    client, pick, committed, django_assert_num_queries
):
    """What product pages share (the category, its first products, the delivery page, the
    guides' picks, the materials and safety notes) is read once: a first visit to another
    product of the category reads the product, whose row says its materials and notes, and
    the content version, in one query (catalog/product_read.py)."""
    other = pick.section.category.products.exclude(pk=pick.product.pk).get()
    with committed():
        pick.product.materials.set([MaterialFactory(name="Oiled leather")])
        pick.product.safety_notes.set([SafetyNoteFactory(text="Check the stitching first.")])
        other.materials.set([MaterialFactory(name="Suede")])
    assert "Feather Paddle" in related(page(client, other.get_absolute_url()))
    with django_assert_num_queries(1):
        shown = page(client, pick.product.get_absolute_url())
    assert related(shown).count("Soft Flogger") and "Feather Paddle" not in related(shown)
    assert "Start gently" in shown  # the guide section that picks it
    assert "Oiled leather" in shown
    assert "Check the stitching first." in shown


def related(html: str) -> str:
    return html[html.index('id="related-heading"') :]


def test_a_new_note_delivery_page_or_pick_shows_at_once_on_every_product(client, pick, committed):
    other = pick.section.category.products.exclude(pk=pick.product.pk).get()
    urls = [pick.product.get_absolute_url(), other.get_absolute_url()]
    assert "Featured in our guides" in page(client, urls[0])
    assert "Featured in our guides" not in page(client, urls[1])
    with committed():
        pick.section.category.safety_notes.add(SafetyNoteFactory(text="Warm up the skin first."))
        StorePageFactory(summary="Posted in a plain grey box.")
        PickFactory(section=pick.section, product=other)
    for url in urls:
        shown = page(client, url)
        assert "Warm up the skin first." in shown
        assert "Posted in a plain grey box." in shown
        assert "Featured in our guides" in shown


def test_an_edited_returns_page_shows_at_once_on_every_product(client, pick, committed):
    other = pick.section.category.products.exclude(pk=pick.product.pk).get()
    urls = [pick.product.get_absolute_url(), other.get_absolute_url()]
    with committed():
        returns = StorePageFactory(slug="returns", summary="Unopened within 30 days.")
    for url in urls:
        assert 'Unopened within 30 days. <a href="/info/returns/">' in page(client, url)
    with committed():
        returns.summary = "Unopened within 60 days."
        returns.save()
    for url in urls:
        shown = page(client, url)
        assert "Unopened within 60 days." in shown and "30 days" not in shown


def test_related_products_follow_a_change_at_once(client, pick, committed):
    url = pick.product.get_absolute_url()
    assert "Soft Flogger" in page(client, url)
    with committed():
        Product.objects.filter(name="Soft Flogger").update(is_published=False)
        ProductFactory(name="Leather Strap", category=pick.section.category)
    shown = page(client, url)
    assert "Soft Flogger" not in shown
    assert "Leather Strap" in shown


def test_a_process_keeps_only_its_latest_parts_and_not_past_their_time():
    now = [0.0]
    parts = LocalParts(size=2, clock=lambda: now[0])
    parts.put("a", "A", 10)
    parts.put("b", "B", 10)
    assert parts.get("a") == "A"  # now the most recently used
    parts.put("c", "C", 10)
    assert (parts.get("a"), parts.get("b"), parts.get("c")) == ("A", None, "C")
    now[0] = 10.0
    assert parts.get("a") is None


def renamed_unannounced(product, name: str) -> None:
    """A change no signal announces (plain SQL): the version stays, so a kept body still
    shows the old name and a body made afresh shows the new one."""
    with connection.cursor() as cursor:
        table, quote = Product._meta.db_table, connection.ops.quote_name
        cursor.execute(f"UPDATE {quote(table)} SET name = %s WHERE id = %s", [name, product.pk])


def test_a_product_asked_for_once_is_kept_in_the_process_only_and_shared_when_asked_again(
    client, pick, django_assert_num_queries
):
    url = pick.product.get_absolute_url()
    assert "<h1>Feather Paddle</h1>" in page(client, url)
    assert not any(b"<h1>Feather Paddle</h1>" in value for value in cache._cache.values())
    renamed_unannounced(pick.product, "Quill Paddle")
    with django_assert_num_queries(1):  # the version (read with the product)
        assert "<h1>Feather Paddle</h1>" in page(client, url)  # the body kept in this process
    local_parts.parts.clear()  # pushed out by other parts
    assert "<h1>Quill Paddle</h1>" in page(client, url)  # asked for again: built and shared
    assert any(b"<h1>Quill Paddle</h1>" in value for value in cache._cache.values())
    renamed_unannounced(pick.product, "Wren Paddle")
    local_parts.clear()  # another worker: it builds the body the first time it is asked
    with django_assert_num_queries(1):  # the product, with the version
        assert "<h1>Wren Paddle</h1>" in page(client, url)
    local_parts.parts.clear()
    with django_assert_num_queries(1):  # asked again: found in the shared cache
        assert "<h1>Quill Paddle</h1>" in page(client, url)


def test_a_process_remembers_only_the_latest_keys_it_was_asked_for():
    parts = LocalParts(size=4, seen=2)
    assert [parts.first_time(key) for key in ["a", "b", "a"]] == [True, True, False]
    assert parts.first_time("c") is True  # "b", asked for longest ago, is forgotten
    assert [parts.first_time(key) for key in ["a", "b"]] == [False, True]
    parts.clear()
    assert parts.first_time("a") is True


def test_a_parts_key_is_its_digest_however_often_it_is_asked_for():
    """Keys of plain parts are remembered per process: each is still the digest of the parts'
    text, an int and its text make one key, and a bool is not taken for an int."""
    from catalog.render_cache import key_for

    for _ in range(2):
        assert key_for("n", [1, "a"], "v") == key_for("n", ["1", "a"], "v")
        assert key_for("n", [True], "v") != key_for("n", [1], "v")
        assert key_for("n", ["a"], "v") != key_for("n", ["a"], "w")
        assert key_for("n", ["a", "b"], "v") != key_for("n", ["a\nb"], "v")
        assert key_for("n", ["a"], "v") != key_for("m", ["a"], "v")
        assert key_for("n", ["a"], "v", kept=False) == key_for("n", ["a"], "v")
