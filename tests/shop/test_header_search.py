"""The search box in the header of every page (templates/base.html): a labelled GET form to
the catalog's search, on every page with the menu, and not on the age gate."""

import re

import pytest

from tests.factories import GuideFactory, ProductFactory

pytestmark = pytest.mark.django_db

FORM = re.compile(r'<form class="site-search" method="get" action="/catalog/" role="search"')


@pytest.fixture
def pages(db):
    product = ProductFactory(name="Feather Paddle", is_published=True)
    guide = GuideFactory(is_published=True)
    return [
        "/",
        "/catalog/",
        product.category.get_absolute_url(),
        product.get_absolute_url(),
        "/guides/",
        guide.get_absolute_url(),
        "/finder/",
        "/privacy/",
    ]


def test_every_page_has_a_labelled_search_box_in_its_header(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        header = html[html.index('<header class="site-header">') : html.index("</header>")]
        assert FORM.search(header), url
        label = '<label class="visually-hidden" for="site-search-q">Search products</label>'
        assert label in header
        assert 'id="site-search-q" name="q"' in header
        assert html.count('id="site-search-q"') == 1, url


def test_the_age_gate_has_no_search_box(anon_client):
    html = anon_client.get("/age-check/").content.decode()
    assert "site-search" not in html


def test_a_header_search_for_a_misspelt_product_finds_it(client, pages):
    response = client.get("/catalog/", {"q": "fether padle"})
    assert response.status_code == 200
    assert "Feather Paddle" in response.content.decode()
