"""The listing, facets included, runs the same small number of SQL queries whatever the
catalog size and whatever the page."""

import pytest

from tests.catalog.conftest import JSON, nothing_scheduled
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db

# With facets and a few filters. Page 3 exists once the catalog is large.
URLS = [
    "/catalog/?level=beginner&price_max=200&in_stock=1",
    "/catalog/?material=silicone&material=steel&latex_free=1&sort=price",
    "/catalog/?category=vibrators&category=impact&level=beginner&sort=-price",
    "/catalog/impact/?level=beginner&intensity_max=2&sort=newest",
    "/catalog/?q=paddle&in_stock=1",
]
# The budget per page (the category page adds its guide link; the search the search index's
# two, built afresh in tests, once per content version otherwise); the note reports them.
MOST = 15


def grow(catalog, count):
    """Add products across the categories, each with materials and its own safety notes."""
    categories, materials = catalog
    kinds = {"impact": {"intensity": 2}, "vibrators": {"vibrator_type": "wand"}}
    for n in range(count):
        category = categories[n % len(categories)]
        ProductFactory(
            name=f"Paddle Thing {n}" if category.slug == "impact" else f"Thing {n}",
            category=category,
            price=f"{10 + n % 150}.00",
            materials=materials[n % 3 : n % 3 + 2],
            safety_notes=[SafetyNoteFactory()] if n % 4 == 0 else None,
            for_beginner=True,
            for_experienced=n % 2 == 0,
            **kinds.get(category.slug, {}),
        )


@pytest.fixture
def catalog(db):
    nothing_scheduled()
    categories = [
        CategoryFactory(slug=slug, kind=kind, safety_notes=SafetyNoteFactory.create_batch(2))
        for slug, kind in [
            ("impact", "impact"),
            ("restraints", "restraints"),
            ("cock-rings", "cock-rings"),
            ("lubricants", "lubricants"),
            ("vibrators", "vibrators"),
        ]
    ]
    materials = [
        MaterialFactory(slug="silicone", is_silicone=True),
        MaterialFactory(slug="steel"),
        MaterialFactory(slug="latex", contains_latex=True),
        MaterialFactory(slug="leather"),
    ]
    catalog = (categories, materials)
    grow(catalog, 10)
    return catalog


def queries(client, url, django_assert_max_num_queries, **headers) -> int:
    with django_assert_max_num_queries(MOST) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(captured.captured_queries)


def measure(client, django_assert_max_num_queries, suffix=""):
    found = {}
    for url in URLS:
        page = f"{url}&page=3" if suffix == "page 3" else url
        found[(url, "html")] = queries(client, page, django_assert_max_num_queries)
        found[(url, "json")] = queries(client, page, django_assert_max_num_queries, **JSON)
    return found


def test_same_queries_for_10_and_500_products(client, catalog, django_assert_max_num_queries):
    small = measure(client, django_assert_max_num_queries)
    grow(catalog, 490)
    large = measure(client, django_assert_max_num_queries)
    assert large == small
    # The whole catalog: the content version, the facet index's two (built afresh in tests,
    # once per content version otherwise), the page's cards and their safety notes (their
    # own, their categories'), and the materials in JSON; the nav in HTML.
    assert small[(URLS[0], "html")] == 7 and small[(URLS[0], "json")] == 7


def test_same_queries_for_page_1_and_page_3(client, catalog, django_assert_max_num_queries):
    grow(catalog, 490)
    first = measure(client, django_assert_max_num_queries)
    third = measure(client, django_assert_max_num_queries, "page 3")
    assert third == first
    response = client.get(URLS[0] + "&page=3", **JSON)
    assert response.json()["page"] == 3  # really the third page
