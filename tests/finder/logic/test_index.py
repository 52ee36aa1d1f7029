"""The finder's index of the catalog (finder/logic/index.py): products the finder cannot tell
apart but by price, grouped into classes with their size and cheapest few, and kept in the
shared cache under the content version."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from catalog.models import Product
from core.content import content_changed
from finder.logic import Answers, recommend
from finder.logic.index import build_index, drop_process_copy, finder_index
from tests.factories import MaterialFactory, ProductFactory, SafetyNoteFactory, kind_category

pytestmark = pytest.mark.django_db


def names(picks):
    return [pick.product.name for pick in picks]


def test_lookalike_products_share_a_class_that_keeps_its_size_and_three_cheapest():
    impact = kind_category("impact")
    for price in (50, 10, 40, 20, 30):
        ProductFactory(category=impact, intensity=2, sensation="thud", price=Decimal(price))
    ProductFactory(category=impact, intensity=2, sensation="sting", price=Decimal(5))
    ProductFactory(
        category=impact, intensity=2, sensation="thud", price=Decimal(7), is_featured=True
    )
    ProductFactory(
        category=impact,
        intensity=2,
        sensation="thud",
        price=Decimal(8),
        materials=[MaterialFactory(latex=True)],
    )
    # Never in the index: unpublished, out of stock, no safety note anywhere.
    ProductFactory(category=impact, intensity=2, sensation="thud", price=1, is_published=False)
    ProductFactory(category=impact, intensity=2, sensation="thud", price=1, stock=0)
    bare = kind_category("impact", slug="bare-impact", name="Bare", safety_notes=[])
    ProductFactory(category=bare, intensity=2, sensation="thud", price=1)

    classes = build_index().classes
    assert {c.category_id for c in classes} == {impact.pk}
    # Being featured weighs in the ranking, so the featured lookalike is a class of its own.
    assert sorted(c.size for c in classes) == [1, 1, 1, 5]
    lookalikes = next(c for c in classes if c.size == 5)
    assert [offer.price for offer in lookalikes.cheapest] == [10, 20, 30]
    featured = next(c for c in classes if c.is_featured)
    assert featured.featured is not None and featured.featured.price == 7
    assert lookalikes.featured is None
    assert (lookalikes.sensation, lookalikes.has_latex) == ("thud", False)
    latex = next(c for c in classes if c.has_latex)
    assert latex.featured is None and "latex" in latex.breaks
    assert "latex" not in lookalikes.breaks


def test_with_many_lookalikes_the_picks_are_the_best_and_the_hidden_count_is_exact():
    restraints = kind_category("restraints")
    for i in range(7):  # £30 down to £24, all quick release
        ProductFactory(
            category=restraints,
            name=f"Quick {i}",
            restraint_type="wrist",
            quick_release=True,
            price=Decimal(30 - i),
        )
    for i in range(6):
        ProductFactory(
            category=restraints,
            name=f"Buckle {i}",
            restraint_type="wrist",
            quick_release=False,
            for_beginner=False,
            for_experienced=True,
            price=Decimal(10 + i),
        )
    result = recommend(
        Answers(level="beginner", categories=("restraints",), budget=Decimal("25"))
    ).results[0]
    assert names(result.picks) == ["Quick 6", "Quick 5", "Quick 4"]
    assert [pick.score for pick in result.picks] == [1, 1, 0]  # within the budget, or not
    (group,) = result.hidden
    assert group.rule == "beginner-restraints"
    assert group.count == 6
    assert [example.name for example in group.examples] == ["Buckle 0", "Buckle 1", "Buckle 2"]
    assert result.hidden_count == 6


@pytest.fixture
def cached(settings):
    """The index and the cards in the (per-test, in-memory) shared cache, as in production."""
    settings.FINDER_INDEX_SECONDS = 3600
    cache.clear()
    drop_process_copy()
    yield
    cache.clear()
    drop_process_copy()


@pytest.fixture
def lubes():
    category = kind_category("lubricants")
    return {
        name: ProductFactory(category=category, name=name, lubricant_base=base, price=price)
        for name, base, price in (
            ("Aqua", "water", Decimal("8")),
            ("Slick", "silicone", Decimal("6")),
            ("Glide", "water", Decimal("12")),
        )
    }


ANSWERS = Answers(level="beginner", categories=("lubricants",), owns_silicone_toys=True)


def test_a_current_index_with_cached_cards_needs_one_query_on_any_server(
    cached, lubes, django_assert_num_queries
):
    """The one query reads the content version (core.content), from the database."""
    first = recommend(ANSWERS)
    with django_assert_num_queries(1):
        again = recommend(ANSWERS)
    drop_process_copy()  # another server: only the shared cache
    with django_assert_num_queries(1):
        elsewhere = recommend(ANSWERS)
    expected = ["Aqua", "Glide"]
    assert names(first.picks["lubricants"]) == expected
    assert names(again.picks["lubricants"]) == expected
    assert names(elsewhere.picks["lubricants"]) == expected
    assert [h.slug for h in elsewhere.hidden] == [lubes["Slick"].slug]


def test_a_curators_change_is_seen_by_the_next_recommendation(
    cached, lubes, django_capture_on_commit_callbacks
):
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua", "Glide"]
    with django_capture_on_commit_callbacks(execute=True):
        aqua = lubes["Aqua"]
        aqua.price = Decimal("20")
        aqua.save()
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Glide", "Aqua"]
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=lubes["Glide"].pk).update(stock=0)
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua"]
    with django_capture_on_commit_callbacks(execute=True):
        ProductFactory(
            category=aqua.category,
            name="New",
            lubricant_base="water",
            price=Decimal("1"),
            safety_notes=[SafetyNoteFactory()],
        )
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["New", "Aqua"]


def test_a_product_gone_since_the_index_was_built_is_never_shown(cached, lubes):
    finder_index()  # built and cached while Aqua is for sale
    # Unpublished, and the new content version is not out yet (it follows the commit).
    Product.objects.filter(pk=lubes["Aqua"].pk).update(is_published=False)
    result = recommend(ANSWERS)
    assert names(result.picks["lubricants"]) == ["Glide"]
    assert result.kit is not None and names(result.kit.items) == ["Glide"]


def test_an_emptied_shared_cache_costs_a_rebuild_never_an_old_answer(
    cached, lubes, django_capture_on_commit_callbacks
):
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua", "Glide"]
    cache.clear()  # the shared cache restarted empty (Redis keeps nothing on disk)
    drop_process_copy()
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua", "Glide"]
    # The version is in the database, so a change after the restart is seen as before.
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=lubes["Aqua"].pk).update(price=Decimal("20"))
        content_changed.send(sender=Product)
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Glide", "Aqua"]


@pytest.fixture
def builds(monkeypatch):
    """How many times the catalog was read in one pass (what a rebuild of the index costs)."""
    from finder.logic import index

    counted = []
    scan = index.scan_products

    def counting_scan(*args):
        counted.append(1)
        return scan(*args)

    monkeypatch.setattr(index, "scan_products", counting_scan)
    return counted


def test_a_stock_sync_takes_a_product_out_of_the_picks_at_once_without_a_rebuild(
    cached, lubes, builds, django_capture_on_commit_callbacks
):
    """A stock sync's queryset update moves only the content version: every worker sees the
    product go, and come back, with its next recommendation, over the index it already has."""
    glide = lubes["Glide"]
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua", "Glide"]
    assert len(builds) == 1
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=glide.pk).update(stock=0)
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua"]
    drop_process_copy()  # another worker: the shared cache's index, the stock read there
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua"]
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=glide.pk).update(stock=3)
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua", "Glide"]
    drop_process_copy()
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Aqua", "Glide"]
    assert len(builds) == 1
    # Any other change (a price) still rebuilds it, once for every worker.
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=glide.pk).update(price=Decimal("1"))
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Glide", "Aqua"]
    drop_process_copy()
    assert names(recommend(ANSWERS).picks["lubricants"]) == ["Glide", "Aqua"]
    assert len(builds) == 2


def test_after_a_stock_sync_the_counts_and_reasons_are_those_of_the_stock(
    cached, lubes, builds, django_capture_on_commit_callbacks
):
    """Hidden counts, examples and an empty category's reason count products in stock only,
    exactly as an index built afresh would."""
    recommend(ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk__in=[lubes["Aqua"].pk, lubes["Glide"].pk]).update(stock=0)
    empty = recommend(ANSWERS).empty["lubricants"]
    assert empty.because == "owns_silicone_toys"
    assert "The only one we have in lubricants right now is silicone-based" in empty.message
    assert len(builds) == 1
    drop_process_copy()
    cache.clear()  # and afresh, from nothing kept: the same answer
    assert recommend(ANSWERS).empty == {"lubricants": empty}
    assert len(builds) == 2
    # Nothing in stock: the category is not live any more, so the finder leaves it out, as
    # it leaves out a category whose products are unpublished.
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=lubes["Slick"].pk).update(stock=0)
    assert recommend(ANSWERS).results == ()
    assert [c.slug for c in finder_index().categories] == []
    assert len(builds) == 2


def test_a_product_gone_out_of_stock_since_the_stock_was_read_is_never_shown(cached, lubes, builds):
    finder_index()  # built, and the stock read, while Aqua is for sale
    # Sold out, and the new content version is not out yet (it follows the commit).
    Product.objects.filter(pk=lubes["Aqua"].pk).update(stock=0)
    result = recommend(ANSWERS)
    assert names(result.picks["lubricants"]) == ["Glide"]
    assert result.kit is not None and names(result.kit.items) == ["Glide"]
    assert len(builds) == 1  # the stock read again, not the whole catalog
