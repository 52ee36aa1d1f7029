"""The content version: in the database, moved by every content change when it commits."""

import datetime
from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone

from catalog.models import Product
from core.content import (
    content_changed,
    content_version,
    content_version_without_stock,
    content_versions,
    one_bump,
    schedule,
    take_versions,
    version_columns,
    versions_read,
)
from core.models import ContentVersion
from tests.factories import GuideFactory, ProductFactory

pytestmark = pytest.mark.django_db


@contextmanager
def in_a_request():
    """Between the request signals, as Django's test client does it: without closing the
    test's database connection (which would end its transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        yield
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_saving_a_product_moves_the_version_when_the_change_commits(
    django_capture_on_commit_callbacks,
):
    product = ProductFactory()
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        product.stock = 0
        product.save()
        assert content_version() == before  # not before the commit
    assert callbacks
    assert content_version() > before


def test_guides_are_content_too(django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        GuideFactory()
    assert content_version() > before


def test_a_change_rolled_back_leaves_the_version_alone(django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                ProductFactory()
                raise RuntimeError("the change fails")
        except RuntimeError:
            pass
    assert callbacks == []
    assert content_version() == before


def test_a_bulk_change_announced_with_the_signal_moves_it(django_capture_on_commit_callbacks):
    ProductFactory()
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.update(stock=0)  # saves no model: no post_save
        content_changed.send(sender=Product)
    assert content_version() > before


def test_a_request_reads_the_version_once(django_assert_num_queries):
    content_version()  # the row exists
    with in_a_request(), django_assert_num_queries(1):
        assert content_version() == content_version() == content_version()
    with django_assert_num_queries(2):  # outside a request every call reads it
        content_version()
        content_version()


def test_a_request_sees_its_own_change(django_capture_on_commit_callbacks):
    with in_a_request():
        before = content_version()
        with django_capture_on_commit_callbacks(execute=True):
            ProductFactory()
        assert content_version() > before


def test_an_emptied_database_starts_a_number_never_used_before():
    used = content_version()
    ContentVersion.objects.all().delete()
    assert content_version() > used
    assert ContentVersion.objects.count() == 1


def test_a_stock_sync_moves_the_version_but_not_the_one_without_stock(
    django_capture_on_commit_callbacks,
):
    product = ProductFactory(stock=5)
    version, without_stock = content_version(), content_version_without_stock()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=0)
    assert content_version() > version  # pages that show stock are out of date
    assert content_version_without_stock() == without_stock  # the indexes are not
    with django_capture_on_commit_callbacks(execute=True):
        product.stock = 3
        product.save(update_fields=["stock"])
    assert content_version_without_stock() == without_stock


@pytest.mark.parametrize(
    "change",
    [
        lambda product: Product.objects.filter(pk=product.pk).update(stock=0, price=9),
        lambda product: Product.objects.filter(pk=product.pk).update(is_published=False),
        lambda product: product.save(),  # a full save may change anything
        lambda product: product.save(update_fields=["stock", "name"]),
    ],
    ids=["stock and price", "unpublished", "full save", "stock and name"],
)
def test_every_other_change_moves_both_versions(django_capture_on_commit_callbacks, change):
    product = ProductFactory(stock=5)
    version, without_stock = content_version(), content_version_without_stock()
    with django_capture_on_commit_callbacks(execute=True):
        change(product)
    assert content_version() > version
    assert content_version_without_stock() > without_stock


def test_one_bump_of_stock_changes_only_leaves_the_stock_free_version(
    django_capture_on_commit_callbacks,
):
    products = ProductFactory.create_batch(3, stock=5)
    without_stock = content_version_without_stock()
    with django_capture_on_commit_callbacks(execute=True), one_bump():
        for product in products:
            product.stock = 0
            product.save(update_fields=["stock"])
    assert content_version_without_stock() == without_stock
    with django_capture_on_commit_callbacks(execute=True), one_bump():
        products[0].save(update_fields=["stock"])
        products[1].save()
    assert content_version_without_stock() > without_stock


def test_both_versions_come_from_one_query_per_request(django_assert_num_queries):
    content_version()  # the row exists
    with in_a_request(), django_assert_num_queries(1):
        assert content_version() == content_version()
        content_version_without_stock()


def read_with_a_product(product) -> list:
    """The version row's columns as another page's query reads them (`version_columns`)."""
    columns = version_columns()
    row = Product.objects.filter(pk=product.pk).annotate(**columns).values(*columns)[0]
    return [row[name] for name in columns]


def test_a_page_query_reads_the_versions_with_its_rows(django_assert_num_queries):
    product = ProductFactory()
    expected = content_versions()
    with in_a_request():
        assert not versions_read()
        assert take_versions(*read_with_a_product(product))
        assert versions_read()
        with django_assert_num_queries(0):  # taken: the request reads them no more
            assert content_versions() == expected


def test_versions_are_not_taken_outside_a_request_nor_when_something_is_due():
    product = ProductFactory()
    content_versions()  # the row exists
    assert not take_versions(*read_with_a_product(product))  # outside a request: nothing kept
    schedule(timezone.now() - datetime.timedelta(minutes=1))  # a draft due a minute ago
    with in_a_request():
        assert not take_versions(*read_with_a_product(product))
        assert not versions_read()  # the next read publishes what is due
