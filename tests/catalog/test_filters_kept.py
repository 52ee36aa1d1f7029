"""A catalog or category page made with what is kept per content version (the facet index's
categories and materials for checking `category` and `material`; a category page's category,
notes and guide section) is the very page made without it: the visitor's chosen values, bad
input answered 400 with a clear message, and the counts; and a change shows at once."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import facet_index, stock
from catalog.render_cache import local_parts
from tests.catalog.conftest import get_json
from tests.factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/catalog/",
    "/catalog/?material=steel&material=silicone",  # given out of order: links put them in order
    "/catalog/?material=leather&category=restraints&category=impact&sort=price",
    "/catalog/?level=beginner&in_stock=1&price_max=60&intensity_min=2",
    "/catalog/?intensity_min=2&intensity_max=4&sensation=thud&sort=-price",
    "/catalog/?lubricant_base=water&lubricant_base=oil&latex_free=1&page=1",
    "/catalog/?q=paddle&material=silicone",
    "/catalog/impact/?material=latex&material=silicone&price_min=15",
    "/catalog/cock-rings/?ring_fit=soft&sort=name",
    "/catalog/?material=unobtainium&level=beginner",
    "/catalog/?category=impact&category=no-such-thing",
    "/catalog/?category=impact%00",
    "/catalog/?price_min=50&price_max=10&material=steel",
    "/catalog/?intensity_min=4&intensity_max=2",
    "/catalog/?sort=random&price_min=cheap&intensity_max=9",
    "/catalog/impact/?in_stock=yes&material=steel",
    "/catalog/?category=empty-shelf",  # a category without a listed product: valid, empty
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def html(client, url) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, TOKEN.sub("", response.content.decode())


@pytest.fixture
def kept(settings):
    """The process keeps what it keeps per version, as in production (a fresh keeper)."""

    def forget():
        facet_index.forget()
        stock.forget()
        cache.clear()
        local_parts.clear()  # a rolled-back test leaves the version where the next one starts

    def keep():
        settings.KEEP_PER_VERSION = True
        settings.RENDER_CACHE_SECONDS = 3600
        forget()

    yield keep
    forget()


def test_pages_made_with_kept_parts_are_the_pages_made_without(client, shop_catalog, kept):
    CategoryFactory(slug="empty-shelf", name="Empty shelf", position=9)
    made_afresh = [html(client, url) for url in URLS]
    kept()
    for _ in range(2):  # once to keep, once from what is kept
        assert [html(client, url) for url in URLS] == made_afresh
    statuses = [status for status, _page in made_afresh]
    assert statuses == [200] * 9 + [400] * 7 + [200]


def test_chosen_rows_are_checked_without_a_query_once_the_index_is_kept(client, shop_catalog, kept):
    kept()
    client.get("/catalog/")  # the index is built and kept
    with CaptureQueriesContext(connection) as queries:
        payload = get_json(client, "/catalog/?material=steel&material=silicone&category=impact")
    sql = " ".join(query["sql"] for query in queries)
    assert '"slug" IN' not in sql  # no row was looked up by slug
    assert payload["count"] == 1  # Feather Paddle: silicone, in impact
    chosen = {o["value"] for o in payload["facets"]["material"] if o["selected"]}
    assert chosen == {"steel", "silicone"}
    counts = {o["value"]: o["count"] for o in payload["facets"]["material"]}
    assert counts == {"latex": 1, "leather": 1, "silicone": 1, "steel": 0}


def test_unknown_rows_still_answer_400_with_the_rows_kept(client, shop_catalog, kept):
    kept()
    client.get("/catalog/")
    payload = get_json(client, "/catalog/?material=unobtainium&level=beginner", status=400)
    assert payload["errors"] == {"material": ["There is no material “unobtainium”."]}
    payload = get_json(client, "/catalog/?category=impact&category=nope", status=400)
    assert payload["errors"] == {"category": ["There is no category “nope”."]}
    response = client.get("/catalog/?material=unobtainium")
    assert response.status_code == 400
    assert "There is no material “unobtainium”." in response.content.decode()


def test_a_new_category_is_known_at_once_on_a_worker_that_kept_the_index(
    client, shop_catalog, kept, django_capture_on_commit_callbacks
):
    kept()
    get_json(client, "/catalog/?category=new-shelf", status=400)
    with django_capture_on_commit_callbacks(execute=True):
        shelf = CategoryFactory(slug="new-shelf", name="New shelf", position=8)
        ProductFactory(name="Shelf Paddle", category=shelf)
    payload = get_json(client, "/catalog/?category=new-shelf")
    assert [result["name"] for result in payload["results"]] == ["Shelf Paddle"]


def test_a_category_page_reads_its_category_once_per_version(
    client, shop_catalog, kept, django_capture_on_commit_callbacks
):
    kept()
    client.get("/catalog/impact/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/catalog/impact/?material=silicone&sort=price")
    assert response.status_code == 200
    assert len(queries) == 1  # the content version; category, notes, guide section kept
    with django_capture_on_commit_callbacks(execute=True):
        shop_catalog.impact.intro = "Paddles, floggers & crops."
        shop_catalog.impact.save()
    assert "Paddles, floggers &amp; crops." in client.get("/catalog/impact/").content.decode()
    assert client.get("/catalog/no-such-shelf/").status_code == 404
