"""The out-of-stock set the stock-free indexes check: right at once after any stock change,
read once per content version."""

import pytest

from catalog.models import Product
from catalog.stock import out_of_stock_ids
from core.content import content_version_without_stock
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def test_lists_exactly_the_products_without_stock():
    empty = ProductFactory(stock=0)
    ProductFactory(stock=3)
    hidden = ProductFactory(stock=0, is_published=False)
    assert out_of_stock_ids() == {empty.pk, hidden.pk}


def test_a_stock_sync_shows_at_once_without_moving_the_stock_free_version(
    django_capture_on_commit_callbacks,
):
    product = ProductFactory(stock=4)
    assert product.pk not in out_of_stock_ids()
    without_stock = content_version_without_stock()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=0)
    assert product.pk in out_of_stock_ids()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=2)
    assert product.pk not in out_of_stock_ids()
    assert content_version_without_stock() == without_stock


@pytest.fixture
def kept(settings):
    settings.KEEP_PER_VERSION = True


def test_read_once_per_version_and_again_when_stock_changes(
    kept, django_assert_num_queries, django_capture_on_commit_callbacks
):
    product = ProductFactory(stock=0)
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=0)  # a version of this test's own
    assert out_of_stock_ids() == {product.pk}
    with django_assert_num_queries(1):  # the version only
        assert out_of_stock_ids() == {product.pk}
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=7)
    with django_assert_num_queries(2):  # the version, then the set
        assert out_of_stock_ids() == set()
