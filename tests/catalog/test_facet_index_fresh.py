"""A change to one product shows at once in the catalog's counts and listings, on every worker:
the facet index is kept per process and per content version (without stock), and what depends
on stock is read again whenever stock changes, without rebuilding the index."""

from decimal import Decimal

import pytest

from catalog import facet_index
from catalog.models import Category, Material, Product
from tests.catalog.conftest import get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def workers(settings, monkeypatch, django_capture_on_commit_callbacks):
    """Two workers' copies of the index, kept per version as in production; `change` runs a
    change and commits it (so the content version moves, as outside tests)."""
    settings.KEEP_PER_VERSION = True
    first, second = facet_index.Keeper(), facet_index.Keeper()

    def on(worker, client, url):
        monkeypatch.setattr(facet_index, "_keeper", worker)
        return get_json(client, url)

    def change(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    return first, second, on, change


def counts(payload, facet) -> dict[str, int]:
    return {option["value"]: option["count"] for option in payload["facets"][facet]}


def both(workers, client, url):
    first, second, on, _change = workers
    one, other = on(first, client, url), on(second, client, url)
    assert one == other  # every worker agrees at once
    return one


def test_a_stock_change_shows_at_once_without_rebuilding_the_index(client, shop_catalog, workers):
    first, _second, _on, change = workers
    before = both(workers, client, "/catalog/?in_stock=1")
    index = first._kept
    product = Product.objects.published().filter(stock__gt=0).first()
    change(lambda: Product.objects.filter(pk=product.pk).update(stock=0))
    after = both(workers, client, "/catalog/?in_stock=1")
    assert after["count"] == before["count"] - 1
    assert product.name not in [result["name"] for result in after["results"]]
    assert counts(after, "in_stock")["1"] == counts(before, "in_stock")["1"] - 1
    assert first._kept is index  # a stock sync rebuilds nothing


def test_a_category_whose_last_ready_product_runs_out_leaves_the_facet(
    client, shop_catalog, workers
):
    _first, _second, _on, change = workers
    category = Category.objects.live().first()
    assert category.slug in counts(both(workers, client, "/catalog/"), "category")
    change(lambda: Product.objects.filter(category=category).update(stock=0))
    assert category.slug not in counts(both(workers, client, "/catalog/"), "category")
    change(lambda: Product.objects.filter(category=category).update(stock=4))
    assert category.slug in counts(both(workers, client, "/catalog/"), "category")


def test_a_price_change_moves_the_product_across_filters_and_sorts(client, shop_catalog, workers):
    _first, _second, _on, change = workers
    cheapest = both(workers, client, "/catalog/?sort=price")["results"][0]
    product = Product.objects.get(slug=cheapest["slug"])

    def dearer():
        product.price = Decimal("999.00")
        product.save()

    change(dearer)
    listed = both(workers, client, "/catalog/?sort=-price")
    assert listed["results"][0]["slug"] == product.slug
    assert product.slug not in [
        r["slug"] for r in both(workers, client, "/catalog/?price_max=500")["results"]
    ]


def test_unpublishing_a_product_removes_it_from_counts_and_pages(client, shop_catalog, workers):
    _first, _second, _on, change = workers
    before = both(workers, client, "/catalog/")
    product = Product.objects.get(slug=before["results"][0]["slug"])

    def unpublish():
        product.is_published = False
        product.save()

    change(unpublish)
    after = both(workers, client, "/catalog/")
    assert after["count"] == before["count"] - 1
    assert product.slug not in [result["slug"] for result in after["results"]]
    assert counts(after, "category")[product.category.slug] == (
        counts(before, "category")[product.category.slug] - 1
    )


def test_a_material_added_counts_at_once(client, shop_catalog, workers):
    _first, _second, _on, change = workers
    steel = Material.objects.get(slug="steel")
    before = both(workers, client, "/catalog/?material=steel")
    product = Product.objects.published().exclude(materials=steel).first()
    change(lambda: product.materials.add(steel))
    after = both(workers, client, "/catalog/?material=steel")
    assert counts(after, "material")["steel"] == counts(before, "material")["steel"] + 1
    assert product.slug in [result["slug"] for result in after["results"]]


def test_an_unpublished_category_leaves_the_category_facet(client, shop_catalog, workers):
    _first, _second, _on, change = workers
    category = Category.objects.live().first()
    assert category.slug in counts(both(workers, client, "/catalog/"), "category")

    def unpublish():
        category.is_published = False
        category.save()

    change(unpublish)
    assert category.slug not in counts(both(workers, client, "/catalog/"), "category")
