import re
from decimal import Decimal

import pytest
from django.urls import reverse, set_script_prefix

from core.content import content_version
from tests.factories import (
    CategoryFactory,
    MaterialFactory,
    ProductFactory,
    SafetyNoteFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_product_page_shows_price_levels_attributes_and_all_safety_notes(client):
    category = CategoryFactory(
        name="Restraints",
        kind="restraints",
        safety_notes=[
            SafetyNoteFactory(text="Keep safety shears within reach.", severity="warning")
        ],
    )
    product = ProductFactory(
        name="Soft Cuff Set",
        category=category,
        price="34.00",
        for_experienced=True,
        safety_notes=[SafetyNoteFactory(text="Check the strap daily.", severity="info")],
        materials=[MaterialFactory(name="Vegan leather")],
    )
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Soft Cuff Set" in html
    assert "£34.00" in html
    assert "Keep safety shears within reach." in html  # the category's note
    assert "Check the strap daily." in html  # the product's own note
    assert html.index("Keep safety shears") < html.index("Check the strap daily")  # warning first
    assert "Beginner" in html and "Experienced" in html
    assert "Quick release" in html and "Yes" in html
    assert "Vegan leather" in html


def test_unknown_product_is_a_friendly_404(client):
    response = client.get(reverse("catalog:product", kwargs={"slug": "no-such-thing"}))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unpublished_product_is_hidden_from_customers_but_shown_to_staff(client):
    product = ProductFactory(is_published=False, name="Secret Paddle")
    assert client.get(product.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(is_staff=True))
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert "Not published" in response.content.decode()


def test_product_page_shows_related_products_from_the_same_category(client):
    product = ProductFactory()
    sibling = ProductFactory(category=product.category, name="Sibling Thing")
    ProductFactory(name="Other Category Thing")
    ProductFactory(category=product.category, name="Hidden Sibling", is_published=False)
    html = client.get(product.get_absolute_url()).content.decode()
    assert sibling.name in html
    assert "Other Category Thing" not in html
    assert "Hidden Sibling" not in html


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_product_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    small = ProductFactory()
    ProductFactory(category=small.category)  # one related product
    content_version()  # the row is made on first use in an emptied test database, not per page
    # 9 with nothing kept (the tests keep no parts): the product (its row says it has no
    # photo, material or note of its own), its category (2, with its notes), related products
    # (2, with their notes), the delivery and returns pages, the guides' picks, the header's
    # categories, the content version.
    small_count = count_queries(client, small.get_absolute_url(), django_assert_max_num_queries, 9)

    category = CategoryFactory(safety_notes=SafetyNoteFactory.create_batch(6))
    big = ProductFactory(
        category=category,
        safety_notes=SafetyNoteFactory.create_batch(8),
        materials=MaterialFactory.create_batch(5),
    )
    for _ in range(6):
        ProductFactory(
            category=category,
            materials=MaterialFactory.create_batch(3),
            safety_notes=SafetyNoteFactory.create_batch(2),
        )
    # With nothing kept, its materials and its notes are read: one query each, however many.
    big_count = count_queries(client, big.get_absolute_url(), django_assert_max_num_queries, 11)
    assert big_count == small_count + 2
    big.materials.add(*MaterialFactory.create_batch(4))
    big.safety_notes.add(*SafetyNoteFactory.create_batch(4))
    again = count_queries(client, big.get_absolute_url(), django_assert_max_num_queries, 11)
    assert again == big_count


def add_forms(html: str) -> list[str]:
    """The products the page's "Add to basket" forms add (their hidden `product` values)."""
    return re.findall(r'<input type="hidden" name="product" value="([^"]*)">', html)


def test_product_page_forms_add_the_product_and_each_related_one_and_come_back(client):
    product = ProductFactory(name='Rope <"soft">')
    sibling = ProductFactory(category=product.category, name="Sibling Thing")
    gone = ProductFactory(category=product.category, name="Gone Thing", stock=0)
    html = client.get(product.get_absolute_url()).content.decode()
    assert sorted(add_forms(html)) == sorted([product.slug, sibling.slug])  # none for `gone`
    assert (
        'Add <span class="visually-hidden">Rope &lt;&quot;soft&quot;&gt; </span>to basket' in html
    )
    assert html.count(f'name="next" value="{product.get_absolute_url()}"') == 2
    assert html.count('action="/basket/add/"') == 2

    page = client.get(gone.get_absolute_url()).content.decode()
    assert "Out of stock" in page and gone.slug not in add_forms(page)


def test_product_page_links_under_the_prefix_the_site_is_served_at(client):
    product = ProductFactory(ring_inner_diameter_mm=Decimal("40"))
    assert 'href="/size-guide/"' in client.get(product.get_absolute_url()).content.decode()
    other = ProductFactory(ring_inner_diameter_mm=Decimal("42"))  # a body not yet rendered
    url, category_url = other.get_absolute_url(), other.category.get_absolute_url()
    set_script_prefix("/shop/")  # as the WSGI handler does for a site served at /shop/
    try:
        html = client.get(url).content.decode()
    finally:
        set_script_prefix("/")
    assert '<li><a href="/shop/catalog/">Catalog</a></li>' in html
    assert 'href="/shop/size-guide/"' in html
    assert f'href="/shop{category_url}"' in html
    assert 'action="/shop/basket/add/"' in html
